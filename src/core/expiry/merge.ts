import type { ExpiryItem, ExpiryState } from './model';

const DAY = 86_400_000;
/** Forgotten when no reading has seen it for this long (a certificate deleted, a token gone for good). */
const UNSEEN_DAYS = 45;
/** Kept this long after its end, so the list still says what ended. */
const ENDED_DAYS = 30;
const MAX_ITEMS = 60;

/**
 * The state after a reading: an item read again takes the new end and time (the host reads a
 * certificate without its key period, so a key item the host did not list is kept as it was), platforms
 * add up, and what is long unseen or long ended is forgotten along with its reminders.
 */
export function mergeExpiry(state: ExpiryState, items: readonly ExpiryItem[], now: number, hostRead = false): ExpiryState {
  const byKey = new Map(state.items.map((i) => [i.key, i]));
  for (const item of items) {
    const before = byKey.get(item.key);
    const platforms = [...new Set([...(before?.platforms ?? []), ...item.platforms])].slice(0, 20);
    // The host reads no owner name where a check did: keep the better label.
    const owner = item.owner === '?' && before !== undefined ? before.owner : item.owner;
    const issuer = item.issuer === '' && before !== undefined ? before.issuer : item.issuer;
    byKey.set(item.key, { ...item, owner, issuer, platforms });
  }
  const soonestFirst = (a: ExpiryItem, b: ExpiryItem): number => Date.parse(a.endsAt) - Date.parse(b.endsAt);
  const current = [...byKey.values()].filter((i) => now - i.seenAt <= UNSEEN_DAYS * DAY && now - Date.parse(i.endsAt) <= ENDED_DAYS * DAY).sort(soonestFirst);
  // What ep-doctor-host read is never pushed out by what a page's plug-in reported (a page can report anything).
  const fromHost = current.filter((i) => i.source === 'host').slice(0, MAX_ITEMS);
  const kept = [...fromHost, ...current.filter((i) => i.source !== 'host').slice(0, MAX_ITEMS - fromHost.length)].sort(soonestFirst);
  const keys = new Set(kept.map((i) => i.key));
  return {
    v: 1,
    items: kept,
    muted: state.muted.filter((k) => keys.has(k)),
    reminded: Object.fromEntries(Object.entries(state.reminded).filter(([k]) => keys.has(k))),
    hostReadAt: hostRead ? now : state.hostReadAt,
    ...(state.ranAt === undefined ? {} : { ranAt: state.ranAt }),
    ...(state.versions === undefined ? {} : { versions: state.versions }),
  };
}

export function setMuted(state: ExpiryState, key: string, muted: boolean): ExpiryState {
  const rest = state.muted.filter((k) => k !== key);
  return { ...state, muted: muted && state.items.some((i) => i.key === key) ? [...rest, key] : rest };
}
