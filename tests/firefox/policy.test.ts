import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxHintTexts, launchFirefoxWithExtension, openExtensionPage } from '../../scripts/lib/firefox.mjs';
import { openScenario, pressCheck } from '../../scripts/lib/scenario-check.mjs';
import { servePage } from '../../scripts/lib/serve.mjs';
import { newTrackedPage } from '../../scripts/lib/chromium.mjs';
import { parseScenario } from '../simulator/scenario';
import { firefoxExample } from '../helpers/policy-examples';

/**
 * Organisation mode in Firefox, set as docs/policies/firefox-policies.json says: Firefox ESR reads
 * /etc/firefox/policies/policies.json and hands `3rdparty.Extensions.<add-on id>` to the add-on as
 * storage.managed. The example's force-install part is left out (it would download from AMO); a
 * policies.json already there is put back afterwards.
 */
const FILE = process.env['EP_DOCTOR_FIREFOX_POLICIES'] ?? '/etc/firefox/policies/policies.json';
const BACKUP = `${FILE}.ep-doctor-test-backup`;
const example = firefoxExample().policies;

beforeAll(() => {
  mkdirSync(path.dirname(FILE), { recursive: true });
  if (existsSync(FILE)) renameSync(FILE, BACKUP);
  writeFileSync(FILE, JSON.stringify({ policies: { '3rdparty': example['3rdparty'] } }));
});
afterAll(() => {
  rmSync(FILE, { force: true });
  if (existsSync(BACKUP)) renameSync(BACKUP, FILE);
});

const parsed = parseScenario(readFileSync(path.resolve(import.meta.dirname, '../simulator/scenarios/all-good.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);

describe('Firefox: organisation policy from policies.json', () => {
  it('the contact in the popup and the hints, no «Тестовая подпись», the report always redacted', async () => {
    const opened = await openScenario({ name: 'all-good', scenario: parsed.scenario, browser: 'firefox' });
    try {
      const { popup, worker } = opened;
      const stored = (await worker.evaluate(async () => (await chrome.storage.local.get('org:policy'))['org:policy'])) as { policy: Record<string, unknown>; ignored: string[] };
      expect(stored.ignored).toEqual([]);
      expect(stored.policy).toMatchObject({ supportName: 'Служба поддержки ООО «Ромашка-ИТ»', disableTestSignature: true, reportRedaction: 'always', extraHosts: ['etp.romashka.example', '*.torgi.romashka.example'] });
      await pressCheck(opened);
      const support = await popup.waitForSelector('[data-testid=org-support]', { timeout: 10_000 });
      expect(await support!.evaluate((e) => (e as HTMLElement).innerText)).toContain('Служба поддержки ООО «Ромашка-ИТ» · +7 495 000-00-00');
      await popup.waitForSelector('ul.certs li[data-thumbprint]');
      expect(await popup.$('[data-testid=test-sign]')).toBeNull();
      await popup.waitForSelector('[data-testid=report-copy]:not([disabled])');
      expect(await popup.$('[data-testid=report-full]')).toBeNull();

      const { page } = await newTrackedPage(opened.browser, worker);
      const html = '<!doctype html><html lang="ru"><body><div class="error">Клиентский сертификат не сопоставлен с пользователем.</div></body></html>';
      await servePage(page, path.resolve(import.meta.dirname, 'policy.test.ts'), 'https://login.sberbank-ast.ru/Login.aspx', html);
      await page.goto('https://login.sberbank-ast.ru/Login.aspx', { waitUntil: 'load' });
      await page.waitForSelector('ep-doctor-hint', { timeout: 10_000 });
      const [hint] = await firefoxHintTexts(page);
      expect(hint).toContain('Поддержка организации: Служба поддержки ООО «Ромашка-ИТ»');
      await page.close();
    } finally {
      await opened.close();
    }
  }, 120_000);

  it('the organisation\'s own platforms: granted from the popup, then hints there too', async () => {
    // The permission prompt is Firefox's own window, which automation cannot press: its test switch grants
    // what the click asks for. The click itself is real (a user gesture is still required).
    const session = await launchFirefoxWithExtension({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    try {
      // Firefox ESR has an English UI only: ep-doctor's own language setting decides.
      await session.worker.evaluate(() => chrome.storage.local.set({ 'settings:lang': 'ru' }));
      const popup = await openExtensionPage(session.browser, 'popup.html');
      const missing = await popup.waitForSelector('[data-testid=org-hosts-missing]', { timeout: 10_000 });
      expect(await missing!.evaluate((e) => e.textContent)).toContain('etp.romashka.example, *.torgi.romashka.example');
      // Not before the grant: no content scripts for those hosts.
      const registered = () => popup.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, js: s.js, matches: s.matches, world: s.world })));
      expect(await registered()).toEqual([]);
      await popup.click('[data-testid=org-hosts-grant]');
      await popup.waitForFunction(() => document.querySelector('[data-testid=org-hosts-missing]') === null && document.querySelector('[data-testid=org-hosts]')?.textContent?.includes('*.torgi.romashka.example'), { polling: 50, timeout: 10_000 });
      await popup.waitForFunction(async () => (await chrome.scripting.getRegisteredContentScripts()).length === 2, { polling: 100, timeout: 10_000 });
      const scripts = await registered();
      const matches = ['*://etp.romashka.example/*', '*://*.torgi.romashka.example/*'];
      expect(scripts).toEqual(expect.arrayContaining([expect.objectContaining({ js: ['detect.js'], matches }), expect.objectContaining({ js: ['content-scripts/page-hooks.js'], matches, world: 'MAIN' })]));

      // A signing error on the organisation's platform gets a hint (the generic detectors).
      const { page } = await newTrackedPage(session.browser, session.worker);
      const html = '<!doctype html><html lang="ru"><body><div class="error">Ошибка при подписании: 0x800B010A</div></body></html>';
      await servePage(page, path.resolve(import.meta.dirname, 'policy.test.ts'), 'https://lots.torgi.romashka.example/bid', html);
      await page.goto('https://lots.torgi.romashka.example/bid', { waitUntil: 'load' });
      await page.waitForSelector('ep-doctor-hint', { timeout: 10_000 });
      const [hint] = await firefoxHintTexts(page);
      expect(hint).toContain('Поддержка организации');
      await page.close();

    } finally {
      await session.close();
    }
  }, 120_000);
});
