// @ts-check
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from '../lib/build.mjs';
import { launchWithExtension } from '../lib/chromium.mjs';
import { runPages } from '../lib/run-pages.mjs';
import { parseArgs, UsageError } from './usage.mjs';

/**
 * `page FILE.html... --url URL [--wait MS] [--json]`: what ep-doctor finds on saved pages, each served
 * under URL (no network) in headless Chromium with the built extension.
 * @param {string[]} args
 */
export async function run(args) {
  const { options, positional } = parseArgs(args, { url: 'value', wait: 'value', json: 'flag' });
  if (positional.length === 0) throw new UsageError('page: give at least one FILE.html');
  for (const file of positional) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`page: no such file: ${file}`);
  }
  if (typeof options.url !== 'string') throw new UsageError('page: --url URL is required');
  let url;
  try {
    url = new URL(options.url);
  } catch {
    throw new UsageError(`page: bad URL: ${options.url}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`page: URL must be http(s): ${options.url}`);
  const waitMs = options.wait === undefined ? 3000 : Number(options.wait);
  if (!Number.isInteger(waitMs) || waitMs < 0 || waitMs > 600_000) throw new UsageError(`page: --wait must be milliseconds (0–600000): ${String(options.wait)}`);

  ensureBuilt();
  const session = await launchWithExtension();
  try {
    const results = await runPages(session, positional.map((file) => ({ file: path.resolve(file), url: url.href })), { waitMs });
    results.forEach((result, i) => {
      const file = /** @type {string} */ (positional[i]);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ file, url: result.url, platform: result.platform, problems: result.problems, findings: result.findings })}\n`);
      } else {
        process.stdout.write(`${file}\n  platform: ${result.platform ?? 'null (not a supported platform)'}\n  problems: ${result.problems.length === 0 ? 'none' : result.problems.join(', ')}\n`);
        for (const f of result.findings) process.stdout.write(`    ${f.problem}: «${f.excerpt}»${f.code ? ` ${f.code}` : ''}\n`);
      }
    });
  } finally {
    await session.close();
  }
  return 0;
}
