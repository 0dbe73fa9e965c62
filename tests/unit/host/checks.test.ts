import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockCheck } from '@/src/host/checks/clock';
import { parseCertmgrList } from '@/src/host/checks/cryptopro-parse';
import { caKey, KNOWN_CAS, rootsCheck } from '@/src/host/checks/roots';
import { tokensCheck, tokensOf, unixSmartCard, type SmartCardState } from '@/src/host/checks/tokens';
import type { ToolRunner } from '@/src/host/run-tool';
import { sharedDir } from '../../helpers/shared';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/host');
const REAL = path.join(sharedDir(), 'fixtures/certs/real');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const EMPTY = 'Certmgr 1.1 (c) "Crypto-Pro",  2007-2024.\n\n[ErrorCode: 0x00000000]\n';

/** certmgr standing in per store; every call recorded. */
function certmgr(stores: Partial<Record<string, string>>): { run: ToolRunner; calls: string[][] } {
  const calls: string[][] = [];
  const run: ToolRunner = async (tool, args) => {
    calls.push([tool, ...args]);
    return { text: stores[args[2] ?? ''] ?? EMPTY, code: 0, timedOut: false };
  };
  return { run, calls };
}

describe('root and CA certificates', () => {
  it('the bundled thumbprints are those of the real certificates', () => {
    for (const ca of KNOWN_CAS) {
      const cert = new X509Certificate(readFileSync(path.join(REAL, `${ca.id}.pem`)));
      expect(cert.fingerprint.replaceAll(':', '')).toBe(ca.thumbprint);
      expect(cert.subject).toContain(`CN=${ca.name}`);
      expect(new Date(cert.validTo).toISOString().slice(0, 10)).toBe(ca.validTo);
    }
  });

  it('names a CA by OGRN when it has one, else by its CN', () => {
    expect(caKey('INNLE=7707329152, OGRN=1047707030513, CN=Федеральная налоговая служба')).toBe('ogrn:1047707030513');
    expect(caKey('CN="ТЕСТОВЫЙ  УЦ", O=X')).toBe('cn:тестовый уц');
    expect(caKey('CN=ТЕСТОВЫЙ УЦ')).toBe(caKey('O=Y, CN=Тестовый уц'));
  });

  const personal = parseCertmgrList(fixture('certmgr-list-umy.txt'));

  it('Минцифры root in mRoot and the ФНС CA in mCA: nothing to report; all four stores read with certmgr only', async () => {
    const { run, calls } = certmgr({ mRoot: fixture('certmgr-list-mroot.txt'), mCA: fixture('certmgr-list-mca.txt') });
    const check = await rootsCheck({ certmgr: '/opt/cprocsp/bin/amd64/certmgr', run, personal });
    expect(check.problems).toEqual([]);
    expect(check.status).toBe('ok');
    expect(calls.map((c) => c.join(' ')).sort()).toEqual(['uRoot', 'mRoot', 'uCA', 'mCA'].map((s) => `/opt/cprocsp/bin/amd64/certmgr -list -store ${s}`).sort());
    expect(check.facts['known']).toEqual([
      { id: 'mincifry-root-2022', installed: true },
      { id: 'fns-ca-2022', installed: true },
      { id: 'kazna-ca-2025', installed: false },
    ]);
  });

  it('no Минцифры root: chain-untrusted naming it; a CA certificate in a root store does not count as the root', async () => {
    const { run } = certmgr({ uCA: fixture('certmgr-list-mroot.txt'), mCA: fixture('certmgr-list-mca.txt') });
    const check = await rootsCheck({ certmgr: 'certmgr', run, personal });
    expect(check.problems).toEqual([{ id: 'chain-untrusted', evidence: expect.stringContaining('no «Минцифры России» root certificate (2F0CB09B…'), cause: { key: 'root-missing', params: { name: 'Минцифры России' } } }]);
  });

  it('the CA of a personal certificate with a key missing: chain-untrusted naming the CA and the certificate', async () => {
    const { run } = certmgr({ mRoot: fixture('certmgr-list-mroot.txt') });
    const check = await rootsCheck({ certmgr: 'certmgr', run, personal });
    expect(check.problems).toEqual([
      {
        id: 'chain-untrusted',
        evidence: 'the CA certificate of «Федеральная налоговая служба», issuer of 87AE3E9B, is in none of CryptoPro\'s CA stores (uCA, mCA, uRoot, mRoot)',
        cause: { key: 'ca-missing', params: { name: 'Федеральная налоговая служба' } },
      },
    ]);
  });

  it('a certmgr that hangs makes the check a timeout, not «ok»', async () => {
    const run: ToolRunner = async () => ({ text: '', code: null, timedOut: true });
    expect((await rootsCheck({ certmgr: 'certmgr', run, personal: [] })).status).toBe('timeout');
  });
});

describe('tokens and the smart-card service', () => {
  const fine: SmartCardState = { service: 'on-demand', drivers: { 'cryptopro-pcsc': true } };
  it('groups containers by token, leaving out disk, registry and flash', () => {
    expect([...tokensOf(['\\\\.\\Aktiv Rutoken ECP 00 00\\a', '\\\\.\\Aktiv Rutoken ECP 00 00\\b', '\\\\.\\HDIMAGE\\c', '\\\\.\\FLASH\\d', '\\\\.\\JaCarta GOST 2.0 00\\e', 'garbage'])]).toEqual([
      ['Aktiv Rutoken ECP 00 00', 2],
      ['JaCarta GOST 2.0 00', 1],
    ]);
  });

  it('containers on two tokens: multiple-tokens naming both', () => {
    const check = tokensCheck({ containers: ['\\\\.\\Aktiv Rutoken ECP 00 00\\a', '\\\\.\\Aktiv Rutoken ECP 01 00\\b'], smartCard: fine });
    expect(check.problems).toEqual([
      {
        id: 'multiple-tokens',
        evidence: 'key containers on 2 tokens: Aktiv Rutoken ECP 00 00 (1), Aktiv Rutoken ECP 01 00 (1)',
        cause: { key: 'several-tokens', params: { count: '2', tokens: 'Aktiv Rutoken ECP 00 00 (1), Aktiv Rutoken ECP 01 00 (1)' } },
      },
    ]);
  });

  it('no container while pcscd is stopped or missing, or without CryptoPro\'s PC/SC module: token-not-detected saying why', () => {
    expect(tokensCheck({ containers: [], smartCard: { service: 'stopped', drivers: {} } }).problems[0]?.evidence).toContain('is stopped');
    expect(tokensCheck({ containers: [], smartCard: { service: 'missing', drivers: {} } }).problems[0]?.evidence).toContain('is not installed');
    expect(tokensCheck({ containers: [], smartCard: { service: 'on-demand', drivers: { 'cryptopro-pcsc': false } } }).problems[0]?.evidence).toContain('cprocsp-rdr-pcsc');
    expect(tokensCheck({ containers: [], smartCard: fine }).problems).toEqual([]);
  });

  it('disk containers with pcscd stopped, or an unknown container list: nothing invented', () => {
    expect(tokensCheck({ containers: ['\\\\.\\HDIMAGE\\c'], smartCard: { service: 'stopped', drivers: {} } }).problems).toEqual([]);
    expect(tokensCheck({ containers: null, smartCard: { service: 'missing', drivers: {} } }).problems).toEqual([]);
  });

  describe('read from a Linux file system', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'host-root-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));
    const touch = (rel: string, text = '') => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };

    it('pcscd: missing, installed but stopped, socket-activated, running', () => {
      expect(unixSmartCard('linux', root).service).toBe('missing');
      touch('usr/sbin/pcscd');
      expect(unixSmartCard('linux', root).service).toBe('stopped');
      touch('run/pcscd/pcscd.comm');
      expect(unixSmartCard('linux', root).service).toBe('on-demand');
      touch('proc/812/comm', 'pcscd\n');
      expect(unixSmartCard('linux', root).service).toBe('running');
    });

    it('drivers: Rutoken and JaCarta libraries, CryptoPro reader modules with a version suffix', () => {
      expect(unixSmartCard('linux', root).drivers).toEqual({ rutoken: false, jacarta: false, 'cryptopro-pcsc': false, 'cryptopro-rutoken': false, 'cryptopro-jacarta': false });
      touch('usr/lib/x86_64-linux-gnu/librtpkcs11ecp.so');
      touch('usr/lib64/libjcPKCS11-2.so');
      touch('opt/cprocsp/lib/amd64/librdrpcsc.so.4.0.4');
      touch('opt/cprocsp/lib/amd64/librdrrutoken.so.4.0.4');
      expect(unixSmartCard('linux', root).drivers).toEqual({ rutoken: true, jacarta: true, 'cryptopro-pcsc': true, 'cryptopro-rutoken': true, 'cryptopro-jacarta': false });
    });
  });
});

describe('the clock against the platform server', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const at = (skewSeconds: number) => ({ serverTime: new Date(now.getTime() + skewSeconds * 1000).toISOString(), localTime: now.getTime() });
  const check = (skew: number | null, timeZone = 'Europe/Moscow') => clockCheck({ platform: 'linux', root: '/nonexistent', now, timeZone, server: skew === null ? null : at(skew) });

  it('within five minutes: fine, with the zone and the skew as facts', () => {
    const c = check(-240);
    expect(c.problems).toEqual([]);
    expect(c.facts).toMatchObject({ timeZone: 'Europe/Moscow', serverSkewSeconds: -240, ntpSynchronized: null });
  });

  it('twenty minutes behind: clock-skew in minutes with the zone', () => {
    expect(check(20 * 60).problems).toEqual([
      {
        id: 'clock-skew',
        evidence: expect.stringMatching(/^the system clock is 20 min behind the platform server \(time zone Europe\/Moscow, UTC[+-]\d\d:\d\d; no NTP synchronisation seen\)$/),
        cause: { key: 'clock-behind', params: { minutes: '20' } },
      },
    ]);
  });

  it('three hours ahead, give or take a minute: the time zone is wrong, not the time', () => {
    expect(check(-3 * 3600 + 50).problems[0]).toMatchObject({ evidence: expect.stringMatching(/^the system clock is 3 h ahead of the platform server, a whole number of hours: the time zone .* is likely wrong/), cause: { key: 'time-zone-wrong', params: { hours: '3' } } });
  });

  it('a whole number of hours beyond 26 (time zones differ by at most 26 h) is the date, not the zone', () => {
    const two = check(48 * 3600 + 20).problems[0];
    expect(two).toMatchObject({ cause: { key: 'date-wrong', params: { days: '2', direction: 'behind' } }, evidence: expect.stringMatching(/^the system clock is 2 days behind the platform server: the date is wrong/) });
    expect(check(-27 * 3600).problems[0]).toMatchObject({ cause: { key: 'date-wrong', params: { days: '1', direction: 'ahead' } } });
    // Up to 26 h it may still be the zone (UTC−12 against UTC+14).
    expect(check(26 * 3600).problems[0]).toMatchObject({ cause: { key: 'time-zone-wrong', params: { hours: '26' } } });
  });

  it('no server time (or an unreadable one): no comparison, no problem', () => {
    expect(check(null).problems).toEqual([]);
    expect(clockCheck({ platform: 'linux', root: '/', now, timeZone: undefined, server: { serverTime: 'yesterday', localTime: 0 } }).problems).toEqual([]);
  });
});

describe('tokens on macOS', () => {
  it('PC/SC is part of the OS, and no CryptoPro module is guessed at: no container is not blamed on a module', () => {
    const mac = unixSmartCard('darwin', '/nonexistent');
    expect(mac.service).toBe('builtin');
    expect(Object.keys(mac.drivers)).toEqual(['rutoken']);
    expect(tokensCheck({ containers: [], smartCard: mac }).problems).toEqual([]);
  });
});
