// @ts-check
/**
 * The content script on a 5.65 MB platform-like page, measured by its own task timings (test builds time
 * every task of theirs as `ep-doctor:task:<name>` on the page's Performance timeline): the initial scan,
 * changes of several shapes, a flood, a crafted worst case, and hint latency on a settled and on a busy
 * page. Each figure comes with a floor measured in the same run: what the page itself pays to read the
 * same text without the extension. Pages come from one local HTTP server under two names, the platform's
 * (the extension runs) and another (it does not).
 */
import { createServer } from 'node:http';
import { launchWithExtension } from '../lib/chromium.mjs';
import { bigPage } from './big-page.mjs';
import { figure, median } from './table.mjs';

const WITH_HOST = 'www.sberbank-ast.ru';
const WITHOUT_HOST = 'bench.invalid';
/** The platform's compiled detector in the extension's storage (src/detectors/detect-pack-format.ts). */
const DETECTOR_KEY = 'detect-pack:sberbank-ast';

/** In-page helpers, defined once per page. */
const HELPERS = () => {
  const w = /** @type {any} */ (window);
  w.__ours = () => performance.getEntriesByType('measure').filter((e) => e.name.startsWith('ep-doctor:task:'));
  w.__rows = (/** @type {number} */ count, /** @type {string} */ tag) => {
    const body = /** @type {HTMLElement} */ (document.getElementById('rows'));
    const first = /** @type {HTMLElement} */ (body.firstElementChild);
    return Array.from({ length: count }, (_, i) => {
      const row = /** @type {HTMLElement} */ (first.cloneNode(true));
      row.dataset['id'] = `${tag}-${i}`;
      return row;
    });
  };
  /** The page's own read of nodes' text: the floor any scan of them pays. */
  w.__read = (/** @type {Node[]} */ nodes) => {
    const start = performance.now();
    const range = document.createRange();
    range.setStartBefore(/** @type {Node} */ (nodes[0]));
    range.setEndAfter(/** @type {Node} */ (nodes[nodes.length - 1]));
    const length = range.toString().length;
    return { ms: performance.now() - start, length };
  };
  /**
   * The floor of a scan of changed nodes: each node's text read the cheapest way (`textContent`, several
   * times cheaper than a Range across them), joined, and one pass of our detector's trigger regex over it.
   */
  w.__readMatch = (/** @type {Node[]} */ nodes) => {
    const start = performance.now();
    const triggers = /** @type {RegExp} */ (w.__triggers);
    const text = nodes.map((node) => node.textContent ?? '').join('\u0000');
    triggers.lastIndex = 0;
    let hits = 0;
    while (triggers.exec(text) !== null) hits++;
    return { ms: performance.now() - start, length: text.length, hits };
  };
};

/**
 * Waits until the content script has nothing left to do after a change (test builds mark
 * `ep-doctor:idle` then): the page's own layout of thousands of new rows can hold its next batch back
 * for a long time on a busy machine, so no fixed wait would do.
 * @param {import('puppeteer-core').Page} page @param {() => Promise<unknown>} act
 */
async function settled(page, act) {
  await page.evaluate(() => performance.clearMarks('ep-doctor:idle'));
  await act();
  await page.waitForFunction(() => performance.getEntriesByName('ep-doctor:idle').length > 0, { timeout: 120_000, polling: 50 });
}

/** Our tasks since the last clear: their sum and the longest. @param {import('puppeteer-core').Page} page */
async function ourTasks(page) {
  return page.evaluate(() => {
    const entries = /** @type {PerformanceEntry[]} */ (/** @type {any} */ (window).__ours());
    return { sum: entries.reduce((s, e) => s + e.duration, 0), max: entries.reduce((m, e) => Math.max(m, e.duration), 0), count: entries.length };
  });
}

/** @param {import('puppeteer-core').Page} page */
const clearOurs = (page) => page.evaluate(() => performance.clearMeasures());

/**
 * A change done by `script` (in the page, given the page's helpers) in both pages: our CPU and longest
 * task on the platform page, the page's own read of what changed on the other.
 * @param {{ with: import('puppeteer-core').Page, without: import('puppeteer-core').Page }} pages
 * @param {string} script an expression returning the nodes whose text changed (for the floor read)
 * @param {number} runs
 */
async function change(pages, script, runs) {
  /** @type {number[]} */ const sums = [];
  /** @type {number[]} */ const maxes = [];
  /** @type {number[]} */ const floors = [];
  for (let run = 0; run < runs; run++) {
    await clearOurs(pages.with);
    await settled(pages.with, () => pages.with.evaluate(`(${script})(${run})`));
    const ours = await ourTasks(pages.with);
    sums.push(ours.sum);
    maxes.push(ours.max);
    floors.push(Number(await pages.without.evaluate(`(() => window.__readMatch((${script})(${run})).ms)()`)));
  }
  return { value: median(sums), max: Math.max(...maxes), floor: median(floors), runs };
}

/** @param {{ loads?: number }} [options] */
export async function contentFigures({ loads = 9 } = {}) {
  const html = bigPage();
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const session = await launchWithExtension({ args: [`--host-resolver-rules=MAP ${WITH_HOST} 127.0.0.1, MAP ${WITHOUT_HOST} 127.0.0.1, MAP * ~NOTFOUND`] });
  const url = (/** @type {string} */ host) => `http://${host}:${port}/registry`;
  /** @param {string} host */
  const open = async (host) => {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(HELPERS);
    await page.goto(url(host), { waitUntil: 'load', timeout: 60_000 });
    return page;
  };
  /** @param {import('puppeteer-core').Page} page */
  const scanned = async (page) => {
    const mark = await page.waitForFunction(() => /** @type {PerformanceMark | undefined} */ (performance.getEntriesByName('ep-doctor:initial-scan')[0])?.detail, { timeout: 30_000 });
    return /** @type {{ cpu: number, slices: number, maxSlice: number, wall: number }} */ (await mark.jsonValue());
  };
  try {
    // The initial scan, and the page's own read of its whole text (the floor of any scan).
    /** @type {{ cpu: number, slices: number, maxSlice: number, wall: number }[]} */ const scans = [];
    /** @type {number[]} */ const loadTaskMax = [];
    /** @type {number[]} */ const reads = [];
    for (let run = 0; run < loads; run++) {
      const page = await open(WITH_HOST);
      scans.push(await scanned(page));
      loadTaskMax.push((await ourTasks(page)).max);
      await page.close();
      const plain = await open(WITHOUT_HOST);
      reads.push(await plain.evaluate(() => /** @type {any} */ (window).__read([document.body]).ms));
      await plain.close();
    }

    const pages = { with: await open(WITH_HOST), without: await open(WITHOUT_HOST) };
    // The page's floor for changes runs the same trigger pass our matcher runs first on this platform.
    const triggers = await session.worker.evaluate(async (key) => /** @type {any} */ (await chrome.storage.local.get(key))[key]?.detector?.triggers, DETECTOR_KEY);
    if (typeof triggers !== 'string') throw new Error(`no ${DETECTOR_KEY} in the extension's storage`);
    await pages.without.evaluate((source) => void (/** @type {any} */ (window).__triggers = new RegExp(source, 'gi')), triggers);
    await pages.with.bringToFront();
    await scanned(pages.with);
    const oneFragment = await change(pages, `(run) => { const rows = window.__rows(1000, 'f' + run); const frag = document.createDocumentFragment(); frag.append(...rows); document.getElementById('rows').append(frag); return rows; }`, 7);
    const oneByOne = await change(pages, `(run) => { const rows = window.__rows(1000, 'o' + run); const body = document.getElementById('rows'); for (const row of rows) body.append(row); return rows; }`, 7);
    const replaced = await change(pages, `(run) => { const body = document.getElementById('rows'); const rows = window.__rows(1000, 'r' + run); for (let i = 0; i < 1000; i++) body.lastElementChild.remove(); body.append(...rows); return rows; }`, 7);
    // About 15 nodes a row: 6,700 rows are a flood of 100,000 nodes, added at once.
    const flood = await change(pages, `(run) => { const rows = window.__rows(6700, 'x' + run); const frag = document.createDocumentFragment(); frag.append(...rows); document.getElementById('rows').append(frag); return rows; }`, 3);
    const worst = await change(pages, `(run) => { const pre = document.createElement('pre'); pre.textContent = (run % 2 ? 'код ошибки :  - ' : 'код 12345678 z код ').repeat(60000); document.getElementById('messages').append(pre); return [pre]; }`, 4);

    const latency = async (/** @type {string} */ label) => {
      const errors = ['Плагин недоступен', 'Набор ключей не существует', 'Сертификат недействителен', 'Истекло время ожидания загрузки плагина', 'Ошибка при подписании (0x8007065B)', 'Сертификат отозван', 'Вставьте носитель'];
      /** @type {number[]} */ const ms = [];
      /** @type {number[]} */ const frames = [];
      /** @type {number[]} */ const ours = [];
      /** @type {number[]} */ const layouts = [];
      for (const text of errors) {
        // A fresh page view each time (SPA navigation), so each error gets its own hint.
        await pages.with.evaluate(() => {
          history.pushState(null, '', `/registry/${Math.random().toString(36).slice(2)}`);
          document.querySelectorAll('ep-doctor-hint, #messages p').forEach((n) => n.remove());
        });
        await new Promise((r) => setTimeout(r, 100));
        const result = await pages.with.evaluate(
          (message) =>
            new Promise((resolve) => {
              performance.clearMeasures();
              const hinted = () => document.querySelector('ep-doctor-hint') !== null;
              let hintAt = Number.NaN;
              const observer = new MutationObserver(() => {
                if (Number.isNaN(hintAt) && hinted()) hintAt = performance.now();
              });
              observer.observe(document.body, { childList: true, subtree: true });
              const p = document.createElement('p');
              p.className = 'error';
              p.textContent = message;
              const start = performance.now();
              document.getElementById('messages')?.append(p);
              // After each frame is painted (a task queued from its animation-frame callbacks): is the hint in it?
              let frames = 0;
              const afterFrame = () =>
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    if (hinted()) {
                      observer.disconnect();
                      const ours = /** @type {PerformanceEntry[]} */ (/** @type {any} */ (window).__ours());
                      const named = (/** @type {string} */ name) => ours.filter((e) => e.name === `ep-doctor:task:${name}`);
                      // The layout our visibility check forced inside these tasks only: the view's rescan (idle
                      // `scan` tasks) checks visibility too, and its layout is not part of the error's path.
                      const visible = named('visible');
                      let own = 0;
                      let layout = 0;
                      for (const task of [...named('observe'), ...named('batch')]) {
                        const end = task.startTime + task.duration;
                        const forced = visible.filter((v) => v.startTime >= task.startTime && v.startTime + v.duration <= end + 0.01).reduce((s, v) => s + v.duration, 0);
                        own += task.duration - forced;
                        layout += forced;
                      }
                      resolve({ ms: hintAt - start, frames, ours: own, layout });
                    } else if (++frames < 600 && performance.now() - start < 20_000) afterFrame();
                    else resolve({ ms: Number.NaN, frames: Number.NaN, ours: Number.NaN, layout: Number.NaN });
                  }, 0),
                );
              afterFrame();
            }),
          text,
        );
        const r = /** @type {{ ms: number, frames: number, ours: number, layout: number }} */ (result);
        ms.push(r.ms);
        frames.push(r.frames);
        ours.push(r.ours);
        layouts.push(r.layout);
      }
      return { label, ms: median(ms), max: Math.max(...ms), frames: Math.max(...frames), ours: median(ours), oursMax: Math.max(...ours), layout: median(layouts) };
    };
    // A tab in the background gets no animation frames: the platform tab is the one the user looks at.
    await pages.with.bringToFront();
    const settled = await latency('settled page');
    // The office PC: the page keeps adding and removing rows, and the CPU runs at half speed.
    const cdp = await pages.with.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 });
    await pages.with.evaluate(() => {
      /** @type {any} */ (window).__churn = setInterval(() => {
        const body = /** @type {HTMLElement} */ (document.getElementById('rows'));
        for (let i = 0; i < 100; i++) body.firstElementChild?.remove();
        body.append(.../** @type {any} */ (window).__rows(100, 'c'));
      }, 100);
    });
    const busy = await latency('busy page');
    await pages.with.evaluate(() => clearInterval(/** @type {any} */ (window).__churn));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const perThousand = (/** @type {{ value: number, max: number, floor: number, runs: number }} */ c, /** @type {string} */ how) =>
      figure(`changes: 1,000 rows ${how}`, c.value, 'ms', 1, c.floor, 'page reads and matches them', `median of ${c.runs}; longest task ${c.max.toFixed(2)} ms`);
    return [
      figure('initial scan: our CPU on the 5.65 MB page', median(scans.map((s) => s.cpu)), 'ms', 30, median(reads), 'page reads its text', `median of ${loads} loads, ${median(scans.map((s) => s.slices))} slices, done ${median(scans.map((s) => s.wall)).toFixed(0)} ms after it began; stretch goal 15 ms`),
      figure('initial scan: longest task of ours', Math.max(...scans.map((s) => s.maxSlice), ...loadTaskMax), 'ms', 16, null, null, `worst of ${loads} loads, every task of ours from document_start to the end of the scan`),
      perThousand(oneFragment, 'added in one fragment'),
      perThousand(oneByOne, 'appended one by one'),
      perThousand(replaced, 'replacing 1,000 others'),
      figure('changes: 100,000-node flood, total', flood.value, 'ms', 100, flood.floor, 'page reads and matches them', `6,700 rows at once, median of ${flood.runs}`),
      figure('changes: 100,000-node flood, longest task', flood.max, 'ms', 16, null, null, `worst of ${flood.runs}`),
      figure('crafted 1 MB text added (worst case): longest task', worst.max, 'ms', 16, worst.floor, 'page reads and matches it', `«код …» repeated with spaces, colons and dashes; our total ${worst.value.toFixed(1)} ms`),
      ...[settled, busy].flatMap((l) => [
        figure(`hint: frames after the error's own, ${l.label}`, l.frames, 'frames', 0, null, null, `worst of 7 errors, each on a new SPA view (its rescan running); 0: the hint is painted in the same frame as the error${l === busy ? '; the page replaces 1,000 rows a second and the CPU is slowed 2×' : ''}`),
        figure(`hint: our time from the error to the hint, ${l.label}`, l.ours, 'ms', 16, l.layout, 'page layout forced', `median of 7, max ${l.oursMax.toFixed(1)} ms: our observer and batch, less the page's layout our visibility check forces (the page lays out before that paint anyway); error inserted → hint in the DOM, layout included: median ${l.ms.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`),
      ]),
    ];
  } finally {
    await session.close();
    server.close();
  }
}
