import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared';
import { loaderSource } from '../simulator/loader';

const dir = mkdtempSync(path.join(tmpdir(), 'ep-doctor-fidelity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fidelity = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/fidelity.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('npm run fidelity', () => {
  it('runs scenarios with a given unpacked extension and page loader, and prints found vs expected with the check time', () => {
    // Stand-ins for a published extension and a vendor loader: the simulator's own, given as files.
    const loader = path.join(dir, 'cadesplugin_api.js');
    writeFileSync(loader, loaderSource('2.4')!);
    const { code, stdout, stderr } = fidelity('--extension', path.join(ROOT, 'tests/simulator/extension'), '--loader', loader, '--scenario', 'host-missing,loader-2.3', '--json');
    expect(stderr.split('\n').filter((l) => l.startsWith('fidelity:'))).toEqual([]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { scenario: string; expected: string[]; found: string[]; matches: boolean; ms: number; simulated: string[]; fast?: boolean });
    expect(lines.map((l) => [l.scenario, l.found, l.matches])).toEqual([
      ['host-missing', ['plugin-host-missing'], true],
      ['loader-2.3', ['plugin-connection-lost'], true],
    ]);
    expect(lines[0]!.ms).toBeGreaterThan(0);
    expect(lines[0]).toHaveProperty('fast');
    // A scenario about another loader generation keeps the simulator's loader of that generation, and says so.
    expect(lines[1]!.simulated).toEqual(['simulated 2.3 loader']);
  });

  it.each([
    [['--extension', '/nonexistent/ext'], /^fidelity: --extension: not a directory/],
    [['--extension', 'tests/simulator'], /^fidelity: --extension: .* has no manifest\.json/],
    [['--loader', 'package.json'], /^fidelity: --loader: .* is not a cadesplugin_api\.js/],
    [['--scenario', 'no-such-scenario'], /^fidelity: --scenario: no such scenario: no-such-scenario/],
    [['--all', '--scenario', 'all-good'], /^fidelity: --all and --scenario go alone/],
    [['--bogus'], /^fidelity: unknown option --bogus/],
  ])('%j → one line naming it, exit 2', (args, message) => {
    const { code, stdout, stderr } = fidelity(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });

  it('a wrong scenario file → one line naming the file and the field, exit 2', () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ description: 'x', expect: [], hostStartDelayMs: 'slow' }));
    const { code, stderr } = fidelity('--scenario', file);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^fidelity: .*bad\.json: hostStartDelayMs: /);
  });
});
