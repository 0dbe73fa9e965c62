import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostCheck } from '@/src/host/protocol';
import type { ToolOutput } from '@/src/host/run-tool';
import { inspectWindowsManifest } from '@/src/host/windows/manifest-file';
import { type HostRegistration, windowsManifestsCheck } from '@/src/host/windows/manifests';
import { fakeRunner, mappedFsPerTest, output, REG, text, TIMED_OUT } from './fake';

const CRYPTOPRO_ORIGINS = ['chrome-extension://iifchhfnnmpdbibifmljnfjhpififfog/', 'chrome-extension://epebfcehmdedogndhlcacafjaacknbcm/', 'chrome-extension://pfhgbfnnjiafkhfdkmpiflachepdcjod/'];
const PLUGIN_DIR = 'C:\\Program Files (x86)\\Crypto Pro\\CAdES Browser Plug-in';
const ENV = { SystemRoot: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' };
const CHROME = 'Software\\Google\\Chrome\\NativeMessagingHosts';
const query = (hive: 'HKCU' | 'HKLM', base: string, view: 32 | 64) => `${REG} query ${hive}\\${base} /s /reg:${view}`;

const temp = mappedFsPerTest('win-nmh-');

/** A CryptoPro-like manifest at a Windows path, its nmcades.exe next to it unless told otherwise. */
function manifest(file: string, over: Record<string, unknown> = {}, exe = true): void {
  temp.fs.mkdir(path.win32.dirname(file));
  temp.fs.write(file, JSON.stringify({ name: 'ru.cryptopro.nmcades', path: `${PLUGIN_DIR}\\nmcades.exe`, type: 'stdio', allowed_origins: CRYPTOPRO_ORIGINS, ...over }));
  if (exe) {
    temp.fs.mkdir(PLUGIN_DIR);
    temp.fs.write(`${PLUGIN_DIR}\\nmcades.exe`, 'MZ');
  }
}

async function check(browser: string, routes: Record<string, ToolOutput>) {
  const fake = fakeRunner(routes);
  const result = await windowsManifestsCheck({ run: fake.run, env: ENV, browser, inspect: (f, n) => inspectWindowsManifest(f, n, temp.fs) });
  expect(HostCheck.safeParse(result).success).toBe(true);
  return { ...result, calls: fake.calls, ids: result.problems.map((p) => p.id) };
}
const used = (facts: Record<string, unknown>, browser: string): HostRegistration[] => (facts[browser] as Record<string, HostRegistration[]>)['ru.cryptopro.nmcades']!;

describe('native-host registrations (Windows registry)', () => {
  it('the MSI-style registration in HKLM (32-bit view) works for Chrome and the browsers reading its key', async () => {
    manifest(`${PLUGIN_DIR}\\nmcades.json`);
    const routes = { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt') };
    const chrome = await check('chrome', routes);
    expect(chrome).toMatchObject({ status: 'ok', problems: [] });
    expect(used(chrome.facts, 'chrome')).toEqual([{ key: `HKEY_LOCAL_MACHINE\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\ru.cryptopro.nmcades`, view: 32, manifestPath: `${PLUGIN_DIR}\\nmcades.json`, manifest: { file: `${PLUGIN_DIR}\\nmcades.json`, issues: [], path: `${PLUGIN_DIR}\\nmcades.exe`, allowed: CRYPTOPRO_ORIGINS } }]);
    // The Rutoken host is reported too; its manifest is not there.
    expect((chrome.facts['chrome'] as Record<string, HostRegistration[]>)['ru.rutoken.firewyrmhost']![0]!.manifest!.issues).toEqual(['does not exist']);
    for (const browser of ['chromium', 'chromium-gost', 'yandex', 'edge']) expect((await check(browser, routes)).ids, browser).toEqual([]);
    expect((await check('firefox', routes)).ids).toEqual(['plugin-host-missing']);
    expect((await check('opera', routes)).ids).toEqual([]);
  });

  it('reads every key once per hive and view: HKCU once (one tree for both views), HKLM in both', async () => {
    const { calls } = await check('chrome', {});
    expect(calls).toHaveLength(15);
    expect(calls).toContain(query('HKCU', CHROME, 64));
    expect(calls).not.toContain(query('HKCU', CHROME, 32));
    expect(calls).toContain(query('HKLM', 'Software\\Yandex\\YandexBrowser\\NativeMessagingHosts', 32));
    expect(calls).toContain(query('HKLM', 'Software\\Mozilla\\NativeMessagingHosts', 64));
  });

  it('no registration anywhere: plugin-host-missing, saying where it looked', async () => {
    const result = await check('edge', {});
    expect(result.ids).toEqual(['plugin-host-missing']);
    expect(result.problems[0]!.evidence).toContain('HKCU, HKLM (32-bit view), HKLM (64-bit view)');
    expect(result.problems[0]!.evidence).toContain('Software\\Microsoft\\Edge\\NativeMessagingHosts');
  });

  it('a manifest that is missing, not JSON, or points to a missing nmcades.exe: plugin-host-missing', async () => {
    const routes = { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt') };
    const file = `${PLUGIN_DIR}\\nmcades.json`;
    expect((await check('chrome', routes)).problems[0]!.evidence).toContain('nmcades.json, registered in HKEY_LOCAL_MACHINE\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\ru.cryptopro.nmcades) does not exist');
    manifest(file, {}, false);
    expect((await check('chrome', routes)).problems[0]!.evidence).toContain('nmcades.exe, which does not exist');
    temp.fs.write(file, '{oops');
    expect((await check('chrome', routes)).problems[0]!.evidence).toContain('is not valid JSON');
  });

  it('a UTF-8 byte-order mark and a path relative to the manifest folder are fine, as in the browsers', async () => {
    const routes = { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt') };
    manifest(`${PLUGIN_DIR}\\nmcades.json`, { path: 'nmcades.exe' });
    temp.fs.write(`${PLUGIN_DIR}\\nmcades.json`, `\uFEFF${temp.fs.read(`${PLUGIN_DIR}\\nmcades.json`).toString()}`);
    expect((await check('chrome', routes)).ids).toEqual([]);
    manifest(`${PLUGIN_DIR}\\nmcades.json`, { path: '..\\elsewhere\\nmcades.exe' });
    expect((await check('chrome', routes)).problems[0]!.evidence).toContain('points to ..\\elsewhere\\nmcades.exe, which does not exist');
  });

  it('a manifest without the current CryptoPro extension id: plugin-outdated (not for Firefox)', async () => {
    manifest(`${PLUGIN_DIR}\\nmcades.json`, { allowed_origins: CRYPTOPRO_ORIGINS.slice(0, 2) });
    expect((await check('chrome', { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt') })).ids).toEqual(['plugin-outdated']);
    manifest(`${PLUGIN_DIR}\\nmcades_firefox.json`, { allowed_origins: undefined, allowed_extensions: ['ru.cryptopro.nmcades@cryptopro.ru'] });
    const firefox = await check('firefox', { [query('HKLM', 'Software\\Mozilla\\NativeMessagingHosts', 64)]: output('reg-query-nmh-firefox-hklm64-en.txt') });
    expect(firefox.ids).toEqual([]);
    expect(used(firefox.facts, 'firefox')[0]).toMatchObject({ view: 64, manifest: { allowed: ['ru.cryptopro.nmcades@cryptopro.ru'] } });
  });

  it('HKCU wins over HKLM (a broken per-user registration breaks a good machine one; Russian output)', async () => {
    manifest(`${PLUGIN_DIR}\\nmcades.json`);
    const routes = { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt'), [query('HKCU', CHROME, 64)]: output('reg-query-nmh-chrome-hkcu-ru.txt') };
    const result = await check('chrome', routes);
    expect(result.ids).toEqual(['plugin-host-missing']);
    expect(result.problems[0]!.evidence).toContain('C:\\Users\\Иван\\AppData\\Local\\КриптоПро\\nmcades.json, registered in HKEY_CURRENT_USER');
    expect(used(result.facts, 'chrome').map((r) => r.view)).toEqual([null, 32]);
  });

  it('a per-user key without a default value is passed over, as the browser does', async () => {
    manifest(`${PLUGIN_DIR}\\nmcades.json`);
    const routes = { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt'), [query('HKCU', CHROME, 64)]: text(`\r\nHKEY_CURRENT_USER\\${CHROME}\\ru.cryptopro.nmcades\r\n`) };
    const result = await check('chrome', routes);
    expect(result.ids).toEqual([]);
    expect(used(result.facts, 'chrome')[0]).toMatchObject({ view: null, manifestPath: null, manifest: null });
  });

  it('HKLM: the 32-bit view is read before the 64-bit one (Chrome and Edge order)', async () => {
    manifest(`${PLUGIN_DIR}\\nmcades.json`);
    const broken = text(`\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\${CHROME.slice(9)}\\ru.cryptopro.nmcades\r\n    (Default)    REG_SZ    C:\\nowhere\\nmcades.json\r\n`);
    const good = output('reg-query-nmh-chrome-hklm32-en.txt');
    expect((await check('chrome', { [query('HKLM', CHROME, 32)]: good, [query('HKLM', CHROME, 64)]: broken })).ids).toEqual([]);
    expect((await check('chrome', { [query('HKLM', CHROME, 32)]: broken, [query('HKLM', CHROME, 64)]: good })).ids).toEqual(['plugin-host-missing']);
  });

  it("Edge and Chromium read their own key before Chrome's", async () => {
    manifest(`${PLUGIN_DIR}\\nmcades.json`);
    const routes = { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt'), [query('HKCU', 'Software\\Microsoft\\Edge\\NativeMessagingHosts', 64)]: output('reg-query-nmh-edge-hkcu-expand-en.txt') };
    const edge = await check('edge', routes);
    // REG_EXPAND_SZ is expanded from the environment; that manifest does not exist, and it is the one used.
    expect(edge.problems[0]!.evidence).toContain('C:\\Users\\u\\AppData\\Local\\CryptoPro\\nmcades.json');
    manifest('C:\\Users\\u\\AppData\\Local\\CryptoPro\\nmcades.json');
    expect((await check('edge', routes)).ids).toEqual([]);
    expect((await check('chrome', routes)).ids).toEqual([]);
  });

  it('a registry read that failed before any registration: nothing is claimed, the check says why', async () => {
    const result = await check('chrome', { [query('HKCU', CHROME, 64)]: TIMED_OUT });
    expect(result).toMatchObject({ status: 'timeout', problems: [] });
    expect(result.detail).toContain('HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts /reg:64');
    const denied = await check('chrome', { [query('HKLM', CHROME, 32)]: text('ERROR: Access is denied.', 1) });
    expect(denied).toMatchObject({ status: 'error', problems: [] });
    // A failure after the registration the browser uses does not matter.
    manifest(`${PLUGIN_DIR}\\nmcades.json`);
    const late = await check('chrome', { [query('HKLM', CHROME, 32)]: output('reg-query-nmh-chrome-hklm32-en.txt'), [query('HKLM', CHROME, 64)]: TIMED_OUT });
    expect(late).toMatchObject({ status: 'ok', problems: [] });
    expect(late.facts['failures']).toHaveLength(1);
  });
});

describe('inspectWindowsManifest', () => {
  it('refuses relative and network manifest paths without reading them', () => {
    expect(inspectWindowsManifest('nmcades.json', 'ru.cryptopro.nmcades', temp.fs).issues).toEqual(['is not an absolute path']);
    expect(inspectWindowsManifest('\\\\server\\share\\nmcades.json', 'ru.cryptopro.nmcades', temp.fs).issues).toEqual(['is on a network share (not read)']);
  });

  it('reports a wrong name, a missing path and an oversized file', () => {
    manifest('C:\\m\\a.json', { name: 'other.host', path: undefined });
    expect(inspectWindowsManifest('C:\\m\\a.json', 'ru.cryptopro.nmcades', temp.fs).issues).toEqual(['names "other.host", not ru.cryptopro.nmcades', 'has no path']);
    temp.fs.write('C:\\m\\big.json', ' '.repeat(70 * 1024));
    expect(inspectWindowsManifest('C:\\m\\big.json', 'ru.cryptopro.nmcades', temp.fs).issues).toEqual(['is larger than 64 KB']);
    temp.fs.write('C:\\m\\null.json', 'null');
    expect(inspectWindowsManifest('C:\\m\\null.json', 'ru.cryptopro.nmcades', temp.fs).issues).toEqual(['is not valid JSON']);
  });
});
