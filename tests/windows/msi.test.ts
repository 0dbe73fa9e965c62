import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath } from '@/scripts/host/build';
import { buildInstallers, packageVersion } from '@/scripts/installers/build';
import { msiVersion } from '@/scripts/installers/msi';
import { EXTENSION_ORIGINS, FIREFOX_ADDON_IDS } from '@/src/host/origins';
import { HostReply, HOST_NAME } from '@/src/host/protocol';
import { registrationKeys } from '@/src/host/windows/install';
import { createPrefix, launchAsBrowser, zPath, type WinePrefix } from './wine';

/**
 * The MSIs, built on Linux with wixl, installed and removed with Wine's msiexec, silently (/qn) as an
 * administrator's roll-out or a double-click would: files, registry keys (read back with reg.exe),
 * the installed program answering through the registration a browser resolves, and nothing left after
 * uninstalling.
 */
let wine: WinePrefix;
let msi: { perUser: string; perMachine: string; file: string; machineFile: string };
beforeAll(async () => {
  const [built, prefix] = await Promise.all([buildInstallers(['msi-per-user', 'msi-per-machine']), createPrefix()]);
  msi = { perUser: zPath(built['msi-per-user']), perMachine: zPath(built['msi-per-machine']), file: built['msi-per-user'], machineFile: built['msi-per-machine'] };
  wine = prefix;
}, 600_000);
afterAll(() => wine?.close());

const LOCAL = `C:\\users\\${userInfo().username}\\AppData\\Local\\ep-doctor`;
const MACHINE = 'C:\\Program Files\\ep-doctor';

const defaultValue = (key: string): Promise<string | null> => wine.defaultValue(key, 64);

/** What Chrome does with a registration: the key's manifest, its `path` resolved against the manifest's folder. */
function resolveLikeChrome(manifestFile: string): { program: string; manifest: Record<string, unknown> } {
  const manifest = JSON.parse(readFileSync(wine.unix(manifestFile), 'utf8')) as Record<string, unknown>;
  const program = String(manifest['path']);
  return { manifest, program: /^[A-Za-z]:\\/.test(program) ? program : path.win32.join(path.win32.dirname(manifestFile), program) };
}

async function assertRegistered(root: 'HKCU' | 'HKLM', dir: string): Promise<void> {
  for (const { key, firefox } of registrationKeys()) {
    const manifestFile = await defaultValue(`${root}\\${key}`);
    expect(manifestFile, key).toBe(`${dir}\\${firefox ? `${HOST_NAME}.firefox.json` : `${HOST_NAME}.json`}`);
    const { manifest, program } = resolveLikeChrome(manifestFile!);
    expect(manifest).toMatchObject({ name: HOST_NAME, type: 'stdio', ...(firefox ? { allowed_extensions: [...FIREFOX_ADDON_IDS] } : { allowed_origins: [...EXTENSION_ORIGINS] }) });
    expect(program).toBe(`${dir}\\ep-doctor-host.exe`);
  }
}

describe('the Windows installers under Wine', () => {
  it(`carry the package version (${packageVersion()}) and ship the program compressed`, () => {
    expect(msiVersion(packageVersion())).toMatch(/^\d+\.\d+\.\d+$/);
    // The cabinet inside is compressed: well under the executable it carries.
    expect(statSync(msi.file).size).toBeLessThan(statSync(executablePath('win-x64')).size * 0.6);
  });

  it('per user asks for no elevation (word count 10: compressed, no elevation); per machine sets ALLUSERS', () => {
    const msiinfo = (args: string[]) => execFileSync('msiinfo', args, { encoding: 'utf8' });
    expect(msiinfo(['suminfo', msi.file])).toMatch(/^Source: 10 \(a\)$/m);
    expect(msiinfo(['export', msi.file, 'Property'])).not.toMatch(/^ALLUSERS\t/m);
    expect(msiinfo(['suminfo', msi.machineFile])).toMatch(/^Source: 2 \(2\)$/m);
    expect(msiinfo(['export', msi.machineFile, 'Property'])).toMatch(/^ALLUSERS\t1$/m);
  });

  it('per user, without admin rights: %LOCALAPPDATA%\\ep-doctor and HKCU keys; the program answers; uninstall leaves nothing', async () => {
    const install = await wine.run('msiexec', ['/i', msi.perUser, '/qn']);
    expect(install.code, install.text).toBe(0);
    expect(readdirSync(wine.unix(LOCAL)).sort()).toEqual(['ep-doctor-host.exe', `${HOST_NAME}.firefox.json`, `${HOST_NAME}.json`]);
    await assertRegistered('HKCU', LOCAL);
    // Nothing machine-wide.
    for (const { key } of registrationKeys()) expect(await defaultValue(`HKLM\\${key}`)).toBeNull();

    // The installed program agrees (its own status reads the keys and the relative manifest path) and answers Chrome.
    const status = await wine.run(`${LOCAL}\\ep-doctor-host.exe`, ['status']);
    expect(status.code, status.text).toBe(0);
    expect(status.text.match(/ — ok/g)).toHaveLength(registrationKeys().length);
    const { program } = resolveLikeChrome(`${LOCAL}\\${HOST_NAME}.json`);
    const hello = await launchAsBrowser(wine, 'chrome', program, EXTENSION_ORIGINS[0], [{ id: 'h', type: 'hello' }]);
    expect(hello.replies.map((r) => HostReply.parse(r.reply))).toMatchObject([{ id: 'h', type: 'hello', os: 'win32' }]);

    const uninstall = await wine.run('msiexec', ['/x', msi.perUser, '/qn']);
    expect(uninstall.code, uninstall.text).toBe(0);
    expect(existsSync(wine.unix(LOCAL))).toBe(false);
    for (const { key } of registrationKeys()) expect(await defaultValue(`HKCU\\${key}`), key).toBeNull();
  });

  it('per machine, for administrators: %ProgramFiles%\\ep-doctor and HKLM keys (64-bit view); uninstall leaves nothing', async () => {
    const install = await wine.run('msiexec', ['/i', msi.perMachine, '/qn']);
    expect(install.code, install.text).toBe(0);
    expect(readdirSync(wine.unix(MACHINE)).sort()).toEqual(['ep-doctor-host.exe', `${HOST_NAME}.firefox.json`, `${HOST_NAME}.json`]);
    await assertRegistered('HKLM', MACHINE);
    const status = await wine.run(`${MACHINE}\\ep-doctor-host.exe`, ['status']);
    expect(status.code, status.text).toBe(0);
    expect(status.text).toContain(`HKLM\\Software\\Google\\Chrome\\NativeMessagingHosts\\${HOST_NAME} → ${MACHINE}\\${HOST_NAME}.json — ok`);

    const uninstall = await wine.run('msiexec', ['/x', msi.perMachine, '/qn']);
    expect(uninstall.code, uninstall.text).toBe(0);
    expect(existsSync(wine.unix(MACHINE))).toBe(false);
    for (const { key } of registrationKeys()) expect(await defaultValue(`HKLM\\${key}`), key).toBeNull();
  });
});
