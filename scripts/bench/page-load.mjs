// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../lib/chromium.mjs';
import { startStaticServer } from '../lib/static-server.mjs';
import { bigPage } from './big-page.mjs';
import { median, quartiles, range } from './stats.mjs';

/** A platform host the content script matches (`*://*.sberbank-ast.ru/*`), and one it does not. */
const WITH_HOST = 'www.sberbank-ast.ru';
const WITHOUT_HOST = 'bench.invalid';
/**
 * The paired ratios spread over an IQR of 5–7 % on this machine: the median of 21 has a standard error
 * of 1.0–1.4 %, as wide as the ±1 % budget; of 41, 0.7–1.0 %.
 */
export const DEFAULT_LOADS = 41;
/** Lets the closed tab's renderer go away before the next load starts, on both sides alike. */
const GAP_MS = 250;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Navigation start → end of the load event, in a fresh tab with the HTTP cache off.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {(page: import('puppeteer-core').Page) => Promise<void>} [after] runs before the tab closes
 */
async function loadOnce(browser, url, after) {
  const page = await browser.newPage();
  try {
    // Off for both sides, so neither reads the 5.65 MB from a cache the other filled.
    await page.setCacheEnabled(false);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // `load` fires at loadEventStart; loadEventEnd is filled in once the handlers have run.
    const end = await page.waitForFunction(() => /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])?.loadEventEnd || 0, { timeout: 30_000 });
    const ms = Number(await end.jsonValue());
    if (!page.url().startsWith('http://')) throw new Error(`${url} ended at ${page.url()}: the bench needs the plain-http page`);
    if (after) await after(page);
    return ms;
  } finally {
    await page.close();
  }
}

/**
 * Whether our content script ran in the tab: its scan leaves `ep-doctor:` User Timing entries on the
 * page's timeline (shared by the isolated world). Waits past the scan's idle start.
 * @param {import('puppeteer-core').Page} page
 * @param {number} [timeout]
 */
async function contentScriptRan(page, timeout = 10_000) {
  return page
    .waitForFunction(() => performance.getEntriesByType('measure').some((e) => e.name.startsWith('ep-doctor:')), { timeout })
    .then(() => true, () => false);
}

/**
 * Our own tasks on the page's timeline (test builds time each: start, detector compile, scans) that
 * ended by the end of the load event: what of the load is ours, without the noise of two loads.
 * @param {import('puppeteer-core').Page} page
 */
async function ourTasksBeforeLoad(page) {
  return page.evaluate(() => {
    const load = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).loadEventEnd;
    const ours = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('ep-doctor:task:') && e.startTime + e.duration <= load);
    return { ms: ours.reduce((sum, e) => sum + e.duration, 0), tasks: ours.length, load };
  });
}

/**
 * Page load with and without ep-doctor (issue 17, plan 0c): the 5.65 MB registry page from one local
 * HTTP server under a platform host and under a host the extension does not match, `loads` pairs in
 * ABBA order, each load in a fresh tab. The figure is the median of the paired ratios, so a slow spell
 * of the shared machine hits both loads of a pair instead of one side.
 * @returns {Promise<import('./table.mjs').Figure[]>}
 */
export async function pageLoadFigures({ loads = Number(process.env['BENCH_LOADS'] ?? DEFAULT_LOADS) } = {}) {
  if (!Number.isInteger(loads) || loads < 1) throw new Error(`BENCH_LOADS must be a positive integer, not ${loads}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'ep-doctor-bench-load-'));
  writeFileSync(path.join(dir, 'registry.html'), bigPage());
  const server = await startStaticServer(dir);
  const port = new URL(server.url).port;
  // Both names lead to the same server; every other name stays unresolvable, as in all our browsers.
  const rules = `--host-resolver-rules=MAP ${WITH_HOST} 127.0.0.1, MAP ${WITHOUT_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`;
  const session = await launchWithExtension({ args: [rules] });
  const urls = { with: `http://${WITH_HOST}:${port}/registry.html`, without: `http://${WITHOUT_HOST}:${port}/registry.html` };
  /** @type {{ with: number[], without: number[] }} */
  const ms = { with: [], without: [] };
  /** Per «with» load: our tasks that ended before its load event did, in ms, and how many. */
  /** @type {{ ms: number, tasks: number, load: number }[]} */
  const oursBefore = [];
  try {
    // Warm-up pair, not counted: the first loads pay for a cold browser; it also proves that the
    // content script runs on the one URL and not on the other, or the comparison means nothing.
    /** @type {{ with?: boolean, without?: boolean }} */
    const ran = {};
    const t0 = Date.now();
    await loadOnce(session.browser, urls.with, async (page) => void (ran.with = await contentScriptRan(page)));
    // The «without» tab gets twice the time the «with» tab needed (at least 2 s) to show a scan.
    const wait = Math.max(2000, 2 * (Date.now() - t0));
    await loadOnce(session.browser, urls.without, async (page) => void (ran.without = await contentScriptRan(page, wait)));
    if (ran.with !== true || ran.without !== false) throw new Error(`content script ran with: ${ran.with}, without: ${ran.without} (expected true, false)`);
    for (let pair = 0; pair < loads; pair++) {
      // ABBA: a drift in the machine's load over the run favours neither side.
      /** @type {('with' | 'without')[]} */
      const order = pair % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      for (const side of order) {
        await sleep(GAP_MS);
        ms[side].push(await loadOnce(session.browser, urls[side], side === 'with' ? async (page) => void oursBefore.push(await ourTasksBeforeLoad(page)) : undefined));
      }
    }
  } finally {
    await session.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const ratios = ms.with.map((w, i) => (w / /** @type {number} */ (ms.without[i]) - 1) * 100);
  const [q1, q3] = quartiles(ratios);
  const [withMin, withMax] = range(ms.with);
  const [withoutMin, withoutMax] = range(ms.without);
  const shares = oursBefore.map((o) => (o.ms / o.load) * 100);
  return [
    {
      name: 'page load added by the extension',
      value: median(ratios),
      unit: '%',
      budget: 1,
      floor: median(ms.without),
      floorLabel: 'without',
      floorUnit: 'ms',
      twoSided: true,
      detail:
        `median of ${ratios.length} paired ratios with/without − 1, ABBA order, each load a fresh tab, HTTP cache off, one local HTTP server; ` +
        `IQR of the ratios ${q1.toFixed(1)} … ${q3.toFixed(1)} %; navigation start → loadEventEnd: with ${withMin.toFixed(0)}–${withMax.toFixed(0)} ms (median ${median(ms.with).toFixed(0)}), ` +
        `without ${withoutMin.toFixed(0)}–${withoutMax.toFixed(0)} ms; the floor column is the median load without, in ms`,
    },
    {
      name: 'our tasks before the page\'s load event, share of its load',
      value: median(shares),
      unit: '%',
      budget: 1,
      floor: null,
      floorLabel: null,
      detail:
        `median over the ${shares.length} «with» loads of (our timed tasks ending by loadEventEnd) / loadEventEnd; ${median(oursBefore.map((o) => o.ms)).toFixed(1)} ms in ${median(oursBefore.map((o) => o.tasks)).toFixed(0)} tasks ` +
        `(max ${Math.max(...oursBefore.map((o) => o.ms)).toFixed(1)} ms): the content script's start and its detector's compile; the scan waits for an idle moment after the load. ` +
        `Not counted: the engine compiling our two content scripts and storage replies arriving, which the paired loads above include`,
    },
  ];
}
