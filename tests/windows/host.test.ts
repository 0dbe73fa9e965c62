import { existsSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost } from '@/scripts/host/build';
import { EXTENSION_ORIGINS, FIREFOX_ADDON_IDS } from '@/src/host/origins';
import { HostReply, HOST_NAME, HOST_VERSION } from '@/src/host/protocol';
import { createPrefix, launchAsBrowser, zPath, type WinePrefix } from './wine';

/**
 * The win-x64 ep-doctor-host.exe on a Windows (Wine 8, Windows 10 mode): started as Chrome and Firefox
 * start it, answering over native-messaging framing; installing, checking and removing its per-user
 * registration, read back with Wine's own reg.exe.
 */
let wine: WinePrefix;
let exe: string;
beforeAll(async () => {
  [exe, wine] = await Promise.all([buildHost(['win-x64']).then((b) => zPath(b['win-x64'])), createPrefix()]);
}, 600_000);
afterAll(() => wine?.close());

// Wine names the Windows user after the Linux one.
const LOCAL = `C:\\users\\${userInfo().username}\\AppData\\Local\\ep-doctor`;
const KEYS = {
  chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
  chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
  yandex: 'HKCU\\Software\\Yandex\\YandexBrowser\\NativeMessagingHosts',
  edge: 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts',
  firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
};

/** The default value of `<key>\ru.ep_doctor.host`, as Wine's reg.exe prints it; null when the key is absent. */
const registered = (key: string): Promise<string | null> => wine.defaultValue(`${key}\\${HOST_NAME}`);

describe('ep-doctor-host.exe under Wine', () => {
  it('answers hello and inventory when Chrome starts it (cmd.exe, named pipes, the caller origin)', async () => {
    const result = await launchAsBrowser(wine, 'chrome', exe, EXTENSION_ORIGINS[0], [{ id: '1', type: 'hello' }, { id: '2', type: 'inventory', browser: 'chrome' }]);
    expect(result.exit).toBe(0);
    const [hello, inventory] = result.replies.map((r) => HostReply.parse(r.reply));
    expect(hello).toMatchObject({ id: '1', type: 'hello', version: HOST_VERSION, os: 'win32', arch: 'x64' });
    expect(inventory?.type).toBe('inventory');
    const checks = inventory?.type === 'inventory' ? inventory.checks : [];
    expect(checks.map((c) => c.name)).toEqual(['native-host-manifests', 'cryptopro-csp', 'root-certificates', 'tokens', 'clock']);
    // A bare Windows: no CryptoPro CSP, no plug-in registration for Chrome, and every absent key read as absent.
    expect(checks.find((c) => c.name === 'cryptopro-csp')?.problems.map((p) => p.id)).toEqual(['csp-missing']);
    const manifests = checks.find((c) => c.name === 'native-host-manifests')!;
    expect(manifests).toMatchObject({ status: 'problem', problems: [{ id: 'plugin-host-missing', cause: { key: 'manifest-missing' } }] });
    expect(manifests.facts['failures']).toBeUndefined();
    process.stdout.write(`  host under Wine: first reply ${result.replies[0]!.ms} ms after the launch, inventory ${result.replies[1]!.ms - result.replies[0]!.ms} ms\n`);
  });

  it('refuses a caller that is not ep-doctor, as on Linux', async () => {
    const other = await launchAsBrowser(wine, 'chrome', exe, 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/', [{ id: '1', type: 'hello' }]);
    expect(other.replies.map((r) => r.reply)).toEqual([{ id: '', type: 'error', error: 'this host serves only the ep-doctor extension' }]);
    expect(other.exit).toBe(1);
  });

  it('install registers the copy in %LOCALAPPDATA% for every browser; status reads it back; uninstall removes keys and files', async () => {
    const install = await wine.run(exe, ['install']);
    expect(install.code, install.text).toBe(0);
    expect(install.text).toContain(`installed: ${LOCAL}\\ep-doctor-host.exe`);
    expect(existsSync(wine.unix(`${LOCAL}\\ep-doctor-host.exe`))).toBe(true);
    const chromeManifest = `${LOCAL}\\${HOST_NAME}.json`;
    const firefoxManifest = `${LOCAL}\\${HOST_NAME}.firefox.json`;
    expect(await registered(KEYS.chrome)).toBe(chromeManifest);
    expect(await registered(KEYS.chromium)).toBe(chromeManifest);
    expect(await registered(KEYS.edge)).toBe(chromeManifest);
    expect(await registered(KEYS.firefox)).toBe(firefoxManifest);
    // Yandex Browser reads Chrome's key: no key of its own unless asked for by name.
    expect(await registered(KEYS.yandex)).toBeNull();
    expect(JSON.parse(readFileSync(wine.unix(chromeManifest), 'utf8'))).toEqual({ name: HOST_NAME, description: expect.any(String), path: `${LOCAL}\\ep-doctor-host.exe`, type: 'stdio', allowed_origins: [...EXTENSION_ORIGINS] });
    expect(JSON.parse(readFileSync(wine.unix(firefoxManifest), 'utf8'))).toMatchObject({ path: `${LOCAL}\\ep-doctor-host.exe`, allowed_extensions: [...FIREFOX_ADDON_IDS] });

    const yandex = await wine.run(exe, ['install', '--browser', 'yandex']);
    expect(yandex.code, yandex.text).toBe(0);
    expect(await registered(KEYS.yandex)).toBe(chromeManifest);

    const status = await wine.run(exe, ['status']);
    expect(status.code, status.text).toBe(0);
    for (const key of Object.values(KEYS)) expect(status.text).toContain(`${key}\\${HOST_NAME} → `);
    expect(status.text).not.toContain('not registered');

    // The installed copy answers Firefox's way of starting it (the manifest path, then the add-on id).
    const firefox = await launchAsBrowser(wine, 'firefox', `${LOCAL}\\ep-doctor-host.exe`, firefoxManifest, [{ id: 'f', type: 'hello' }]);
    expect(firefox.replies.map((r) => HostReply.parse(r.reply))).toMatchObject([{ id: 'f', type: 'hello', os: 'win32' }]);

    const uninstall = await wine.run(exe, ['uninstall']);
    expect(uninstall.code, uninstall.text).toBe(0);
    for (const key of Object.values(KEYS)) expect(await registered(key), key).toBeNull();
    expect(existsSync(wine.unix(chromeManifest))).toBe(false);
    expect(existsSync(wine.unix(firefoxManifest))).toBe(false);
    const after = await wine.run(exe, ['status']);
    expect(after.text).toContain('not registered for any browser');
  });

  it('status names what is wrong: a manifest deleted behind its key', async () => {
    expect((await wine.run(exe, ['install', '--browser', 'edge'])).code).toBe(0);
    rmSync(wine.unix(`${LOCAL}\\${HOST_NAME}.json`));
    const status = await wine.run(exe, ['status']);
    expect(status.code).toBe(1);
    expect(status.text).toContain(`${KEYS.edge}\\${HOST_NAME} → ${LOCAL}\\${HOST_NAME}.json — does not exist`);
    expect((await wine.run(exe, ['uninstall'])).code).toBe(0);
  });
});
