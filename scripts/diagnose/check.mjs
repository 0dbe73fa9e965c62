// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/build.mjs';
import { DEFAULT_CHECK_URL, loadScenario, openScenario, pressCheck, problemIds } from '../lib/scenario-check.mjs';
import { parseArgs, UsageError } from './usage.mjs';

/**
 * The report of the check as the popup copies it (text, then the data block), redacted unless `full`.
 * @param {string} file @param {import('../../src/core/check-result').CheckResult} result @param {boolean} full
 */
async function writeReport(file, result, full) {
  const { writeFileSync } = await import('node:fs');
  const { randomBytes } = await import('node:crypto');
  const { buildReport } = await import('../../src/core/report/build.ts');
  const { encodeBlock } = await import('../../src/core/report/block.ts');
  const { renderReportText, reportMessage } = await import('../../src/core/report/render-text.ts');
  const { buildHintPack } = await import('../../src/background/build-hint-pack.ts');
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const now = new Date();
  const report = buildReport(result, { now, utcOffsetMinutes: -now.getTimezoneOffset(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, lang: 'ru', extensionVersion: version, random: randomBytes(8) }, full);
  writeFileSync(file, reportMessage(renderReportText(report, buildHintPack('ru', version)), await encodeBlock(report), 'ru'));
}

/**
 * `check --scenario FILE [--url URL] [--json]`: the full check in real Chromium with ep-doctor and the
 * CryptoPro simulator playing the scenario, on a platform URL (default: the scenario's, else
 * Сбербанк-АСТ). Prints the problem ids found; exit 0 when they are the scenario's `expect`, 1 when not.
 * @param {string[]} args
 */
export async function run(args) {
  const { options, positional } = parseArgs(args, { scenario: 'value', url: 'value', json: 'flag', report: 'value', full: 'flag' });
  if (options.full === true && options.report === undefined) throw new UsageError('check: --full goes with --report FILE');
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
    if (typeof options.report === 'string') await writeReport(options.report, result, options.full === true);
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify({ scenario: name, url: opened.url, status: result.status, problems, expected, matches, timings: result.timings, evidence: result.problems.map((p) => ({ id: p.id, evidence: p.evidence, ...(p.rule ? { rule: p.rule } : {}) })), companion: result.facts?.companion ?? null })}\n`);
    } else {
      process.stdout.write(`${name} on ${opened.url ?? DEFAULT_CHECK_URL}: ${result.status}${result.reason ? ` (${result.reason})` : ''}\n`);
      process.stdout.write(problems.length === 0 ? '  no problems\n' : result.problems.map((p) => `  ${p.id}: ${p.evidence}\n${p.rule ? `    rule ${p.rule} of the compatibility pack (src/plugin/compat/rules.json)\n` : ''}`).join(''));
      const companion = result.facts?.companion;
      if (companion !== undefined) {
        const checks = companion.checks.map((c) => `${c.name} ${c.status}`).join(', ');
        process.stdout.write(`  ep-doctor-host: ${companion.state}${companion.version ? ` ${companion.version}` : ''}${checks ? ` (${checks})` : ''}${companion.detail ? ` — ${companion.detail}` : ''}\n`);
      }
      process.stdout.write(`  ${matches ? 'as expected' : `expected: ${expected.join(', ') || 'no problems'}`} · ${result.timings.total} ms\n`);
    }
    return matches ? 0 : 1;
  } finally {
    await opened.close();
  }
}
