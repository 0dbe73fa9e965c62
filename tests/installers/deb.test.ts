import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath } from '@/scripts/host/build';
import { buildInstallers, packageVersion } from '@/scripts/installers/build';
import { DEB_PROGRAM, debManifestDirs } from '@/scripts/installers/deb';
import { EXTENSION_ORIGINS, FIREFOX_ADDON_IDS } from '@/src/host/origins';
import { HOST_NAME, HostReply } from '@/src/host/protocol';
import { encodeFrame, frameReader } from '@/src/host/wire';

/**
 * The .deb, installed and removed with the real dpkg — into a root of its own (`dpkg --root`, a
 * private database), so the test machine's /etc is never touched: the files land where each browser
 * reads system-wide manifests, the program runs from /opt, and removal takes everything away.
 */
let deb: string;
let root: string;
beforeAll(async () => {
  deb = (await buildInstallers(['deb']))['deb'];
  root = mkdtempSync(path.join(tmpdir(), 'ep-doctor-dpkg-'));
  for (const d of ['var/lib/dpkg/info', 'var/lib/dpkg/updates', 'var/lib/dpkg/triggers', 'var/log']) mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(path.join(root, 'var/lib/dpkg/status'), '');
}, 600_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dpkg = (...args: string[]) => execFileSync('dpkg', [`--root=${root}`, '--force-not-root', '--force-script-chrootless', '--log=/dev/null', ...args], { encoding: 'utf8', stdio: 'pipe' });

function hello(program: string, manifest: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // Firefox's way of starting it: the manifest's path, then the add-on id.
    const child = spawn(program, [manifest, FIREFOX_ADDON_IDS[0]], { stdio: ['pipe', 'pipe', 'ignore'] });
    child.on('error', reject);
    child.stdout.on('data', frameReader((m) => {
      resolve(m);
      child.stdin.end();
    }));
    child.stdin.write(encodeFrame({ id: 'd', type: 'hello' }));
  });
}

describe('the Linux .deb', () => {
  it('is ep-doctor-host, amd64, the package version, compressed', () => {
    const fields = execFileSync('dpkg-deb', ['--field', deb, 'Package', 'Version', 'Architecture'], { encoding: 'utf8' });
    expect(fields).toBe(`Package: ep-doctor-host\nVersion: ${packageVersion()}\nArchitecture: amd64\n`);
    expect(statSync(deb).size).toBeLessThan(statSync(executablePath('linux-x64')).size * 0.5);
  });

  it('dpkg installs the program and a manifest for every browser; it answers; dpkg -r removes all of it', async () => {
    dpkg('-i', deb);
    expect(dpkg('-s', 'ep-doctor-host')).toMatch(/^Status: install ok installed$/m);
    const program = path.join(root, DEB_PROGRAM);
    expect(statSync(program).mode & 0o777).toBe(0o755);
    expect(readFileSync(program).equals(readFileSync(executablePath('linux-x64')))).toBe(true);
    const dirs = debManifestDirs();
    expect(dirs.map((d) => d.dir)).toEqual(['/etc/opt/chrome/native-messaging-hosts', '/etc/chromium/native-messaging-hosts', '/etc/opt/yandex/browser/native-messaging-hosts', '/etc/opt/edge/native-messaging-hosts', '/usr/lib/mozilla/native-messaging-hosts']);
    for (const { browser, dir } of dirs) {
      const manifest = JSON.parse(readFileSync(path.join(root, dir, `${HOST_NAME}.json`), 'utf8')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ name: HOST_NAME, path: DEB_PROGRAM, type: 'stdio', ...(browser === 'firefox' ? { allowed_extensions: [...FIREFOX_ADDON_IDS] } : { allowed_origins: [...EXTENSION_ORIGINS] }) });
    }
    // The installed program's own status finds the system-wide registrations.
    const status = execFileSync(program, ['status', `--test-root=${root}`], { encoding: 'utf8', env: { ...process.env, HOME: path.join(root, 'home') } });
    expect(status.match(/ — ok/g)).toHaveLength(dirs.length);
    expect(HostReply.parse(await hello(program, path.join(root, dirs[4]!.dir, `${HOST_NAME}.json`)))).toMatchObject({ id: 'd', type: 'hello', os: 'linux' });

    dpkg('-r', 'ep-doctor-host');
    expect(existsSync(program)).toBe(false);
    for (const { dir } of dirs) expect(existsSync(path.join(root, dir, `${HOST_NAME}.json`)), dir).toBe(false);
    expect(dpkg('-l')).not.toMatch(/^ii\s+ep-doctor-host/m);
  });
});
