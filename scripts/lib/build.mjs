// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
/** Pinned by the manifest `key` in wxt.config.ts. */
export const EXTENSION_ID = 'pgejebgggaeiophnmnnockehkjkgfhhe';

const SOURCES = ['src', 'entrypoints', 'public', 'wxt.config.ts', 'package.json'];

/** @param {string} target */
function newestMtime(target) {
  const full = path.join(ROOT, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the extension when the build is missing or older than its sources. Build output goes to stderr. */
export function ensureBuilt({ force = false } = {}) {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  // `npm run zip` leaves a store build without the key; tests and the demo need the pinned id.
  const keyed = built > 0 && /"key"\s*:/.test(readFileSync(manifest, 'utf8'));
  if (!force && keyed && built >= Math.max(...SOURCES.map(newestMtime))) return EXTENSION_DIR;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, EP_DOCTOR_STORE_BUILD: '' },
  });
  return EXTENSION_DIR;
}
