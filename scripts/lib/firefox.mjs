// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { newestSourceChange, ROOT } from './build.mjs';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');
export const FIREFOX_ADDON_ID = 'ep-doctor@ep-doctor.dev';
/** Pinned for the test profile (extensions.webextensions.uuids): the add-on's moz-extension:// host. */
export const FIREFOX_UUID = '6f1b2d3c-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** The test-only origin the popup is web-accessible from (wxt.config.ts, test builds for Firefox). */
const HARNESS_URL = 'https://ep-doctor-harness.invalid/';

/** Makes sure `.output/firefox-mv3` is a test build of the current sources (the popup reachable by the harness). */
export function ensureFirefoxBuilt() {
  const manifest = path.join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  const fresh = existsSync(manifest) && statSync(manifest).mtimeMs >= newestSourceChange() && readFileSync(manifest, 'utf8').includes('ep-doctor-harness.invalid');
  if (fresh) return FIREFOX_EXTENSION_DIR;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, EP_DOCTOR_STORE_BUILD: '', EP_DOCTOR_DEV_BUILD: '1' },
  });
  return FIREFOX_EXTENSION_DIR;
}

/**
 * Debian's Firefox ESR driven over WebDriver BiDi, with ep-doctor installed as a temporary add-on in a
 * throw-away profile, and HOME pointing at a throw-away folder: Firefox reads native-messaging
 * manifests from $HOME/.mozilla/native-messaging-hosts. `worker` is an extension page (the popup,
 * opened as a tab) standing in for the background, which BiDi does not expose: its `evaluate` runs with
 * the extension's APIs, as the Chromium harness's service worker does.
 * With `simulator`, the CryptoPro simulator plays that scenario as the CryptoPro add-on for Firefox
 * (tests/simulator/launch.ts): its native host and ep-doctor-host registered in HOME.
 * `prefs`: more Firefox preferences for this profile.
 * @param {{ lang?: string, home?: string, prefs?: Record<string, string | number | boolean>, beforeInstall?: (browser: import('puppeteer-core').Browser) => Promise<void>, simulator?: { name: string, scenario: import('../../tests/simulator/scenario').Scenario, companion?: import('../../tests/simulator/launch').CompanionMode } }} [options]
 */
export async function launchFirefoxWithExtension(options = {}) {
  const dir = ensureFirefoxBuilt();
  const home = options.home ?? mkdtempSync(path.join(tmpdir(), 'ep-doctor-firefox-home-'));
  mkdirSync(home, { recursive: true });
  const simulator =
    options.simulator === undefined
      ? null
      : await (await import('../../tests/simulator/launch.ts')).prepareSimulator(options.simulator.name, options.simulator.scenario, home, `${home}-simulator`, { browser: 'firefox', companion: options.simulator.companion ?? true });
  const lang = options.lang ?? 'ru';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    env: { ...process.env, HOME: home, MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
      // No network: nothing but the loopback, and no background services.
      'network.dns.localDomains': '',
      'network.proxy.type': 0,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...options.prefs,
    },
  });
  await options.beforeInstall?.(browser);
  if (simulator?.extensionDir) {
    const installed = await browser.installExtension(simulator.extensionDir);
    if (installed !== simulator.extensionId) throw new Error(`CryptoPro add-on id ${installed}, expected ${simulator.extensionId}`);
  }
  const id = await browser.installExtension(dir);
  if (id !== FIREFOX_ADDON_ID) throw new Error(`add-on id ${id}, expected ${FIREFOX_ADDON_ID}`);
  const worker = await openExtensionPage(browser, 'popup.html');
  // The detectors and hint packs are written on install; wait for them as the Chromium harness does.
  await worker.waitForFunction(
    async () => {
      const stored = await chrome.storage.local.get(['hint-pack:ru', 'hint-pack:en', 'detect-pack']);
      return Boolean(stored['hint-pack:ru'] && stored['hint-pack:en'] && stored['detect-pack']);
    },
    { polling: 50, timeout: 15_000 },
  );
  const close = async () => {
    await browser.close().catch(() => undefined);
    if (options.home === undefined) rmSync(home, { recursive: true, force: true });
    rmSync(`${home}-simulator`, { recursive: true, force: true });
  };
  return { browser, worker, close, home, simulator, baseUrl: `moz-extension://${FIREFOX_UUID}/` };
}

/**
 * A new tab on one of the add-on's pages (`popup.html?tab=N`): from a page of the harness origin, which
 * the test build lets link to it (BiDi itself may not navigate to moz-extension://).
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} file
 */
export async function openExtensionPage(browser, file) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url() === HARNESS_URL) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>harness</title>' });
    if (request.url().startsWith('moz-extension:')) return void request.continue();
    return void request.abort();
  });
  await page.goto(HARNESS_URL, { waitUntil: 'load' });
  const target = `moz-extension://${FIREFOX_UUID}/${file}`;
  await page.evaluate((url) => {
    location.href = url;
  }, target);
  // page.url() is not updated by a script navigation under BiDi: wait on the document itself.
  await page.waitForFunction((url) => location.href === url && document.readyState === 'complete', { polling: 50, timeout: 15_000 }, target);
  return page;
}

/**
 * Text of our hints: their shadow roots are closed, which WebDriver BiDi can still serialize
 * (includeShadowTree: all) — the page's own scripts cannot.
 * @param {import('puppeteer-core').Page} page
 * @param {string} [tag]
 * @returns {Promise<string[]>}
 */
export async function firefoxHintTexts(page, tag = 'ep-doctor-hint') {
  const context = /** @type {any} */ (page.mainFrame()).browsingContext;
  const session = context.userContext.browser.session;
  const { result } = await session.send('script.callFunction', {
    functionDeclaration: `() => [...document.querySelectorAll(${JSON.stringify(tag)})]`,
    awaitPromise: false,
    target: { context: context.id },
    serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
  });
  /** @param {any} node @param {string[]} out */
  const walk = (node, out) => {
    const value = node?.value;
    if (node?.type !== 'node' || value === undefined || value.localName === 'style') return;
    if (value.nodeType === 3) out.push(value.nodeValue ?? '');
    if (value.shadowRoot) walk(value.shadowRoot, out);
    for (const child of value.children ?? []) walk(child, out);
  };
  return (result.result.value ?? []).map((/** @type {any} */ hint) => {
    /** @type {string[]} */
    const out = [];
    walk(hint, out);
    return out.join(' ').replace(/\s+/g, ' ').trim();
  });
}
