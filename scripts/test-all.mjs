#!/usr/bin/env node
// @ts-check
/**
 * `npm test`: the whole suite, in the order a failure is cheapest to see — typecheck, lint, build
 * (the extension and the ep-doctor-host executables), then unit, DOM, convention and e2e tests
 * (vitest projects; e2e drives the built extension in Debian Chromium, firefox the Firefox build in Firefox ESR;
 * installers runs ep-doctor-host.exe and the MSIs under Wine, the .deb with dpkg, and unpacks the store
 * packages). Ends with one summary line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/build.mjs';
import { readRun } from './lib/netlog.mjs';

const bin = (/** @type {string} */ name) => path.join(ROOT, 'node_modules/.bin', name);
/** @type {string[]} */
const failures = [];

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function step(label, command, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (!ok) failures.push(label);
  return ok;
}

// The policy tests put a policy where the browsers read it for the length of their file; a run stopped
// in between would leave it to the next run's other tests (no «Тестовая подпись» there): put it away first.
for (const file of ['/etc/chromium/policies/managed/ep-doctor-e2e.json']) rmSync(file, { force: true });
const firefoxPolicies = '/etc/firefox/policies/policies.json';
if (existsSync(`${firefoxPolicies}.ep-doctor-test-backup`)) renameSync(`${firefoxPolicies}.ep-doctor-test-backup`, firefoxPolicies);
else if (existsSync(firefoxPolicies) && readFileSync(firefoxPolicies, 'utf8').includes('ep-doctor@ep-doctor.dev') && readFileSync(firefoxPolicies, 'utf8').includes('Ромашка-ИТ')) rmSync(firefoxPolicies);

step('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']);
step('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
const built = step('build (wxt build, test build)', bin('wxt'), ['build'], { EP_DOCTOR_STORE_BUILD: '', EP_DOCTOR_DEV_BUILD: '1' });
// The tests read all four executables and register this machine's one in the browser profiles.
step('build ep-doctor-host executables (npm run build:host)', process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/host/build.ts')]);

const out = mkdtempSync(path.join(tmpdir(), 'ep-doctor-vitest-'));
const report = path.join(out, 'vitest.json');
const projects = built ? [] : ['--project', 'unit', '--project', 'dom', '--project', 'conventions'];
// The network recorder: every browser of the e2e run writes its NetLog here (scripts/lib/netlog.mjs).
const netlogDir = path.join(out, 'netlog');
mkdirSync(netlogDir);
step('tests (vitest: unit, dom, conventions, e2e, firefox, installers)', bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { EP_DOCTOR_NETLOG_DIR: netlogDir });
if (built) {
  process.stdout.write('\n▶ network recorder over the e2e run\n');
  const run = readRun(netlogDir);
  const c = run.counts;
  process.stdout.write(`  ${run.browsers} browsers; requests: ${c.local} to 127.0.0.1, ${c.served} to the platform origins the harness served, ${c.blocked} refused by the harness, ${c.browser} Chromium's own services (unresolvable here), ${c.other} elsewhere\n`);
  for (const v of run.violations.slice(0, 20)) process.stdout.write(`  ✘ ${v}\n`);
  const ok = run.browsers > 0 && run.violations.length === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} network recorder\n`);
  if (!ok) failures.push(run.browsers === 0 ? 'network recorder: no NetLog written' : 'network recorder: requests outside 127.0.0.1 and the served origins');
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
} catch {
  failures.push('vitest report missing');
}
rmSync(out, { recursive: true, force: true });
if (!built) failures.push('e2e not run: the build failed');

// Checks count as tests too: a failed typecheck or lint is a failed test.
failed += failures.filter((f) => !f.startsWith('tests')).length;
process.stdout.write(`\n${failures.length > 0 ? `Failed: ${failures.join('; ')}\n` : ''}`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failures.length > 0 || failed > 0 ? 1 : 0;
