import { browser } from 'wxt/browser';
import type { CheckResult } from '../core/check-result';
import { itemsFromCheck, itemsFromHost, versionsFromCheck } from '../core/expiry/collect';
import { mergeExpiry, setMuted } from '../core/expiry/merge';
import { EXPIRY_KEY, EXPIRY_SETTINGS_KEY, parseExpirySettings, parseExpiryState, type ExpiryItem, type ExpiryState, type ExpirySettings } from '../core/expiry/model';
import { readOrgPolicy } from './org-policy';
import { dueReminders, expiryBadge, markReminded, type Reminder } from '../core/expiry/reminders';
import { t } from '../core/i18n';
import { LANG_SETTING_KEY, resolveLang, type Lang } from '../core/localized';
import { PLATFORM_GUIDES } from '../platforms/guides';
import { askCompanion } from './check/companion';
import { browserAndOs } from './check/environment';

/** The hourly run: reminders as soon as quiet hours end; ep-doctor-host is asked once a day. */
export const EXPIRY_ALARM = 'expiry';
const HOST_EVERY_MS = 23 * 3_600_000;
/** At most this many system notifications per run: the popup lists the rest. */
const MAX_NOTIFICATIONS = 3;
const NOTIFICATION_PREFIX = 'expiry:';

let queue: Promise<unknown> = Promise.resolve();

/** One read-modify-write of the state at a time (a check and the alarm may finish together). */
function update(change: (state: ExpiryState) => ExpiryState): Promise<ExpiryState> {
  const next = queue.then(async () => {
    const stored = await browser.storage.local.get(EXPIRY_KEY);
    const state = change(parseExpiryState(stored[EXPIRY_KEY]));
    await browser.storage.local.set({ [EXPIRY_KEY]: state });
    return state;
  });
  queue = next.catch(() => undefined);
  return next;
}

export async function readExpiry(): Promise<ExpiryState> {
  return parseExpiryState((await browser.storage.local.get(EXPIRY_KEY))[EXPIRY_KEY]);
}

/** What a finished check read (its certificates and licences, and the companion's listing), remembered. */
export async function recordCheckExpiry(result: CheckResult, host: readonly { name: string; facts: Record<string, unknown> }[] = []): Promise<void> {
  const now = Date.now();
  const items = [...itemsFromCheck(result, now), ...itemsFromHost(host, now)];
  const versions = versionsFromCheck(result, now);
  if (items.length === 0 && versions === null) return;
  await update((state) => ({ ...mergeExpiry(state, items, now, host.length > 0), ...(versions === null ? {} : { versions }) }));
  await showExpiry();
}

export async function muteExpiry(key: string, muted: boolean): Promise<ExpiryState> {
  const state = await update((s) => setMuted(s, key, muted));
  await showExpiry();
  return state;
}

/** Reads what it can without a page — ep-doctor-host's listing — when the last reading is a day old. */
async function refreshFromHost(state: ExpiryState, now: number): Promise<void> {
  if (state.hostReadAt !== null && now - state.hostReadAt < HOST_EVERY_MS) return;
  const env = await browserAndOs();
  const outcome = await askCompanion(env.browser.name, false, Promise.resolve(null));
  if (outcome.facts?.state !== 'ok') return;
  await update((s) => mergeExpiry(s, itemsFromHost(outcome.raw, now), now, true));
}

async function uiLang(): Promise<Lang> {
  return resolveLang((await browser.storage.local.get(LANG_SETTING_KEY))[LANG_SETTING_KEY], browser.i18n.getUILanguage());
}

const dateText = (iso: string, lang: Lang): string => new Date(iso).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The notification's words: what ends, when, and what to do. */
export function reminderText(reminder: Reminder, lang: Lang): { title: string; message: string } {
  const item: ExpiryItem = reminder.item;
  const what = t(lang, item.kind === 'certificate' ? 'expiryKindCertificate' : item.kind === 'key' ? 'expiryKindKey' : 'expiryKindLicense', { owner: item.owner });
  const title = t(lang, 'expiryNotifyTitle', { what, days: reminder.daysLeft });
  const todo = t(lang, item.kind === 'certificate' ? 'expiryTodoCertificate' : item.kind === 'key' ? 'expiryTodoKey' : 'expiryTodoLicense');
  const platforms = item.platforms.map((id) => PLATFORM_GUIDES[id]?.name[lang] ?? id);
  const bind = item.kind !== 'license' && platforms.length > 0 ? ` ${t(lang, 'expiryTodoBind', { platforms: platforms.join(', ') })}` : '';
  return { title, message: `${t(lang, 'expiryEndsOn', { date: dateText(item.endsAt, lang) })} ${todo}${bind}`.slice(0, 500) };
}

/** The toolbar's default badge (platform tabs show their own count over it). */
/** The user's settings, with what the organisation set in their place. */
async function expirySettings(): Promise<ExpirySettings> {
  const own = parseExpirySettings((await browser.storage.local.get(EXPIRY_SETTINGS_KEY))[EXPIRY_SETTINGS_KEY]);
  const { policy } = await readOrgPolicy();
  return {
    thresholds: policy.reminderDays ?? own.thresholds,
    quietHours: policy.quietHoursFrom !== undefined && policy.quietHoursTo !== undefined ? { from: policy.quietHoursFrom, to: policy.quietHoursTo } : own.quietHours,
  };
}

async function showExpiry(state?: ExpiryState): Promise<void> {
  const current = state ?? (await readExpiry());
  const settings = await expirySettings();
  const badge = expiryBadge(current, Date.now(), settings.thresholds);
  const lang = await uiLang();
  await browser.action.setBadgeText({ text: badge === null ? '' : t(lang, 'expiryBadge', { days: badge.days }) });
  if (badge !== null) await browser.action.setBadgeBackgroundColor({ color: badge.urgent ? '#b3261e' : '#8a5a00' });
}

/** The hourly run: the host's reading once a day, the reminders due, the badge. */
export async function runExpiry(now = Date.now()): Promise<void> {
  await refreshFromHost(await readExpiry(), now).catch(() => undefined);
  const lang = await uiLang();
  const settings = await expirySettings();
  let shown: Reminder[] = [];
  const state = await update((s) => {
    shown = dueReminders(s, now, new Date(now).getHours(), settings).slice(0, MAX_NOTIFICATIONS);
    return { ...markReminded(s, shown), ranAt: now };
  });
  for (const reminder of shown) {
    const { title, message } = reminderText(reminder, lang);
    await browser.notifications
      .create(`${NOTIFICATION_PREFIX}${reminder.item.key}`, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message })
      .catch(() => undefined);
  }
  await showExpiry(state);
}

export function startExpiry(): void {
  const schedule = (): void => {
    void browser.alarms.create(EXPIRY_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  };
  browser.runtime.onInstalled.addListener(schedule);
  browser.runtime.onStartup.addListener(schedule);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === EXPIRY_ALARM) void runExpiry();
  });
}
