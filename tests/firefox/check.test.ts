import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build.mjs';
import { firefoxHintTexts } from '../../scripts/lib/firefox.mjs';
import { openScenario, pressCheck, problemIds } from '../../scripts/lib/scenario-check.mjs';
import { parseScenario, type Scenario } from '../simulator/scenario';

/**
 * «Проверить» in Firefox: the simulator plays the CryptoPro add-on for Firefox (1.2 generation, add-on id
 * ru.cryptopro.nmcades@cryptopro.ru, the echo answered with the bridge's moz-extension:// address), its
 * native host and ep-doctor-host registered in $HOME/.mozilla/native-messaging-hosts; the platform page
 * loads the plug-in the way the vendor loader does in Firefox. One Firefox per scenario.
 */
function scenario(name: string): Scenario {
  const parsed = parseScenario(readFileSync(path.join(ROOT, 'tests/simulator/scenarios', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.scenario;
}

type Opened = Awaited<ReturnType<typeof openScenario>>;

async function withFirefox(name: string, use: (opened: Opened) => Promise<void>, html?: string, companion = true): Promise<void> {
  const opened = await openScenario({ name, scenario: scenario(name), browser: 'firefox', companion, ...(html === undefined ? {} : { html }) });
  try {
    await use(opened);
  } finally {
    await opened.close();
  }
}

const pageStatus = (opened: Opened): Promise<string> => opened.page.evaluate(() => document.getElementById('status')?.textContent ?? '');

describe('Firefox: the check against the simulated CryptoPro add-on', () => {
  it('all-good: the site loads the plug-in through the add-on, and the check finds nothing', async () => {
    await withFirefox('all-good', async (opened) => {
      await opened.page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Плагин загружен'), { polling: 50, timeout: 20_000 });
      const started = Date.now();
      const result = await pressCheck(opened);
      process.stdout.write(`  Firefox check (all-good): ${Date.now() - started} ms from «Проверить» to the verdict\n`);
      expect(result.status).toBe('done');
      expect(problemIds(result)).toEqual([]);
      expect(result.facts?.plugin).toEqual({ version: '2.0.15700', path: 'bridge' });
      // The add-on answered the echo; the 1.2 generation names neither its version nor its id.
      expect(result.facts?.extension).toEqual({ id: null, version: null, answered: true });
      expect(result.facts?.browser.name).toBe('firefox');
      expect(result.facts?.companion).toBeDefined();
      const shown = await opened.popup.$eval('[data-testid=result]', (e) => (e as HTMLElement).innerText);
      expect(shown).toContain('Всё готово к подписи');

      // The expiry centre in Firefox's event-page background: the check's certificate remembered, the alarm runs.
      type Expiry = { items: { kind: string; source: string }[]; ranAt?: number };
      const expiry = () => opened.worker.evaluate(async () => (await chrome.storage.local.get('expiry:v1'))['expiry:v1']) as Promise<Expiry | undefined>;
      expect((await expiry())?.items.map((i) => i.kind)).toContain('certificate');
      await opened.worker.evaluate(() => chrome.alarms.create('expiry', { when: Date.now() + 50 }));
      await (opened.worker as Page).waitForFunction(async () => typeof ((await chrome.storage.local.get('expiry:v1'))['expiry:v1'] as { ranAt?: number } | undefined)?.ranAt === 'number', { polling: 100, timeout: 15_000 });
    });
  }, 120_000);

  it('without ep-doctor-host: Firefox\'s «No such native application» for our own host means it is not installed', async () => {
    await withFirefox(
      'all-good',
      async (opened) => {
        const result = await pressCheck(opened);
        expect(problemIds(result)).toEqual([]);
        expect(result.facts?.companion).toMatchObject({ state: 'missing', detail: 'No such native application ru.ep_doctor.host' });
      },
      undefined,
      false,
    );
  }, 120_000);

  it('a page that answers the echo in the add-on\'s name gets «проверка невозможна», never a verdict', async () => {
    // No add-on installed; the page plays its handshake, naming a bridge no add-on serves.
    const html = readFileSync(path.join(ROOT, 'tests/simulator/page/sign.html'), 'utf8').replace(
      '<script src="cadesplugin_api.js">',
      `<script>addEventListener('message', (e) => { if (e.data === 'cadesplugin_echo_request') postMessage('cadesplugin_loadedurl:moz-extension://0f0e0d0c-0b0a-4909-8807-060504030201/nmcades_plugin_api.js', '*'); });</script>\n<script src="cadesplugin_api.js">`,
    );
    await withFirefox(
      'extension-missing',
      async (opened) => {
        const result = await pressCheck(opened);
        expect(result.status).toBe('impossible');
        expect(result.reasonCode).toBe('tampered');
        expect(result.reason).toContain('an echo answer no add-on sent');
      },
      html,
    );
  }, 120_000);

  it('demo: the same findings as in Chromium (licence, key period, two tokens)', async () => {
    await withFirefox('demo', async (opened) => {
      const result = await pressCheck(opened);
      expect(problemIds(result)).toEqual([...scenario('demo').expect].sort());
    });
  }, 120_000);

  it('host-missing: Firefox does not say whether nmcades is registered; the companion reads its manifests, and the silence is not called a timeout', async () => {
    await withFirefox('host-missing', async (opened) => {
      const result = await pressCheck(opened);
      expect(problemIds(result)).toEqual(['plugin-host-missing']);
      const nmcades = result.facts?.nativeHosts.find((h) => h.name === 'ru.cryptopro.nmcades');
      expect(nmcades).toMatchObject({ state: 'unknown', detail: 'No such native application ru.cryptopro.nmcades' });
      expect(result.problems[0]!.evidence).toContain('no ru.cryptopro.nmcades manifest for firefox');
    });
  }, 120_000);

  it('extension-missing: the vendor loader\'s overlay gets the hint, and the check names the Firefox add-on', async () => {
    // The vendor loader waits 20 s before its overlay; the page may shorten that (cadesplugin_load_timeout).
    const html = readFileSync(path.join(ROOT, 'tests/simulator/page/sign.html'), 'utf8').replace('<script src="cadesplugin_api.js">', '<script>window.cadesplugin_load_timeout = 1500;</script>\n<script src="cadesplugin_api.js">');
    await withFirefox(
      'extension-missing',
      async (opened) => {
        await opened.page.waitForSelector('#cadesplugin_ovr', { timeout: 20_000 });
        expect(await pageStatus(opened)).toContain('Истекло время ожидания загрузки плагина');
        await opened.page.waitForSelector('ep-doctor-hint', { timeout: 20_000 });
        const hints = await firefoxHintTexts(opened.page);
        expect(hints.some((h) => h.includes('расширение') && h.includes('Проверить')), hints.join(' | ')).toBe(true);

        const result = await pressCheck(opened);
        expect(problemIds(result)).toEqual(['plugin-extension-missing']);
        expect(result.problems[0]).toMatchObject({ cause: { key: 'firefox-addon-missing' } });
        expect(result.problems[0]!.evidence).toContain('ru.cryptopro.nmcades@cryptopro.ru');
        const shown = await opened.popup.$eval('[data-testid=result]', (e) => (e as HTMLElement).innerText);
        expect(shown).toContain('firefox_cryptopro_extension_latest.xpi');
      },
      html,
    );
  }, 120_000);
});
