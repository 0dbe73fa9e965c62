import { describe, expect, it } from 'vitest';
import { CRYPTOPRO_EXTENSIONS } from '@/src/plugin/extension-ids';
import { extensionConflicts, interpretProbe, interpretSignature, problemsOfError, type ProbeContext } from '@/src/plugin/interpret';
import type { ProbeReport } from '@/src/plugin/probe/report';
import { emptyReport } from '@/src/plugin/probe/run';

const NOW = new Date('2026-11-25T12:00:00Z');
const ctx = (over: Partial<ProbeContext> = {}): ProbeContext => ({ nmcades: 'installed', needsGostTls: false, now: NOW, ...over });
const ids = (problems: { id: string }[]): string[] => problems.map((p) => p.id).sort();

/** A report of a working plug-in; tests change what they are about. */
function working(over: (r: ProbeReport) => void = () => undefined): ProbeReport {
  const r = emptyReport();
  r.path = 'bridge';
  r.bridge = { tried: [{ id: 'x', loaded: true }], source: 'loaded', handshake: 'ok', extensionId: 'x', extensionVersion: '1.3.17' };
  r.about = { ok: true, pluginVersion: '2.0.15700', version: '2.0.15700' };
  r.providers = [{ type: 80, name: 'Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider', version: '5.0.13800' }, { type: 77, error: { code: '0x80090017', message: 'x' } }];
  r.licenses = [{ product: 'csp', valid: true, validTo: 'Unlimited' }];
  over(r);
  return r;
}

describe('reaching the plug-in', () => {
  it('no bridge answered: the extension is missing, and the native part too when discovery says so', () => {
    const r = emptyReport();
    r.bridge.tried = [{ id: 'a', loaded: false }];
    expect(ids(interpretProbe(r, ctx()))).toEqual(['plugin-extension-missing']);
    expect(ids(interpretProbe(r, ctx({ nmcades: 'missing' })))).toEqual(['plugin-extension-missing', 'plugin-host-missing']);
  });

  it('the bridge loaded but its content script is silent: reload the page', () => {
    const r = emptyReport();
    r.bridge = { tried: [], source: 'loaded', handshake: 'timeout', extensionId: 'x', extensionVersion: null };
    expect(ids(interpretProbe(r, ctx()))).toEqual(['plugin-connection-lost']);
  });

  it('the extension answered but the native part did not: missing host, hang, refused access, or another code', () => {
    const base = (): ProbeReport => {
      const r = emptyReport();
      r.bridge = { tried: [], source: 'loaded', handshake: 'ok', extensionId: 'x', extensionVersion: '1.3.17' };
      return r;
    };
    const missing = base();
    missing.about = { ok: false, error: { code: null, message: 'Specified native messaging host not found.' } };
    expect(ids(interpretProbe(missing, ctx({ nmcades: 'missing' })))).toEqual(['plugin-host-missing']);
    expect(ids(interpretProbe(missing, ctx({ nmcades: 'unknown' })))).toEqual(['plugin-host-missing']);
    const hang = base();
    hang.about = { ok: false, timedOut: true, error: { code: null, message: 'no answer' } };
    expect(ids(interpretProbe(hang, ctx()))).toEqual(['plugin-load-timeout']);
    // The real extension's silence when the browser says the host is not registered: missing, not hung.
    const silent = base();
    silent.about = { ok: false, timedOut: true, silentMs: 800, error: { code: null, message: 'CreatePluginObject: no answer in 800 ms' } };
    expect(ids(interpretProbe(silent, ctx({ nmcades: 'missing' })))).toEqual(['plugin-host-missing']);
    // Silence counted with the site loader's own wait is said in the evidence.
    hang.loader = { state: 'pending' };
    hang.about = { ...hang.about, silentMs: 4100 };
    expect(interpretProbe(hang, ctx({ nmcades: 'installed' }))[0]!.evidence).toContain('silent for 4.1 s, counting the site loader');
    const denied = base();
    denied.path = 'bridge';
    denied.about = { ok: false, error: { code: '0x000004C7', message: 'Операция была отменена пользователем. (0x000004C7)' } };
    expect(ids(interpretProbe(denied, ctx()))).toEqual(['plugin-site-access-denied']);
  });
});

describe('plug-in and CSP facts', () => {
  it('a healthy stack has no problems', () => {
    expect(interpretProbe(working(), ctx())).toEqual([]);
  });

  it('a licence ending within 30 days is csp-license-expiring (the CSP always, the OCSP/TSP clients when time-limited)', () => {
    const inDays = (n: number): string => {
      const d = new Date(NOW.getTime() + n * 86_400_000);
      return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
    };
    const soon = interpretProbe(working((r) => (r.licenses = [{ product: 'csp', valid: true, validTo: inDays(12) }])), ctx());
    expect(ids(soon)).toEqual(['csp-license-expiring']);
    expect(soon[0]!.evidence).toMatch(/^CryptoPro CSP licence ends \d{4}-\d\d-\d\d \(in 12 days\)$/);
    expect(ids(interpretProbe(working((r) => (r.licenses = [{ product: 'csp', valid: true, validTo: inDays(45) }])), ctx()))).toEqual([]);
    expect(ids(interpretProbe(working((r) => r.licenses.push({ product: 'tsp', valid: true, validTo: inDays(3) })), ctx()))).toEqual(['csp-license-expiring']);
    expect(ids(interpretProbe(working((r) => r.licenses.push({ product: 'ocsp', valid: true, validTo: 'Unlimited' })), ctx()))).toEqual([]);
  });

  it('csp-missing needs CSPVersion to fail or the plug-in to say 0.0.0000; a failing CSPName alone is not it', () => {
    expect(ids(interpretProbe(working((r) => (r.providers = [{ type: 80, version: '5.0.13800', error: { code: '0x80090017', message: 'CSPName (0x80090017)' } }])), ctx()))).toEqual([]);
    expect(ids(interpretProbe(working((r) => (r.providers = [{ type: 80, error: { code: '0x80090017', message: 'CSPVersion (0x80090017)' } }])), ctx()))).toEqual(['csp-missing']);
    expect(ids(interpretProbe(working((r) => (r.about = { ok: true, pluginVersion: '0.0.0000', version: '0.0.0000' })), ctx()))).toContain('csp-missing');
  });

  it('a connection cut mid-check says only that: nothing is concluded from a half-read report', () => {
    const lost = working((r) => {
      r.lost = { answered: 12, unanswered: 5 };
      r.licenses = [{ product: 'csp', valid: false, validTo: 'Expired 15.11.2026' }];
    });
    const problems = interpretProbe(lost, ctx());
    expect(ids(problems)).toEqual(['plugin-connection-lost']);
    expect(problems[0]!.evidence).toContain('answered 12 requests, then 5 went unanswered');
    expect(ids(interpretSignature({ ...lost, signature: { thumbprint: 'AB', ok: false, error: { code: null, message: 'SignCades: no answer in 120000 ms' }, ms: 120_000 } }, ctx()))).toEqual(['plugin-connection-lost']);
  });

  it('old plug-in, no CSP, CSP 4 where GOST TLS is needed, ViPNet next to CryptoPro, expired licence', () => {
    expect(ids(interpretProbe(working((r) => (r.about.pluginVersion = '2.0.13642')), ctx()))).toEqual(['plugin-outdated']);
    expect(ids(interpretProbe(working((r) => (r.providers = [{ type: 80, error: { code: '0x80090017', message: 'x' } }])), ctx()))).toEqual(['csp-missing']);
    expect(ids(interpretProbe(working((r) => (r.providers[0]!.version = '4.0.9963')), ctx({ needsGostTls: true })))).toEqual(['csp-outdated']);
    expect(interpretProbe(working((r) => (r.providers[0]!.version = '4.0.9963')), ctx())).toMatchObject([{ id: 'csp-outdated', rule: 'csp-4-development-ended' }]);
    expect(ids(interpretProbe(working((r) => r.providers.push({ type: 2, name: 'Infotecs Cryptographic Service Provider', version: '4.4.2' })), ctx()))).toEqual(['csp-conflict']);
    expect(ids(interpretProbe(working((r) => (r.licenses = [{ product: 'csp', valid: false, validTo: 'Expired 15.11.2026' }])), ctx()))).toEqual(['csp-license-expired']);
    expect(ids(interpretProbe(working((r) => (r.licenses = [{ product: 'csp', valid: true, validTo: '01.01.2026' }])), ctx()))).toEqual(['csp-license-expired']);
    expect(ids(interpretProbe(working((r) => (r.licenses = [{ product: 'csp', valid: true, validTo: '31.12.2027' }])), ctx()))).toEqual([]);
  });

  it('the site\'s loader failed but the plug-in answers the probe: reload the page', () => {
    const r = working((x) => (x.loader = { state: 'rejected', message: 'Плагин недоступен' }));
    const problems = interpretProbe(r, ctx());
    expect(ids(problems)).toEqual(['plugin-connection-lost']);
    expect(problems[0]!.evidence).toContain('Плагин недоступен');
    // Through the site's own working loader there is nothing to say.
    expect(interpretProbe(working((x) => ((x.loader = { state: 'resolved' }), (x.path = 'page'))), ctx())).toEqual([]);
  });

  it('a plug-in that reads 0.0.0000 (no CSP) falls back to its Version string for the version rule', () => {
    expect(ids(interpretProbe(working((r) => (r.about = { ok: true, pluginVersion: '0.0.0000', version: '2.0.12000' })), ctx()))).toEqual(['plugin-outdated']);
  });
});

describe('signing extensions', () => {
  const ext = (id: string, enabled: boolean, over: { name?: string; version?: string; installType?: 'admin' | 'development' | 'normal' | 'sideload' | 'other' } = {}) => ({ id, enabled, name: over.name ?? 'x', version: over.version ?? '1.0', ...(over.installType ? { installType: over.installType } : {}) });

  it('both CryptoPro extensions, or both Госуслуги extensions, enabled is a conflict; a disabled one is not', () => {
    expect(extensionConflicts([ext(CRYPTOPRO_EXTENSIONS.mv3, true), ext(CRYPTOPRO_EXTENSIONS.mv2, true)]).map((p) => p.id)).toEqual(['signing-extension-conflict']);
    expect(extensionConflicts([ext(CRYPTOPRO_EXTENSIONS.mv3, true), ext(CRYPTOPRO_EXTENSIONS.mv2, false)])).toEqual([]);
    expect(extensionConflicts([ext('jabjbhgjaidecageckilhonbggakppme', true), ext('pbefkdcndngodfeigfdgiodgnmbgcfha', true)])[0]?.evidence).toContain('Госплагин');
    expect(extensionConflicts([])).toEqual([]);
  });

  it('Chromium-Gost installs both CryptoPro extensions and both Госуслуги ones itself: no conflict there, but a third copy still is', () => {
    const both = [ext(CRYPTOPRO_EXTENSIONS.mv3, true, { version: '1.3.17', installType: 'normal' }), ext(CRYPTOPRO_EXTENSIONS.mv2, true, { version: '1.2.13', installType: 'normal' })];
    const gos = [ext('jabjbhgjaidecageckilhonbggakppme', true), ext('pbefkdcndngodfeigfdgiodgnmbgcfha', true)];
    expect(extensionConflicts([...both, ...gos], CRYPTOPRO_EXTENSIONS.mv3, 'chromium-gost')).toEqual([]);
    expect(extensionConflicts([...both, ...gos], CRYPTOPRO_EXTENSIONS.mv3, 'chrome').map((p) => p.id)).toEqual(['signing-extension-conflict', 'signing-extension-conflict']);
    const extra = ext('abcdefghijklmnopabcdefghijklmnop', true, { name: 'CryptoPro Extension for CAdES Browser Plug-in', version: '1.3.8', installType: 'admin' });
    const problems = extensionConflicts([...both, extra], CRYPTOPRO_EXTENSIONS.mv3, 'chromium-gost');
    expect(problems.map((p) => p.id)).toEqual(['signing-extension-conflict']);
    expect(problems[0]!.evidence).toContain('1.2.13 (bundled with Chromium-Gost)');
    expect(problems[0]!.evidence).toContain('1.3.8 (installed by policy)');
  });

  it('two copies of the CryptoPro extension (a browser-bundled one beside the store\'s): each named with its version and how it was installed, and the one the page used', () => {
    const bundled = ext('abcdefghijklmnopabcdefghijklmnop', true, { name: 'CryptoPro Extension for CAdES Browser Plug-in', version: '1.3.8', installType: 'sideload' });
    const store = ext(CRYPTOPRO_EXTENSIONS.mv3, true, { version: '1.3.17', installType: 'normal' });
    const problems = extensionConflicts([bundled, store], CRYPTOPRO_EXTENSIONS.mv3);
    expect(problems.map((p) => p.id)).toEqual(['signing-extension-conflict']);
    expect(problems[0]!.evidence).toBe(`2 copies of the CryptoPro extension enabled: abcdefghijklmnopabcdefghijklmnop 1.3.8 (installed by another program (e.g. the browser's own bundle)); ${CRYPTOPRO_EXTENSIONS.mv3} 1.3.17 (from a store, used by this page)`);
    // An unrelated extension with another name is not a copy.
    expect(extensionConflicts([ext('abcdefghijklmnopabcdefghijklmnop', true, { name: 'Адаптер Рутокен Плагин' }), store])).toEqual([]);
  });
});


describe('errors and the test signature', () => {
  it.each([
    ['0x800B010C', 'cert-revoked'],
    ['0x80090010', 'key-usage-period-expired'],
    ['0x8009200B', 'cert-no-private-key'],
    ['0x80090016', 'key-container-missing'],
    ['0x8007065B', 'csp-license-expired'],
    ['0x800B010A', 'chain-untrusted'],
    ['0x8010006B', 'pin-wrong'],
    ['0x8010006E', 'user-cancelled'],
    ['0x80091234', 'unknown-signing-error'],
  ])('%s → %s', (code, id) => {
    expect(problemsOfError({ code, message: `Ошибка. (${code})` }, 'plugin', 'SignCades').map((p) => p.id)).toEqual([id]);
    const r = working((x) => (x.signature = { thumbprint: 'AB', ok: false, error: { code, message: `Ошибка. (${code})` }, ms: 5 }));
    expect(ids(interpretSignature(r, ctx()))).toEqual([id]);
  });

  it('a successful test signature has no problems', () => {
    expect(interpretSignature(working((r) => (r.signature = { thumbprint: 'AB', ok: true, ms: 5 })), ctx())).toEqual([]);
  });

  it('evidence keeps the code and the words, without the duplicated tail', () => {
    const [p] = problemsOfError({ code: '0x80090016', message: 'Набор ключей не существует. (0x80090016)' }, 'plugin', 'PrivateKey');
    expect(p!.evidence).toBe('PrivateKey: Набор ключей не существует. (0x80090016)');
    expect(p!.severity).toBe('error');
  });
});
