// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../lib/chromium.mjs';
import { startStaticServer } from '../lib/static-server.mjs';
import { bigPage } from './big-page.mjs';

/** Rows of the page's own table: «a few thousand», like a lot registry a bidder keeps open. */
const TABLE_ROWS = 3000;
const ROWS_PER_SECOND = 1000;
const SHADOW_HOSTS_PER_SECOND = 100;
/**
 * Each variant runs in a «with» tab on a platform host and a «without» tab on a host the extension
 * does not match. All four hosts are different sites, so each tab has its own renderer process and
 * the per-process heap and DOM counters belong to that tab alone.
 */
const TABS = /** @type {const} */ ([
  { variant: 'rows', side: 'with', host: 'www.sberbank-ast.ru' },
  { variant: 'rows', side: 'without', host: 'soak-rows.invalid' },
  { variant: 'shadow', side: 'with', host: 'www.rts-tender.ru' },
  { variant: 'shadow', side: 'without', host: 'soak-shadow.invalid' },
]);
/**
 * Before each sample the churn pauses this long: our batches (one per frame, 100 ms timer fallback)
 * and the page hook's announcement of new shadow hosts finish, so the sample sees what is kept, not
 * what is in flight.
 */
const SETTLE_MS = 2000;
/** Less churn than this share of the planned rows means the tab was throttled: the row reports no figure. */
const CHURN_SHARE = 0.9;
/**
 * Tolerance of the node row, in nodes per variant: zero retained nodes is the aim, and after the
 * settle both tabs hold exactly the same table, so any difference is kept by us. One row of the
 * table is 17 nodes and one shadow host 3; the tolerance stays below one row, so a single node
 * the page shows differently (a hint re-anchored) is allowed but no retained row or host is.
 */
const NODE_TOLERANCE = 16;
const MB = 1024 * 1024;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The page's own script: churns rows or open-shadow custom elements once a second after `__soak.start()`,
 * counts what it did, and counts and clears our dev-build User Timing entries (plan 7a: they exist in
 * dev builds only, which the bench runs; a store build leaves none on the page's timeline).
 */
function churnScript() {
  return `(() => {
  const mode = new URLSearchParams(location.search).get('mode');
  const state = { mode, running: false, ticks: 0, rowsAdded: 0, rowsRemoved: 0, hostsAdded: 0, hostsRemoved: 0, ourEntries: 0, visible: document.visibilityState };
  window.__soak = state;
  const body = document.getElementById('rows');
  const box = document.createElement('div');
  box.id = 'soak-shadow';
  document.getElementById('main').append(box);
  let serial = 0;
  class SoakCell extends HTMLElement {
    constructor() {
      super();
      const p = document.createElement('p');
      p.textContent = 'Лот ' + this.dataset.n + ': сведения о заявке участника, документы приложены';
      this.attachShadow({ mode: 'open' }).append(p);
    }
  }
  customElements.define('soak-cell', SoakCell);
  const template = document.createElement('template');
  const rowsHtml = (count) => {
    let html = '';
    for (let i = 0; i < count; i++, serial++) {
      const n = String(373300000124000000 + serial * 7919);
      html += '<tr class="row"><td class="num"><a href="/purchase/' + n + '">№ 0' + n + '</a></td><td class="name">Поставка оборудования. Лот ' + serial +
        '. Заказчик: ГБУЗ «Больница № ' + (serial % 97) + '»</td><td class="price">' + (1000 + (serial * 7907) % 900000) + ',00 ₽</td><td class="status"><span class="badge">Подача заявок</span></td>' +
        '<td class="date">' + String(serial % 28 + 1).padStart(2, '0') + '.12.2026</td><td class="code">ИКЗ ' + n + '244</td></tr>';
    }
    return html;
  };
  let hosts = [];
  const tick = () => {
    if (!state.running) return;
    state.ticks++;
    state.visible = document.visibilityState;
    if (mode === 'rows') {
      template.innerHTML = rowsHtml(${ROWS_PER_SECOND});
      state.rowsAdded += template.content.childElementCount;
      body.append(template.content);
      for (let i = 0; i < ${ROWS_PER_SECOND} && body.firstElementChild; i++, state.rowsRemoved++) body.firstElementChild.remove();
    } else {
      for (const host of hosts) host.remove();
      state.hostsRemoved += hosts.length;
      hosts = [];
      for (let i = 0; i < ${SHADOW_HOSTS_PER_SECOND}; i++, serial++) {
        const host = document.createElement('soak-cell');
        host.dataset.n = String(serial);
        hosts.push(host);
      }
      box.append(...hosts);
      state.hostsAdded += hosts.length;
    }
    for (const type of ['measure', 'mark']) {
      const ours = new Set(performance.getEntriesByType(type).filter((e) => e.name.startsWith('ep-doctor:')).map((e) => e.name));
      for (const name of ours) {
        state.ourEntries += performance.getEntriesByName(name, type).length;
        if (type === 'measure') performance.clearMeasures(name); else performance.clearMarks(name);
      }
    }
  };
  setInterval(tick, 1000);
})();`;
}

/**
 * @typedef {{ heapMb: number, jsMb: number, domMb: number, nodes: number, documents: number, listeners: number }} Sample
 * @typedef {{ variant: 'rows' | 'shadow', side: 'with' | 'without', host: string, page: import('puppeteer-core').Page, cdp: import('puppeteer-core').CDPSession, samples: Sample[] }} Tab
 */

/**
 * Garbage collected, then the heap of the tab's renderer (the page's world and our isolated world
 * share it) and its DOM counters. The heap is V8's plus the embedder's (Blink's garbage-collected
 * heap, where DOM nodes live): a node we keep alive costs there, not in V8.
 * @param {import('puppeteer-core').CDPSession} cdp
 * @returns {Promise<Sample>}
 */
async function sample(cdp) {
  // Twice: objects kept only by weak maps and finalizers of the first pass go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const embedder = heap.embedderHeapUsedSize ?? 0;
  return { heapMb: (heap.usedSize + embedder) / MB, jsMb: heap.usedSize / MB, domMb: embedder / MB, nodes: dom.nodes, documents: dom.documents, listeners: dom.jsEventListeners };
}

/**
 * Pauses the churn everywhere, lets in-flight work end, samples each tab, and resumes unless last.
 * @param {Tab[]} tabs
 * @param {boolean} resume
 */
async function sampleAll(tabs, resume) {
  const pausedAt = Date.now();
  await Promise.all(tabs.map((t) => t.page.evaluate(() => void (/** @type {any} */ (window).__soak.running = false))));
  await sleep(SETTLE_MS);
  for (const tab of tabs) tab.samples.push(await sample(tab.cdp));
  if (resume) await Promise.all(tabs.map((t) => t.page.evaluate(() => void (/** @type {any} */ (window).__soak.running = true))));
  return { pausedAt, resumedAt: Date.now() };
}

/**
 * Memory over a soak (issue 17, plan 7b): a page that adds and removes 1,000 rows a second, and one
 * that churns 100 open-shadow custom elements a second, each in a tab with ep-doctor and a tab
 * without it, side by side in one browser. Sampled after minute 1 and at the end (for runs shorter
 * than 2 minutes: at half time and at the end); the figures are growths between the two samples,
 * with − without, so what the page itself keeps and the browser's own drift cancel out.
 * @returns {Promise<import('./table.mjs').Figure[]>}
 */
export async function memoryFigures({ minutes = Number(process.env['BENCH_SOAK_MINUTES'] ?? 10) } = {}) {
  if (!(minutes > 0)) throw new Error(`BENCH_SOAK_MINUTES must be a positive number, not ${minutes}`);
  const totalMs = minutes * 60_000;
  const firstMs = minutes >= 2 ? 60_000 : totalMs / 2;
  const dir = mkdtempSync(path.join(tmpdir(), 'ep-doctor-bench-soak-'));
  writeFileSync(path.join(dir, 'soak.html'), bigPage(TABLE_ROWS).replace('</body>', `<script>${churnScript()}</script></body>`));
  const server = await startStaticServer(dir);
  const port = new URL(server.url).port;
  const rules = `--host-resolver-rules=${TABS.map((t) => `MAP ${t.host} 127.0.0.1`).join(', ')}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`;
  // Normal windows when there is a display (`xvfb-run -a npm run bench`), as a bidder has: headless
  // Chromium 156 keeps a paint-timing record of every text painted under a hint-sized block and never
  // lets it go (README «Performance»), which a window does not. BENCH_HEADED=0 or 1 decides instead.
  const headed = process.env['BENCH_HEADED'] === undefined ? Boolean(process.env['DISPLAY']) : process.env['BENCH_HEADED'] === '1';
  if (headed && !process.env['DISPLAY']) throw new Error('BENCH_HEADED=1 needs a display: run the bench under xvfb-run');
  const session = await launchWithExtension({ headless: !headed, args: [rules, ...(headed ? ['--window-size=1280,900'] : [])] });
  /** @type {Tab[]} */
  const tabs = [];
  /** @type {Record<string, { rowsAdded: number, hostsAdded: number, ticks: number, ourEntries: number, visible: string }>} */
  const counts = {};
  /** @type {Record<string, boolean>} */
  const hinted = {};
  let activeMs = 0;
  try {
    for (const t of TABS) {
      // A window each: in one window only the front tab is visible, and a hidden tab gets no animation
      // frames and throttled timers — not the page a bidder is looking at.
      const page = await session.browser.newPage({ type: 'window' });
      await page.goto(`http://${t.host}:${port}/soak.html?mode=${t.variant}`, { waitUntil: 'load', timeout: 60_000 });
      tabs.push({ ...t, page, cdp: await page.createCDPSession(), samples: [] });
    }
    // Is the content script at work where it should be, and only there? An error text in every tab:
    // a hint must appear in the «with» tabs and none in the others.
    await Promise.all(
      tabs.map(async (tab) => {
        await tab.page.evaluate(() => {
          const p = document.createElement('p');
          p.className = 'error';
          p.textContent = 'Плагин недоступен';
          document.getElementById('messages')?.append(p);
        });
        hinted[`${tab.variant} ${tab.side}`] = await tab.page.waitForSelector('ep-doctor-hint', { timeout: 15_000 }).then(() => true, () => false);
      }),
    );
    await Promise.all(tabs.map((t) => t.page.evaluate(() => void (/** @type {any} */ (window).__soak.running = true))));
    const started = Date.now();
    await sleep(firstMs);
    const first = await sampleAll(tabs, true);
    await sleep(Math.max(0, started + totalMs - Date.now()));
    const last = await sampleAll(tabs, false);
    // The time the churn ran, without the samples' pauses: what the counts are planned against.
    activeMs = first.pausedAt - started + (last.pausedAt - first.resumedAt);
    for (const tab of tabs) counts[`${tab.variant} ${tab.side}`] = await tab.page.evaluate(() => /** @type {any} */ (window).__soak);
  } finally {
    await session.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const when = minutes >= 2 ? `minute 1 → minute ${minutes}` : `${(firstMs / 1000).toFixed(0)} s → ${(totalMs / 1000).toFixed(0)} s`;
  const plannedTicks = Math.floor(activeMs / 1000);
  /** @type {import('./table.mjs').Figure[]} */
  const figures = [];
  for (const variant of /** @type {const} */ (['rows', 'shadow'])) {
    const w = /** @type {Tab} */ (tabs.find((t) => t.variant === variant && t.side === 'with'));
    const wo = /** @type {Tab} */ (tabs.find((t) => t.variant === variant && t.side === 'without'));
    const [w1, w2] = /** @type {[Sample, Sample]} */ (w.samples);
    const [o1, o2] = /** @type {[Sample, Sample]} */ (wo.samples);
    const cw = /** @type {(typeof counts)[string]} */ (counts[`${variant} with`]);
    const co = /** @type {(typeof counts)[string]} */ (counts[`${variant} without`]);
    const done = (/** @type {(typeof counts)[string]} */ c) => (variant === 'rows' ? c.rowsAdded / ROWS_PER_SECOND : c.hostsAdded / SHADOW_HOSTS_PER_SECOND);
    // A figure only when the run measured what it claims: both tabs churned, ours ran in the one
    // tab and not in the other. Otherwise NaN, which the table shows as failing, with the reason.
    /** @type {string[]} */
    const broken = [];
    if (done(cw) < plannedTicks * CHURN_SHARE || done(co) < plannedTicks * CHURN_SHARE) broken.push(`churn fell short: ${done(cw)} / ${done(co)} of ${plannedTicks} seconds`);
    if (hinted[`${variant} with`] !== true || cw.ourEntries === 0) broken.push(`the content script did not work in the «with» tab (hint ${hinted[`${variant} with`]}, ${cw.ourEntries} timing entries)`);
    if (hinted[`${variant} without`] !== false || co.ourEntries !== 0) broken.push('the content script ran in the «without» tab');
    const valid = (/** @type {number} */ value) => (broken.length === 0 ? value : Number.NaN);
    const what = variant === 'rows' ? `${ROWS_PER_SECOND.toLocaleString('en')} rows a second added and the oldest removed` : `${SHADOW_HOSTS_PER_SECOND} open-shadow custom elements a second added and the previous ones removed`;
    const churned = variant === 'rows' ? `rows added ${cw.rowsAdded} with / ${co.rowsAdded} without` : `shadow hosts added ${cw.hostsAdded} with / ${co.hostsAdded} without`;
    const common =
      `${when}, ${what}, ${TABLE_ROWS.toLocaleString('en')}-row table; ${churned} (${plannedTicks} s of churn); our timing entries counted and cleared in the «with» tab: ${cw.ourEntries}; ` +
      `${headed ? 'headed windows (X display)' : 'headless'}; tabs ${cw.visible}/${co.visible}; samples after ${SETTLE_MS / 1000} s paused and two forced GCs${broken.length > 0 ? `; NO FIGURE: ${broken.join('; ')}` : ''}`;
    figures.push({
      name: `page heap growth over the soak with ep-doctor, ${variant === 'rows' ? 'row churn' : 'shadow-root churn'}`,
      value: valid(w2.heapMb - w1.heapMb - (o2.heapMb - o1.heapMb)),
      unit: 'MB',
      budget: 1,
      floor: o2.heapMb - o1.heapMb,
      floorLabel: 'without',
      detail:
        `growth with − growth without; heap of the tab's renderer (page and our isolated world; V8 + Blink): with ${w1.heapMb.toFixed(2)} → ${w2.heapMb.toFixed(2)} MB (V8 ${w1.jsMb.toFixed(2)} → ${w2.jsMb.toFixed(2)}), ` +
        `without ${o1.heapMb.toFixed(2)} → ${o2.heapMb.toFixed(2)} MB (V8 ${o1.jsMb.toFixed(2)} → ${o2.jsMb.toFixed(2)}); ` +
        `with − without at the end ${(w2.heapMb - o2.heapMb).toFixed(2)} MB (our page-side heap); DOM nodes with ${w1.nodes} → ${w2.nodes}, without ${o1.nodes} → ${o2.nodes}; ${common}`,
    });
    figures.push({
      name: `DOM nodes kept over the soak with ep-doctor, ${variant === 'rows' ? 'row churn' : 'shadow-root churn'}`,
      value: valid(w2.nodes - w1.nodes - (o2.nodes - o1.nodes)),
      unit: 'nodes',
      budget: NODE_TOLERANCE,
      floor: o2.nodes - o1.nodes,
      floorLabel: 'without',
      detail:
        `node count growth with − without (Memory.getDOMCounters): with ${w1.nodes} → ${w2.nodes}, without ${o1.nodes} → ${o2.nodes}; documents ${w2.documents}/${o2.documents}, ` +
        `JS event listeners with ${w1.listeners} → ${w2.listeners}, without ${o1.listeners} → ${o2.listeners}; tolerance under one table row (17 nodes); ${common}`,
    });
  }
  return figures;
}
