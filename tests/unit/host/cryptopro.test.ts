import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cryptoproCheck } from '@/src/host/checks/cryptopro';
import { parseCertmgrList, parseContainerList, parseLicenseView } from '@/src/host/checks/cryptopro-parse';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/host');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('CryptoPro tool outputs', () => {
  it('csptest -enum_cont: version, containers, OK (recorded outputs)', () => {
    expect(parseContainerList(fixture('csptest-enum-cont-rutoken.txt'))).toEqual({ cspVersion: '5.0.12455', containers: ['\\\\.\\Aktiv Rutoken ECP 00 00\\0c686f35c-328c-0cf8-e404-900dcf68a53'], ok: true, errorCode: '0x00000000' });
    const flash = parseContainerList(fixture('csptest-enum-cont-flash-csp4.txt'));
    expect(flash.cspVersion).toBe('4.0.9797');
    expect(flash.containers).toEqual(['\\\\.\\FLASH\\ivanov', '\\\\.\\FLASH\\petrov', '\\\\.\\FLASH\\sidorov']);
    expect(parseContainerList('garbage').ok).toBe(false);
  });

  it('certmgr -list: entries with thumbprint, validity, key link and container', () => {
    const entries = parseCertmgrList(fixture('certmgr-list-umy.txt'));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ thumbprint: '87AE3E9B1C0D2E3F4A5B6C7D8E9F0A1B2C3D4E5F', notAfter: '30/12/2027  11:25:12 UTC', privateKeyLink: true });
    expect(entries[0]!.container).toContain('HDIMAGE');
    expect(entries[1]).toMatchObject({ privateKeyLink: false, container: null });
    expect(parseCertmgrList('')).toEqual([]);
  });

  it('cpconfig -license -view: days, expired, permanent, a broken install, and unknown wording', () => {
    expect(parseLicenseView('License validity:\n4040E000000000000000000\nExpires: 47 day(s)\nLicense type: Client.')).toEqual({ state: 'valid', days: 47 });
    expect(parseLicenseView('License validity:\n...\nLicense expired')).toMatchObject({ state: 'expired' });
    expect(parseLicenseView('Permanent license')).toEqual({ state: 'permanent' });
    expect(parseLicenseView('Error code 0x8007064a')).toMatchObject({ state: 'error' });
    expect(parseLicenseView('что-то новое')).toMatchObject({ state: 'unknown' });
  });
});

describe('the CryptoPro check over a fake install tree', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'cprocsp-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const tool = (rel: string, script: string) => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
  };

  it('not installed: csp-missing', async () => {
    const check = await cryptoproCheck({ platform: 'linux', root, needsGostTls: false });
    expect(check.problems.map((p) => p.id)).toEqual(['csp-missing']);
  });

  it('installed with an expired licence and CSP 4 where GOST TLS is needed', async () => {
    tool('opt/cprocsp/bin/amd64/csptest', `cat '${path.join(FIXTURES, 'csptest-enum-cont-flash-csp4.txt')}'`);
    tool('opt/cprocsp/sbin/amd64/cpconfig', "echo 'License expired'");
    tool('opt/cprocsp/bin/amd64/certmgr', `cat '${path.join(FIXTURES, 'certmgr-list-umy.txt')}'`);
    const check = await cryptoproCheck({ platform: 'linux', root, needsGostTls: true });
    expect(check.problems.map((p) => p.id).sort()).toEqual(['csp-license-expired', 'csp-outdated']);
    expect(check.facts['containers']).toHaveLength(3);
    expect(check.facts['certificates']).toHaveLength(2);
  });

  it('a hanging tool ends as a timeout, not a hang', async () => {
    tool('opt/cprocsp/bin/amd64/csptest', 'sleep 30');
    const started = Date.now();
    const check = await cryptoproCheck({ platform: 'linux', root, needsGostTls: false });
    expect(check.status).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(8000);
  }, 15_000);

  it('cp1251 output is decoded', async () => {
    const bytes = Buffer.from([0xc8, 0xf1, 0xf2, 0xe5, 0xea, 0xeb, 0xe0]); // «Истекла» in cp1251
    writeFileSync(path.join(root, 'out.bin'), bytes);
    tool('opt/cprocsp/bin/amd64/csptest', `cat '${path.join(FIXTURES, 'csptest-enum-cont-rutoken.txt')}'`);
    tool('opt/cprocsp/sbin/amd64/cpconfig', `cat '${path.join(root, 'out.bin')}'`);
    const check = await cryptoproCheck({ platform: 'linux', root, needsGostTls: false });
    // 5.0.12455, the recorded build, is an uncertified R3 interim build: the rule pack says so.
    expect(check.problems.map((p) => p.id)).toEqual(['csp-outdated', 'csp-license-expired']);
    expect(check.problems[0]).toMatchObject({ rule: 'csp-r3-interim-builds' });
  });
});
