import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxHintTexts } from '../../scripts/lib/firefox.mjs';
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
      expect(stored.policy).toMatchObject({ supportName: 'Служба поддержки ООО «Ромашка-ИТ»', disableTestSignature: true, reportRedaction: 'always' });
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
});
