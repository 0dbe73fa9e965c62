import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CRYPTOPRO_EXTENSIONS } from '../plugin/extension-ids';
import type { HostCheck, HostProblem } from './protocol';

export const BROWSERS = ['chrome', 'chromium', 'yandex', 'edge', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

export interface BrowserDirs {
  browser: BrowserName;
  /** Where this browser reads user-level host manifests (user dirs override system ones). */
  user: string;
  system: string[];
}

/** Native-messaging manifest folders per browser (research/cryptopro-plugin.md §1.4, §6.1–6.2). */
export function manifestDirs(platform: NodeJS.Platform, home: string, root = ''): BrowserDirs[] {
  const sys = (p: string) => path.join(root, p);
  if (platform === 'darwin') {
    const lib = path.join(home, 'Library/Application Support');
    return [
      { browser: 'chrome', user: path.join(lib, 'Google/Chrome/NativeMessagingHosts'), system: [sys('/Library/Google/Chrome/NativeMessagingHosts')] },
      { browser: 'chromium', user: path.join(lib, 'Chromium/NativeMessagingHosts'), system: [sys('/Library/Application Support/Chromium/NativeMessagingHosts')] },
      { browser: 'yandex', user: path.join(lib, 'Yandex/YandexBrowser/NativeMessagingHosts'), system: [] },
      { browser: 'edge', user: path.join(lib, 'Microsoft Edge/NativeMessagingHosts'), system: [sys('/Library/Microsoft/Edge/NativeMessagingHosts')] },
      { browser: 'firefox', user: path.join(lib, 'Mozilla/NativeMessagingHosts'), system: [sys('/Library/Application Support/Mozilla/NativeMessagingHosts')] },
    ];
  }
  return [
    { browser: 'chrome', user: path.join(home, '.config/google-chrome/NativeMessagingHosts'), system: [sys('/etc/opt/chrome/native-messaging-hosts')] },
    { browser: 'chromium', user: path.join(home, '.config/chromium/NativeMessagingHosts'), system: [sys('/etc/chromium/native-messaging-hosts')] },
    { browser: 'yandex', user: path.join(home, '.config/yandex-browser/NativeMessagingHosts'), system: [sys('/etc/opt/yandex/browser/native-messaging-hosts')] },
    { browser: 'edge', user: path.join(home, '.config/microsoft-edge/NativeMessagingHosts'), system: [sys('/etc/opt/edge/native-messaging-hosts')] },
    { browser: 'firefox', user: path.join(home, '.mozilla/native-messaging-hosts'), system: [sys('/usr/lib/mozilla/native-messaging-hosts'), sys('/usr/lib64/mozilla/native-messaging-hosts')] },
  ];
}

export interface ManifestState {
  file: string;
  /** Problems with it, in words; empty when it is usable. */
  issues: string[];
  path: string | null;
  allowed: string[];
}

const MAX_MANIFEST_BYTES = 64 * 1024;

export type ManifestJson = { name?: unknown; path?: unknown; allowed_origins?: unknown; allowed_extensions?: unknown };

/** Browsers accept a UTF-8 byte-order mark, which Windows tools often write. */
export const parseManifestText = (text: string): ManifestJson => JSON.parse(text.replace(/^\uFEFF/, '')) as ManifestJson;

/** The fields every OS checks the same way; the host program's path when there is one. */
export function checkManifestFields(json: ManifestJson, name: string, state: ManifestState): string | null {
  if (json.name !== name) state.issues.push(`names "${String(json.name).slice(0, 60)}", not ${name}`);
  const allowed = Array.isArray(json.allowed_origins) ? json.allowed_origins : Array.isArray(json.allowed_extensions) ? json.allowed_extensions : [];
  state.allowed = allowed.filter((o): o is string => typeof o === 'string').slice(0, 20);
  if (typeof json.path !== 'string' || json.path === '') {
    state.issues.push('has no path');
    return null;
  }
  state.path = json.path.slice(0, 300);
  return json.path;
}

/** What is wrong with one host manifest file, read-only. */
export function inspectManifest(file: string, name: string, root = ''): ManifestState {
  const state: ManifestState = { file, issues: [], path: null, allowed: [] };
  try {
    const stat = statSync(file);
    // Only a regular file is read: a FIFO or a device named like a manifest would block the read for ever.
    if (!stat.isFile()) {
      state.issues.push('is not a regular file');
      return state;
    }
    if (stat.size > MAX_MANIFEST_BYTES) {
      state.issues.push('is larger than 64 KB');
      return state;
    }
    const json = parseManifestText(readFileSync(file, 'utf8'));
    if (json === null || typeof json !== 'object') {
      state.issues.push('is not valid JSON');
      return state;
    }
    const program = checkManifestFields(json, name, state);
    if (program === null) return state;
    const target = path.isAbsolute(program) ? path.join(root, program) : path.resolve(path.dirname(file), program);
    if (!existsSync(target)) state.issues.push(`points to ${state.path}, which does not exist`);
    else {
      try {
        accessSync(target, constants.X_OK);
      } catch {
        state.issues.push(`points to ${state.path}, which is not executable`);
      }
    }
  } catch (error) {
    state.issues.push((error as NodeJS.ErrnoException).code === 'EACCES' ? 'cannot be read' : 'is not valid JSON');
  }
  return state;
}

/** Signing hosts whose manifests the inventory reports (the CryptoPro one decides problems; Госплагин's four host names and the old IFCPlugin one show which Госуслуги plug-in is registered). */
export const WATCHED_HOSTS = ['ru.cryptopro.nmcades', 'ru.rutoken.firewyrmhost', 'ru.rtlabs.ifcplugin', 'chrome.gosuslugi.plugin', 'opera.gosuslugi.plugin', 'firefox.gosuslugi.plugin', 'gosuslugi.plugin'] as const;

/**
 * The native-host manifests of the signing components for every browser, and what they mean for the
 * browser the extension runs in: a missing, broken or outdated `ru.cryptopro.nmcades` manifest is why
 * the plug-in's native part never starts there.
 */
export function manifestsCheck(opts: { platform: NodeJS.Platform; home: string; root?: string; browser: string }): HostCheck {
  const started = Date.now();
  if (opts.platform === 'win32') {
    return { name: 'native-host-manifests', status: 'skipped', ms: 0, detail: 'on Windows the registry says where manifests are: windows/manifests.ts', problems: [], facts: {} };
  }
  const dirs = manifestDirs(opts.platform, opts.home, opts.root ?? '');
  const facts: Record<string, Record<string, ManifestState[]>> = {};
  for (const d of dirs) {
    facts[d.browser] = {};
    for (const host of WATCHED_HOSTS) {
      const found = [d.user, ...d.system].map((dir) => path.join(dir, `${host}.json`)).filter((f) => existsSync(f));
      facts[d.browser]![host] = found.map((f) => inspectManifest(f, host, opts.root ?? ''));
    }
  }
  const problems: HostProblem[] = [];
  const browser = (opts.browser === 'chromium-gost' ? 'chromium' : opts.browser) as BrowserName;
  const mine = dirs.find((d) => d.browser === browser);
  if (mine !== undefined) {
    const states = facts[browser]?.['ru.cryptopro.nmcades'] ?? [];
    // The user-level manifest wins over the system one (the first found, in the order searched).
    const used = states[0];
    if (used === undefined) {
      problems.push({ id: 'plugin-host-missing', evidence: `no ru.cryptopro.nmcades manifest for ${browser} (looked in ${[mine.user, ...mine.system].join(', ')})`, cause: { key: 'manifest-missing', params: { host: 'ru.cryptopro.nmcades', browser } } });
    } else if (used.issues.length > 0) {
      problems.push({ id: 'plugin-host-missing', evidence: `the ru.cryptopro.nmcades manifest for ${browser} (${used.file}) ${used.issues.join('; ')}`, cause: { key: 'manifest-broken', params: { host: 'ru.cryptopro.nmcades', browser, file: used.file.slice(-200) } } });
    } else if (browser !== 'firefox' && !used.allowed.includes(`chrome-extension://${CRYPTOPRO_EXTENSIONS.mv3}/`)) {
      problems.push({ id: 'plugin-outdated', evidence: `the ru.cryptopro.nmcades manifest for ${browser} does not allow the current CryptoPro extension (${CRYPTOPRO_EXTENSIONS.mv3}): update the plug-in`, cause: { key: 'manifest-outdated', params: { browser } } });
    }
  }
  return { name: 'native-host-manifests', status: problems.length > 0 ? 'problem' : 'ok', ms: Date.now() - started, detail: `${dirs.length} browsers, ${WATCHED_HOSTS.length} hosts`, problems, facts };
}
