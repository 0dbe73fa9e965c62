// @ts-check
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, EXTENSION_ID, ROOT } from '../lib/build.mjs';
import { loadScenario, openScenario, pressCheck } from '../lib/scenario-check.mjs';

/** Openings of each page; odd, so the median is one opening. Alternating popup / empty page. */
const OPENINGS = Math.max(9, Number(process.env.BENCH_POPUP_OPENINGS) || 11);

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? /** @type {number} */ (sorted[(sorted.length - 1) / 2]) : (/** @type {number} */ (sorted[sorted.length / 2 - 1]) + /** @type {number} */ (sorted[sorted.length / 2])) / 2;
};

/** @param {string} file */
const kb = (file) => statSync(path.join(EXTENSION_DIR, file)).size / 1024;

/**
 * The chunks `file` imports: static ones (`from"./x.js"`, `import"./x.js"`) are evaluated before it
 * runs; dynamic ones (`import("./x.js")`, and the deps list of Vite's preload helper) only when asked.
 * @param {string} file
 */
function importsOf(file) {
  const text = readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
  const near = (/** @type {string} */ name) => path.posix.join(path.posix.dirname(file), name);
  const staticImports = [...text.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => near(/** @type {string} */ (m[1])));
  const dynamicImports = [...text.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => near(/** @type {string} */ (m[1])));
  // Vite's preload helper names its chunks from the extension root: m.f||(m.f=["chunks/a.js",…]).
  const preloadList = /m\.f\|\|\(m\.f=\[([^\]]*)\]/.exec(text)?.[1] ?? '';
  const preloaded = [...preloadList.matchAll(/["'`]([^"'`]+\.js)["'`]/g)].map((m) => /** @type {string} */ (m[1]));
  return { staticImports, dynamicImports: [...dynamicImports, ...preloaded] };
}

/**
 * What popup.html loads before its first paint — the page itself (its styles are inline), its scripts,
 * modulepreloads and stylesheets and the chunks those import statically, transitively — and, apart,
 * the chunks it can import later.
 */
export function popupBytes(html = readFileSync(path.join(EXTENSION_DIR, 'popup.html'), 'utf8')) {
  const first = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => /** @type {string} */ (m[1])));
  /** Every chunk reachable from `start` by the imports `follow` picks. */
  const reach = (/** @type {Iterable<string>} */ start, /** @type {(file: string) => string[]} */ follow) => {
    const seen = new Set(start);
    const queue = [...seen].filter((f) => f.endsWith('.js'));
    while (queue.length > 0) {
      for (const next of follow(/** @type {string} */ (queue.pop()))) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  };
  const firstPaint = reach(first, (file) => importsOf(file).staticImports);
  const everything = reach(first, (file) => [...importsOf(file).staticImports, ...importsOf(file).dynamicImports]);
  const later = [...everything].filter((f) => !firstPaint.has(f));
  const sum = (/** @type {Iterable<string>} */ files) => [...files].reduce((n, f) => n + kb(f), 0);
  return { kb: Buffer.byteLength(html) / 1024 + sum(firstPaint), files: ['popup.html', ...firstPaint], laterKb: sum(later), laterFiles: later };
}

/**
 * Waits for `page`'s first contentful paint (and, when `waitForResult`, the stored result on screen) and
 * reads its timeline: first contentful paint, ep-doctor's marks (absent on the empty pages), all from
 * that page's navigation start. Closes the page.
 * @param {import('puppeteer-core').Page} page
 * @param {boolean} waitForResult
 */
async function timelineOf(page, waitForResult) {
  try {
    // Polled with a timer, not rAF: the wait must not add frames of its own to the page being measured.
    await page.waitForFunction((/** @type {boolean} */ result) => performance.getEntriesByName('first-contentful-paint').length > 0 && (!result || performance.getEntriesByName('ep-doctor:result-shown').length > 0), { timeout: 10_000, polling: 50 }, waitForResult);
    return await page.evaluate(() => {
      const at = (/** @type {string} */ name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
      return { fcp: at('first-contentful-paint'), scriptStart: at('ep-doctor:script-start'), modulesReady: at('ep-doctor:modules-ready'), storageRead: at('ep-doctor:storage-read'), rendered: at('ep-doctor:rendered'), resultShown: at('ep-doctor:result-shown') };
    });
  } finally {
    await page.close();
  }
}

/**
 * Opens `url` in a new tab and reads its timeline.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {boolean} waitForResult
 */
async function openOnce(browser, url, waitForResult) {
  const page = await browser.newPage();
  await page.goto(url).catch(async (error) => {
    await page.close();
    throw error;
  });
  return timelineOf(page, waitForResult);
}

/**
 * Opens `file` as the toolbar popup of the platform tab — the window a user's click on the toolbar
 * button opens, with no ?tab= (the popup asks which tab is active) — and reads its timeline.
 * @param {Awaited<ReturnType<typeof openScenario>>} opened
 * @param {string} file
 * @param {boolean} waitForResult
 */
async function openToolbarOnce(opened, file, waitForResult) {
  await opened.page.bringToFront();
  await opened.worker.evaluate((/** @type {string} */ popup) => chrome.action.setPopup({ popup }).then(() => chrome.action.openPopup()), file);
  const target = await opened.browser.waitForTarget((t) => t.url().endsWith(`/${file}`), { timeout: 10_000 });
  return timelineOf(await target.asPage(), waitForResult);
}

/**
 * The popup's opening with a stored result, against an empty extension page opened alternately in the
 * same browser (the floor: what the browser itself needs to show a popup page) — as a page in a tab,
 * where the timeline is fine-grained, and as the toolbar popup a user opens — and the popup's sizes.
 */
export async function popupFigures() {
  const loaded = await loadScenario(path.join(ROOT, 'tests/simulator/scenarios/demo.json'));
  if (!loaded.ok) throw new Error(loaded.error);
  const opened = await openScenario({ name: 'demo', scenario: loaded.scenario });
  for (const floorPage of ['bench-empty.html', 'bench-empty-script.html']) {
    if (!existsSync(path.join(EXTENSION_DIR, floorPage))) throw new Error(`${floorPage} is missing: the popup bench needs a test build (EP_DOCTOR_DEV_BUILD=1)`);
  }
  /** @type {{ fcp: number, scriptStart: number, modulesReady: number, storageRead: number, rendered: number, resultShown: number }[]} */
  const popups = [];
  /** @type {number[]} */
  const empties = [];
  /** The empty page with one tiny module: when its script ran, and its first contentful paint. */
  /** @type {{ fcp: number, modulesReady: number }[]} */
  const scripted = [];
  /** The same three pages opened as the toolbar popup. */
  /** @type {typeof popups} */
  const toolbarPopups = [];
  /** @type {number[]} */
  const toolbarEmpties = [];
  /** @type {typeof scripted} */
  const toolbarScripted = [];
  try {
    await pressCheck(opened);
    // Close the popup that pressed «Проверить»: only the page being measured renders.
    await opened.popup.close();
    for (let run = 0; run < OPENINGS; run++) {
      empties.push((await openOnce(opened.browser, `chrome-extension://${EXTENSION_ID}/bench-empty.html`, false)).fcp);
      scripted.push(await openOnce(opened.browser, `chrome-extension://${EXTENSION_ID}/bench-empty-script.html`, false));
      popups.push(await openOnce(opened.browser, `chrome-extension://${EXTENSION_ID}/popup.html?tab=${opened.tabId}`, true));
    }
    for (let run = 0; run < OPENINGS; run++) {
      toolbarEmpties.push((await openToolbarOnce(opened, 'bench-empty.html', false)).fcp);
      toolbarScripted.push(await openToolbarOnce(opened, 'bench-empty-script.html', false));
      toolbarPopups.push(await openToolbarOnce(opened, 'popup.html', true));
    }
  } finally {
    await opened.close();
  }
  // The result-shown mark is made in the frame that paints the result: a result already in the first
  // paint is on screen at first contentful paint, not before.
  const onScreen = popups.map((p) => Math.max(p.resultShown, p.fcp));
  const own = popups.map((p) => p.fcp - p.scriptStart);
  // Where our part goes: modules fetched and evaluated, storage read, our render, then the browser's frame (style, layout, paint).
  const part = (/** @type {(p: typeof popups[number]) => number} */ f) => {
    const values = popups.map(f).filter(Number.isFinite);
    return values.length === 0 ? 'n/a' : `${median(values).toFixed(1)} ms`;
  };
  const split = `modules ${part((p) => p.modulesReady - p.scriptStart)}, storage ${part((p) => p.storageRead - p.modulesReady)}, render ${part((p) => p.rendered - p.storageRead)}, the browser's frame ${part((p) => p.fcp - p.rendered)}`;
  const versusEmpty = onScreen.map((t, i) => t - /** @type {number} */ (empties[i]));
  const afterPaint = popups.map((p, i) => /** @type {number} */ (onScreen[i]) - p.fcp);
  const inFirstPaint = afterPaint.filter((d) => d <= 0).length;
  const emptyFcp = median(empties);
  // The toolbar popup: what a user's click opens. Its window shows whole frames, so figures move in ~16.7 ms steps.
  const toolbarOnScreen = toolbarPopups.map((p) => Math.max(p.resultShown, p.fcp));
  const toolbarVersusEmpty = toolbarOnScreen.map((t, i) => t - /** @type {number} */ (toolbarEmpties[i]));
  const toolbarInFirstPaint = toolbarPopups.filter((p) => p.resultShown <= p.fcp).length;
  const toolbarOwn = median(toolbarPopups.map((p) => p.fcp - p.scriptStart));
  const toolbarScriptToPaint = median(toolbarScripted.map((p) => p.fcp - p.modulesReady));
  const bundle = popupBytes();
  // English's strings are chunks of their own (src/popup/strings.ts), fetched before the first paint in English.
  const english = bundle.laterFiles.filter((f) => /^chunks\/(?:ui-en|causes-en)-/.test(f));
  const englishKb = english.reduce((n, f) => n + kb(f), 0);
  const row = (/** @type {{ name: string, value: number, unit: string, budget: number | null, detail: string, floor?: number, floorLabel?: string }} */ f) => ({ name: f.name, value: f.value, unit: f.unit, budget: f.budget, floor: f.floor ?? null, floorLabel: f.floorLabel ?? null, detail: f.detail });
  return [
    row({ name: 'popup — our part of the first paint', value: median(own), unit: 'ms', budget: 30, detail: `as a page in a tab (?tab=N), where the frames are the page's own: script start (async classic script in <head>) → first contentful paint; median of ${own.length} openings, max ${Math.max(...own).toFixed(1)} ms (${split}); script start ${median(popups.map((p) => p.scriptStart)).toFixed(1)} ms after navigation start. In the toolbar popup ${toolbarOwn.toFixed(1)} ms, where the empty page's tiny script to its own first paint takes ${toolbarScriptToPaint.toFixed(1)} ms: the popup window's frames` }),
    row({ name: 'popup opening with its stored result, vs an empty popup page', value: median(toolbarVersusEmpty), unit: 'ms', budget: 20, floor: median(toolbarEmpties), floorLabel: 'empty popup FCP', detail: `the toolbar popup (chrome.action.openPopup, as a user's click opens it, no ?tab=), against the empty page opened as the toolbar popup; median of ${toolbarVersusEmpty.length} alternating pairs of (result on screen − empty page FCP); result on screen ${median(toolbarOnScreen).toFixed(1)} ms after navigation start; its window paints whole frames, so pairs differ by ~16.7 ms steps; the result was in the first paint in ${toolbarInFirstPaint} of ${toolbarPopups.length}. As a page in a tab: ${median(versusEmpty).toFixed(1)} ms (result on screen ${median(onScreen).toFixed(1)} ms, empty page FCP ${emptyFcp.toFixed(1)} ms; the empty page with one tiny module script runs it at ${median(scripted.map((p) => p.modulesReady)).toFixed(1)} ms, FCP ${median(scripted.map((p) => p.fcp)).toFixed(1)} ms, against our modules ready at ${part((p) => p.modulesReady)})` }),
    row({ name: 'stored result after the first paint', value: median(afterPaint), unit: 'ms', budget: 16, floor: median(popups.map((p) => p.fcp)), floorLabel: 'popup FCP', detail: `as a page in a tab: result on screen − first contentful paint; in the first paint in ${inFirstPaint} of ${afterPaint.length} openings, max ${Math.max(...afterPaint).toFixed(1)} ms` }),
    row({ name: 'popup bundle before first paint (minified JS + CSS)', value: bundle.kb, unit: 'KB', budget: 80, detail: `in Russian: ${bundle.files.join(', ')}; in English ${englishKb.toFixed(1)} KB more (${english.join(', ') || 'none'}); loaded later on demand: ${bundle.laterKb.toFixed(1)} KB (${bundle.laterFiles.join(', ') || 'none'})` }),
    row({ name: 'standalone report viewer file', value: kb('report-viewer.html'), unit: 'KB', budget: 150, detail: "one offline HTML file: code, styles, both languages' texts (deflated)" }),
  ];
}
