import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build.mjs';
import { openScenario, pressCheck, pressTestSignature, problemIds } from '../../scripts/lib/scenario-check.mjs';
import type { CheckResult } from '../../src/core/check-result';
import { parseScenario, type Scenario } from '../simulator/scenario';
import { clickInHint, hintTexts, until } from './support';

const DIR = path.join(ROOT, 'tests/simulator/scenarios');
const SCENARIOS = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const parsed = parseScenario(readFileSync(path.join(DIR, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
    return { name: path.basename(file, '.json'), scenario: parsed.scenario };
  });

const scenario = (name: string): Scenario => {
  const found = SCENARIOS.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found.scenario;
};

/** Opens the scenario in its own browser, runs `use`, and always closes the browser. */
async function withScenario(options: Parameters<typeof openScenario>[0], use: (opened: Awaited<ReturnType<typeof openScenario>>) => Promise<void>): Promise<void> {
  const opened = await openScenario(options);
  try {
    await use(opened);
  } finally {
    await opened.close();
  }
}

describe('the check against the CryptoPro simulator, one scenario per browser', () => {
  it('covers the scenarios the issue lists', () => {
    const names = SCENARIOS.map((s) => s.name);
    for (const required of ['slow-host', 'host-exit', 'host-missing-no-loader', 'mv2-extension', 'mv2-extension-loader-2.0', 'loader-2.1', 'loader-2.3', 'old-loader-mv3', 'no-loader', 'all-good', 'extension-missing', 'host-missing', 'load-timeout', 'access-denied', 'csp-missing', 'license-expired', 'no-certificates', 'no-key-link', 'token-removed', 'cert-expired', 'key-period-expired', 'untrusted-chain', 'revoked', 'two-tokens', 'vipnet-and-cryptopro', 'cert-gost2001', 'cert-rsa', 'cert-ecdsa', 'cert-wrong-usage', 'cert-unaccredited', 'cloud-key', 'cloud-key-signed-out', 'csp-interim-build', 'license-expiring', 'key-period-ending', 'store-cluttered']) {
      expect(names).toContain(required);
    }
  });

  /** What some scenarios must show beyond their problem ids (the behaviour of the real pieces they model). */
  const EXTRA: Record<string, (result: CheckResult, opened: Awaited<ReturnType<typeof openScenario>>) => Promise<void>> = {
    // With no loader on the page the probe brings the bridge; the extension names its version once asked after a request.
    'no-loader': async (result) => {
      expect(result.facts?.plugin.path).toBe('bridge');
      expect(result.facts?.extension.version).toBe('1.3.17');
    },
    // The extension stays silent without its native part, yet answers version requests once the page sent one.
    'host-missing-no-loader': async (result) => {
      expect(result.facts?.extension).toMatchObject({ version: '1.3.17', answered: true });
      expect(result.problems[0]!.evidence).toMatch(/not registered|no ru\.cryptopro\.nmcades manifest/);
    },
    // IsValid() waits 11 s on the CA's endpoints: named, and measured, not «КриптоПро ответил не на всё».
    'crl-unreachable': async (result) => {
      console.log(`[crl-unreachable] ${JSON.stringify(result.timings)} ${result.problems[0]?.evidence}`);
      expect(result.problems[0]!.evidence).toMatch(/^IsValid\(\) took 1\d\.\d s: the CA's revocation endpoints do not answer from this computer \(CRL http:\/\/simulator\.invalid\/cdp\/ca\.crl/);
    },
    // The page's request died with the first host process; the check's requests start a new one.
    'host-exit': async (result, opened) => {
      // The page's fourth request either died with the first process (still «Загрузка») or, sent a moment later,
      // reached the new one, which does not know the page's objects (0x80070057): both are what the real pieces do.
      expect(await opened.page.$eval('#status', (e) => e.textContent)).toMatch(/Загрузка|0x80070057/);
      expect(result.facts?.plugin.version).toBe('2.0.15700');
    },
    // The simulator's PKI issues the algorithms, usages and issuers the analysis must name.
    'cert-gost2001': async (result) => {
      expect(result.problems[0]!.evidence).toContain('ГОСТ Р 34.10-2001');
    },
    'cert-unaccredited': async (result) => {
      expect(result.problems[0]!.evidence).toContain('Ромашка-Софт');
    },
    // A cloud key is shown as one, and its failure says so: no token to insert, no driver to reinstall.
    'cloud-key': async (result, opened) => {
      expect(result.facts?.certificates[0]?.keyStore).toBe('cloud');
      expect(await opened.popup.$eval('.certs', (e) => e.textContent)).toContain('облачный ключ (КриптоПро DSS)');
    },
    'cloud-key-signed-out': async (result, opened) => {
      expect(result.problems[0]!.cause).toEqual({ key: 'cloud-key', params: {} });
      await opened.popup.waitForSelector('.cause');
      expect(await opened.popup.$eval('.cause', (e) => e.textContent)).toContain('USB-токен не нужен');
    },
    'load-timeout': async (result) => {
      expect(result.problems[0]!.evidence).toMatch(/silent for \d+\.\d s, counting the site loader's own wait/);
    },
    // The old generation answers no version request.
    'mv2-extension': async (result) => {
      expect(result.facts?.extension).toMatchObject({ version: null, answered: true });
    },
    'slow-host': async (result) => {
      expect(result.facts?.plugin.path).toBe('bridge');
      expect(result.timings.probe).toBeGreaterThan(2900);
    },
  };

  for (const { name, scenario: s } of SCENARIOS) {
    it(`${name}: «Проверить» finds exactly ${s.expect.join(', ') || 'nothing'}${s.expectTestSignature ? `; «Тестовая подпись» finds ${s.expectTestSignature.join(', ')}` : ''}`, async () => {
      await withScenario({ name, scenario: s }, async (opened) => {
        const result = await pressCheck(opened);
        expect(result.status, result.reason).toBe('done');
        expect(problemIds(result)).toEqual([...s.expect].sort());
        // Every problem says what it saw.
        for (const p of result.problems) expect(p.evidence.length).toBeGreaterThan(10);
        await EXTRA[name]?.(result, opened);
        if (s.expectTestSignature !== undefined) {
          const signature = await pressTestSignature(opened);
          expect(signature, 'a certificate offers «Тестовая подпись»').not.toBeNull();
          expect(problemIds(signature!)).toEqual([...s.expectTestSignature].sort());
        }
      });
    });
  }
});

// One browser per test: on a loaded machine six browsers in one test would outrun its time limit.
describe('the companion host (ep-doctor-host) in the check', () => {
  it('reports its inventory', async () => {
    await withScenario({ name: 'all-good', scenario: scenario('all-good') }, async (good) => {
      const result = await pressCheck(good);
      expect(result.facts?.companion).toMatchObject({
        state: 'ok',
        version: '0.1.0',
        checks: ['native-host-manifests', 'cryptopro-csp', 'root-certificates', 'tokens', 'clock'].map((name) => ({ name, status: 'ok' })),
      });
      expect(await good.popup.$eval('[data-testid=companion-ok]', (e) => e.textContent)).toBe('Помощник ep-doctor-host 0.1.0: проверок вне браузера — 5');
    });
  });

  it('names the cause the page cannot see: no ru.cryptopro.nmcades manifest', async () => {
    await withScenario({ name: 'host-missing', scenario: scenario('host-missing') }, async (missing) => {
      const result = await pressCheck(missing);
      expect(problemIds(result)).toEqual(['plugin-host-missing']);
      expect(result.problems[0]).toMatchObject({ source: 'host', evidence: expect.stringContaining('no ru.cryptopro.nmcades manifest for chromium') });
    });
  });

  // Outside the browser: the missing root, the stopped smart-card service, the clock with its zone.
  for (const [name, id, words] of [
    ['no-mincifry-root', 'chain-untrusted', 'no «Минцифры России» root certificate'],
    ['pcscd-stopped', 'token-not-detected', 'the smart-card service (pcscd / SCardSvr) is stopped'],
    ['clock-skew', 'clock-skew', 'time zone'],
  ] as const) {
    it(`names what only it can see: ${name}`, async () => {
      await withScenario({ name, scenario: scenario(name) }, async (opened) => {
        const result = await pressCheck(opened);
        expect(result.problems.find((p) => p.id === id)).toMatchObject({ source: 'host', evidence: expect.stringContaining(words) });
        // The popup words it in the user's language (Russian here).
        if (name === 'no-mincifry-root') {
          expect(await opened.popup.$eval('[data-problem=chain-untrusted] .cause', (e) => e.textContent)).toBe('Нет корневого сертификата «Минцифры России» в хранилище пользователя или компьютера.');
        }
      });
    });
  }

  it('without it: the check still ends clean, and the popup says what it would add', async () => {
    await withScenario({ name: 'all-good', scenario: scenario('all-good'), companion: false }, async (without) => {
      const result = await pressCheck(without);
      expect(result.facts?.companion).toMatchObject({ state: 'missing' });
      expect(result.problems).toEqual([]);
      // Without the helper, the popup says what it would add and how to install it.
      expect(await without.popup.$eval('[data-testid=companion]', (e) => e.textContent)).toContain('ep-doctor-host install');
    });
  });
});

describe('a broken companion host', () => {
  for (const mode of ['crash', 'hang', 'garbage', 'oversized', 'truncated'] as const) {
    it(`${mode}: the check still ends, the companion says error, nothing is invented`, async () => {
      await withScenario({ name: 'all-good', scenario: scenario('all-good'), companion: mode }, async (opened) => {
        const result = await pressCheck(opened);
        expect(result.status).toBe('done');
        expect(result.problems).toEqual([]);
        expect(result.facts?.companion).toMatchObject({ state: 'error', checks: [] });
        expect(result.facts?.companion?.detail.length).toBeGreaterThan(5);
      });
    });
  }
});

describe('the check from a hint', () => {
  it('«Проверить» in the hint runs the check and the hint switches to the cause it found', async () => {
    await withScenario({ name: 'extension-missing', scenario: scenario('extension-missing') }, async (opened) => {
      await until(async () => (await hintTexts(opened.page)).length > 0);
      expect(await clickInHint(opened.page, 'Проверить')).toBe(true);
      const texts = await until(async () => {
        const t = await hintTexts(opened.page);
        return t.some((x) => x.includes('Проверка нашла причину')) ? t : null;
      }, 20_000);
      expect(texts?.join(' ')).toContain('расширение');
      const stored = await opened.worker.evaluate(async (id: number) => (await chrome.storage.session.get(`check:${id}`))[`check:${id}`] as { problems: { id: string }[] }, opened.tabId);
      expect(stored.problems.map((p) => p.id)).toEqual(['plugin-extension-missing']);
    });
  });

  it('a click the page makes on the hint does not start a check', async () => {
    await withScenario({ name: 'extension-missing', scenario: scenario('extension-missing') }, async (opened) => {
      await until(async () => (await hintTexts(opened.page)).length > 0);
      // The page cannot reach into the closed shadow root; clicks it makes anyway are untrusted.
      await opened.page.evaluate(() => {
        const host = document.querySelector('ep-doctor-hint');
        host?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        host?.shadowRoot?.querySelector('button')?.click();
      });
      expect(await clickInHint(opened.page, 'Проверить', 'ep-doctor-hint', { trusted: false })).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      const stored = await opened.worker.evaluate(async (id: number) => (await chrome.storage.session.get(`check:${id}`))[`check:${id}`] ?? null, opened.tabId);
      expect(stored).toBeNull();
    });
  });
});

describe('pages without a working site loader', () => {
  it('a page without cadesplugin_api.js: the probe brings its own bridge, leaves no global behind, and the site can still load the plug-in', async () => {
    const html = '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Личный кабинет</title></head><body><h1>Личный кабинет</h1></body></html>';
    await withScenario({ name: 'all-good', scenario: scenario('all-good'), html }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.status, result.reason).toBe('done');
      expect(problemIds(result)).toEqual([]);
      expect(result.facts?.plugin.path).toBe('bridge');
      expect(await opened.page.evaluate(() => typeof (window as { cadesplugin?: unknown }).cadesplugin)).toBe('undefined');
      // The site's own loader, run after the check, does not skip itself and loads the plug-in.
      await opened.page.addScriptTag({ url: '/cadesplugin_api.js' });
      const loaded = await opened.page.evaluate(() =>
        Promise.race([(window as unknown as { cadesplugin: Promise<unknown> }).cadesplugin.then(() => 'loaded', (e: unknown) => `failed: ${String(e)}`), new Promise((r) => setTimeout(() => r('timeout'), 10_000))]),
      );
      expect(loaded).toBe('loaded');
    });
  });

  it('a site loader that failed while the plug-in works now: reload the page (or the loader does not know the extension)', async () => {
    // A 2.0 loader knows only the MV2 extension; the computer has the MV3 one, which works.
    await withScenario({ name: 'old-loader-mv3', scenario: scenario('old-loader-mv3') }, async (opened) => {
      expect(await opened.page.$eval('#status', (e) => e.textContent)).toContain('Плагин недоступен');
      const result = await pressCheck(opened);
      expect(result.status, result.reason).toBe('done');
      expect(problemIds(result)).toEqual(['plugin-connection-lost']);
      expect(result.problems[0]!.evidence).toContain('Плагин недоступен');
    });
  });
});

/** What the simulated plug-in was asked, in order (its host logs every call). */
function pluginCalls(opened: Awaited<ReturnType<typeof openScenario>>): { member: string; params: unknown[] }[] {
  const file = opened.simulator!.callsFile;
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { member: string; params: unknown[] }) : [];
}

const storedCheck = (opened: Awaited<ReturnType<typeof openScenario>>): Promise<CheckResult> =>
  opened.worker.evaluate(async (id: number) => (await chrome.storage.session.get(`check:${id}`))[`check:${id}`] as CheckResult, opened.tabId);

describe('the CryptoPro pieces fail mid-check (fault suite): a clear status within a stated bound', () => {
  // The simulated plug-in answers «Store.Open» 6 s late: the window in which the fault is made.
  const slowStore = (): Scenario => ({ ...scenario('all-good'), replyDelays: { Open: 6000 } });

  it('the CryptoPro extension reloaded mid-check: «соединение с расширением потеряно», no verdict about certificates, within 10 s', async () => {
    await withScenario({ name: 'all-good', scenario: slowStore() }, async (opened) => {
      // The page's own loader opens the store too: wait for the check's own «Open».
      const before = pluginCalls(opened).filter((c) => c.member === 'Open').length;
      const started = Date.now();
      await opened.popup.click('[data-testid=check]');
      await until(async () => pluginCalls(opened).filter((c) => c.member === 'Open').length > before);
      const target = await opened.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${opened.simulator!.extensionId}/`));
      const worker = await target.worker();
      // The worker goes away with the reload, so the evaluation may not come back.
      await worker?.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
      await opened.popup.waitForSelector('[data-testid=result]:not([data-status=running])', { timeout: 30_000 });
      const result = await storedCheck(opened);
      const ms = Date.now() - started;
      console.log(`[fault] CryptoPro extension reloaded mid-check: ${result.status} ${result.reasonCode} ${result.reason} ${problemIds(result).join(",")} after ${ms} ms`);
      expect(result.status).toBe('done');
      expect(problemIds(result)).toEqual(['plugin-connection-lost']);
      expect(result.problems[0]!.evidence).toMatch(/reloaded or updated/);
      expect(ms).toBeLessThan(10_000);
    });
  });

  // GetReaderModes: asked by the check only (the page's own loader does not), so the fault hits the check.
  const faults: [string, Partial<Scenario>][] = [
    ['the native part crashes mid-check', { hostExitsOn: 'GetReaderModes' }],
    ['a chunk-broken reply (partial frames that do not join into JSON)', { brokenReplies: ['GetReaderModes'] }],
  ];
  for (const [what, patch] of faults) {
    it(`${what}: a clear status within 10 s, never «всё в порядке» from what was not read`, async () => {
      await withScenario({ name: 'all-good', scenario: { ...scenario('all-good'), ...patch } }, async (opened) => {
        const started = Date.now();
        const result = await pressCheck(opened);
        const ms = Date.now() - started;
        console.log(`[fault] ${what}: ${result.status} ${result.reasonCode ?? ''} ${problemIds(result).join(',')} after ${ms} ms`);
        expect(pluginCalls(opened).some((c) => c.member === 'GetReaderModes')).toBe(true);
        expect(result.status).toBe('failed');
        expect(result.reasonCode).toBe('plugin-slow');
        expect(result.reason).toContain('GetReaderModes');
        expect(ms).toBeLessThan(10_000);
      });
    });
  }

  it('a slow store (a token that answers after 6 s) is slow, not lost: «не на всё ответил», never «всё в порядке» from the unread store', async () => {
    await withScenario({ name: 'all-good', scenario: slowStore() }, async (opened) => {
      const result = await pressCheck(opened);
      console.log(`[fault] slow store: ${result.status} ${result.reasonCode} ${result.reason}`);
      expect(result.status).toBe('failed');
      expect(result.reasonCode).toBe('plugin-slow');
      expect(result.reason).toContain('Store.Open');
      expect(await opened.popup.$eval('[data-testid=result]', (e) => e.textContent)).toContain('ответил не на всё');
    });
  });
});

describe('a stopped service worker', () => {
  it('ends a check it was running as «interrupted», never a hang', async () => {
    await withScenario({ name: 'load-timeout', scenario: scenario('load-timeout') }, async (opened) => {
      await opened.popup.click('[data-testid=check]');
      await until(async () => (await opened.worker.evaluate(async (id: number) => ((await chrome.storage.session.get(`check:${id}`))[`check:${id}`] as { status?: string } | undefined)?.status, opened.tabId)) === 'running');
      // A worker with DevTools attached is never restarted: let go of it first, as in real use.
      await (opened.worker as unknown as { client: { detach(): Promise<void> } }).client.detach();
      const cdp = await opened.popup.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await opened.popup.waitForSelector('[data-testid=result][data-status=interrupted]', { timeout: 20_000 });
      expect(await opened.popup.$eval('[data-testid=result] .verdict', (e) => e.textContent)).toContain('прервалась');
    });
  });
});

describe('the tab goes away mid-check', () => {
  const statusOf = (opened: Awaited<ReturnType<typeof openScenario>>) =>
    opened.worker.evaluate(async (id: number) => ((await chrome.storage.session.get(`check:${id}`))[`check:${id}`] as { status?: string; reasonCode?: string } | undefined) ?? null, opened.tabId);

  // slow-host: the probe waits about 3 s for the native part to start, time enough to pull the page away.
  for (const [what, act] of [
    ['navigated', (opened: Awaited<ReturnType<typeof openScenario>>) => opened.page.goto(`${opened.url}?next=1`).then(() => undefined)],
    ['closed', (opened: Awaited<ReturnType<typeof openScenario>>) => opened.page.close()],
  ] as const) {
    it(`${what}: the check ends with a clear status, never a hang or a verdict about another page`, async () => {
      await withScenario({ name: 'slow-host', scenario: scenario('slow-host') }, async (opened) => {
        await opened.popup.click('[data-testid=check]');
        await until(async () => (await statusOf(opened))?.status === 'running');
        await act(opened);
        const ended = await until(async () => {
          const status = (await statusOf(opened))?.status;
          return status !== undefined && status !== 'running' ? status : null;
        }, 30_000);
        expect(['impossible', 'failed', 'interrupted']).toContain(ended);
        if (what === 'navigated') expect((await statusOf(opened))?.reasonCode).toBe('navigated');
        await opened.popup.waitForSelector('[data-testid=result]:not([data-status=running])', { timeout: 10_000 });
      });
    });
  }
});

describe('hostile pages: the verdict is right or «проверка невозможна», never a false «всё в порядке», never a signature of foreign content', () => {
  const signPage = (): string => readFileSync(path.join(ROOT, 'tests/simulator/page/sign.html'), 'utf8');
  const withHead = (script: string): string => signPage().replace('</head>', `<script>${script}</script></head>`);
  const calls = (opened: Awaited<ReturnType<typeof openScenario>>): { member: string; params: unknown[] }[] => {
    const file = opened.simulator!.callsFile;
    return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { member: string; params: unknown[] }) : [];
  };

  // The page answers every plug-in request it sees, first, with what it would like the check to see.
  const FORGER = `
    window.addEventListener('message', (event) => {
      const m = event.data;
      if (!m || typeof m !== 'object' || typeof m.destination !== 'string') return;
      const data = m.type === 'init' ? { type: 'result', requestid: m.requestid, value: 1 } : { type: 'result', requestid: m.requestid, retval: { type: 'string', value: 'Unlimited' } };
      window.postMessage({ tabid: 'page', data }, '*');
    }, true);`;

  it('a page that answers in the plug-in\'s name while the real plug-in answers too is caught', async () => {
    await withScenario({ name: 'license-expired', scenario: scenario('license-expired'), html: withHead(FORGER) }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.status).toBe('impossible');
      expect(result.reasonCode).toBe('tampered');
      expect(await opened.popup.$eval('[data-testid=result] .verdict', (e) => e.textContent)).toContain('Проверка невозможна');
    });
  });

  it('a page that forges a plug-in whose native part the browser says is not installed is caught', async () => {
    await withScenario({ name: 'host-missing', scenario: scenario('host-missing'), html: withHead(FORGER) }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.status === 'impossible' || problemIds(result).includes('plugin-host-missing'), `${result.status} ${problemIds(result)}`).toBe(true);
      expect(result.problems.some((p) => p.id === 'plugin-host-missing') || result.status === 'impossible').toBe(true);
    });
  });

  it('replaced natives (Promise, postMessage, Array push, Function call, RegExp test, Map/Set, JSON.parse) and a look-alike cadesplugin change nothing', async () => {
    const script = `
      window.Promise = function FakePromise() { return { then() {} }; };
      window.postMessage = function postMessage() {};
      Array.prototype.push = function push() { return 0; };
      Function.prototype.call = function call() {};
      RegExp.prototype.test = function test() { return true; };
      Map.prototype.get = function get() {}; Set.prototype.has = function has() { return false; };
      JSON.parse = function parse() { return {}; };
      window.cadesplugin = { CreateObjectAsync: async () => ({ PluginVersion: '2.0.15700' }) };`;
    const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Подписание</title><script>${script}</script></head><body><h1>Подписание заявки</h1></body></html>`;
    await withScenario({ name: 'license-expired', scenario: scenario('license-expired'), html }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.status, result.reason).toBe('done');
      expect(problemIds(result), JSON.stringify(result.problems.map((p) => [p.id, p.evidence]))).toEqual(['csp-license-expired']);
    });
  });

  const FLOOD = `
    setInterval(() => {
      for (let i = 0; i < 50; i++) {
        window.postMessage('cadesplugin_loaded', '*');
        window.postMessage('cadesplugin_extension_version_response:9.9.9', '*');
        window.postMessage({ tabid: 'forged', data: { type: 'result', requestid: i, retval: { type: 'string', value: '2.0.15700' } } }, '*');
      }
    }, 0);`;

  it('floods of fake handshakes and fake answers to requests never sent: no extension stays «no extension»', async () => {
    await withScenario({ name: 'extension-missing', scenario: scenario('extension-missing'), html: withHead(FLOOD) }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.status === 'impossible' || JSON.stringify(problemIds(result)) === '["plugin-extension-missing"]', `${result.status} ${problemIds(result)}`).toBe(true);
    });
  });

  it('floods of fake handshakes and fake answers to requests never sent: a working plug-in stays working', async () => {
    await withScenario({ name: 'all-good', scenario: scenario('all-good'), html: withHead(FLOOD) }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.status === 'impossible' || (result.status === 'done' && problemIds(result).length === 0), `${result.status} ${problemIds(result)}`).toBe(true);
    });
  });

  it('a page that pre-defines the probe options on document cannot turn «Проверить» into a signature', async () => {
    const trap = `Object.defineProperty(document, 'ep-doctor.probe-options', { value: { mode: 'sign', thumbprint: 'ABCDEF' }, configurable: false, writable: false });`;
    await withScenario({ name: 'all-good', scenario: scenario('all-good'), html: withHead(trap) }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.status, result.reason).toBe('done');
      expect(result.kind).toBe('quick');
      expect(calls(opened).filter((c) => c.member === 'SignCades')).toEqual([]);
    });
  });

  it('a page that wraps its own cadesplugin.CreateObjectAsync cannot make «Тестовая подпись» sign its content', async () => {
    const wrap = `
      window.addEventListener('load', () => setTimeout(() => {
        const original = window.cadesplugin.CreateObjectAsync;
        window.cadesplugin.CreateObjectAsync = async function (name) {
          const object = await original.call(this, name);
          if (name === 'CAdESCOM.CadesSignedData') object.propset_Content('0JTQntCT0J7QktCe0KAg4oSWIDE=');
          return object;
        };
      }, 0));`;
    await withScenario({ name: 'all-good', scenario: scenario('all-good'), html: withHead(wrap) }, async (opened) => {
      await pressCheck(opened);
      const signature = await pressTestSignature(opened);
      expect(signature?.status, signature?.reason).toBe('done');
      const contents = calls(opened).filter((c) => c.member === 'set Content').map((c) => Buffer.from(String(c.params[0]), 'base64').toString());
      // Only ep-doctor's own test text (fresh for every signature) went to the plug-in.
      expect(contents).toHaveLength(1);
      expect(contents[0]).toMatch(/^ep-doctor test signature \d{4}-\d\d-\d\dT[\d:.]+Z [0-9a-f]{32}$/);
      expect(calls(opened).filter((c) => c.member === 'SignCades')).toHaveLength(1);
    });
  });

  // What the page can still do from its own world: stop our messages or the plug-in's answers before
  // anyone else sees them, and post its own. The signature then is not over our text, and the service
  // worker's check of the CMS says so.
  const PAGE_CONTENT = Buffer.from('ДОГОВОР № 1').toString('base64');
  it('a page that swaps the text in our request on the wire gets «проверка невозможна», never «создана»', async () => {
    const swap = `
      window.addEventListener('message', (event) => {
        const m = event.data;
        if (!m || typeof m !== 'object' || m.set_property !== 'Content' || m.swapped) return;
        event.stopImmediatePropagation();
        window.postMessage({ ...m, swapped: true, params: [{ type: 'string', value: '${PAGE_CONTENT}' }] }, '*');
      }, true);`;
    await withScenario({ name: 'all-good', scenario: scenario('all-good'), html: withHead(swap) }, async (opened) => {
      await pressCheck(opened);
      const signature = await pressTestSignature(opened);
      expect(signature?.status, signature?.reason).toBe('impossible');
      // The page's stopImmediatePropagation reaches the CryptoPro content script's listener (another
      // world, same event): the plug-in really signed the page's text. Only the CMS check catches it.
      expect(signature?.reasonCode).toBe('foreign-signature');
      expect(calls(opened).some((c) => c.member === 'set Content' && c.params[0] === PAGE_CONTENT)).toBe(true);
      const shown = await opened.popup.$eval('[data-testid=signature]', (e) => e.textContent ?? '');
      expect(shown).toContain('не создана');
      expect(shown).toContain('ответ подменён');
      console.log(`[hostile] content swapped on the wire: ${signature?.reasonCode} — ${signature?.reason}`);
    });
  });

  it('a page that replaces the plug-in\'s signature with its own answer gets «проверка невозможна»', async () => {
    const replace = `
      const ours = new Set();
      window.addEventListener('message', (event) => {
        const m = event.data;
        if (!m || typeof m !== 'object') return;
        if (m.method === 'SignCades') ours.add(m.requestid);
        if (m.data && ours.has(m.data.requestid) && !m.forged) {
          event.stopImmediatePropagation();
          window.postMessage({ tabid: m.tabid, forged: true, data: { type: 'result', requestid: m.data.requestid, retval: { type: 'string', value: '${PAGE_CONTENT}' } } }, '*');
        }
      }, true);`;
    await withScenario({ name: 'all-good', scenario: scenario('all-good'), html: withHead(replace) }, async (opened) => {
      await pressCheck(opened);
      const signature = await pressTestSignature(opened);
      expect(signature?.status, signature?.reason).toBe('impossible');
      expect(signature?.reasonCode).toBe('foreign-signature');
      console.log(`[hostile] signature replaced: ${signature?.reasonCode} — ${signature?.reason}`);
    });
  });
});

describe('the toolbar popup', () => {
  it('opened from the toolbar (no ?tab=: its tab is the active one, read from the start script) shows that tab\'s result', async () => {
    await withScenario({ name: 'demo', scenario: scenario('demo') }, async (opened) => {
      const result = await pressCheck(opened);
      expect(result.problems.length).toBeGreaterThan(0);
      await opened.popup.close();
      await opened.page.bringToFront();
      await opened.worker.evaluate(() => chrome.action.openPopup());
      const target = await opened.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 10_000 });
      const popup = await target.asPage();
      await popup.waitForSelector('[data-testid=result] [data-problem]', { timeout: 10_000 });
      const shown = await popup.$$eval('[data-testid=result] [data-problem]', (items) => items.map((item) => item.getAttribute('data-problem')));
      expect([...new Set(shown)].sort()).toEqual(result.problems.map((p) => p.id).sort());
      await popup.close();
    });
  });
});
