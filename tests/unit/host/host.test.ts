import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '@/src/host/cli';
import { install, status, uninstall } from '@/src/host/install';
import { manifestsCheck } from '@/src/host/manifests';
import { callerAllowed, startedByBrowser } from '@/src/host/origins';
import { HostReply, MAX_REPLY_BYTES } from '@/src/host/protocol';
import { answer, fit, realEnvironment, type HostEnvironment } from '@/src/host/serve';

let home: string;
let root: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'host-home-'));
  root = mkdtempSync(path.join(tmpdir(), 'host-root-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

const CRYPTOPRO_ORIGINS = ['chrome-extension://iifchhfnnmpdbibifmljnfjhpififfog/', 'chrome-extension://epebfcehmdedogndhlcacafjaacknbcm/', 'chrome-extension://pfhgbfnnjiafkhfdkmpiflachepdcjod/'];

function nmcades(dir: string, over: Record<string, unknown> = {}, binary = true): void {
  mkdirSync(path.join(root, 'opt/cprocsp/bin/amd64'), { recursive: true });
  if (binary) {
    writeFileSync(path.join(root, 'opt/cprocsp/bin/amd64/nmcades'), '#!/bin/sh\n');
    chmodSync(path.join(root, 'opt/cprocsp/bin/amd64/nmcades'), 0o755);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'ru.cryptopro.nmcades.json'), JSON.stringify({ name: 'ru.cryptopro.nmcades', path: '/opt/cprocsp/bin/amd64/nmcades', type: 'stdio', allowed_origins: CRYPTOPRO_ORIGINS, ...over }));
}
const ids = (browser: string) => manifestsCheck({ platform: 'linux', home, root, browser }).problems.map((p) => p.id);

describe('native-host manifests (Linux)', () => {
  it('a system manifest for Chromium pointing at an executable nmcades is fine', () => {
    nmcades(path.join(root, 'etc/chromium/native-messaging-hosts'));
    const check = manifestsCheck({ platform: 'linux', home, root, browser: 'chromium' });
    expect(check.status).toBe('ok');
    expect(check.problems).toEqual([]);
  });

  it('Госплагин\'s application, registered as its package does (chrome.gosuslugi.plugin for Chrome), is in the inventory', () => {
    nmcades(path.join(root, 'etc/opt/chrome/native-messaging-hosts'));
    mkdirSync(path.join(root, 'opt/iitrust/gosuslugi_plugin/bin'), { recursive: true });
    writeFileSync(path.join(root, 'opt/iitrust/gosuslugi_plugin/bin/gosuslugi_plugin'), '#!/bin/sh\n');
    chmodSync(path.join(root, 'opt/iitrust/gosuslugi_plugin/bin/gosuslugi_plugin'), 0o755);
    const manifest = { name: 'chrome.gosuslugi.plugin', path: '/opt/iitrust/gosuslugi_plugin/bin/gosuslugi_plugin', type: 'stdio', allowed_origins: ['chrome-extension://jabjbhgjaidecageckilhonbggakppme/'] };
    writeFileSync(path.join(root, 'etc/opt/chrome/native-messaging-hosts/chrome.gosuslugi.plugin.json'), JSON.stringify(manifest));
    const check = manifestsCheck({ platform: 'linux', home, root, browser: 'chrome' });
    expect(check.problems).toEqual([]);
    const chrome = (check.facts as Record<string, Record<string, { issues: string[] }[]>>)['chrome']!;
    expect(chrome['chrome.gosuslugi.plugin']).toHaveLength(1);
    expect(chrome['chrome.gosuslugi.plugin']![0]!.issues).toEqual([]);
    expect(chrome['gosuslugi.plugin']).toEqual([]);
  });

  it('Yandex Browser without its own manifest: the plug-in cannot start there, even if Chrome has one', () => {
    nmcades(path.join(root, 'etc/opt/chrome/native-messaging-hosts'));
    expect(ids('chrome')).toEqual([]);
    const check = manifestsCheck({ platform: 'linux', home, root, browser: 'yandex' });
    expect(check.problems.map((p) => p.id)).toEqual(['plugin-host-missing']);
    expect(check.problems[0]!.evidence).toContain('yandex-browser');
  });

  it('a manifest whose binary is gone, or not JSON, or allowing only the old extension ids', () => {
    nmcades(path.join(home, '.config/chromium/NativeMessagingHosts'), {}, false);
    expect(manifestsCheck({ platform: 'linux', home, root, browser: 'chromium' }).problems[0]!.evidence).toContain('does not exist');
    writeFileSync(path.join(home, '.config/chromium/NativeMessagingHosts/ru.cryptopro.nmcades.json'), '{oops');
    expect(manifestsCheck({ platform: 'linux', home, root, browser: 'chromium' }).problems[0]!.evidence).toContain('not valid JSON');
    nmcades(path.join(home, '.config/chromium/NativeMessagingHosts'), { allowed_origins: CRYPTOPRO_ORIGINS.slice(0, 2) });
    expect(ids('chromium')).toEqual(['plugin-outdated']);
  });

  it('a FIFO named like a manifest is reported, never read (a read would block the host for ever)', () => {
    const dir = path.join(home, '.config/chromium/NativeMessagingHosts');
    mkdirSync(dir, { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'ru.cryptopro.nmcades.json')]);
    const check = manifestsCheck({ platform: 'linux', home, root, browser: 'chromium' });
    expect(check.problems.map((p) => p.evidence).join(' ')).toContain('is not a regular file');
  });

  it('the test root comes only from the command line, never from the environment', () => {
    process.env['EP_DOCTOR_HOST_ROOT'] = '/tmp/evil';
    try {
      expect(realEnvironment(['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/']).root).toBe('');
      expect(realEnvironment(['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/', '--test-root=/tmp/fake']).root).toBe('/tmp/fake');
    } finally {
      delete process.env['EP_DOCTOR_HOST_ROOT'];
    }
  });

  it('the user-level manifest wins over the system one', () => {
    nmcades(path.join(root, 'etc/chromium/native-messaging-hosts'));
    nmcades(path.join(home, '.config/chromium/NativeMessagingHosts'), { path: '/nowhere/nmcades' });
    expect(ids('chromium')).toEqual(['plugin-host-missing']);
  });

  it('on Windows it does not guess folders (the registry check does the work), and claims no problem', () => {
    expect(manifestsCheck({ platform: 'win32', home, root, browser: 'chrome' })).toMatchObject({ status: 'skipped', problems: [] });
  });
});

describe('registration per user', () => {
  it('installs for the browsers found, reports status, uninstalls', () => {
    mkdirSync(path.join(home, '.config/chromium'), { recursive: true });
    mkdirSync(path.join(home, '.mozilla'), { recursive: true });
    const hostPath = path.join(root, 'ep-doctor-host');
    writeFileSync(hostPath, '#!/bin/sh\n');
    chmodSync(hostPath, 0o755);
    const written = install({ platform: 'linux', home, hostPath });
    expect(written.map((f) => path.relative(home, f)).sort()).toEqual(['.config/chromium/NativeMessagingHosts/ru.ep_doctor.host.json', '.mozilla/native-messaging-hosts/ru.ep_doctor.host.json']);
    expect(status({ platform: 'linux', home, root }).map((s) => [s.browser, s.issues])).toEqual([
      ['chromium', []],
      ['firefox', []],
    ]);
    // A system-wide manifest (the .deb's) is reported as well.
    mkdirSync(path.join(root, 'etc/opt/chrome/native-messaging-hosts'), { recursive: true });
    copyFileSync(written[0]!, path.join(root, 'etc/opt/chrome/native-messaging-hosts/ru.ep_doctor.host.json'));
    expect(status({ platform: 'linux', home, root }).map((s) => path.relative(root, s.file))[0]).toBe('etc/opt/chrome/native-messaging-hosts/ru.ep_doctor.host.json');
    rmSync(path.join(root, 'etc'), { recursive: true });
    expect(install({ platform: 'linux', home, hostPath, browsers: ['yandex'] })).toHaveLength(1);
    expect(uninstall({ platform: 'linux', home })).toHaveLength(3);
    expect(status({ platform: 'linux', home, root })).toEqual([]);
    expect(() => install({ platform: 'win32', home, hostPath })).toThrow(/registry/);
  });
});

describe('the host protocol', () => {
  const env = (): HostEnvironment => ({ platform: 'linux', home, root });

  it('answers hello and inventory, each valid against the reply schema', async () => {
    const hello = await answer({ id: '1', type: 'hello' }, env());
    expect(HostReply.parse(hello)).toMatchObject({ id: '1', type: 'hello', os: 'linux' });
    const inventory = await answer({ id: '2', type: 'inventory', browser: 'chromium' }, env());
    expect(HostReply.parse(inventory)).toMatchObject({ id: '2', type: 'inventory', truncated: false });
    expect(inventory.type === 'inventory' && inventory.checks.map((c) => c.name)).toEqual(['native-host-manifests', 'cryptopro-csp', 'root-certificates', 'tokens', 'clock']);
  });

  it('refuses malformed requests with an error naming the field', async () => {
    expect(await answer({ id: '3', type: 'format-disk' }, env())).toMatchObject({ id: '3', type: 'error' });
    expect(await answer('hello', env())).toMatchObject({ type: 'error' });
    expect(await answer({ id: '4', type: 'inventory', browser: 'netscape' }, env())).toMatchObject({ type: 'error', error: expect.stringContaining('browser') });
  });

  it('on Windows reads the Windows way: with no reg.exe here, the manifest check says it could not read the registry, not that manifests are missing', async () => {
    const inventory = await answer({ id: '3', type: 'inventory', browser: 'chrome' }, { platform: 'win32', home, root, vars: { SystemRoot: 'C:\\Windows' } });
    expect(inventory.type).toBe('inventory');
    if (inventory.type !== 'inventory') return;
    const manifests = inventory.checks.find((c) => c.name === 'native-host-manifests');
    expect(manifests).toMatchObject({ status: 'error', detail: expect.stringContaining('reg.exe') });
    expect(inventory.checks.flatMap((c) => c.problems).map((p) => p.id)).not.toContain('plugin-host-missing');
  });

  it('keeps a reply under 1 MB, saying it was cut', () => {
    const huge = { id: 'x', type: 'inventory' as const, truncated: false, checks: [{ name: 'n', status: 'ok' as const, ms: 1, detail: '', problems: [], facts: { blob: 'x'.repeat(MAX_REPLY_BYTES) } }] };
    const cut = fit(huge);
    expect(cut).toMatchObject({ truncated: true });
    expect(Buffer.byteLength(JSON.stringify(cut))).toBeLessThanOrEqual(MAX_REPLY_BYTES);
  });

  it('serves only ep-doctor', () => {
    expect(callerAllowed(['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/'])).toBe(true);
    expect(callerAllowed(['chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/'])).toBe(false);
    expect(callerAllowed(['/home/u/.mozilla/native-messaging-hosts/ru.ep_doctor.host.json', 'ep-doctor@ep-doctor.dev'])).toBe(true);
    expect(startedByBrowser(['chrome-extension://x/', '--parent-window=0'])).toBe(true);
    expect(startedByBrowser(['status'])).toBe(false);
  });
});

describe('the command line (Linux)', () => {
  const run = async (args: string[], single = true) => {
    const lines: string[] = [];
    const exe = path.join(root, 'downloaded-ep-doctor-host');
    writeFileSync(exe, '#!/bin/sh\necho host\n');
    const code = await cli(args, { platform: 'linux', home, root, vars: { XDG_DATA_HOME: path.join(home, 'data') } }, { path: exe, single }, { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) });
    return { code, text: lines.join('') };
  };

  it('install copies the executable into the user data folder and registers that copy; uninstall removes both', async () => {
    mkdirSync(path.join(home, '.config/google-chrome'), { recursive: true });
    const installed = await run(['install']);
    const copy = path.join(home, 'data/ep-doctor/ep-doctor-host');
    expect(installed).toEqual({ code: 0, text: `installed: ${copy}\nregistered: ${path.join(home, '.config/google-chrome/NativeMessagingHosts/ru.ep_doctor.host.json')}\n` });
    expect(readFileSync(copy, 'utf8')).toContain('echo host');
    expect(JSON.parse(readFileSync(path.join(home, '.config/google-chrome/NativeMessagingHosts/ru.ep_doctor.host.json'), 'utf8'))).toMatchObject({ path: copy, allowed_origins: ['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/'] });
    expect(await run(['status'])).toMatchObject({ code: 0, text: expect.stringContaining('chrome: ') });
    expect((await run(['uninstall'])).text).toContain(`removed: ${copy}`);
    expect(existsSync(copy)).toBe(false);
    expect(await run(['status'])).toEqual({ code: 0, text: 'not registered for any browser\n' });
  });

  it('refuses to install from the sources, an unknown browser, an unknown command', async () => {
    expect(await run(['install'], false)).toMatchObject({ code: 1, text: expect.stringContaining('runs from the built executable') });
    expect(await run(['install', '--browser', 'netscape'])).toMatchObject({ code: 2, text: expect.stringContaining('unknown browser netscape') });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, text: expect.stringContaining('usage:') });
  });
});
