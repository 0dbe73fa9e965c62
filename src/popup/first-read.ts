import { browser } from 'wxt/browser';
import type { CheckResult } from '../core/check-result';
import { hintTitlesKey, type HintTitles } from '../core/hint-titles';
import { checkResultKey, tabFindingsKey } from '../core/keys';
import { LANG_SETTING_KEY, LANGS, resolveLang, type Lang } from '../core/localized';
import type { TabFindings } from '../core/messages';
import { isRecord, looksLikeHintTitles } from './hint-titles';
import { looksLikeCheckResult, looksLikeTabFindings } from './stored';

export interface TabInfo {
  id: number;
  url: string;
}

/** Everything the popup's first paint shows, read straight from storage (no service-worker round trip). */
export interface FirstRead {
  setting: 'auto' | Lang;
  lang: Lang;
  tab: TabInfo | null;
  findings: TabFindings | null;
  check: CheckResult | null;
  /** Per language, both read at once: switching the language needs no new read either. */
  titles: Partial<Record<Lang, HintTitles>>;
}

/** `?tab=` when the popup is opened as a page for a tab (its id known at once), else null. */
function tabParam(): number | null {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(param) && param > 0 ? param : null;
}

/**
 * A read entrypoints/popup/script-start.js already started (before the modules loaded), taken over
 * once; null when it did not start that one (an async script arriving after the modules is possible:
 * its reads then go unused). What it brings is checked by the caller.
 */
function earlyRead(name: string): Promise<unknown> | null {
  const reads = (window as { epDoctorEarlyReads?: Record<string, Promise<unknown> | undefined> }).epDoctorEarlyReads;
  const read = reads?.[name];
  if (reads !== undefined) delete reads[name];
  return read ?? null;
}

async function targetTab(param: number | null): Promise<TabInfo | null> {
  const early = earlyRead('tab');
  const tab: unknown =
    early !== null ? await early.catch(() => null)
    : param !== null ? await browser.tabs.get(param).catch(() => null)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!isRecord(tab) || typeof tab['id'] !== 'number') return null;
  return { id: tab['id'], url: typeof tab['url'] === 'string' ? tab['url'] : '' };
}

/** The tab's keys as the start script read them, when it read them for this tab. */
async function earlyTabStorage(tabId: number): Promise<Record<string, unknown> | null> {
  const read = await earlyRead('perTab')?.catch(() => null);
  return isRecord(read) && read['id'] === tabId && isRecord(read['stored']) ? read['stored'] : null;
}

async function tabStorage(tabId: number): Promise<Pick<FirstRead, 'findings' | 'check'>> {
  const findingsKey = tabFindingsKey(tabId);
  const checkKey = checkResultKey(tabId);
  const stored: Record<string, unknown> = (await earlyTabStorage(tabId)) ?? (await browser.storage.session.get([findingsKey, checkKey]));
  const findings: unknown = stored[findingsKey];
  const check: unknown = stored[checkKey];
  return { findings: looksLikeTabFindings(findings) ? findings : null, check: looksLikeCheckResult(check) ? check : null };
}

/**
 * Starts every read at once: the setting and both languages' titles in one storage.local call, the
 * tab, and — when `?tab=` names it — the tab's stored findings and check; otherwise those follow the
 * tab query.
 */
export async function readFirst(): Promise<FirstRead> {
  const param = tabParam();
  const local: Promise<unknown> = earlyRead('local') ?? browser.storage.local.get([LANG_SETTING_KEY, ...LANGS.map(hintTitlesKey)]);
  const tab = targetTab(param);
  const early = param === null ? null : tabStorage(param);
  // Not awaited when the tab is gone; its failure must not surface as an unhandled rejection.
  early?.catch(() => undefined);
  const [read, target] = await Promise.all([local, tab]);
  const stored = isRecord(read) ? read : {};
  const perTab = target === null ? { findings: null, check: null } : target.id === param && early !== null ? await early : await tabStorage(target.id);
  const saved: unknown = stored[LANG_SETTING_KEY];
  const version = browser.runtime.getManifest().version;
  const titles: FirstRead['titles'] = {};
  for (const lang of LANGS) {
    const value: unknown = stored[hintTitlesKey(lang)];
    if (looksLikeHintTitles(value, version, lang)) titles[lang] = value;
  }
  return { setting: saved === 'ru' || saved === 'en' ? saved : 'auto', lang: resolveLang(saved, browser.i18n.getUILanguage()), tab: target, ...perTab, titles };
}

/** `promise`'s value if it settles within `ms`, else null (the caller goes on and takes it later). */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}
