#!/usr/bin/env node
// @ts-check
/**
 * `npm run diagnose -- <command> …`: support-desk tools that drive the real extension.
 *   page FILE.html... --url URL [--wait MS] [--json]
 *   cert FILE... [--now ISO-8601] [--json]
 *   check --scenario FILE [--url URL] [--json] [--report FILE [--full]]
 *   report FILE [--json]
 */
import { UsageError } from './diagnose/usage.mjs';

const commands = {
  page: () => import('./diagnose/page.mjs'),
  cert: () => import('./diagnose/cert.mjs'),
  check: () => import('./diagnose/check.mjs'),
  report: () => import('./diagnose/report.mjs'),
};

const [name, ...args] = process.argv.slice(2);
try {
  const load = commands[/** @type {keyof typeof commands} */ (name ?? '')];
  if (load === undefined) throw new UsageError(`unknown command ${JSON.stringify(name ?? '')}; commands: ${Object.keys(commands).join(', ')}`);
  const command = await load();
  process.exitCode = await command.run(args);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`diagnose: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`diagnose: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
