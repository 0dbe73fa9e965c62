import { describe, expect, it } from 'vitest';
import { browserInfo, clockSkewSeconds } from '@/src/core/browser-info';
import { nativeHostState } from '@/src/plugin/native-host-state';
import { parseProbeReport } from '@/src/plugin/probe-schema';
import { callError, Timeout, withTimeout } from '@/src/plugin/probe/call';
import { firstAnswerWait, TIMEOUTS } from '@/src/plugin/probe/connect';
import { emptyReport } from '@/src/plugin/probe/run';

describe('plug-in errors as data', () => {
  it('keeps the code in canonical form and the words, bounded', () => {
    expect(callError(new Error('Набор ключей не существует. (0x80090016)'))).toEqual({ code: '0x80090016', message: 'Набор ключей не существует. (0x80090016)' });
    expect(callError('Плагин недоступен')).toEqual({ code: null, message: 'Плагин недоступен' });
    expect(callError({ message: 'x 0x8009200b' }).code).toBe('0x8009200B');
    expect(callError(new Error('a'.repeat(5000))).message).toHaveLength(300);
    expect(callError(undefined)).toEqual({ code: null, message: 'undefined' });
  });

  it('bounds a call in time', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20, 'About')).rejects.toBeInstanceOf(Timeout);
    await expect(withTimeout(Promise.resolve(5), 20, 'x')).resolves.toBe(5);
    await expect(withTimeout(Promise.reject(new Error('no')), 20, 'x')).rejects.toThrow('no');
  });
});

describe('how long the probe waits for the plug-in\'s first answer', () => {
  it('a native host the browser says is not registered: the real extension stays silent, so only a short confirmation', () => {
    expect(firstAnswerWait('missing', null, 10_000)).toEqual({ ms: TIMEOUTS.hostMissing, since: 10_000 });
    expect(firstAnswerWait('missing', 30_000, 10_000).ms).toBe(TIMEOUTS.hostMissing);
  });

  it('no page request waiting: the full first-answer time (a slow first start of an installed host fits in it)', () => {
    expect(firstAnswerWait('installed', null, 10_000)).toEqual({ ms: TIMEOUTS.firstAnswer, since: 10_000 });
    expect(firstAnswerWait('unknown', null, 0).ms).toBeGreaterThan(3000);
  });

  it('the site loader has already waited: the silence counts from its request, never less than the probe\'s own least wait', () => {
    expect(firstAnswerWait('installed', 3300, 10_000)).toEqual({ ms: TIMEOUTS.ownWait, since: 6700 });
    expect(firstAnswerWait('installed', 1000, 10_000)).toEqual({ ms: TIMEOUTS.silence - 1000, since: 9000 });
    expect(firstAnswerWait('installed', 60_000, 10_000).ms).toBe(TIMEOUTS.ownWait);
    // A host that needs 3 s from the page's first request answers before the silence limit.
    expect(TIMEOUTS.silence).toBeGreaterThan(3000);
  });
});

describe('native host discovery', () => {
  it.each([
    ['Access to the specified native messaging host is forbidden.', 'installed'],
    ['Specified native messaging host not found.', 'missing'],
    // Firefox ESR 153 says it for a registered host that does not list us too.
    ['No such native application ru.cryptopro.nmcades', 'unknown'],
    ['This extension does not have permission to use native application ru.cryptopro.nmcades', 'installed'],
    ['This extension does not have permission to use native application ru.cryptopro.nmcades (or the application is not installed)', 'unknown'],
    ['Native host has exited.', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s → %s', (message, state) => {
    expect(nativeHostState(message)).toBe(state);
  });
});

describe('browser and clock', () => {
  const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
  it('tells the browsers that can do GOST TLS', () => {
    expect(browserInfo(`${chrome} YaBrowser/25.10.1.1000 Yowser/2.5`)).toEqual({ name: 'yandex', version: '25.10.1.1000', gostTls: true });
    expect(browserInfo(chrome, [{ brand: 'Chromium-Gost', version: '142' }])).toMatchObject({ name: 'chromium-gost', gostTls: true });
    // The real Chromium-Gost: «Chromium GOST» in the platform part of the user agent, only Chromium's brands.
    const gost = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; Chromium GOST) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/148.0.7778.254 Safari/537.36';
    expect(browserInfo(gost, [{ brand: 'Chromium', version: '148' }, { brand: 'Not/A)Brand', version: '24' }])).toEqual({ name: 'chromium-gost', version: '148.0.7778.254', gostTls: true });
    expect(browserInfo(chrome, [{ brand: 'Google Chrome', version: '142' }])).toMatchObject({ name: 'chrome', version: '142.0.0.0', gostTls: false });
    expect(browserInfo(`${chrome} Edg/142.0.0.0`)).toMatchObject({ name: 'edge', gostTls: false });
    expect(browserInfo('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toMatchObject({ name: 'firefox', version: '140.0' });
  });

  it('measures skew against the middle of the request', () => {
    const sent = Date.parse('2026-11-25T12:00:00Z');
    expect(clockSkewSeconds('Wed, 25 Nov 2026 12:20:00 GMT', sent, sent + 200)).toBe(1200);
    expect(Math.abs(clockSkewSeconds('Wed, 25 Nov 2026 11:59:59 GMT', sent, sent + 200) ?? 99)).toBeLessThanOrEqual(1);
    expect(clockSkewSeconds(null, sent, sent)).toBeNull();
    expect(clockSkewSeconds('yesterday-ish', sent, sent)).toBeNull();
  });
});

describe('the probe report schema (page-controlled data)', () => {
  it('accepts what the probe makes and drops unknown keys', () => {
    const report = { ...emptyReport(), injected: '<img src=x onerror=alert(1)>' };
    const parsed = parseProbeReport(report);
    expect(parsed).not.toBeNull();
    expect(parsed).not.toHaveProperty('injected');
  });

  it('rejects giant strings, long lists and wrong types', () => {
    const giant = emptyReport();
    giant.about = { ok: true, pluginVersion: 'x'.repeat(10_000) };
    expect(parseProbeReport(giant)).toBeNull();
    const many = emptyReport();
    many.stores.my.certificates = Array.from({ length: 51 }, () => ({ errors: {} }));
    expect(parseProbeReport(many)).toBeNull();
    expect(parseProbeReport({ ...emptyReport(), v: 2 })).toBeNull();
    expect(parseProbeReport(null)).toBeNull();
    expect(parseProbeReport('report')).toBeNull();
    const badCode = emptyReport();
    badCode.about = { ok: false, error: { code: '0x1', message: 'x' } };
    expect(parseProbeReport(badCode)).toBeNull();
  });
});
