import path from 'node:path';
import { BROWSERS, type BrowserName } from '../manifests';
import { hostManifestText } from '../host-manifest';
import { EXTENSION_ORIGINS, FIREFOX_ADDON_IDS } from '../origins';
import { HOST_NAME } from '../protocol';
import { runTool, type ToolRunner } from '../run-tool';
import { nodeWindowsFs, type WindowsFs } from './files';
import { inspectWindowsManifest } from './manifest-file';
import { isWindowsAbsolutePath, type WindowsEnv } from './paths';
import { defaultValue, queryKey, regExe } from './reg';

/**
 * Per-user registration on Windows (no admin): two manifests in a folder of the caller's choice and an
 * HKCU key per browser whose default value points at the right one. Only HKCU is ever written.
 */
export const CHROME_MANIFEST = `${HOST_NAME}.json`;
export const FIREFOX_MANIFEST = `${HOST_NAME}.firefox.json`;

/** Keys written per browser. Yandex Browser's own key is UNVERIFIED, so Chrome's is written with it. */
const INSTALL_KEYS: Readonly<Record<BrowserName, readonly string[]>> = {
  chrome: ['Software\\Google\\Chrome\\NativeMessagingHosts'],
  chromium: ['Software\\Chromium\\NativeMessagingHosts'],
  yandex: ['Software\\Yandex\\YandexBrowser\\NativeMessagingHosts', 'Software\\Google\\Chrome\\NativeMessagingHosts'],
  edge: ['Software\\Microsoft\\Edge\\NativeMessagingHosts'],
  firefox: ['Software\\Mozilla\\NativeMessagingHosts'],
};
/** Yandex is served through Chrome's key unless asked for by name: no stray Yandex key by default. */
export const DEFAULT_BROWSERS: readonly BrowserName[] = ['chrome', 'chromium', 'edge', 'firefox'];

export interface WindowsRegistrationResult {
  files: string[];
  keys: string[];
  /** What was done, one line each, for a CLI to print. */
  lines: string[];
}

function checkedDir(value: string, what: string): string {
  if (!isWindowsAbsolutePath(value)) throw new Error(`${what} must be an absolute Windows path without quotes: ${value.slice(0, 120)}`);
  return value;
}

/** `Software\…\NativeMessagingHosts\ru.ep_doctor.host` per registration, under HKCU (CLI, per-user MSI) or HKLM (per-machine MSI). */
export function registrationKeys(browsers: readonly BrowserName[] = DEFAULT_BROWSERS): { key: string; firefox: boolean }[] {
  const bases = [...new Set(browsers.flatMap((b) => INSTALL_KEYS[b]))];
  return bases.map((base) => ({ key: `${base}\\${HOST_NAME}`, firefox: base.includes('Mozilla') }));
}

function keysFor(browsers: readonly BrowserName[]): { key: string; firefox: boolean }[] {
  return registrationKeys(browsers).map((k) => ({ ...k, key: `HKCU\\${k.key}` }));
}

export async function installWindows(opts: { run?: ToolRunner; env: WindowsEnv; hostPath: string; manifestDir: string; browsers?: readonly BrowserName[]; fs?: WindowsFs }): Promise<WindowsRegistrationResult> {
  const run = opts.run ?? runTool;
  const fs = opts.fs ?? nodeWindowsFs;
  const hostPath = checkedDir(opts.hostPath, 'the host path');
  const dir = checkedDir(opts.manifestDir, 'the manifest folder');
  const keys = keysFor(opts.browsers ?? DEFAULT_BROWSERS);
  const result: WindowsRegistrationResult = { files: [], keys: [], lines: [] };
  fs.mkdir(dir);
  const chromeFile = path.win32.join(dir, CHROME_MANIFEST);
  const firefoxFile = path.win32.join(dir, FIREFOX_MANIFEST);
  if (keys.some((k) => !k.firefox)) {
    fs.write(chromeFile, hostManifestText('chromium', hostPath));
    result.files.push(chromeFile);
  }
  if (keys.some((k) => k.firefox)) {
    fs.write(firefoxFile, hostManifestText('firefox', hostPath));
    result.files.push(firefoxFile);
  }
  result.lines.push(...result.files.map((f) => `wrote ${f}`));
  for (const { key, firefox } of keys) {
    const manifest = firefox ? firefoxFile : chromeFile;
    const out = await run(regExe(opts.env), ['add', key, '/ve', '/t', 'REG_SZ', '/d', manifest, '/f']);
    if (out.code !== 0) throw new Error(`reg add ${key} failed (${out.timedOut ? 'timed out' : `exit code ${out.code}`}) after: ${result.lines.join('; ')}`.slice(0, 500));
    result.keys.push(key);
    result.lines.push(`set ${key} = ${manifest}`);
  }
  return result;
}

/** Removes every key the install could have written (all browsers) and both manifests. */
export async function uninstallWindows(opts: { run?: ToolRunner; env: WindowsEnv; manifestDir: string; fs?: WindowsFs }): Promise<WindowsRegistrationResult> {
  const run = opts.run ?? runTool;
  const fs = opts.fs ?? nodeWindowsFs;
  const dir = checkedDir(opts.manifestDir, 'the manifest folder');
  const result: WindowsRegistrationResult = { files: [], keys: [], lines: [] };
  for (const { key } of keysFor(BROWSERS)) {
    // Deleting only after a read keeps "not there" apart from a real failure (reg.exe reports both on stderr).
    const present = await queryKey(run, opts.env, key, 64, { defaultOnly: true });
    if (present.state === 'absent') continue;
    const out = await run(regExe(opts.env), ['delete', key, '/f']);
    if (out.code !== 0) throw new Error(`reg delete ${key} failed (${out.timedOut ? 'timed out' : `exit code ${out.code}`}) after: ${result.lines.join('; ')}`.slice(0, 500));
    result.keys.push(key);
    result.lines.push(`deleted ${key}`);
  }
  for (const file of [path.win32.join(dir, CHROME_MANIFEST), path.win32.join(dir, FIREFOX_MANIFEST)]) {
    if (!fs.exists(file)) continue;
    fs.remove(file);
    result.files.push(file);
    result.lines.push(`removed ${file}`);
  }
  return result;
}

export interface WindowsRegistrationStatus {
  key: string;
  browsers: BrowserName[];
  /** The key's default value; null when the key is absent. */
  manifest: string | null;
  issues: string[];
}

/**
 * Each key an install writes — HKCU (the CLI, the per-user MSI) and HKLM in its 64-bit view (the
 * per-machine MSI): present or not, and what is wrong with the manifest it names.
 */
export async function statusWindows(opts: { run?: ToolRunner; env: WindowsEnv; fs?: WindowsFs }): Promise<WindowsRegistrationStatus[]> {
  const run = opts.run ?? runTool;
  const keys = registrationKeys(BROWSERS).flatMap((k) => ['HKCU', 'HKLM'].map((hive) => ({ ...k, key: `${hive}\\${k.key}` })));
  return Promise.all(
    keys.map(async ({ key, firefox }): Promise<WindowsRegistrationStatus> => {
      const browsers = BROWSERS.filter((b) => INSTALL_KEYS[b].some((base) => key.includes(`\\${base}\\`)));
      const found = await queryKey(run, opts.env, key, 64, { defaultOnly: true });
      if (found.state === 'failed') return { key, browsers, manifest: null, issues: [`cannot be read: ${found.reason}`] };
      const manifest = found.state === 'found' ? (found.keys.map(defaultValue).find((v) => v !== undefined)?.data ?? null) : null;
      if (manifest === null) return { key, browsers, manifest, issues: ['not registered'] };
      const state = inspectWindowsManifest(manifest, HOST_NAME, opts.fs);
      const ours = firefox ? FIREFOX_ADDON_IDS[0] : EXTENSION_ORIGINS[0];
      const issues = [...state.issues, ...(state.issues.length === 0 && !state.allowed.includes(ours) ? [`does not allow ${ours}`] : [])];
      return { key, browsers, manifest, issues };
    }),
  );
}
