// @ts-check
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs, UsageError } from './usage.mjs';

/** Words for the reasons a pasted report is refused. */
const READ_ERRORS = {
  empty: 'the file is empty',
  'too-large': 'larger than 1 MB, or its data inflates beyond that',
  'no-report': 'no ep-doctor report in it',
  truncated: 'the report is cut off (its end marker is missing)',
  damaged: 'the report data is damaged (checksum or encoding)',
  'future-version': 'the report comes from a newer ep-doctor; update it',
  invalid: 'the report data does not match the report format',
};

/**
 * `report FILE [--json]`: reads a saved or pasted ep-doctor report (its text with the data block, or
 * the bare JSON) and prints it as the viewer does, in the report's language; `--json` prints the
 * validated report. Unusable input: one line on stderr, exit code 2.
 * @param {string[]} args
 */
export async function run(args) {
  const { options, positional } = parseArgs(args, { json: 'flag' });
  if (positional.length !== 1) throw new UsageError('report: give exactly one FILE');
  const file = /** @type {string} */ (positional[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`report: no such file: ${file}`);
  if (statSync(file).size > 1024 * 1024) throw new UsageError(`report: ${file}: ${READ_ERRORS['too-large']}`);
  const { readReport } = await import('../../src/core/report/block.ts');
  const read = await readReport(readFileSync(file, 'utf8'));
  if (!read.ok) throw new UsageError(`report: ${file}: ${READ_ERRORS[read.error]}${read.detail ? ` (${read.detail})` : ''}`);
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify(read.report)}\n`);
    return 0;
  }
  const { renderReportText } = await import('../../src/core/report/render-text.ts');
  const { buildHintPack } = await import('../../src/background/build-hint-pack.ts');
  process.stdout.write(`${renderReportText(read.report, buildHintPack(read.report.lang, read.report.extension.version))}\n`);
  return 0;
}
