import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sharedDir } from '../../helpers/shared';

const GENERATED = path.join(sharedDir(), 'fixtures/certs/generated');
const diagnose = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/diagnose.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('npm run diagnose -- cert', () => {
  it('prints one JSON object per file, and an error object for a file that is not a certificate', () => {
    const files = ['ee-pkup-expired.pem', 'ee-rsa-key.b64'].map((f) => path.join(GENERATED, f));
    const { code, stdout } = diagnose('cert', ...files, path.join(ROOT, 'package.json'), '--now', '2026-06-01T00:00:00Z', '--json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ file: files[0], subject: 'Петров Пётр Петрович', issuer: 'ООО "УЦ-ТЕСТ"', validTo: '2026-08-01T00:00:00.000Z' });
    expect(lines[0]!.problems).toEqual(expect.arrayContaining(['key-usage-period-expired', 'platform-mchd-required']));
    expect(lines[1]!.problems).toEqual(expect.arrayContaining(['cert-algorithm-unsupported']));
    expect(lines[2]).toEqual({ file: path.join(ROOT, 'package.json'), error: expect.stringMatching(/^unreadable certificate/) });
  });

  it.each([
    [['cert'], /give at least one certificate FILE/],
    [['cert', 'x.pem', '--now', 'yesterday'], /--now must be an ISO-8601 date/],
    [['cert', 'x.pem', '--verbose'], /unknown option --verbose/],
  ])('%j → one line on stderr, exit code 2', (args, message) => {
    const { code, stderr } = diagnose(...args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
