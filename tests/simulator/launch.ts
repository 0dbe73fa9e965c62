import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHost } from '../../scripts/host/build';
import { hostTarget } from '../../scripts/host/node-binaries';
import { KNOWN_CAS } from '../../src/host/checks/roots';
import { CRYPTOPRO_EXTENSIONS, CRYPTOPRO_FIREFOX_ID } from '../../src/plugin/extension-ids';
import { resolveScenario, type ResolvedScenario } from './resolve';
import type { Scenario } from './scenario';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SIMULATOR_PAGE_DIR = path.join(HERE, 'page');
export const SCENARIO_DIR = path.join(HERE, 'scenarios');

export interface SimulatorSetup {
  /** The CryptoPro extension to install (simulated or the one given), or null when the scenario has none. */
  extensionDir: string | null;
  /** Its id, which the simulated native host allows. */
  extensionId: string | null;
  resolved: ResolvedScenario;
  /** Every method call and property write the simulated plug-in received, one JSON line each. */
  callsFile: string;
}

/** The companion host to register: the real one, none, or a broken stand-in (for fault tests). */
export type CompanionMode = boolean | 'crash' | 'hang' | 'garbage' | 'oversized' | 'truncated';

/** The browser the simulator is put into. */
export type SimulatorBrowser = 'chromium' | 'firefox';

/** ep-doctor's own ids in the test builds: the Chromium id its manifest key gives, the Firefox add-on id. */
const EP_DOCTOR_IDS: Record<SimulatorBrowser, string> = { chromium: 'pgejebgggaeiophnmnnockehkjkgfhhe', firefox: 'ep-doctor@ep-doctor.dev' };

/**
 * Where a browser reads user-level native-messaging manifests (`profile`: Chromium's user data folder,
 * Firefox's HOME) and how a manifest names the extensions that may start the host.
 */
function nativeHostsOf(browser: SimulatorBrowser, profile: string): { dir: string; allow: (ids: string[]) => Record<string, string[]> } {
  return browser === 'firefox'
    ? { dir: path.join(profile, '.mozilla/native-messaging-hosts'), allow: (ids) => ({ allowed_extensions: ids }) }
    : { dir: path.join(profile, 'NativeMessagingHosts'), allow: (ids) => ({ allowed_origins: ids.map((id) => `chrome-extension://${id}/`) }) };
}

/**
 * The CryptoPro add-on for Firefox as it is published (1.2.x, manifest version 2, add-on id
 * ru.cryptopro.nmcades@cryptopro.ru, a background page): the simulated extension's files under that
 * manifest. Its content script speaks the old protocol and, in Firefox, answers the echo with
 * `cadesplugin_loaded` + `url:` + its bridge's moz-extension:// address (the UUID differs per install).
 */
function firefoxManifest(manifest: { name: string; description: string; version: string }): Record<string, unknown> {
  return {
    manifest_version: 2,
    name: manifest.name.replace('(ep-doctor simulator)', '(ep-doctor simulator, Firefox)'),
    description: manifest.description,
    version: manifest.version,
    browser_specific_settings: { gecko: { id: CRYPTOPRO_FIREFOX_ID } },
    permissions: ['nativeMessaging'],
    background: { scripts: ['background.js'] },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['config.js', 'content.js'], all_frames: true }],
    web_accessible_resources: ['nmcades_plugin_api.js'],
  };
}

/** The id Chromium gives an unpacked extension with this manifest `key` (SHA-256 of the key, a–p). */
export function extensionIdOfKey(key: string): string {
  const hash = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * The MV2 generation plays under the published MV2 extension's public key (from its manifest, as the
 * Chrome Web Store serves it), so it has that extension's id, iifchhfnnmpdbibifmljnfjhpififfog; the 1.3
 * generation's manifest carries the MV3 one's (pfhgbfnnjiafkhfdkmpiflachepdcjod). Public keys only: they
 * make the ids, and let the vendor's loaders find the simulated extension as they find the real one.
 */
const MV2_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsePKp3waq5KKtMV6DGvvY706kmxCCvsaVCoHylp2xlNuAlIXZtuRv+0l425qAqXJuMOx0CCniDQFB8LUqPw8W8C3tlZNhLh9RTayAsHMhgjeVJOO1BsX/UYsyt2WM2ZNU93M/VFl8lLpwPUwTx0O+ThLZGWyryUJtOfNJm0aZNCSgviM3Go6kanqBEe5H4SlItMd+96F0oYjh4y71ZfiUruqTPyKv9IfZbg6BWCf6Et5K6gyJtGG2DZ0oyZruub/OfxcJbOIGYBilQmbUIvX9tyzVhlVjgdKRIZxtn+P+xI38MMtKIgvp8giSLyHnUQYTjaw/TcBxVYoJknqUijK1QIDAQAB';
/** What each generation reports as its version unless the scenario says otherwise. */
const DEFAULT_VERSION = { '1.3': '1.3.17', '1.2': '1.2.14' } as const;

/**
 * Puts the simulator into a browser profile before Chromium starts: the scenario resolved for today,
 * the nmcades host bundled and registered in the profile's NativeMessagingHosts (Chromium reads user
 * manifests from there) for the CryptoPro extension in use, that extension — a copy of the simulated
 * one playing the scenario's generation and version, or `realExtension` (an unpacked CryptoPro
 * extension given to the fidelity runner; its manifest `key` gives its id) — and ep-doctor-host (the
 * single executable `npm run build:host` makes) over a fake CryptoPro install.
 */
export async function prepareSimulator(
  name: string,
  scenario: Scenario,
  userDataDir: string,
  workDir: string,
  options: { companion?: CompanionMode; realExtension?: string; browser?: SimulatorBrowser } = {},
): Promise<SimulatorSetup> {
  const browser = options.browser ?? 'chromium';
  if (browser === 'firefox' && options.realExtension !== undefined) throw new Error('a real CryptoPro extension is only tried in Chromium');
  const hosts = nativeHostsOf(browser, userDataDir);
  mkdirSync(workDir, { recursive: true });
  const resolved = await resolveScenario(name, scenario);
  const resolvedFile = path.join(workDir, 'scenario.resolved.json');
  writeFileSync(resolvedFile, JSON.stringify(resolved));

  const hostFile = path.join(workDir, 'nmcades.mjs');
  await build({ entryPoints: [path.join(HERE, 'host/nmcades.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: hostFile, logLevel: 'error' });
  const launcher = path.join(workDir, 'nmcades');
  writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${hostFile}' '${resolvedFile}' "$@"\n`);
  chmodSync(launcher, 0o755);

  let extensionDir: string | null = null;
  let extensionId: string | null = null;
  if (scenario.extension.installed) {
    extensionDir = path.join(workDir, 'extension');
    cpSync(options.realExtension ?? path.join(HERE, 'extension'), extensionDir, { recursive: true });
    const manifestFile = path.join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string; key?: string; name: string; description: string };
    if (options.realExtension === undefined) {
      // The Firefox add-on is of the 1.2 generation whatever the Chromium one is (there is no 1.3 for Firefox).
      const generation = browser === 'firefox' ? '1.2' : scenario.extension.generation;
      manifest.version = scenario.extension.version ?? DEFAULT_VERSION[generation];
      if (generation === '1.2') {
        manifest.key = MV2_KEY;
        manifest.name = manifest.name.replace('(ep-doctor simulator)', '(ep-doctor simulator, MV2 generation)');
      }
      writeFileSync(manifestFile, JSON.stringify(browser === 'firefox' ? firefoxManifest(manifest) : manifest, null, 2));
      writeFileSync(path.join(extensionDir, 'config.js'), `globalThis.EP_DOCTOR_SIMULATOR = ${JSON.stringify({ generation })};\n`);
      const bridgeFile = path.join(extensionDir, 'nmcades_plugin_api.js');
      writeFileSync(bridgeFile, readFileSync(bridgeFile, 'utf8').replace('var OLD_PROTOCOL = false;', `var OLD_PROTOCOL = ${generation === '1.2'};`));
    }
    if (browser === 'firefox') extensionId = CRYPTOPRO_FIREFOX_ID;
    else if (typeof manifest.key !== 'string') throw new Error(`${options.realExtension ?? 'the simulated extension'}: manifest.json has no "key", so its id is not the published one`);
    else extensionId = extensionIdOfKey(manifest.key);
  }

  if (scenario.host !== 'missing') {
    mkdirSync(hosts.dir, { recursive: true });
    const manifest = {
      name: 'ru.cryptopro.nmcades',
      description: 'ep-doctor simulator of the CAdES Browser plug-in native host',
      path: launcher,
      type: 'stdio',
      // As the vendor's installer writes them: the three published ids, or (nmcades_firefox.json) the add-on's.
      ...hosts.allow(browser === 'firefox' ? [CRYPTOPRO_FIREFOX_ID] : Object.values(CRYPTOPRO_EXTENSIONS)),
    };
    writeFileSync(path.join(hosts.dir, 'ru.cryptopro.nmcades.json'), JSON.stringify(manifest, null, 2));
  }

  if (options.companion !== false) await prepareCompanion(hosts, EP_DOCTOR_IDS[browser], workDir, scenario.host !== 'missing' ? launcher : null, resolved, options.companion ?? true);
  return { extensionDir, extensionId, resolved, callsFile: `${resolvedFile}.calls` };
}

/**
 * ep-doctor-host, registered for ep-doctor in the test profile, reading a fake system (home and root
 * under `workDir`) that mirrors the simulator: the CryptoPro host manifest is where Chromium's system
 * manifests go, pointing at an executable nmcades, unless the scenario has no native part.
 */
/** Node one-liners standing in for a broken host: exits at once, never answers, answers garbage, sends 2 MB, sends a frame cut short. */
const BROKEN_HOSTS: Record<'crash' | 'hang' | 'garbage' | 'oversized' | 'truncated', string> = {
  crash: 'process.exit(3)',
  hang: 'process.stdin.resume()',
  garbage: "const b=Buffer.from(JSON.stringify({hello:'world'}));const h=Buffer.alloc(4);h.writeUInt32LE(b.length);process.stdout.write(Buffer.concat([h,b]));process.stdin.resume()",
  truncated: "const h=Buffer.alloc(4);h.writeUInt32LE(5000);process.stdout.write(Buffer.concat([h,Buffer.from('7b226964223a2268656c6c6f222c','hex')]));process.stdin.resume()",
  oversized: "const b=Buffer.from(JSON.stringify({id:'hello',type:'hello',version:'x'.repeat(2*1024*1024),os:'linux',arch:'x64',capabilities:[]}));const h=Buffer.alloc(4);h.writeUInt32LE(b.length);process.stdout.write(Buffer.concat([h,b]));process.stdin.resume()",
};

async function prepareCompanion(hosts: ReturnType<typeof nativeHostsOf>, ownId: string, workDir: string, nmcadesLauncher: string | null, resolved: ResolvedScenario, mode: CompanionMode): Promise<void> {
  const home = path.join(workDir, 'home');
  const root = path.join(workDir, 'root');
  mkdirSync(home, { recursive: true });
  writeFakeCryptoPro(root, resolved);
  if (nmcadesLauncher !== null) {
    const bin = path.join(root, 'opt/cprocsp/bin/amd64');
    mkdirSync(bin, { recursive: true });
    cpSync(nmcadesLauncher, path.join(bin, 'nmcades'));
    chmodSync(path.join(bin, 'nmcades'), 0o755);
    const chromium = path.join(root, 'etc/chromium/native-messaging-hosts');
    mkdirSync(chromium, { recursive: true });
    const origins = ['iifchhfnnmpdbibifmljnfjhpififfog', 'epebfcehmdedogndhlcacafjaacknbcm', 'pfhgbfnnjiafkhfdkmpiflachepdcjod'].map((id) => `chrome-extension://${id}/`);
    writeFileSync(path.join(chromium, 'ru.cryptopro.nmcades.json'), JSON.stringify({ name: 'ru.cryptopro.nmcades', path: '/opt/cprocsp/bin/amd64/nmcades', type: 'stdio', allowed_origins: origins }));
    // The vendor's package registers the host for Firefox too (research §1.4).
    const mozilla = path.join(root, 'usr/lib/mozilla/native-messaging-hosts');
    mkdirSync(mozilla, { recursive: true });
    writeFileSync(path.join(mozilla, 'ru.cryptopro.nmcades.json'), JSON.stringify({ name: 'ru.cryptopro.nmcades', path: '/opt/cprocsp/bin/amd64/nmcades', type: 'stdio', allowed_extensions: [CRYPTOPRO_FIREFOX_ID] }));
  }
  const own = hostTarget();
  if (own === null) throw new Error(`ep-doctor-host has no executable for ${process.platform}-${process.arch}`);
  const executable = (await buildHost([own]))[own];
  const launcher = path.join(workDir, 'ep-doctor-host');
  const broken = typeof mode === 'string' ? BROKEN_HOSTS[mode] : null;
  writeFileSync(
    launcher,
    broken === null ? `#!/bin/sh\nHOME='${home}' exec '${executable}' --test-root='${root}' "$@"\n` : `#!/bin/sh\nexec '${process.execPath}' -e "${broken}"\n`,
  );
  chmodSync(launcher, 0o755);
  mkdirSync(hosts.dir, { recursive: true });
  writeFileSync(
    path.join(hosts.dir, 'ru.ep_doctor.host.json'),
    JSON.stringify({ name: 'ru.ep_doctor.host', description: 'ep-doctor companion (test profile)', path: launcher, type: 'stdio', ...hosts.allow([ownId]) }),
  );
}

/**
 * Stand-ins for csptest, cpconfig and certmgr that print, in the tools' formats
 * (tests/fixtures/host/README.md), what the scenario says: no CSP, no tools.
 */
function writeFakeCryptoPro(root: string, s: ResolvedScenario): void {
  const cryptopro = s.providers.find((p) => [75, 80, 81].includes(p.type));
  if (cryptopro === undefined) return;
  const tool = (rel: string, output: string) => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.out`, output);
    writeFileSync(file, `#!/bin/sh\ncat '${file}.out'\n`);
    chmodSync(file, 0o755);
  };
  const containers = s.certificates.filter((c) => c.stores.includes('container')).map((c) => `\\\\.\\${c.container.reader}\\${c.container.name}`);
  tool('opt/cprocsp/bin/amd64/csptest', [`CSP (Type:${cryptopro.type}) v${cryptopro.version} KC1 Release Ver:${cryptopro.version} OS:Linux CPU:AMD64 FastCode:READY:AVX.`, 'AcquireContext: OK. HCRYPTPROV: 17693171', ...containers, 'OK.', 'Total: SYS: 0.010 sec USR: 0.040 sec UTC: 0.120 sec', '[ErrorCode: 0x00000000]', ''].join('\n'));
  const csp = s.licenses.csp;
  tool('opt/cprocsp/sbin/amd64/cpconfig', csp === null || csp === 'Unlimited' ? 'License validity:\nPermanent license\n' : csp.startsWith('Expired') ? 'License validity:\nLicense expired\n' : `License validity:\nExpires: ${Math.max(1, Math.round((Date.parse(csp.split('.').reverse().join('-')) - Date.now()) / 86_400_000))} day(s)\n`);
  const listing = (entries: { issuer: string; subject: string; thumbprint: string; validTo: string; key?: boolean }[]) =>
    [
      'Certmgr 1.1 (c) "Crypto-Pro",  2007-2024.',
      '',
      '='.repeat(77),
      ...entries.map((c, i) => [`${i + 1}-------`, `Issuer              : ${c.issuer}`, `Subject             : ${c.subject}`, `SHA1 Thumbprint     : ${c.thumbprint.toLowerCase()}`, `Not valid after     : ${c.validTo}`, ...(c.key === undefined ? [] : [`PrivateKey Link     : ${c.key ? 'Yes' : 'No'}`])].join('\n')),
      '='.repeat(77),
      '',
      '[ErrorCode: 0x00000000]',
      '',
    ].join('\n');
  // certmgr prints dates day first: «19/04/2037  08:55:47 UTC».
  const certmgrDate = (iso: string): string => {
    const d = new Date(iso);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}  ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`;
  };
  const personal = s.certificates.filter((c) => c.stores.includes('my')).map((c) => ({ issuer: c.issuerName, subject: c.subjectName, thumbprint: c.thumbprint, validTo: certmgrDate(c.validTo), key: c.hasPrivateKey }));
  const mincifry = { issuer: MINCIFRY_ROOT.subject, subject: MINCIFRY_ROOT.subject, thumbprint: MINCIFRY_ROOT.thumbprint, validTo: '08/01/2040  13:32:39 UTC' };
  // The simulator's CA stands in for the user's CA; an «untrusted» certificate means it is not installed.
  const ca = s.certificates.some((c) => c.chain === 'untrusted') ? [] : [...new Set(s.certificates.map((c) => c.issuerName))].map((name) => ({ issuer: name, subject: name, thumbprint: 'ab'.repeat(20), validTo: '01/06/2036  00:00:00 UTC' }));
  const stores: Record<string, string> = { uMy: listing(personal), uRoot: listing(ca), mRoot: listing(s.system.mincifryRoot ? [mincifry] : []), uCA: listing([]), mCA: listing([]) };
  const certmgr = path.join(root, 'opt/cprocsp/bin/amd64/certmgr');
  for (const [store, text] of Object.entries(stores)) writeFileSync(`${certmgr}.${store}.out`, text);
  writeFileSync(certmgr, `#!/bin/sh\n[ "$1 $2" = "-list -store" ] && [ -f '${certmgr}'."$3".out ] && exec cat '${certmgr}'."$3".out\necho '[ErrorCode: 0x80092004]'\nexit 1\n`);
  chmodSync(certmgr, 0o755);
  // pcscd as the scenario has it, and CryptoPro's PC/SC reader module.
  const touch = (rel: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), '');
  };
  touch('opt/cprocsp/lib/amd64/librdrpcsc.so.4.0.4');
  if (s.system.smartCardService !== 'missing') touch('usr/sbin/pcscd');
  if (s.system.smartCardService === 'on-demand') touch('run/pcscd/pcscd.comm');
}

/** The real Минцифры root (shared/fixtures/certs/real/mincifry-root-2022.pem) as certmgr names it. */
const MINCIFRY_ROOT = {
  subject: 'E=dit@digital.gov.ru, C=RU, S=77 Москва, L=г. Москва, STREET="Пресненская набережная, дом 10, строение 2", O=Минцифры России, OGRN=1047702026701, INNLE=7710474375, CN=Минцифры России',
  thumbprint: KNOWN_CAS[0].thumbprint,
};

export function readScenarioFile(file: string): string {
  return readFileSync(file, 'utf8');
}
