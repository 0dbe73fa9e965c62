// @ts-check
import path from 'node:path';
import { DEFAULT_CHECK_URL, loadScenario, openScenario, pressCheck, problemIds } from '../lib/scenario-check.mjs';
import { parseArgs, UsageError } from './usage.mjs';

/**
 * `check --scenario FILE [--url URL] [--json]`: the full check in real Chromium with ep-doctor and the
 * CryptoPro simulator playing the scenario, on a platform URL (default: the scenario's, else
 * Сбербанк-АСТ). Prints the problem ids found; exit 0 when they are the scenario's `expect`, 1 when not.
 * @param {string[]} args
 */
export async function run(args) {
  const { options, positional } = parseArgs(args, { scenario: 'value', url: 'value', json: 'flag' });
  if (positional.length > 0) throw new UsageError(`check: unexpected argument ${positional[0]}`);
  if (typeof options.scenario !== 'string') throw new UsageError('check: --scenario FILE is required');
  const loaded = await loadScenario(options.scenario);
  if (!loaded.ok) throw new UsageError(`check: ${options.scenario}: ${loaded.error}`);
  if (options.url !== undefined) {
    try {
      if (!/^https?:$/.test(new URL(String(options.url)).protocol)) throw new Error();
    } catch {
      throw new UsageError(`check: --url must be an http(s) URL: ${String(options.url)}`);
    }
  }
  const name = path.basename(options.scenario, '.json');
  const opened = await openScenario({ name, scenario: loaded.scenario, ...(typeof options.url === 'string' ? { url: options.url } : {}) });
  try {
    const result = await pressCheck(opened);
    const problems = problemIds(result);
    const expected = [...loaded.scenario.expect].sort();
    const matches = result.status === 'done' && JSON.stringify(problems) === JSON.stringify(expected);
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify({ scenario: name, url: opened.url, status: result.status, problems, expected, matches, timings: result.timings, evidence: result.problems.map((p) => ({ id: p.id, evidence: p.evidence })) })}\n`);
    } else {
      process.stdout.write(`${name} on ${opened.url ?? DEFAULT_CHECK_URL}: ${result.status}${result.reason ? ` (${result.reason})` : ''}\n`);
      process.stdout.write(problems.length === 0 ? '  no problems\n' : result.problems.map((p) => `  ${p.id}: ${p.evidence}\n`).join(''));
      process.stdout.write(`  ${matches ? 'as expected' : `expected: ${expected.join(', ') || 'no problems'}`} · ${result.timings.total} ms\n`);
    }
    return matches ? 0 : 1;
  } finally {
    await opened.close();
  }
}
