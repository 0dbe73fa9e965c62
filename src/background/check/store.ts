import { browser } from 'wxt/browser';
import { CheckResult, checkResultKey } from '../../core/check-result';

/** The quick check and the last «Тестовая подпись» of a tab are kept side by side. */
const keyOf = (tabId: number, kind: CheckResult['kind']): string => (kind === 'quick' ? checkResultKey(tabId) : `sign:${tabId}`);

export async function readCheck(tabId: number, kind: CheckResult['kind'] = 'quick'): Promise<CheckResult | null> {
  const key = keyOf(tabId, kind);
  const parsed = CheckResult.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : null;
}

export async function writeCheck(result: CheckResult): Promise<void> {
  await browser.storage.session.set({ [keyOf(result.tabId, result.kind)]: result });
}

export async function removeCheck(tabId: number): Promise<void> {
  await browser.storage.session.remove([checkResultKey(tabId), keyOf(tabId, 'sign')]);
}

/**
 * A check that was running when the service worker stopped cannot continue (its page-world probe and
 * ports are gone): it ends as «interrupted», so nobody waits on it forever.
 */
export async function closeInterruptedChecks(workerStartedAt: number, notify: (result: CheckResult) => void, now = Date.now()): Promise<void> {
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('check:') && !key.startsWith('sign:')) continue;
    const parsed = CheckResult.safeParse(value);
    // Checks this worker started itself are alive; only those of an earlier worker are orphans.
    if (!parsed.success || parsed.data.status !== 'running' || parsed.data.startedAt >= workerStartedAt) continue;
    // A new check of the same tab may have been written meanwhile: only the orphan itself is closed.
    const current = CheckResult.safeParse((await browser.storage.session.get(key))[key]);
    if (!current.success || current.data.id !== parsed.data.id) continue;
    const closed: CheckResult = { ...parsed.data, status: 'interrupted', reasonCode: 'interrupted', reason: 'the extension was restarted during the check', finishedAt: now };
    await browser.storage.session.set({ [key]: closed });
    notify(closed);
  }
}
