#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench [-- --json] [-- --only=content,size,…]`: speed and size, measured side by side in one
 * run on this machine, each figure with the floor or «without» figure it is judged against and its
 * budget; prints one Markdown table (README «Performance» shows it). Not a test: figures, not verdicts.
 * Groups: content (the content script on a 5.65 MB page), size, load (page load with and without),
 * memory (a 10-minute soak, BENCH_SOAK_MINUTES), worst (crafted inputs in Node), popup, certs, check, host.
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { analysisMs, bundleSizes, verificationMsInWorker } from './bench/certs.mjs';
import { checkFigures } from './bench/check.mjs';
import { contentFigures } from './bench/content.mjs';
import { hostFigures } from './bench/host.mjs';
import { memoryFigures } from './bench/memory.mjs';
import { DEFAULT_LOADS, pageLoadFigures } from './bench/page-load.mjs';
import { worstCaseFigures } from './bench/worst-case.mjs';
import { popupFigures } from './bench/popup.mjs';
import { figure, markdownTable, passes } from './bench/table.mjs';
import { ensureBuilt, EXTENSION_DIR, ROOT } from './lib/build.mjs';
import { CHROMIUM, launchWithExtension } from './lib/chromium.mjs';
import { execFileSync } from 'node:child_process';

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (/** @type {string} */ group) => only === undefined || only.includes(group);
const progress = (/** @type {string} */ line) => process.stderr.write(`bench: ${line}\n`);

ensureBuilt();
const started = loadavg()[0] ?? 0;
/** @type {import('./bench/table.mjs').Figure[]} */
const figures = [];

if (wanted('content')) {
  progress('content script on the big page');
  figures.push(...(await contentFigures()));
}
if (wanted('load')) {
  progress(`page load with and without, ${process.env['BENCH_LOADS'] ?? DEFAULT_LOADS} pairs`);
  figures.push(...(await pageLoadFigures()));
}
if (wanted('worst')) {
  progress('crafted worst-case inputs (Node)');
  figures.push(...(await worstCaseFigures()));
}
if (wanted('size')) {
  // What users get is the store build (`npm run zip` makes the same); the test build adds the bench's own timing marks.
  progress('store build for the sizes');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', process.stderr], env: { ...process.env, EP_DOCTOR_STORE_BUILD: '1', EP_DOCTOR_DEV_BUILD: '' } });
  const storeDir = path.join(ROOT, '.output/store/chrome-mv3');
  const kb = (/** @type {string} */ dir, /** @type {string} */ file) => statSync(path.join(dir, file)).size / 1024;
  figures.push(figure('content script size (minified, as shipped)', kb(storeDir, 'detect.js'), 'KB', 20, null, null, `the detector in every platform frame (the store build); the page hook ${kb(storeDir, 'content-scripts/page-hooks.js').toFixed(1)} KB more; signal texts and platform data come compiled from storage; the test build's timing marks add ${(kb(EXTENSION_DIR, 'detect.js') - kb(storeDir, 'detect.js')).toFixed(1)} KB`));
}
if (wanted('certs')) {
  progress('certificates');
  const session = await launchWithExtension();
  const verification = await verificationMsInWorker(session.worker);
  await session.close();
  const sizes = await bundleSizes();
  const snapshotKb = statSync(path.join(ROOT, 'src/certs/ca/snapshot.json')).size / 1024;
  figures.push(
    figure('analysis of one certificate', await analysisMs(), 'ms', 2, null, null, 'median per certificate over 16 fixtures and 300 real CA certificates (Node 20)'),
    figure('issuer signature verification, 256-bit key, in the service worker', verification.ms256, 'ms', 60, null, null, `512-bit: ${verification.ms512.toFixed(1)} ms`),
    figure('certificate analysis code (minified)', sizes.analysisKb, 'KB', null, null, null, `GOST verification chunk, loaded only to verify: ${sizes.gostKb.toFixed(1)} KB; CA snapshot ${snapshotKb.toFixed(1)} KB`),
  );
}
/** Older modules give figures without a floor. @param {{ name: string, value: number, unit: string, budget: number | null, detail: string, floor?: number | null, floorLabel?: string | null }[]} list */
const withFloor = (list) => list.map((f) => ({ floor: null, floorLabel: null, ...f }));
if (wanted('check')) {
  progress('the check against the CryptoPro simulator');
  figures.push(...withFloor(await checkFigures()));
}
if (wanted('popup')) {
  progress('popup');
  figures.push(...(await popupFigures()));
}
if (wanted('host')) {
  progress('companion host');
  figures.push(...withFloor(await hostFigures()));
}
if (wanted('memory')) {
  progress(`memory soak, ${process.env['BENCH_SOAK_MINUTES'] ?? 10} minutes`);
  figures.push(...(await memoryFigures()));
}

const chromium = (() => {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
})();
if (json) {
  process.stdout.write(`${JSON.stringify(figures.map((f) => ({ ...f, value: Math.round(f.value * 100) / 100, ok: passes(f) })))}\n`);
} else {
  process.stdout.write(`ep-doctor benchmark — ${new Date().toISOString()}, ${chromium}, Node ${process.version}, load average ${started.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end\n\n`);
  process.stdout.write(`${markdownTable(figures)}\n`);
}
