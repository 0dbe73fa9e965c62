import type { ExpiryItem, ExpiryState } from './model';

const DAY = 86_400_000;

/** Whole days left until `endsAt`, counting a part of a day as a day; negative once it ended. */
export function daysLeft(endsAt: string, now: number): number {
  return Math.ceil((Date.parse(endsAt) - now) / DAY);
}

export interface Reminder {
  item: ExpiryItem;
  /** The threshold crossed (30, 14, 7, 1 by default). */
  threshold: number;
  daysLeft: number;
}

/** Local hour `hour` is inside the quiet window [from, to) (which may wrap midnight). */
export function inQuietHours(hour: number, quiet: { from: number; to: number } | null): boolean {
  if (quiet === null || quiet.from === quiet.to) return false;
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}

/**
 * Reminders due now: per item not muted and not yet ended, the nearest threshold its days left have
 * reached, unless that one (or a nearer one) was already shown — a computer that was off at 30 days
 * gets one reminder at 14, not two. None in quiet hours: the next run after them shows it.
 */
export function dueReminders(state: ExpiryState, now: number, localHour: number, options: { thresholds: readonly number[]; quietHours: { from: number; to: number } | null }): Reminder[] {
  if (inQuietHours(localHour, options.quietHours)) return [];
  const thresholds = [...new Set(options.thresholds.filter((t) => Number.isInteger(t) && t > 0))].sort((a, b) => a - b);
  const out: Reminder[] = [];
  for (const item of state.items) {
    if (state.muted.includes(item.key)) continue;
    const left = daysLeft(item.endsAt, now);
    if (left <= 0) continue;
    const threshold = thresholds.find((t) => left <= t);
    if (threshold === undefined) continue;
    const shown = state.reminded[item.key] ?? [];
    if (shown.some((t) => t <= threshold)) continue;
    out.push({ item, threshold, daysLeft: left });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

export function markReminded(state: ExpiryState, reminders: readonly Reminder[]): ExpiryState {
  const reminded = { ...state.reminded };
  for (const r of reminders) reminded[r.item.key] = [...(reminded[r.item.key] ?? []), r.threshold].slice(-10);
  return { ...state, reminded };
}

/** The toolbar's default badge: days left of the soonest item within the widest threshold, not muted; null for none. */
export function expiryBadge(state: ExpiryState, now: number, thresholds: readonly number[]): { days: number; urgent: boolean } | null {
  const widest = Math.max(0, ...thresholds);
  const soonest = state.items
    .filter((i) => !state.muted.includes(i.key))
    .map((i) => daysLeft(i.endsAt, now))
    .filter((d) => d > 0 && d <= widest)
    .sort((a, b) => a - b)[0];
  return soonest === undefined ? null : { days: soonest, urgent: soonest <= 7 };
}
