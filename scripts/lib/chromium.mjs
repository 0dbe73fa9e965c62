// @ts-check
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { EXTENSION_DIR, EXTENSION_ID } from './build.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a closed network and running as root (toolchain.md). */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=ru-RU',
  // No network in tests: every name resolves to nothing but the loopback (pages come from fixtures).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  // Platforms such as ZakazRF were plain http: keep http URLs as they are (no automatic https upgrade).
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable'];

/**
 * Launches Debian Chromium with ep-doctor installed in a throw-away profile; with `simulator`, the
 * CryptoPro simulator (tests/simulator) plays the plug-in for that scenario. The simulator is
 * TypeScript: callers that use it run under tsx (npm start, diagnose, vitest).
 * `extensionDir`: another unpacked build of ep-doctor (with the same key) instead of .output/chrome-mv3.
 * @param {{ headless?: boolean, lang?: string, args?: string[], extensionDir?: string, simulator?: { name: string, scenario: import('../../tests/simulator/scenario').Scenario, companion?: import('../../tests/simulator/launch').CompanionMode, realExtension?: string } }} [options]
 */
export async function launchWithExtension(options = {}) {
  const { headless = true, lang = 'ru-RU' } = options;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ep-doctor-chromium-'));
  const simulator = options.simulator === undefined ? null : await (await import('../../tests/simulator/launch.ts')).prepareSimulator(options.simulator.name, options.simulator.scenario, userDataDir, `${userDataDir}-simulator`, { companion: options.simulator.companion ?? true, ...(options.simulator.realExtension === undefined ? {} : { realExtension: options.simulator.realExtension }) });
  // EP_DOCTOR_NETLOG_DIR: every browser writes Chromium's own network log there (scripts/netlog.mjs reads them).
  const netlog = process.env['EP_DOCTOR_NETLOG_DIR'] ? [`--log-net-log=${path.join(process.env['EP_DOCTOR_NETLOG_DIR'], `${path.basename(userDataDir)}.json`)}`, '--net-log-capture-mode=Default'] : [];
  // A caller's own resolver rules (a test host mapped to the loopback) replace the default ones.
  const ownRules = (options.args ?? []).some((a) => a.startsWith('--host-resolver-rules='));
  const args = [...ARGS.filter((a) => !a.startsWith('--lang=') && !(ownRules && a.startsWith('--host-resolver-rules='))), `--lang=${lang}`, ...netlog, ...(options.args ?? [])];
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless,
    userDataDir,
    pipe: true,
    enableExtensions: true,
    args,
    // On Linux Chromium takes its UI language from the environment, not from --lang.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8`, LC_ALL: '' },
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
  });
  if (simulator?.extensionDir) {
    const installed = await browser.installExtension(simulator.extensionDir);
    if (installed !== simulator.extensionId) throw new Error(`CryptoPro extension id ${installed}, expected ${simulator.extensionId}`);
  }
  const id = await browser.installExtension(options.extensionDir ?? EXTENSION_DIR);
  if (id !== EXTENSION_ID) throw new Error(`extension id ${id}, expected ${EXTENSION_ID}: is the manifest key missing?`);
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${EXTENSION_ID}/`), { timeout: 15_000 });
  const worker = await target.worker();
  if (worker === null) throw new Error('the extension service worker did not start');
  // The worker target can be attached before its global scope has the extension APIs.
  for (let i = 0; i < 100 && !(await worker.evaluate(() => typeof chrome !== 'undefined' && chrome.storage !== undefined).catch(() => false)); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  // The detectors and hint packs are written on install; wait for them so the first page does not race
  // the write (a page that did would ask the background for them, which is tested apart).
  await worker.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const stored = await chrome.storage.local.get(['hint-pack:ru', 'hint-pack:en', 'detect-pack']);
      if (stored['hint-pack:ru'] && stored['hint-pack:en'] && stored['detect-pack']) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(`${userDataDir}-simulator`, { recursive: true, force: true });
  };
  return { browser, worker, close, simulator };
}

/**
 * Ids of all open tabs, from the service worker (ids need no permission).
 * @param {import('puppeteer-core').WebWorker | import('puppeteer-core').Page} worker (or, in Firefox, an extension page)
 */
export async function tabIds(worker) {
  return /** @type {number[]} */ (await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id)));
}

/**
 * Opens a tab and learns its extension-side tab id. Call one at a time.
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('puppeteer-core').WebWorker | import('puppeteer-core').Page} worker (or, in Firefox, an extension page)
 * @returns {Promise<{page: import('puppeteer-core').Page, tabId: number}>}
 */
export async function newTrackedPage(browser, worker) {
  const before = new Set(await tabIds(worker));
  const page = await browser.newPage();
  for (let i = 0; i < 50; i++) {
    const fresh = (await tabIds(worker)).filter((id) => !before.has(id));
    const [tabId] = fresh;
    if (fresh.length === 1 && tabId !== undefined) return { page, tabId };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('could not find the tab id of a new page');
}

/**
 * What the extension recorded for a tab, or null.
 * @param {import('puppeteer-core').WebWorker | import('puppeteer-core').Page} worker (or, in Firefox, an extension page)
 * @param {number} tabId
 * @returns {Promise<{pageUrl: string, platformId: string | null, findings: {problem: string, source: string, excerpt: string, code?: string, frameUrl?: string}[]} | null>}
 */
export async function tabFindings(worker, tabId) {
  return /** @type {any} */ (await worker.evaluate(async (/** @type {number} */ id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId));
}
