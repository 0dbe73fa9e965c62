import { browser } from 'wxt/browser';
import { t } from '../core/i18n';
import { LANG_SETTING_KEY, resolveLang } from '../core/localized';
import { TabFindings, tabFindingsKey, type Finding } from '../core/messages';
import { badgeFor, mergeFindings } from './merge-findings';

/**
 * Per-tab findings in storage.session (it outlives a stopped service worker, not the browser session).
 * Updates for one tab run one after another: frames report concurrently.
 */
const chains = new Map<number, Promise<unknown>>();

function serial<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const next = (chains.get(tabId) ?? Promise.resolve()).then(task, task);
  chains.set(tabId, next.catch(() => undefined));
  return next;
}

export async function readTabFindings(tabId: number): Promise<TabFindings | null> {
  const key = tabFindingsKey(tabId);
  const parsed = TabFindings.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : null;
}

async function showBadge(tabId: number, record: TabFindings | null): Promise<void> {
  const { text, color } = badgeFor(record);
  const lang = resolveLang((await browser.storage.local.get(LANG_SETTING_KEY))[LANG_SETTING_KEY], browser.i18n.getUILanguage());
  try {
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setTitle({ tabId, title: text === '' ? t(lang, 'actionTitle') : t(lang, 'badgeTitle', { n: text }) });
  } catch {
    // The tab closed meanwhile.
  }
}

export function addTabFindings(tabId: number, topUrl: string | null, platformId: string | null, findings: readonly Finding[]): Promise<void> {
  return serial(tabId, async () => {
    const record = mergeFindings(await readTabFindings(tabId), topUrl, platformId, findings, Date.now());
    await browser.storage.session.set({ [tabFindingsKey(tabId)]: record });
    await showBadge(tabId, record);
  });
}

export function resetTabFindings(tabId: number): Promise<void> {
  return serial(tabId, async () => {
    await browser.storage.session.remove(tabFindingsKey(tabId));
    await showBadge(tabId, null);
  });
}
