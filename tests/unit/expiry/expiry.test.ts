import { describe, expect, it } from 'vitest';
import type { CheckResult } from '@/src/core/check-result';
import { certmgrDate, itemsFromCheck, itemsFromHost, versionsFromCheck } from '@/src/core/expiry/collect';
import { mergeExpiry, setMuted } from '@/src/core/expiry/merge';
import { DEFAULT_EXPIRY_SETTINGS, DEFAULT_QUIET_HOURS, DEFAULT_THRESHOLDS, EMPTY_EXPIRY, parseExpirySettings, parseExpiryState, type ExpiryItem } from '@/src/core/expiry/model';
import { daysLeft, dueReminders, expiryBadge, inQuietHours, markReminded } from '@/src/core/expiry/reminders';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const DAY = 86_400_000;
const HEAD = 'CN=ООО "РОМАШКА", SN=Иванов, G=Иван Петрович, T=Генеральный директор, O=ООО "РОМАШКА", C=RU, INN=770123456789, SNILS=11223344595';
const CA = 'CN=ТЕСТОВЫЙ УЦ ФНС России, O=Федеральная налоговая служба, C=RU';

function check(certificates: Partial<NonNullable<CheckResult['facts']>['certificates'][number]>[], licenses: NonNullable<CheckResult['facts']>['licenses'] = []): CheckResult {
  return {
    v: 1, id: 'c', kind: 'quick', status: 'done', tabId: 1, pageUrl: 'https://www.sberbank-ast.ru/sign', platformId: 'sberbank-ast', startedAt: NOW, finishedAt: NOW, problems: [], pageFindings: [],
    timings: { total: 1, probe: 1, discovery: 1, analysis: 1 },
    facts: {
      browser: { name: 'chrome', version: '156', userAgent: 'UA', gostTls: false }, os: { os: 'linux', arch: 'x86-64' },
      extension: { id: null, version: null, answered: true }, plugin: { version: '2.0.15700', path: 'bridge' }, providers: [], licenses, nativeHosts: [], extensions: null,
      certificates: certificates.map((c) => ({ thumbprint: 'AB'.repeat(20), subject: HEAD, issuer: CA, validFrom: null, validTo: null, keyValidTo: null, stores: ['my', 'container'], hasPrivateKey: true, pluginValid: true, container: null, provider: null, ownerKind: null, superseded: false, problems: [], ...c })),
      readers: null, clockSkewSeconds: null,
    },
  };
}

const item = (over: Partial<ExpiryItem>): ExpiryItem => ({ key: `certificate:${'AB'.repeat(20)}`, kind: 'certificate', owner: 'И*** И***', issuer: 'УЦ', endsAt: new Date(NOW + 20 * DAY).toISOString(), source: 'check', seenAt: NOW, platforms: [], ...over });

describe('what ends, from a check', () => {
  it('the user\'s certificates (owner masked, issuer by its CN), a key period ending first, and the licences', () => {
    const items = itemsFromCheck(
      check([
        { validTo: '2027-03-01T00:00:00.000Z', keyValidTo: '2026-12-20T00:00:00.000Z' },
        { thumbprint: 'CD'.repeat(20), validTo: '2026-12-30T00:00:00.000Z', keyValidTo: '2027-01-30T00:00:00.000Z' },
        { thumbprint: 'EF'.repeat(20), validTo: '2026-12-30T00:00:00.000Z', superseded: true },
        { thumbprint: '12'.repeat(20), validTo: '2026-12-30T00:00:00.000Z', hasPrivateKey: false, stores: ['my'] },
      ], [{ product: 'csp', state: 'valid', validTo: 'Expires 31.12.2026' }, { product: 'ocsp', state: 'unlimited', validTo: null }]),
      NOW,
    );
    expect(items.map((i) => [i.key.slice(0, 14), i.endsAt])).toEqual([
      ['certificate:AB', '2027-03-01T00:00:00.000Z'],
      ['key:ABABABABAB', '2026-12-20T00:00:00.000Z'],
      ['certificate:CD', '2026-12-30T00:00:00.000Z'],
      ['license:csp', '2026-12-31T23:59:59.000Z'],
    ]);
    expect(items[0]).toMatchObject({ kind: 'certificate', issuer: 'ТЕСТОВЫЙ УЦ ФНС России', source: 'check', platforms: ['sberbank-ast'] });
    expect(items[0]!.owner).not.toContain('Иванов');
    expect(items[0]!.owner).toContain('ООО "РОМАШКА"');
  });

  it('nothing from a check that did not finish', () => {
    expect(itemsFromCheck({ ...check([{ validTo: '2027-03-01T00:00:00.000Z' }]), status: 'failed' }, NOW)).toEqual([]);
  });
});

describe('what ends, from ep-doctor-host (no page)', () => {
  it('reads certmgr\'s day-first dates, skips certificates without a key link, and turns licence days into a date', () => {
    const items = itemsFromHost([{ name: 'cryptopro-csp', facts: {
      license: { state: 'valid', days: 12 },
      certificates: [
        { thumbprint: 'ab'.repeat(20), notAfter: '19/04/2027  08:55:47 UTC', privateKeyLink: true, subject: HEAD, issuer: CA },
        { thumbprint: 'cd'.repeat(20), notAfter: '19/04/2027  08:55:47 UTC', privateKeyLink: false },
        { thumbprint: 'not hex', notAfter: '19/04/2027  08:55:47 UTC', privateKeyLink: true },
        { thumbprint: 'ef'.repeat(20), notAfter: 'garbage', privateKeyLink: true },
      ],
    } }], NOW);
    expect(items.map((i) => [i.key.slice(0, 14), i.endsAt, i.source])).toEqual([
      ['certificate:AB', '2027-04-19T08:55:47.000Z', 'host'],
      ['license:csp', new Date(NOW + 12 * DAY).toISOString(), 'host'],
    ]);
  });

  it('certmgr dates: day first, invalid days refused, ISO accepted', () => {
    expect(certmgrDate('08/01/2040  13:32:39 UTC')?.toISOString()).toBe('2040-01-08T13:32:39.000Z');
    expect(certmgrDate('31/02/2027  00:00:00 UTC')).toBeNull();
    expect(certmgrDate('2027-05-01T00:00:00.000Z')?.toISOString()).toBe('2027-05-01T00:00:00.000Z');
  });

  it('a hostile or old host reply gives nothing rather than throwing', () => {
    expect(itemsFromHost([{ name: 'cryptopro-csp', facts: { certificates: 'x', license: { state: 'valid', days: 1e12 } } }], NOW)).toEqual([]);
    expect(itemsFromHost([{ name: 'clock', facts: {} }], NOW)).toEqual([]);
  });
});

describe('remembering', () => {
  it('a new reading updates the end, adds platforms, keeps the check\'s owner over the host\'s «?», and forgets what is long unseen or ended', () => {
    let state = mergeExpiry(EMPTY_EXPIRY, [item({ platforms: ['sberbank-ast'] })], NOW);
    state = mergeExpiry(state, [item({ owner: '?', issuer: '', source: 'host', platforms: ['roseltorg'], endsAt: new Date(NOW + 21 * DAY).toISOString() })], NOW + DAY, true);
    expect(state.items).toHaveLength(1);
    expect(state.items[0]).toMatchObject({ owner: 'И*** И***', issuer: 'УЦ', source: 'host', platforms: ['sberbank-ast', 'roseltorg'] });
    expect(state.hostReadAt).toBe(NOW + DAY);
    expect(mergeExpiry(state, [], NOW + 47 * DAY).items).toEqual([]);
    const ended = mergeExpiry(EMPTY_EXPIRY, [item({ endsAt: new Date(NOW - 31 * DAY).toISOString() })], NOW);
    expect(ended.items).toEqual([]);
  });

  it('muting is kept only for items that exist, and a stored state that does not parse starts empty', () => {
    const state = mergeExpiry(EMPTY_EXPIRY, [item({})], NOW);
    expect(setMuted(state, state.items[0]!.key, true).muted).toEqual([state.items[0]!.key]);
    expect(setMuted(state, 'license:csp', true).muted).toEqual([]);
    expect(parseExpiryState({ v: 2 })).toEqual(EMPTY_EXPIRY);
    expect(parseExpiryState({ ...state, items: [{ ...state.items[0], key: '<script>' }] })).toEqual(EMPTY_EXPIRY);
  });
});

describe('reminders', () => {
  const opts = { thresholds: DEFAULT_THRESHOLDS, quietHours: DEFAULT_QUIET_HOURS };
  const at = (days: number) => mergeExpiry(EMPTY_EXPIRY, [item({ endsAt: new Date(NOW + days * DAY - 1000).toISOString() })], NOW);

  it('one reminder per threshold reached: 30, 14, 7 and 1 days before', () => {
    expect(daysLeft(new Date(NOW + 13.5 * DAY).toISOString(), NOW)).toBe(14);
    expect(dueReminders(at(31), NOW, 12, opts)).toEqual([]);
    expect(dueReminders(at(30), NOW, 12, opts).map((r) => r.threshold)).toEqual([30]);
    expect(dueReminders(at(14), NOW, 12, opts).map((r) => r.threshold)).toEqual([14]);
    expect(dueReminders(at(1), NOW, 12, opts).map((r) => r.threshold)).toEqual([1]);
    const shown = markReminded(at(14), dueReminders(at(14), NOW, 12, opts));
    expect(dueReminders(shown, NOW, 12, opts)).toEqual([]);
    // A day later, still within 14: nothing new; at 7 the next one.
    expect(dueReminders(shown, NOW + DAY, 12, opts)).toEqual([]);
    expect(dueReminders(shown, NOW + 7 * DAY, 12, opts).map((r) => r.threshold)).toEqual([7]);
  });

  it('a computer that was off at 30 days gets one reminder at 14, not two; none once it ended; none when muted', () => {
    const reminders = dueReminders(at(10), NOW, 12, opts);
    expect(reminders.map((r) => r.threshold)).toEqual([14]);
    expect(dueReminders(at(-1), NOW, 12, opts)).toEqual([]);
    const state = at(5);
    expect(dueReminders(setMuted(state, state.items[0]!.key, true), NOW, 12, opts)).toEqual([]);
  });

  it('quiet hours (wrapping midnight) hold reminders back; the badge still counts', () => {
    expect(inQuietHours(22, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(inQuietHours(8, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(inQuietHours(9, DEFAULT_QUIET_HOURS)).toBe(false);
    expect(inQuietHours(13, { from: 13, to: 14 })).toBe(true);
    expect(inQuietHours(3, null)).toBe(false);
    expect(dueReminders(at(5), NOW, 23, opts)).toEqual([]);
    expect(expiryBadge(at(5), NOW, DEFAULT_THRESHOLDS)).toEqual({ days: 5, urgent: true });
    expect(expiryBadge(at(20), NOW, DEFAULT_THRESHOLDS)).toEqual({ days: 20, urgent: false });
    expect(expiryBadge(at(40), NOW, DEFAULT_THRESHOLDS)).toBeNull();
  });
});

describe('settings', () => {
  it('each field falls back to the default on its own; quiet hours may be switched off', () => {
    expect(parseExpirySettings(undefined)).toEqual(DEFAULT_EXPIRY_SETTINGS);
    expect(parseExpirySettings({ quietHours: null })).toEqual({ thresholds: [30, 14, 7, 1], quietHours: null });
    expect(parseExpirySettings({ thresholds: [60, 30], quietHours: { from: 25, to: 3 } })).toEqual({ thresholds: [60, 30], quietHours: DEFAULT_QUIET_HOURS });
    expect(parseExpirySettings({ thresholds: [] })).toEqual(DEFAULT_EXPIRY_SETTINGS);
  });
});

describe('a page that reports many certificates', () => {
  it('cannot push out what ep-doctor-host read', () => {
    const host = item({ key: `certificate:${'EE'.repeat(20)}`, source: 'host', endsAt: new Date(NOW + 300 * DAY).toISOString() });
    let state = mergeExpiry(EMPTY_EXPIRY, [host], NOW, true);
    const flood = Array.from({ length: 80 }, (_, i) => item({ key: `certificate:${i.toString(16).toUpperCase().padStart(40, '0')}`, endsAt: new Date(NOW + (i + 1) * DAY).toISOString() }));
    state = mergeExpiry(state, flood, NOW);
    expect(state.items).toHaveLength(60);
    expect(state.items.some((i) => i.key === host.key)).toBe(true);
  });
});

describe('versions', () => {
  it('the CryptoPro CSP and plug-in versions a check read, or nothing', () => {
    const result = check([]);
    result.facts!.providers = [{ type: 2, name: 'Microsoft', version: '1.0' }, { type: 80, name: 'Crypto-Pro GOST R 34.10-2012', version: '5.0.13800' }];
    expect(versionsFromCheck(result, NOW)).toEqual({ csp: '5.0.13800', plugin: '2.0.15700', at: NOW });
    result.facts!.providers = [];
    result.facts!.plugin = { version: null, path: 'none' };
    expect(versionsFromCheck(result, NOW)).toBeNull();
  });
});
