/**
 * `npm run zip`: the packages uploaded to the extension stores, in .output/store/ — built as the user
 * build (no development key, no simulator CA, no test-only pages), apart from the test builds in
 * .output/ so that packaging never replaces what the e2e suite runs:
 * - `-chrome.zip`: Chrome Web Store (also what Chromium-Gost users install from);
 * - `-edge.zip`: Microsoft Edge Add-ons;
 * - `-opera.zip`: Opera add-ons, the catalogue Yandex Browser installs from;
 * - `-firefox.zip` and `-sources.zip`: addons.mozilla.org, which asks for the sources of bundled code.
 * Prints each file's size; SHA256SUMS lists them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const STORE_OUTPUT = path.join(ROOT, '.output/store');

export const STORES = ['chrome', 'edge', 'opera', 'firefox'] as const;
export type StoreBrowser = (typeof STORES)[number];

const packageJson = (): { name: string; version: string } => JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The package file for a store (and, for Firefox, the sources file next to it). */
export function storePackage(browser: StoreBrowser | 'sources'): string {
  const { name, version } = packageJson();
  return path.join(STORE_OUTPUT, `${name}-${version}-${browser}.zip`);
}

/** The environment of a store build, whatever the caller's (a test runner sets NODE_ENV=test). */
export const storeBuildEnv = (): NodeJS.ProcessEnv => ({ ...process.env, EP_DOCTOR_STORE_BUILD: '1', EP_DOCTOR_DEV_BUILD: '', NODE_ENV: 'production' });

export function buildStorePackages(log: (line: string) => void = () => {}): Record<StoreBrowser | 'sources', string> {
  rmSync(STORE_OUTPUT, { recursive: true, force: true });
  for (const browser of STORES) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'zip', '-b', browser], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', process.stderr],
      // EP_DOCTOR_STORE_BUILD puts the build into .output/store (wxt.config.ts) and leaves test-only parts out.
      // NODE_ENV: under a test runner (NODE_ENV=test) Preact's preset would put source paths of this machine into the bundle.
      env: storeBuildEnv(),
    });
  }
  const files = Object.fromEntries([...STORES, 'sources' as const].map((b) => [b, storePackage(b)])) as Record<StoreBrowser | 'sources', string>;
  const sums = Object.values(files).map((file) => `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${path.basename(file)}`);
  writeFileSync(path.join(STORE_OUTPUT, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  for (const file of Object.values(files)) log(`${path.basename(file).padEnd(36)} ${(statSync(file).size / 1024).toFixed(0).padStart(6)} KB`);
  const stray = readdirSync(STORE_OUTPUT).filter((f) => f.endsWith('.zip') && !Object.values(files).some((p) => path.basename(p) === f));
  if (stray.length > 0) throw new Error(`unexpected packages in ${STORE_OUTPUT}: ${stray.join(', ')}`);
  return files;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  buildStorePackages((line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${STORE_OUTPUT}\n`);
}
