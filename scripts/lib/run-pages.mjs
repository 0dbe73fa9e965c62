// @ts-check
import { newTrackedPage, tabFindings } from './chromium.mjs';
import { servePage } from './serve.mjs';

/**
 * Opens each `{file, url}` in its own tab (a few at a time), waits `waitMs` after load, and returns what
 * the extension recorded: `{file, url, platform, problems, findings}` in input order.
 * @param {{browser: import('puppeteer-core').Browser, worker: import('puppeteer-core').WebWorker | import('puppeteer-core').Page}} session
 * @param {{file: string, url: string}[]} items
 * @param {{waitMs: number, parallel?: number, settled?: (problems: string[], index: number) => boolean}} options after
 *   `waitMs`, a page whose problems are not yet `settled` is read again until they are (a loaded machine
 *   runs a delayed error later), for up to three times `waitMs`
 */
export async function runPages(session, items, { waitMs, parallel = 4, settled }) {
  const results = new Array(items.length);
  let next = 0;
  // A new tab's id is found by difference, so tabs are opened one at a time.
  let opening = Promise.resolve();
  const openTab = () => {
    const opened = opening.then(() => newTrackedPage(session.browser, session.worker));
    opening = opened.then(() => undefined, () => undefined);
    return opened;
  };
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      const item = /** @type {{file: string, url: string}} */ (items[i]);
      const { page, tabId } = await openTab();
      try {
        await servePage(page, item.file, item.url);
        await page.goto(item.url, { waitUntil: 'load', timeout: 30_000 });
        await new Promise((r) => setTimeout(r, waitMs));
        let record = await tabFindings(session.worker, tabId);
        const problemsOf = (/** @type {typeof record} */ r) => [...new Set((r?.findings ?? []).map((/** @type {{problem: string}} */ f) => f.problem))].sort();
        for (const end = Date.now() + 2 * waitMs; settled !== undefined && !settled(problemsOf(record), i) && Date.now() < end; ) {
          await new Promise((r) => setTimeout(r, 100));
          record = await tabFindings(session.worker, tabId);
        }
        const findings = record?.findings ?? [];
        results[i] = {
          file: item.file,
          url: item.url,
          platform: record?.platformId ?? null,
          problems: [...new Set(findings.map((/** @type {{problem: string}} */ f) => f.problem))].sort(),
          findings,
        };
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  };
  const lanes = [];
  for (let l = 0; l < Math.min(parallel, items.length); l++) lanes.push(lane());
  await Promise.all(lanes);
  return results;
}
