/**
 * `npm run build:installers`: what a bidder downloads, in .output/installers/ — the Windows MSIs (per
 * user and per machine), the Linux .deb, and the macOS executables as compressed archives (a .pkg
 * cannot be built on Linux). Prints each file's size; SHA256SUMS lists them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildHost, HOST_OUTPUT } from '../host/build';
import { buildDeb } from './deb';
import { buildMsi } from './msi';

export const INSTALLERS_OUTPUT = path.resolve(import.meta.dirname, '../../.output/installers');
const ROOT = path.resolve(import.meta.dirname, '../..');

export const packageVersion = (): string => (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export type InstallerKind = 'msi-per-user' | 'msi-per-machine' | 'deb' | 'darwin-x64' | 'darwin-arm64';
export const ALL_INSTALLERS: readonly InstallerKind[] = ['msi-per-user', 'msi-per-machine', 'deb', 'darwin-x64', 'darwin-arm64'];

/** A macOS executable as a .tar.xz keeping its mode bits (and its ad-hoc signature, inside the file). */
function macArchive(exe: string, target: string, version: string): string {
  const out = path.join(INSTALLERS_OUTPUT, `ep-doctor-host-${version}-${target}.tar.xz`);
  execFileSync('tar', ['-cJf', out, '-C', path.dirname(exe), '--owner=0', '--group=0', path.basename(exe)], { env: { ...process.env, XZ_OPT: '-6 -T2' } });
  return out;
}

/**
 * What each artefact is made of: the executables (their build stamp), the version and the builders'
 * sources. An artefact is rebuilt only when that changed (tests call this as the demo does).
 */
function inputsHash(): string {
  const hash = createHash('sha256').update(readFileSync(path.join(HOST_OUTPUT, 'build.json'))).update(packageVersion());
  for (const f of ['scripts/installers/msi.ts', 'scripts/installers/deb.ts', 'scripts/installers/build.ts', 'src/host/host-manifest.ts', 'src/host/windows/install.ts', 'src/host/manifests.ts']) hash.update(readFileSync(path.join(ROOT, f)));
  return hash.digest('hex');
}

export async function buildInstallers(kinds: readonly InstallerKind[] = ALL_INSTALLERS, log: (line: string) => void = () => {}): Promise<Record<InstallerKind, string>> {
  const version = packageVersion();
  const host = await buildHost();
  mkdirSync(INSTALLERS_OUTPUT, { recursive: true });
  const stampFile = path.join(INSTALLERS_OUTPUT, 'build.json');
  const inputs = inputsHash();
  let stamp: { inputs: string; files: Partial<Record<InstallerKind, string>> } = { inputs, files: {} };
  try {
    const previous = JSON.parse(readFileSync(stampFile, 'utf8')) as typeof stamp;
    if (previous.inputs === inputs) stamp = previous;
  } catch {
    // First build.
  }
  const make: Record<InstallerKind, () => string> = {
    'msi-per-user': () => buildMsi('per-user', version, host['win-x64'], INSTALLERS_OUTPUT),
    'msi-per-machine': () => buildMsi('per-machine', version, host['win-x64'], INSTALLERS_OUTPUT),
    deb: () => buildDeb(version, host['linux-x64'], INSTALLERS_OUTPUT),
    'darwin-x64': () => macArchive(host['darwin-x64'], 'darwin-x64', version),
    'darwin-arm64': () => macArchive(host['darwin-arm64'], 'darwin-arm64', version),
  };
  const out = {} as Record<InstallerKind, string>;
  for (const kind of kinds) {
    const known = stamp.files[kind];
    out[kind] = known !== undefined && existsSync(known) ? known : make[kind]();
    stamp.files[kind] = out[kind];
    writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  }
  const files = ALL_INSTALLERS.flatMap((k) => (stamp.files[k] !== undefined && existsSync(stamp.files[k]) ? [stamp.files[k]] : []));
  writeFileSync(path.join(INSTALLERS_OUTPUT, 'SHA256SUMS'), `${files.map((f) => `${createHash('sha256').update(readFileSync(f)).digest('hex')}  ${path.basename(f)}`).join('\n')}\n`);
  for (const kind of kinds) log(`${path.relative(process.cwd(), out[kind])}  ${(statSync(out[kind]).size / 1024 / 1024).toFixed(1)} MB`);
  return out;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildInstallers(ALL_INSTALLERS, (line) => process.stdout.write(`${line}\n`));
}
