import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared';

const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');
const diagnose = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/diagnose.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('npm run diagnose -- page', () => {
  it('prints one JSON object per file with the platform and the problems found', () => {
    const positive = path.join(FIXTURES, 'sberbank-ast/login-cert-not-mapped.html');
    const clean = path.join(FIXTURES, 'sberbank-ast/tradezone-clean.html');
    const { code, stdout, stderr } = diagnose('page', positive, clean, '--url', 'https://login.sberbank-ast.ru/Login.aspx', '--wait', '1200', '--json');
    expect(stderr.split('\n').filter((l) => l.startsWith('diagnose:'))).toEqual([]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; url: string; platform: string; problems: string[] });
    expect(lines.map((l) => [l.file, l.platform, l.problems])).toEqual([
      [positive, 'sberbank-ast', ['platform-cert-not-registered']],
      [clean, 'sberbank-ast', []],
    ]);
    expect(lines[0]!.url).toBe('https://login.sberbank-ast.ru/Login.aspx');
  });

  it('says null for a URL that is not a platform, in plain text without --json', () => {
    const { code, stdout } = diagnose('page', path.join(FIXTURES, 'sberbank-ast/login-cert-not-mapped.html'), '--url', 'https://example.org/login', '--wait', '500');
    expect(code).toBe(0);
    expect(stdout).toContain('platform: null');
    expect(stdout).toContain('problems: none');
  });

  it.each([
    [['page', '--url', 'https://etp.zakazrf.ru/'], /give at least one FILE/],
    [['page', 'missing.html', '--url', 'https://etp.zakazrf.ru/'], /no such file: missing.html/],
    [['page', path.join(FIXTURES, 'zakazrf/home-clean.html'), '--url', 'not a url'], /bad URL/],
    [['page', path.join(FIXTURES, 'zakazrf/home-clean.html'), '--url', 'ftp://etp.zakazrf.ru/'], /must be http/],
    [['page', path.join(FIXTURES, 'zakazrf/home-clean.html'), '--url', 'https://etp.zakazrf.ru/', '--frobnicate'], /unknown option --frobnicate/],
    [['page', path.join(FIXTURES, 'zakazrf/home-clean.html'), '--url', 'https://etp.zakazrf.ru/', '--wait', 'soon'], /--wait must be milliseconds/],
    [['page', path.join(FIXTURES, 'zakazrf/home-clean.html')], /--url URL is required/],
    [['explode'], /unknown command "explode"/],
  ])('%j → one line on stderr, exit code 2', (args, message) => {
    const { code, stdout, stderr } = diagnose(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe('npm run diagnose -- check', () => {
  const scenario = path.join(ROOT, 'tests/simulator/scenarios/csp-interim-build.json');

  it('names the compatibility rule behind a version finding, in text and in JSON', () => {
    const text = diagnose('check', '--scenario', scenario);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('csp-outdated: ');
    expect(text.stdout).toContain('    rule csp-r3-interim-builds of the compatibility pack');
    const json = diagnose('check', '--scenario', scenario, '--json');
    expect(json.code, json.stderr).toBe(0);
    const line = JSON.parse(json.stdout.trim().split('\n').at(-1)!) as { matches: boolean; evidence: { id: string; rule?: string }[] };
    expect(line.matches).toBe(true);
    expect(line.evidence).toContainEqual(expect.objectContaining({ id: 'csp-outdated', rule: 'csp-r3-interim-builds' }));
  }, 120_000);
});
