import { build } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHost } from '../../scripts/host/build';
import { hostTarget } from '../../scripts/host/node-binaries';
import { SIMULATOR_EXTENSION_ID } from '../../src/plugin/extension-ids';
import { resolveScenario, type ResolvedScenario } from './resolve';
import type { Scenario } from './scenario';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SIMULATOR_PAGE_DIR = path.join(HERE, 'page');
export const SCENARIO_DIR = path.join(HERE, 'scenarios');

export interface SimulatorSetup {
  /** The simulated CryptoPro extension to install, or null when the scenario has none. */
  extensionDir: string | null;
  resolved: ResolvedScenario;
}

/** The companion host to register: the real one, none, or a broken stand-in (for fault tests). */
export type CompanionMode = boolean | 'crash' | 'hang' | 'garbage' | 'oversized';

/**
 * Puts the simulator into a browser profile before Chromium starts: the scenario resolved for today,
 * the nmcades host bundled and registered in the profile's NativeMessagingHosts (Chromium reads user
 * manifests from there), a copy of the simulated CryptoPro extension with the scenario's version, and
 * ep-doctor-host (the single executable `npm run build:host` makes) over a fake CryptoPro install.
 */

export async function prepareSimulator(name: string, scenario: Scenario, userDataDir: string, workDir: string, options: { companion?: CompanionMode } = {}): Promise<SimulatorSetup> {
  mkdirSync(workDir, { recursive: true });
  const resolved = await resolveScenario(name, scenario);
  const resolvedFile = path.join(workDir, 'scenario.resolved.json');
  writeFileSync(resolvedFile, JSON.stringify(resolved));

  const hostFile = path.join(workDir, 'nmcades.mjs');
  await build({ entryPoints: [path.join(HERE, 'host/nmcades.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: hostFile, logLevel: 'error' });
  const launcher = path.join(workDir, 'nmcades');
  writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${hostFile}' '${resolvedFile}' "$@"\n`);
  chmodSync(launcher, 0o755);

  if (scenario.host !== 'missing') {
    const hostsDir = path.join(userDataDir, 'NativeMessagingHosts');
    mkdirSync(hostsDir, { recursive: true });
    const manifest = {
      name: 'ru.cryptopro.nmcades',
      description: 'ep-doctor simulator of the CAdES Browser plug-in native host',
      path: launcher,
      type: 'stdio',
      allowed_origins: [`chrome-extension://${SIMULATOR_EXTENSION_ID}/`],
    };
    writeFileSync(path.join(hostsDir, 'ru.cryptopro.nmcades.json'), JSON.stringify(manifest, null, 2));
  }

  if (options.companion !== false) await prepareCompanion(userDataDir, workDir, scenario.host !== 'missing' ? launcher : null, resolved, options.companion ?? true);

  let extensionDir: string | null = null;
  if (scenario.extension.installed) {
    extensionDir = path.join(workDir, 'extension');
    cpSync(path.join(HERE, 'extension'), extensionDir, { recursive: true });
    const manifestFile = path.join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
    manifest.version = scenario.extension.version;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  }
  return { extensionDir, resolved };
}

/**
 * ep-doctor-host, registered for ep-doctor in the test profile, reading a fake system (home and root
 * under `workDir`) that mirrors the simulator: the CryptoPro host manifest is where Chromium's system
 * manifests go, pointing at an executable nmcades, unless the scenario has no native part.
 */
/** Node one-liners standing in for a broken host: exits at once, never answers, answers garbage, sends 2 MB. */
const BROKEN_HOSTS: Record<'crash' | 'hang' | 'garbage' | 'oversized', string> = {
  crash: 'process.exit(3)',
  hang: 'process.stdin.resume()',
  garbage: "const b=Buffer.from(JSON.stringify({hello:'world'}));const h=Buffer.alloc(4);h.writeUInt32LE(b.length);process.stdout.write(Buffer.concat([h,b]));process.stdin.resume()",
  oversized: "const b=Buffer.from(JSON.stringify({id:'hello',type:'hello',version:'x'.repeat(2*1024*1024),os:'linux',arch:'x64',capabilities:[]}));const h=Buffer.alloc(4);h.writeUInt32LE(b.length);process.stdout.write(Buffer.concat([h,b]));process.stdin.resume()",
};

async function prepareCompanion(userDataDir: string, workDir: string, nmcadesLauncher: string | null, resolved: ResolvedScenario, mode: CompanionMode): Promise<void> {
  const home = path.join(workDir, 'home');
  const root = path.join(workDir, 'root');
  mkdirSync(home, { recursive: true });
  writeFakeCryptoPro(root, resolved);
  if (nmcadesLauncher !== null) {
    const bin = path.join(root, 'opt/cprocsp/bin/amd64');
    mkdirSync(bin, { recursive: true });
    cpSync(nmcadesLauncher, path.join(bin, 'nmcades'));
    chmodSync(path.join(bin, 'nmcades'), 0o755);
    const hosts = path.join(root, 'etc/chromium/native-messaging-hosts');
    mkdirSync(hosts, { recursive: true });
    const origins = ['iifchhfnnmpdbibifmljnfjhpififfog', 'epebfcehmdedogndhlcacafjaacknbcm', 'pfhgbfnnjiafkhfdkmpiflachepdcjod'].map((id) => `chrome-extension://${id}/`);
    writeFileSync(path.join(hosts, 'ru.cryptopro.nmcades.json'), JSON.stringify({ name: 'ru.cryptopro.nmcades', path: '/opt/cprocsp/bin/amd64/nmcades', type: 'stdio', allowed_origins: origins }));
  }
  const own = hostTarget();
  if (own === null) throw new Error(`ep-doctor-host has no executable for ${process.platform}-${process.arch}`);
  const executable = (await buildHost([own]))[own];
  const launcher = path.join(workDir, 'ep-doctor-host');
  const broken = typeof mode === 'string' ? BROKEN_HOSTS[mode] : null;
  writeFileSync(
    launcher,
    broken === null ? `#!/bin/sh\nEP_DOCTOR_HOST_HOME='${home}' EP_DOCTOR_HOST_ROOT='${root}' exec '${executable}' "$@"\n` : `#!/bin/sh\nexec '${process.execPath}' -e "${broken}"\n`,
  );
  chmodSync(launcher, 0o755);
  const hostsDir = path.join(userDataDir, 'NativeMessagingHosts');
  mkdirSync(hostsDir, { recursive: true });
  writeFileSync(
    path.join(hostsDir, 'ru.ep_doctor.host.json'),
    JSON.stringify({ name: 'ru.ep_doctor.host', description: 'ep-doctor companion (test profile)', path: launcher, type: 'stdio', allowed_origins: ['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/'] }),
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
  const entries = s.certificates
    .filter((c) => c.stores.includes('my'))
    .map((c, i) => [`${i + 1}-------`, `Issuer              : ${c.issuerName}`, `Subject             : ${c.subjectName}`, `SHA1 Thumbprint     : ${c.thumbprint.toLowerCase()}`, `Not valid after     : ${c.validTo}`, `PrivateKey Link     : ${c.hasPrivateKey ? 'Yes' : 'No'}`].join('\n'));
  tool('opt/cprocsp/bin/amd64/certmgr', ['Certmgr 1.1 (c) "Crypto-Pro",  2007-2024.', '', '='.repeat(77), ...entries, '='.repeat(77), '', '[ErrorCode: 0x00000000]', ''].join('\n'));
}

export function readScenarioFile(file: string): string {
  return readFileSync(file, 'utf8');
}
