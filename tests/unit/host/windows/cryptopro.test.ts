import { describe, expect, it } from 'vitest';
import { HostCheck } from '@/src/host/protocol';
import type { ToolOutput } from '@/src/host/run-tool';
import { windowsCryptoproCheck } from '@/src/host/windows/cryptopro';
import { CSP_DIR, fakeRunner, output, REG, TIMED_OUT } from './fake';

const PROVIDERS = 'HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider';
const CSPTEST = `${CSP_DIR}\\csptest.exe`;
const CERTMGR = `${CSP_DIR}\\certmgr.exe`;
const MINI_CSP = 'C:\\Program Files (x86)\\Crypto Pro\\CAdES Browser Plug-in\\Mini CSP\\config.ini';
const routes = (view64: string | ToolOutput, view32: string | ToolOutput = view64, extra: Record<string, ToolOutput> = {}) => ({
  [`${REG} query ${PROVIDERS} /reg:64`]: typeof view64 === 'string' ? output(view64) : view64,
  [`${REG} query ${PROVIDERS} /reg:32`]: typeof view32 === 'string' ? output(view32) : view32,
  ...extra,
});
const ENUM = `${CSPTEST} -keyset -enum_cont -fqcn -verifyc`;
const LIST = `${CERTMGR} -list -store uMy`;

async function check(r: Record<string, ToolOutput>, files: string[] = [CSPTEST, CERTMGR], needsGostTls = false, env: Record<string, string> = {}) {
  const fake = fakeRunner(r);
  const result = await windowsCryptoproCheck({ run: fake.run, env, exists: (f) => files.includes(f), needsGostTls });
  expect(HostCheck.safeParse(result).success).toBe(true);
  return { ...result, calls: fake.calls, ids: result.problems.map((p) => p.id).sort() };
}

describe('CryptoPro CSP on Windows', () => {
  it('installed CSP 5.0: version, containers and the personal store (Russian certmgr output in cp866)', async () => {
    const result = await check(routes('reg-query-providers-cryptopro-en.txt', 'reg-query-providers-cryptopro-en.txt', { [ENUM]: output('csptest-enum-cont-win-csp50.txt'), [LIST]: output('certmgr-list-umy-win-ru.txt') }), undefined, true);
    // The recorded build 5.0.12500 is an uncertified R3 interim build: the rule pack's finding, with its rule.
    expect(result).toMatchObject({ status: 'problem', problems: [{ id: 'csp-outdated', rule: 'csp-r3-interim-builds' }], detail: 'CSP 5.0.12500, 2 containers, 1 personal certificates' });
    expect(result.calls).toEqual(expect.arrayContaining([ENUM, LIST]));
    expect(result.facts).toMatchObject({ installed: true, cspVersion: '5.0.12500', license: { state: 'unknown' }, miniCsp: false });
    expect(result.facts['providers']).toContain('Crypto-Pro GOST R 34.10-2012 Strong Cryptographic Service Provider');
    expect(result.facts['certificates']).toEqual([
      {
        thumbprint: '1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D',
        notAfter: '15/06/2026  09:00:00 UTC',
        privateKeyLink: true,
        container: 'REGISTRY\\\\Иванов И.И. 2023',
        // For the expiry centre, which masks the owner before it keeps anything.
        subject: 'SNILS=11223344595, INN=770123456703, CN=Иванов Иван Иванович, C=RU',
        issuer: 'INNLE=7707329152, OGRN=1047707030513, C=RU, O=Федеральная налоговая служба, CN=Федеральная налоговая служба',
      },
    ]);
  });

  it('no Crypto-Pro provider in either view: csp-missing, naming the key; the Mini CSP is mentioned', async () => {
    const result = await check(routes('reg-query-providers-stock-en.txt'), []);
    expect(result.ids).toEqual(['csp-missing']);
    expect(result.problems[0]!.evidence).toContain('no Crypto-Pro provider under HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider');
    expect(result.facts).toMatchObject({ installed: false, tools: { csptest: `${CSPTEST} is absent` } });
    expect(result.calls.some((c) => c.startsWith(CSP_DIR))).toBe(false);
    const mini = await check(routes('reg-query-providers-stock-en.txt'), [MINI_CSP]);
    expect(mini.problems[0]!.evidence).toContain("the plug-in's Mini CSP is present");
    expect(mini.facts['miniCsp']).toBe(true);
  });

  it('CryptoPro and ViPNet (Infotecs) together: csp-conflict, even when ViPNet is only in the 32-bit view', async () => {
    const result = await check(routes('reg-query-providers-cryptopro-en.txt', 'reg-query-providers-vipnet-32-en.txt', { [ENUM]: output('csptest-enum-cont-win-csp50.txt') }));
    expect(result.ids).toEqual(['csp-conflict', 'csp-outdated']);
    expect(result.problems.find((p) => p.id === 'csp-conflict')!.evidence).toContain('Infotecs GOST 2012/512 Cryptographic Service Provider');
  });

  it('CSP 4.0 where the platform needs GOST TLS: csp-outdated; Cyrillic container names decoded from cp866', async () => {
    const r = routes('reg-query-providers-cryptopro-en.txt', 'reg-query-providers-cryptopro-en.txt', { [ENUM]: output('csptest-enum-cont-win-csp40-ru.txt') });
    const result = await check(r, [CSPTEST], true);
    expect(result.ids).toEqual(['csp-outdated']);
    expect(result.problems[0]!.evidence).toContain('4.0.9963');
    expect(result.facts['containers']).toEqual(['\\\\.\\REGISTRY\\Иванов И.И. 2023', '\\\\.\\FAT12_E\\petrov']);
    expect(result.facts['tools']).toMatchObject({ certmgr: `${CERTMGR} is absent` });
    // Without GOST TLS, 4.0 is still end-of-line (csp-4-development-ended).
    expect((await check(r, [CSPTEST], false)).problems).toMatchObject([{ id: 'csp-outdated', rule: 'csp-4-development-ended' }]);
  });

  it('registered but csptest.exe absent: installed, version unknown, said in facts, no guess', async () => {
    const result = await check(routes('reg-query-providers-cryptopro-en.txt'), []);
    expect(result).toMatchObject({ status: 'ok', problems: [], detail: 'CSP ?, 0 containers, 0 personal certificates' });
    expect(result.facts['tools']).toEqual({ csptest: `${CSPTEST} is absent`, certmgr: `${CERTMGR} is absent` });
  });

  it('an unreadable registry falls back to csptest.exe being there; a hung tool is a time-out', async () => {
    const failed = { text: 'ERROR: Access is denied.', code: 1, timedOut: false };
    expect((await check(routes(failed), [])).ids).toEqual(['csp-missing']);
    expect((await check(routes(failed, failed, { [ENUM]: output('csptest-enum-cont-win-csp50.txt') }), [CSPTEST])).facts).toMatchObject({ installed: true, cspVersion: '5.0.12500' });
    const hung = await check(routes('reg-query-providers-cryptopro-en.txt', 'reg-query-providers-cryptopro-en.txt', { [ENUM]: TIMED_OUT }), [CSPTEST]);
    expect(hung.status).toBe('timeout');
  });

  it('the tools come from %ProgramFiles% only when it is a plain absolute path', async () => {
    const moved = await check(routes('reg-query-providers-cryptopro-en.txt'), ['D:\\Apps\\Crypto Pro\\CSP\\csptest.exe'], false, { ProgramFiles: 'D:\\Apps' });
    expect(moved.calls).toContain('D:\\Apps\\Crypto Pro\\CSP\\csptest.exe -keyset -enum_cont -fqcn -verifyc');
    const hostile = await check(routes('reg-query-providers-cryptopro-en.txt'), [CSPTEST], false, { ProgramFiles: 'C:\\x" & calc & "' });
    expect(hostile.calls).toContain(ENUM);
  });
});
