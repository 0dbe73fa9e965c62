#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench [-- --json]`: speed and size of the content script, measured side by side in one
 * Chromium run on a generated 5 MB platform-like page, with the extension (platform URL) and without
 * it (a URL the extension does not match); certificate analysis; and the check against the CryptoPro
 * simulator. Prints each figure with its budget; not a test.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { bigPage, extraRowsScript } from './bench/big-page.mjs';
import { analysisMs, bundleSizes, verificationMsInWorker } from './bench/certs.mjs';
import { checkFigures } from './bench/check.mjs';
import { hostFigures } from './bench/host.mjs';
import { popupFigures } from './bench/popup.mjs';
import { ensureBuilt, EXTENSION_DIR, ROOT } from './lib/build.mjs';
import { launchWithExtension } from './lib/chromium.mjs';
import { servePage } from './lib/serve.mjs';

const json = process.argv.includes('--json');
const RUNS = 9;
const WITH = 'https://www.sberbank-ast.ru/bench/registry';
const WITHOUT = 'https://bench.invalid/registry';
const log = (/** @type {string} */ line) => {
  if (!json) process.stdout.write(`${line}\n`);
};

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
};

ensureBuilt();
const html = bigPage();
const session = await launchWithExtension();
const { browser } = session;

/** @param {string} url */
async function open(url) {
  const page = await browser.newPage();
  await servePage(page, path.join(EXTENSION_DIR, 'none.html'), url, html);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

/** Page load (navigation start → load event end), alternating with and without the extension. */
/** @type {{with: number[], without: number[]}} */
const loads = { with: [], without: [] };
/** @type {number[]} */
const scans = [];

for (let run = 0; run < RUNS; run++) {
  for (const [kind, url] of /** @type {const} */ ([['without', WITHOUT], ['with', WITH]])) {
    const page = await open(url);
    loads[kind].push(await page.evaluate(() => /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).loadEventEnd));
    if (kind === 'with') {
      const scan = await page.waitForFunction(() => performance.getEntriesByName('ep-doctor:initial-scan')[0]?.duration, { timeout: 10_000 });
      scans.push(Number(await scan.jsonValue()));
    }
    await page.close();
  }
}
const loadWith = median(loads.with);
const loadWithout = median(loads.without);

/** Hint latency: an error inserted into the settled big page until our hint is in the DOM. */
const page = await open(WITH);
await page.waitForFunction(() => performance.getEntriesByName('ep-doctor:initial-scan').length > 0, { timeout: 10_000 });
const errors = ['Плагин недоступен', 'Набор ключей не существует', 'Сертификат недействителен', 'Истекло время ожидания загрузки плагина', 'Ошибка при подписании (0x8007065B)', 'Сертификат отозван', 'Вставьте носитель'];
/** @type {number[]} */
const latencies = [];
for (const text of errors) {
  latencies.push(
    await page.evaluate(
      (message) =>
        new Promise((resolve) => {
          const before = document.querySelectorAll('ep-doctor-hint').length;
          const observer = new MutationObserver(() => {
            if (document.querySelectorAll('ep-doctor-hint').length > before) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          const p = document.createElement('p');
          p.className = 'error';
          p.textContent = message;
          const start = performance.now();
          document.getElementById('messages')?.append(p);
          setTimeout(() => resolve(Number.NaN), 5000);
        }),
      text,
    ),
  );
}

/** MutationObserver cost: all ep-doctor batch time spent on 1,000 inserted rows. */
/** @type {number[]} */
const rowCosts = [];
for (let run = 0; run < 5; run++) {
  await page.evaluate(() => performance.clearMeasures('ep-doctor:flush'));
  await page.evaluate(extraRowsScript(1000));
  await new Promise((r) => setTimeout(r, 400));
  rowCosts.push(await page.evaluate(() => performance.getEntriesByName('ep-doctor:flush').reduce((sum, e) => sum + e.duration, 0)));
}
await page.close();
const verification = await verificationMsInWorker(session.worker);
const chromiumVersion = await browser.version().catch(() => 'unknown');
await session.close();

const check = await checkFigures();
const popup = await popupFigures();
const host = await hostFigures();
const certMs = await analysisMs();
const certSizes = await bundleSizes();
const snapshotKb = statSync(path.join(ROOT, 'src/certs/ca/snapshot.json')).size / 1024;
const size = (/** @type {string} */ file) => statSync(path.join(EXTENSION_DIR, file)).size / 1024;
const figures = [
  { name: 'page load added by the extension', value: ((loadWith - loadWithout) / loadWithout) * 100, unit: '%', budget: 3, detail: `median load ${loadWith.toFixed(1)} ms with, ${loadWithout.toFixed(1)} ms without, ${RUNS} runs each` },
  { name: 'initial scan of the 5 MB page', value: median(scans), unit: 'ms', budget: 15, detail: `median of ${scans.length}; max ${Math.max(...scans).toFixed(1)} ms` },
  { name: 'hint visible after error text is inserted', value: median(latencies), unit: 'ms', budget: 50, detail: `median of ${latencies.length}; max ${Math.max(...latencies).toFixed(1)} ms` },
  { name: 'MutationObserver cost per 1,000 inserted rows', value: median(rowCosts), unit: 'ms', budget: 2, detail: `median of ${rowCosts.length}; max ${Math.max(...rowCosts).toFixed(2)} ms` },
  { name: 'content script size (minified)', value: size('content-scripts/detect.js'), unit: 'KB', budget: 25, detail: `page hook ${size('content-scripts/page-hooks.js').toFixed(1)} KB more` },
  { name: 'analysis of one certificate', value: certMs, unit: 'ms', budget: 2, detail: 'median per certificate over 16 fixtures and 300 real CA certificates (Node 20)' },
  { name: 'issuer signature verification, 256-bit key, in the service worker', value: verification.ms256, unit: 'ms', budget: 60, detail: `512-bit: ${verification.ms512.toFixed(1)} ms` },
  { name: 'certificate analysis code (minified)', value: certSizes.analysisKb, unit: 'KB', budget: null, detail: `GOST verification chunk, loaded only to verify: ${certSizes.gostKb.toFixed(1)} KB; CA snapshot ${snapshotKb.toFixed(1)} KB` },
  ...check,
  ...popup,
  ...host,
].map((f) => ({ ...f, value: Math.round(f.value * 100) / 100, ok: Number.isFinite(f.value) && (f.budget === null || f.value <= f.budget) }));

if (json) {
  process.stdout.write(`${JSON.stringify(figures.map(({ name, value, unit, budget, ok }) => ({ name, value, unit, budget, ok })))}\n`);
} else {
  log(`ep-doctor benchmark — ${new Date().toISOString()}, page ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB, ${chromiumVersion}`);
  for (const f of figures) log(`${f.ok ? 'ok  ' : 'OVER'} ${f.name}: ${f.value} ${f.unit} (${f.budget === null ? 'no budget' : `budget ≤ ${f.budget} ${f.unit}`}) — ${f.detail}`);
}
