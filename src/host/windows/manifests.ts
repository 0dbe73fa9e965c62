import { CRYPTOPRO_EXTENSIONS } from '../../plugin/extension-ids';
import { BROWSERS, WATCHED_HOSTS, type BrowserName, type ManifestState } from '../manifests';
import type { HostCheck, HostProblem } from '../protocol';
import { runTool, type ToolRunner } from '../run-tool';
import { inspectWindowsManifest } from './manifest-file';
import { expandEnvironment, type WindowsEnv } from './paths';
import { defaultValue, queryKey, type RegKey, type RegQueryResult } from './reg';

/**
 * Registry keys (under HKCU and HKLM) each browser reads host registrations from, in its order: the
 * default value of `<key>\<host name>` is the manifest's path (research/cryptopro-plugin.md §1.4, §6).
 */
export const WINDOWS_HOST_KEYS: Readonly<Record<BrowserName, readonly string[]>> = {
  chrome: ['Software\\Google\\Chrome\\NativeMessagingHosts'],
  // Chromium's own key, then Chrome's (Chromium source, launch_context_win.cc, CHROMIUM_BRANDING).
  chromium: ['Software\\Chromium\\NativeMessagingHosts', 'Software\\Google\\Chrome\\NativeMessagingHosts'],
  // UNVERIFIED: Yandex Browser's keys on Windows are not documented. Assumed like Chromium: its own key,
  // then Chrome's (the CryptoPro plug-in works in it though its MSI writes only Chrome's key).
  yandex: ['Software\\Yandex\\YandexBrowser\\NativeMessagingHosts', 'Software\\Google\\Chrome\\NativeMessagingHosts'],
  // Edge's key is documented (learn.microsoft.com, native messaging). The fallback to Chrome's key is
  // INFERRED, not documented: the CryptoPro MSI registers only Chrome's and Mozilla's keys, yet the
  // plug-in is supported in Edge. Without it every Edge user would get a false "host missing".
  edge: ['Software\\Microsoft\\Edge\\NativeMessagingHosts', 'Software\\Google\\Chrome\\NativeMessagingHosts'],
  firefox: ['Software\\Mozilla\\NativeMessagingHosts'],
};

/**
 * Where browsers look, in their order. Chrome: HKCU then HKLM, each in the 32-bit then the 64-bit view
 * (launch_context_win.cc; Edge's docs say the same). Firefox: HKCU, then HKLM 32-bit, then 64-bit
 * (NativeManifests.sys.mjs). HKCU\Software is one tree for both views, so it is read once.
 */
const LOCATIONS = [
  { hive: 'HKCU', view: 64, label: 'HKCU' },
  { hive: 'HKLM', view: 32, label: 'HKLM (32-bit view)' },
  { hive: 'HKLM', view: 64, label: 'HKLM (64-bit view)' },
] as const;

export interface HostRegistration {
  /** The key as reg.exe printed it. */
  key: string;
  /** null for HKCU (shared by both views). */
  view: 32 | 64 | null;
  /** The default value; null when it is unset or not a string (the browser then keeps looking). */
  manifestPath: string | null;
  manifest: ManifestState | null;
}

type Inspect = (file: string, name: string) => ManifestState;

/** The default value as the browser reads it: REG_SZ, or REG_EXPAND_SZ expanded. */
function manifestPathOf(key: RegKey, env: WindowsEnv): string | null {
  const value = defaultValue(key);
  if (value === undefined || value.data === '') return null;
  if (value.type === 'REG_SZ') return value.data;
  return value.type === 'REG_EXPAND_SZ' ? expandEnvironment(value.data, env) : null;
}

function hostKeys(result: RegQueryResult | undefined, host: string): RegKey[] {
  if (result?.state !== 'found') return [];
  return result.keys.filter((k) => k.key.toLowerCase().endsWith(`\\nativemessaginghosts\\${host}`));
}

/**
 * The native-host registrations of the signing components for every browser, and what they mean for
 * the browser the extension runs in, like the Linux/macOS `manifestsCheck`: a missing, broken or
 * outdated `ru.cryptopro.nmcades` registration is why the plug-in's native part never starts there.
 */
export async function windowsManifestsCheck(opts: { run?: ToolRunner; env: WindowsEnv; browser: string; inspect?: Inspect }): Promise<HostCheck> {
  const started = Date.now();
  const run = opts.run ?? runTool;
  const inspect = opts.inspect ?? ((file: string, name: string) => inspectWindowsManifest(file, name));
  // One recursive read per hive, view and key, shared by the browsers that read the same key.
  const reads = new Map<string, Promise<RegQueryResult>>();
  const read = (hive: string, view: 32 | 64, base: string) => {
    const id = `${hive}\\${base}|${view}`;
    if (!reads.has(id)) reads.set(id, queryKey(run, opts.env, `${hive}\\${base}`, view, { recursive: true }));
    return reads.get(id)!;
  };
  const results = new Map<string, RegQueryResult>();
  for (const browser of BROWSERS) for (const loc of LOCATIONS) for (const base of WINDOWS_HOST_KEYS[browser]) read(loc.hive, loc.view, base);
  await Promise.all([...reads].map(async ([id, p]) => results.set(id, await p)));

  const inspected = new Map<string, ManifestState>();
  const registrations = (host: string, loc: (typeof LOCATIONS)[number], base: string) =>
    hostKeys(results.get(`${loc.hive}\\${base}|${loc.view}`), host).map((key): HostRegistration => {
      const manifestPath = manifestPathOf(key, opts.env);
      const cacheId = `${manifestPath ?? ''}|${host}`;
      if (manifestPath !== null && !inspected.has(cacheId)) inspected.set(cacheId, inspect(manifestPath, host));
      return { key: key.key, view: loc.hive === 'HKCU' ? null : loc.view, manifestPath, manifest: manifestPath === null ? null : inspected.get(cacheId)! };
    });
  const facts: Record<string, Record<string, HostRegistration[]>> = {};
  for (const browser of BROWSERS) {
    facts[browser] = {};
    for (const host of WATCHED_HOSTS) facts[browser]![host] = LOCATIONS.flatMap((loc) => WINDOWS_HOST_KEYS[browser].flatMap((base) => registrations(host, loc, base)));
  }
  const failures = [...results].flatMap(([id, r]) => (r.state === 'failed' ? [{ key: id.replace('|', ' /reg:'), reason: r.reason, timedOut: r.timedOut }] : []));

  const problems: HostProblem[] = [];
  const browser = (opts.browser === 'chromium-gost' ? 'chromium' : opts.browser) as BrowserName;
  let unreadable: (typeof failures)[number] | undefined;
  if ((BROWSERS as readonly string[]).includes(browser)) {
    const bases = WINDOWS_HOST_KEYS[browser];
    // Walk the browser's order: the first registration with a manifest path is the one it uses (one
    // without keeps it looking); a read that failed before that leaves the answer open.
    let used: HostRegistration | undefined;
    walk: for (const loc of LOCATIONS) {
      for (const base of bases) {
        const result = results.get(`${loc.hive}\\${base}|${loc.view}`);
        if (result?.state === 'failed') {
          unreadable = { key: `${loc.hive}\\${base} /reg:${loc.view}`, reason: result.reason, timedOut: result.timedOut };
          break walk;
        }
        used = registrations('ru.cryptopro.nmcades', loc, base).find((r) => r.manifest !== null);
        if (used !== undefined) break walk;
      }
    }
    if (unreadable !== undefined) {
      // Nothing is claimed: the check reports it could not read the registry.
    } else if (used === undefined || used.manifest === null) {
      problems.push({
        id: 'plugin-host-missing',
        evidence: `no ru.cryptopro.nmcades registration for ${browser} (looked in ${LOCATIONS.map((l) => l.label).join(', ')} under ${bases.join(', ')})`.slice(0, 500),
        cause: { key: 'manifest-missing', params: { host: 'ru.cryptopro.nmcades', browser } },
      });
    } else if (used.manifest.issues.length > 0) {
      problems.push({
        id: 'plugin-host-missing',
        evidence: `the ru.cryptopro.nmcades manifest for ${browser} (${used.manifestPath}, registered in ${used.key}) ${used.manifest.issues.join('; ')}`.slice(0, 500),
        cause: { key: 'manifest-broken', params: { host: 'ru.cryptopro.nmcades', browser, file: (used.manifestPath ?? '').slice(-200) } },
      });
    } else if (browser !== 'firefox' && !used.manifest.allowed.includes(`chrome-extension://${CRYPTOPRO_EXTENSIONS.mv3}/`)) {
      problems.push({ id: 'plugin-outdated', evidence: `the ru.cryptopro.nmcades manifest for ${browser} does not allow the current CryptoPro extension (${CRYPTOPRO_EXTENSIONS.mv3}): update the plug-in`, cause: { key: 'manifest-outdated', params: { browser } } });
    }
  }
  const status = problems.length > 0 ? 'problem' : unreadable === undefined ? 'ok' : unreadable.timedOut ? 'timeout' : 'error';
  const detail = unreadable !== undefined ? `could not read ${unreadable.key}: ${unreadable.reason}` : `${BROWSERS.length} browsers, ${WATCHED_HOSTS.length} hosts, ${reads.size} registry reads`;
  return { name: 'native-host-manifests', status, ms: Date.now() - started, detail: detail.slice(0, 500), problems, facts: { ...facts, ...(failures.length > 0 ? { failures: failures.slice(0, 20) } : {}) } };
}
