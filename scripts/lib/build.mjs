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

/**
 * The newest change to the extension's sources (ms), to tell a stale build.
 * @returns {number}
 */
export function newestSourceChange() {
  return Math.max(...SOURCES.map(newestMtime));
}

/** A piece of the simulator's test CA (src/plugin/simulator-ca.ts): only a test build's background carries it. */
function testBuildMarker() {
  const source = readFileSync(path.join(ROOT, 'src/plugin/simulator-ca.ts'), 'utf8');
  const base64 = /SIMULATOR_CA_BASE64 =\s*'([A-Za-z0-9+/=]+)'/.exec(source)?.[1];
  if (base64 === undefined) throw new Error('src/plugin/simulator-ca.ts: no SIMULATOR_CA_BASE64');
  return base64.slice(100, 160);
}

/**
 * Makes sure `.output/chrome-mv3` is a current **test build** (pinned id, knows the CryptoPro
 * simulator), rebuilding when it is missing, stale, a store build (`npm run zip`: no key) or a user
 * build (`npm run build`: no simulator). Build output goes to stderr.
 */
export function ensureBuilt({ force = false } = {}) {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  const background = path.join(EXTENSION_DIR, 'background.js');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const keyed = built > 0 && /"key"\s*:/.test(readFileSync(manifest, 'utf8'));
  const testBuild = existsSync(background) && readFileSync(background, 'utf8').includes(testBuildMarker());
  if (!force && keyed && testBuild && built >= Math.max(...SOURCES.map(newestMtime))) return EXTENSION_DIR;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, EP_DOCTOR_STORE_BUILD: '', EP_DOCTOR_DEV_BUILD: '1' },
  });
  return EXTENSION_DIR;
}
