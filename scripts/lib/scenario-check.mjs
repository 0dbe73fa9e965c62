// @ts-check
import path from 'node:path';
import { ensureBuilt, EXTENSION_ID, ROOT } from './build.mjs';
import { launchWithExtension, newTrackedPage } from './chromium.mjs';
import { launchFirefoxWithExtension, openExtensionPage } from './firefox.mjs';
import { servePage } from './serve.mjs';

/** The page a check runs on when the scenario names none: a Сбербанк-АСТ signing page. */
export const DEFAULT_CHECK_URL = 'https://www.sberbank-ast.ru/sign';
const SIGN_PAGE = path.join(ROOT, 'tests/simulator/page/sign.html');

/**
 * Reads and validates a scenario file (the simulator is TypeScript: callers run under tsx).
 * @param {string} file
 * @returns {Promise<{ ok: true, scenario: import('../../tests/simulator/scenario').Scenario } | { ok: false, error: string }>}
 */
export async function loadScenario(file) {
  const { readFileSync, existsSync } = await import('node:fs');
  if (!existsSync(file)) return { ok: false, error: `no such scenario file: ${file}` };
  const { parseScenario } = await import('../../tests/simulator/scenario.ts');
  return parseScenario(readFileSync(file, 'utf8'));
}

/**
 * Real Chromium with ep-doctor and the CryptoPro simulator playing `scenario`; a platform-style signing
 * page (it loads the vendor-style cadesplugin_api.js) served under `url`. The check is started the way
 * a user starts it: «Проверить» in ep-doctor's popup for that tab.
 * `loader` serves that text as the page's cadesplugin_api.js instead of the scenario's loader generation
 * (the fidelity runner's vendor loader); `realExtension` installs that unpacked CryptoPro extension
 * instead of the simulated one.
 * `browser: 'firefox'`: Debian's Firefox ESR with the Firefox build and the simulator as the CryptoPro
 * add-on for Firefox (always headless).
 * @param {{ name: string, scenario: import('../../tests/simulator/scenario').Scenario, url?: string, headless?: boolean, lang?: string, html?: string, companion?: import('../../tests/simulator/launch').CompanionMode, loader?: string, realExtension?: string, browser?: 'chromium' | 'firefox' }} options
 */
export async function openScenario(options) {
  const simulator = { name: options.name, scenario: options.scenario, companion: options.companion ?? true };
  const firefox = options.browser === 'firefox';
  if (!firefox) ensureBuilt();
  const session = firefox
    ? await launchFirefoxWithExtension({ lang: (options.lang ?? 'ru-RU').slice(0, 2), simulator })
    : await launchWithExtension({
        headless: options.headless ?? true,
        lang: options.lang ?? 'ru-RU',
        simulator: { ...simulator, ...(options.realExtension === undefined ? {} : { realExtension: options.realExtension }) },
      });
  // Headless Chromium always has an English UI; ep-doctor's own language setting decides instead.
  const uiLang = (options.lang ?? 'ru-RU').startsWith('en') ? 'en' : 'ru';
  await session.worker.evaluate((/** @type {string} */ value) => chrome.storage.local.set({ 'settings:lang': value }), uiLang);
  const url = options.url ?? options.scenario.url ?? DEFAULT_CHECK_URL;
  const { page, tabId } = await newTrackedPage(session.browser, session.worker);
  const { loaderSource } = await import('../../tests/simulator/loader.ts');
  const loader = options.loader ?? loaderSource(options.scenario.loader);
  await servePage(page, SIGN_PAGE, url, options.html, { clockOffsetMs: options.scenario.serverClockOffsetMinutes * 60_000, files: { 'cadesplugin_api.js': loader } });
  await page.goto(url, { waitUntil: 'load' });
  // The site's own loader has settled (or is still waiting, as with a hanging plug-in).
  await page.waitForFunction(() => !document.getElementById('status')?.textContent?.includes('Загрузка'), { timeout: 3000 }).catch(() => undefined);
  const popup = firefox ? await openExtensionPage(session.browser, `popup.html?tab=${tabId}`) : await session.browser.newPage();
  if (!firefox) await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid=check]:not([disabled])');
  return { ...session, page, tabId, popup, url };
}

/**
 * Presses «Проверить» in the popup and returns the stored CheckResult.
 * @param {Awaited<ReturnType<typeof openScenario>>} opened
 */
export async function pressCheck(opened) {
  await opened.popup.click('[data-testid=check]');
  await opened.popup.waitForSelector('[data-testid=result]:not([data-status=running])', { timeout: 60_000 });
  return /** @type {import('../../src/core/check-result').CheckResult} */ (
    await opened.worker.evaluate(async (/** @type {number} */ id) => (await chrome.storage.session.get(`check:${id}`))[`check:${id}`], opened.tabId)
  );
}

/**
 * Presses «Тестовая подпись» on the first certificate that offers it; null when none does.
 * @param {Awaited<ReturnType<typeof openScenario>>} opened
 */
export async function pressTestSignature(opened) {
  const button = await opened.popup.$('[data-testid=test-sign]');
  if (button === null) return null;
  await button.click();
  await opened.popup.waitForSelector('[data-testid=signature]', { timeout: 60_000 });
  return /** @type {import('../../src/core/check-result').CheckResult} */ (
    await opened.worker.evaluate(async (/** @type {number} */ id) => (await chrome.storage.session.get(`sign:${id}`))[`sign:${id}`], opened.tabId)
  );
}

/** @param {{ problems: { id: string }[] }} result */
export const problemIds = (result) => [...new Set(result.problems.map((p) => p.id))].sort();
