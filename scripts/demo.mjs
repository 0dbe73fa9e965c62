#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: builds ep-doctor and launches Chromium with it on the demo — pages that reproduce
 * errors of several platforms, served from 127.0.0.1 but seen by the browser (and the extension)
 * under each platform's real URL — with the CryptoPro simulator (tests/simulator) playing the
 * plug-in, so «Проверить» runs the real check (scenario: tests/simulator/scenarios/demo.json, or the
 * file in EP_DOCTOR_SCENARIO). With a display it opens a window and runs until you close it; without
 * one it runs headless, saves a screenshot of each demo page and of the popup after a check.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, EXTENSION_ID, ROOT } from './lib/build.mjs';
import { launchWithExtension } from './lib/chromium.mjs';
import { loadScenario } from './lib/scenario-check.mjs';
import { startStaticServer } from './lib/static-server.mjs';

/** @type {{platform: string, title: string, url: string, path: string}[]} */
const DEMOS = JSON.parse(readFileSync(path.join(ROOT, 'demo/pages.json'), 'utf8'));
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

ensureBuilt();
const server = await startStaticServer(ROOT);
// Requests carry no fragment (`#auth/login`), so pages are looked up without it.
const byUrl = new Map(DEMOS.map((d) => [d.url.split('#')[0], `${server.url}/${d.path}`]));

/** @type {WeakSet<import('puppeteer-core').Page>} */
const intercepted = new WeakSet();

/**
 * Platform URLs are answered with the demo file fetched from the local server; nothing else leaves the machine.
 * @param {import('puppeteer-core').Page} page
 */
async function intercept(page) {
  if (intercepted.has(page)) return;
  intercepted.add(page);
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    const url = request.url().split('#')[0] ?? '';
    const local = byUrl.get(url);
    // The CryptoPro extension's bridge script loads as it would in any browser.
    if (url.startsWith('chrome-extension://')) return void request.continue();
    // The signing page's vendor-style loader, wherever the page sits.
    if (url.endsWith('/cadesplugin_api.js')) {
      return void request.respond({ status: 200, contentType: 'text/javascript', body: readFileSync(path.join(ROOT, 'tests/simulator/page/cadesplugin_api.js')) });
    }
    if (local !== undefined) {
      const response = await fetch(local);
      return void request.respond({ status: response.status, contentType: 'text/html; charset=utf-8', body: Buffer.from(await response.arrayBuffer()) });
    }
    if (url.startsWith(server.url) || url.startsWith('data:')) return void request.continue();
    return void request.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    if (headless) void dialog.dismiss();
  });
}

const scenarioFile = process.env.EP_DOCTOR_SCENARIO ?? path.join(ROOT, 'tests/simulator/scenarios/demo.json');
const scenario = await loadScenario(scenarioFile);
if (!scenario.ok) throw new Error(`${scenarioFile}: ${scenario.error}`);
const session = await launchWithExtension({ headless, simulator: { name: path.basename(scenarioFile, '.json'), scenario: scenario.scenario } });
const { browser } = session;
// Headless Chromium always has an en-US UI; show the demo in Russian, the primary language,
// unless EP_DOCTOR_LANG=en (or auto) says otherwise. A window follows the desktop's language.
const lang = process.env.EP_DOCTOR_LANG ?? (headless ? 'ru' : 'auto');
await session.worker.evaluate((value) => chrome.storage.local.set({ 'settings:lang': value }), lang);
browser.on('targetcreated', async (target) => {
  const page = target.type() === 'page' ? await target.page() : null;
  if (page !== null) await intercept(page);
});

const index = `${server.url}/demo/index.html`;
if (headless) {
  const out = path.join(ROOT, 'demo-screenshots');
  mkdirSync(out, { recursive: true });
  for (const demo of DEMOS) {
    const page = await browser.newPage();
    await intercept(page);
    // A busy machine may hold a page's load event back; the hints need only the DOM, so one slow page
    // never stops the demo.
    await page.goto(demo.url, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch((error) => process.stdout.write(`  (slow page: ${error.message})\n`));
    await new Promise((r) => setTimeout(r, 2000));
    const file = path.join(out, `${demo.platform}.png`);
    await page.screenshot({ path: file, fullPage: true });
    process.stdout.write(`${demo.title}: ${demo.url}\n  → ${file}\n`);
    await page.close();
  }
  // The check, as a user runs it: the signing page, then «Проверить» in ep-doctor's popup.
  const signing = DEMOS[0];
  if (signing !== undefined) {
    const page = await browser.newPage();
    await intercept(page);
    await page.goto(signing.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 1500));
    const tabId = await session.worker.evaluate(async (url) => (await chrome.tabs.query({ url })).at(-1)?.id ?? -1, signing.url);
    const popup = await browser.newPage();
    await popup.setViewport({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
    // The button is enabled once the popup knows the tab; a click before that would do nothing.
    await popup.waitForSelector('[data-testid=check]:not([disabled])');
    await popup.click('[data-testid=check]');
    await popup.waitForSelector('[data-testid=result]:not([data-status=running])', { timeout: 60_000 });
    const found = await popup.$eval('[data-testid=result]', (e) => /** @type {HTMLElement} */ (e).dataset['problems'] ?? '');
    const file = path.join(out, 'check-popup.png');
    await popup.screenshot({ path: file, fullPage: true });
    process.stdout.write(`Check on ${signing.url} (scenario ${path.basename(scenarioFile)}): ${found || 'no problems'}\n  → ${file}\n`);
  }
  process.stdout.write(`\nNo display: ran headless. Screenshots of ${DEMOS.length} demo pages and the check are in ${out}\n`);
  await session.close();
  await server.close();
} else {
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  await intercept(page);
  await page.goto(index);
  process.stdout.write(`Chromium with ep-doctor is open on the demo (${index}). Close the window to stop.\n`);
  browser.on('disconnected', async () => {
    await server.close();
    process.exit(0);
  });
}
