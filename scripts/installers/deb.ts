import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostManifestText } from '../../src/host/host-manifest';
import { manifestDirs } from '../../src/host/manifests';
import { HOST_NAME } from '../../src/host/protocol';

/**
 * The Linux package of ep-doctor-host: the program in /opt/ep-doctor and our manifest in every
 * browser's system folder (Chrome, Chromium, Yandex Browser, Edge, Firefox — the folders the host
 * itself checks, src/host/manifests.ts). dpkg removes exactly these files; no maintainer scripts.
 */
export const DEB_PROGRAM = '/opt/ep-doctor/ep-doctor-host';

/** The system manifest folders the package writes into, one per browser (Firefox's first: /usr/lib). */
export function debManifestDirs(): { browser: string; dir: string }[] {
  return manifestDirs('linux', '/nonexistent-home').map((d) => ({ browser: d.browser, dir: d.system[0]! }));
}

function control(version: string, installedKb: number): string {
  return [
    'Package: ep-doctor-host',
    `Version: ${version}`,
    'Architecture: amd64',
    'Maintainer: ep-doctor <support@ep-doctor.dev>',
    `Installed-Size: ${installedKb}`,
    'Section: utils',
    'Priority: optional',
    'Description: ep-doctor companion: read-only diagnostics of CryptoPro signing',
    ' Reads the signing stack (CryptoPro CSP, its licence, key containers, certificate stores and',
    ' browser native-messaging registrations) for the ep-doctor browser extension. It only reads;',
    ' it answers only the ep-doctor extension.',
    '',
  ].join('\n');
}

/** Builds the .deb from the linux-x64 executable; returns its path. */
export function buildDeb(version: string, exe: string, outDir: string): string {
  const work = path.join(outDir, 'deb-root');
  rmSync(work, { recursive: true, force: true });
  const program = path.join(work, DEB_PROGRAM);
  mkdirSync(path.dirname(program), { recursive: true });
  copyFileSync(exe, program);
  chmodSync(program, 0o755);
  for (const { browser, dir } of debManifestDirs()) {
    mkdirSync(path.join(work, dir), { recursive: true });
    writeFileSync(path.join(work, dir, `${HOST_NAME}.json`), hostManifestText(browser === 'firefox' ? 'firefox' : 'chromium', DEB_PROGRAM));
  }
  const installedKb = Math.ceil(Number(execFileSync('du', ['-sk', '--apparent-size', work], { encoding: 'utf8' }).split('\t')[0]));
  mkdirSync(path.join(work, 'DEBIAN'));
  writeFileSync(path.join(work, 'DEBIAN/control'), control(version, installedKb));
  const out = path.join(outDir, `ep-doctor-host_${version}_amd64.deb`);
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', work, out], { stdio: 'pipe' });
  rmSync(work, { recursive: true, force: true });
  return out;
}
