#!/usr/bin/env node
// @ts-check
/**
 * `npm run build:host`: ep-doctor-host as one bundled script plus a launcher, in .output/host/
 * (Linux and macOS; it needs Node.js 20 on the machine). `.output/host/ep-doctor-host install`
 * registers it for the current user. Single-file executables (Node SEA) for every OS are the next step
 * of the companion issue.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './lib/build.mjs';

const out = path.join(ROOT, '.output/host');
mkdirSync(out, { recursive: true });
const script = path.join(out, 'ep-doctor-host.mjs');
await build({ entryPoints: [path.join(ROOT, 'src/host/main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, outfile: script, logLevel: 'error' });
const launcher = path.join(out, 'ep-doctor-host');
// The browser starts the host with a bare environment: the launcher names node and the script itself.
writeFileSync(launcher, `#!/bin/sh\nEP_DOCTOR_HOST_PATH="$(cd "$(dirname "$0")" && pwd)/ep-doctor-host" exec '${process.execPath}' "$(cd "$(dirname "$0")" && pwd)/ep-doctor-host.mjs" "$@"\n`);
chmodSync(launcher, 0o755);
process.stdout.write(`${launcher}\n  then: ${path.relative(process.cwd(), launcher)} install   (or status, uninstall; --browser chrome|chromium|yandex|edge|firefox)\n`);
