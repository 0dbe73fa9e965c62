import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, EXTENSION_ID, ROOT } from '../../scripts/lib/build.mjs';
import { openScenario, pressCheck } from '../../scripts/lib/scenario-check.mjs';
import { parseScenario } from '../simulator/scenario';
import { chromiumExample } from '../helpers/policy-examples';
import { launchWithExtension, newTrackedPage } from '../../scripts/lib/chromium.mjs';
import { servePage } from '../../scripts/lib/serve.mjs';
import { hintTexts, until } from './support';

/**
 * Organisation mode in the built extension, set the way an administrator sets it on Linux: a policy file
 * in Chromium's managed policy folder with ep-doctor's values under `3rdparty.extensions.<id>` (read by
 * Chromium into storage.managed, checked against public/managed_schema.json). The file exists only
 * while this file's tests run (e2e files run one at a time).
 */
const POLICY_DIR = process.env['EP_DOCTOR_CHROMIUM_POLICY_DIR'] ?? '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'ep-doctor-e2e.json');
// The values of docs/policies/chromium-linux.json (its force-install part would download from the Chrome
// Web Store), with one made bad: an hour Chromium's schema accepts (an integer) and ep-doctor does not.
const VALUES = { ...chromiumExample()['3rdparty'].extensions['<EXTENSION_ID>']!, quietHoursFrom: 30 } as unknown as Record<string, unknown> & { supportName: string };

beforeAll(() => {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: VALUES } } }));
});
afterAll(() => rmSync(POLICY_FILE, { force: true }));

const parsed = parseScenario(readFileSync(path.join(ROOT, 'tests/simulator/scenarios/key-period-ending.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);

describe('organisation policy (storage.managed)', () => {
  it('shows the support contact in the popup, the report and every hint; no test signature; always redacted; its own thresholds; a bad field ignored with a note', async () => {
    const opened = await openScenario({ name: 'key-period-ending', scenario: parsed.scenario });
    try {
      const { worker, popup } = opened;
      // Chromium hands an extension its policy a few seconds after start (storage.onChanged «managed»).
      const stored = await until(async () => {
        const value = await worker.evaluate(async () => (await chrome.storage.local.get('org:policy'))['org:policy'] as { policy: Record<string, unknown>; ignored: string[] } | undefined);
        return value !== undefined && Object.keys(value.policy).length > 0 ? value : null;
      }, 20_000);
      expect(stored!.policy).toMatchObject({ supportName: VALUES.supportName, reminderDays: [45, 14, 7, 1], disableTestSignature: true, reportRedaction: 'always' });
      expect(stored!.ignored).toEqual(['quietHoursFrom']);
      // The popup reads the policy when it opens: open it again now that the policy is there.
      await popup.reload();
      await popup.waitForSelector('[data-testid=check]:not([disabled])');

      await pressCheck(opened);
      const support = await popup.waitForSelector('[data-testid=org-support]', { timeout: 10_000 });
      const supportText = await support!.evaluate((e) => (e as HTMLElement).innerText);
      expect(supportText).toContain('Служба поддержки ООО «Ромашка-ИТ» · +7 495 000-00-00 · help@romashka.example · https://help.romashka.example/ep');
      expect(supportText).toContain('не применены: quietHoursFrom');
      // The organisation's own platforms are not allowed yet: the popup names them and offers the browser's prompt.
      expect(await popup.$eval('[data-testid=org-hosts-missing]', (e) => e.textContent)).toContain('etp.romashka.example, *.torgi.romashka.example');
      expect(await popup.$('[data-testid=org-hosts-grant]')).not.toBeNull();
      expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
      // Certificates are listed, but without «Тестовая подпись»; the background refuses it too.
      await popup.waitForSelector('ul.certs li[data-thumbprint]');
      expect(await popup.$('[data-testid=test-sign]')).toBeNull();
      const refused = await popup.evaluate((tabId: number) => chrome.runtime.sendMessage({ type: 'ui→bg:run-check', tabId, kind: 'sign', thumbprint: 'AB'.repeat(20) }), opened.tabId);
      expect(refused).toEqual({ ok: false, error: 'disabled-by-policy' });
      // The report: always redacted (no «full» switch), with the contact.
      await popup.waitForSelector('[data-testid=report-copy]:not([disabled])');
      expect(await popup.$('[data-testid=report-full]')).toBeNull();
      await popup.click('[data-testid=report-copy]');
      const preview = await popup.waitForSelector('[data-testid=report-preview]');
      expect(await preview!.evaluate((e) => e.textContent ?? '')).toContain('Поддержка организации: Служба поддержки ООО «Ромашка-ИТ»');

      // The organisation's thresholds: the key ends in 20 days, so the 45-day reminder is due.
      await worker.evaluate(() => chrome.storage.local.set({ 'settings:expiry': { quietHours: null } }));
      await worker.evaluate(() => chrome.alarms.create('expiry', { when: Date.now() + 50 }));
      const reminded = await until(async () => {
        const state = (await worker.evaluate(async () => (await chrome.storage.local.get('expiry:v1'))['expiry:v1'])) as { reminded: Record<string, number[]> } | undefined;
        const shown = Object.entries(state?.reminded ?? {}).find(([k]) => k.startsWith('key:'));
        return shown?.[1] ?? null;
      }, 15_000);
      expect(reminded).toEqual([45]);

      // A hint on a platform page names the organisation's support as its first link.
      const { page } = await newTrackedPage(opened.browser, worker);
      await servePage(page, path.join(ROOT, 'tests/e2e/org-policy.test.ts'), 'https://login.sberbank-ast.ru/Login.aspx', '<!doctype html><html lang="ru"><body><div class="error">Клиентский сертификат не сопоставлен с пользователем.</div></body></html>');
      await page.goto('https://login.sberbank-ast.ru/Login.aspx', { waitUntil: 'load' });
      await page.waitForSelector('ep-doctor-hint', { timeout: 10_000 });
      const [hint] = await hintTexts(page);
      expect(hint).toContain('Поддержка организации: Служба поддержки ООО «Ромашка-ИТ» · +7 495 000-00-00 · help@romashka.example');
      await page.close();
    } finally {
      await opened.close();
    }
  }, 120_000);

  it('an organisation\'s own platform the browser allows: the same content scripts registered there, a hint with the contact', async () => {
    // Chromium's permission prompt cannot be pressed by automation (Firefox's test grants it through the
    // popup): this build has the host granted from install, so what is tested is what follows a grant.
    const dir = mkdtempSync(path.join(tmpdir(), 'ep-doctor-granted-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
    manifest.host_permissions.push('*://etp.romashka.example/*');
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const session = await launchWithExtension({ extensionDir: dir });
    try {
      const { worker } = session;
      const scripts = await until(async () => {
        const list = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
        return list.length > 0 ? list : null;
      }, 20_000);
      const matches = ['*://etp.romashka.example/*'];
      expect(scripts).toEqual([
        expect.objectContaining({ id: 'extra-hosts-0', js: ['detect.js'], matches, allFrames: true, runAt: 'document_start', matchOriginAsFallback: true }),
        expect.objectContaining({ id: 'extra-hosts-1', js: ['content-scripts/page-hooks.js'], matches, world: 'MAIN' }),
      ]);
      await worker.evaluate(() => chrome.storage.local.set({ 'settings:lang': 'ru' }));
      const { page } = await newTrackedPage(session.browser, worker);
      const html = '<!doctype html><html lang="ru"><body><div class="error">Ошибка при подписании: 0x800B010A</div></body></html>';
      await servePage(page, path.join(ROOT, 'tests/e2e/org-policy.test.ts'), 'https://etp.romashka.example/bid', html);
      await page.goto('https://etp.romashka.example/bid', { waitUntil: 'load' });
      await page.waitForSelector('ep-doctor-hint', { timeout: 10_000 });
      const [hint] = await hintTexts(page);
      expect(hint).toContain('Не установлены сертификаты удостоверяющего центра');
      expect(hint).toContain('Поддержка организации: Служба поддержки ООО «Ромашка-ИТ»');
      await page.close();
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
