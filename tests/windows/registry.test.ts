import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost } from '@/scripts/host/build';
import { EXTENSION_ORIGINS } from '@/src/host/origins';
import { HostReply, type HostCheck } from '@/src/host/protocol';
import { decodeOutput } from '@/src/host/run-tool';
import { parseRegQuery } from '@/src/host/windows/reg';
import { createPrefix, launchAsBrowser, zPath, type WinePrefix } from './wine';

/**
 * A Windows prepared like a bidder's: CryptoPro CSP's providers (64-bit view) and ViPNet's (32-bit
 * view only), the CAdES plug-in's MSI registration in HKLM (32-bit view) with a manifest saved with a
 * byte-order mark, a per-user Edge registration pointing at a network share. The host reads it all
 * with Wine's own reg.exe and must give the problems the constructed fixtures give
 * (tests/unit/host/windows/).
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/host/windows');
const PLUGIN = 'C:\\Program Files (x86)\\Crypto Pro\\CAdES Browser Plug-in';
const CRYPTOPRO_ORIGINS = ['chrome-extension://iifchhfnnmpdbibifmljnfjhpififfog/', 'chrome-extension://epebfcehmdedogndhlcacafjaacknbcm/', 'chrome-extension://pfhgbfnnjiafkhfdkmpiflachepdcjod/'];
const PROVIDERS = 'SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider';
const reg = (s: string) => s.replaceAll('\\', '\\\\');

let wine: WinePrefix;
let exe: string;
beforeAll(async () => {
  [exe, wine] = await Promise.all([buildHost(['win-x64']).then((b) => zPath(b['win-x64'])), createPrefix()]);
  await wine.importReg(
    [
      ...['Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider', 'Crypto-Pro GOST R 34.10-2012 Strong Cryptographic Service Provider'].map(
        (name) => `[HKEY_LOCAL_MACHINE\\${PROVIDERS}\\${name}]\n"Image Path"="cpcspi.dll"\n"Type"=dword:00000050\n`,
      ),
      ...['Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider', 'Infotecs GOST 2012/512 Cryptographic Service Provider'].map(
        (name) => `[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Cryptography\\Defaults\\Provider\\${name}]\n"Type"=dword:00000050\n`,
      ),
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Google\\Chrome\\NativeMessagingHosts\\ru.cryptopro.nmcades]\n@="${reg(`${PLUGIN}\\nmcades.json`)}"\n`,
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Google\\Chrome\\NativeMessagingHosts\\ru.rutoken.firewyrmhost]\n@="${reg('C:\\Program Files (x86)\\Aktiv Co\\Rutoken Plugin\\firewyrmhost.json')}"\n`,
      `[HKEY_CURRENT_USER\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\ru.cryptopro.nmcades]\n@="${reg('\\\\fileserver\\soft\\nmcades.json')}"\n`,
    ].join('\n'),
  );
  mkdirSync(wine.unix(PLUGIN), { recursive: true });
  writeFileSync(wine.unix(`${PLUGIN}\\nmcades.exe`), 'MZ');
  const manifest = JSON.stringify({ name: 'ru.cryptopro.nmcades', description: 'CryptoPro CAdES NMCades', path: 'nmcades.exe', type: 'stdio', allowed_origins: CRYPTOPRO_ORIGINS });
  writeFileSync(wine.unix(`${PLUGIN}\\nmcades.json`), `\uFEFF${manifest}`);
}, 600_000);
afterAll(() => wine?.close());

async function inventory(browser: string): Promise<HostCheck[]> {
  const result = await launchAsBrowser(wine, 'chrome', exe, EXTENSION_ORIGINS[0], [{ id: 'i', type: 'inventory', browser }]);
  const reply = HostReply.parse(result.replies[0]?.reply);
  if (reply.type !== 'inventory') throw new Error(`not an inventory: ${JSON.stringify(reply)}`);
  return reply.checks;
}
/**
 * The inventory once the host could read what `names` need. On a loaded machine a Wine reg.exe can fail
 * to run its course; the host then says the check could not read the registry (status timeout or
 * error, no problems claimed), which is right, but not what these tests are about: ask again, twice
 * at most.
 */
async function readInventory(browser: string, names: readonly string[]): Promise<HostCheck[]> {
  for (let attempt = 1; ; attempt++) {
    const checks = await inventory(browser);
    const unread = checks.filter((c) => names.includes(c.name) && (c.status === 'timeout' || c.status === 'error'));
    if (unread.length === 0 || attempt === 3) return checks;
    console.warn(`[registry] ${browser}, attempt ${attempt}: ${unread.map((c) => `${c.name} ${state(c)}`).join('; ')}`);
  }
}
const ids = (checks: HostCheck[], name: string) => checks.find((c) => c.name === name)?.problems.map((p) => p.id);
/** What a failed expectation shows of a check: its status and detail say whether the registry was read. */
const state = (check: HostCheck | undefined) => JSON.stringify({ status: check?.status, detail: check?.detail });

describe('a prepared Windows registry read by ep-doctor-host.exe under Wine', () => {
  it('Chrome: the MSI registration with a BOM manifest is fine; CryptoPro with ViPNet is csp-conflict', async () => {
    const checks = await readInventory('chrome', ['native-host-manifests', 'cryptopro-csp']);
    expect(ids(checks, 'native-host-manifests'), state(checks.find((c) => c.name === 'native-host-manifests'))).toEqual([]);
    // No csptest.exe in this Windows: the version stays unknown and nothing is guessed about it.
    expect(ids(checks, 'cryptopro-csp'), state(checks.find((c) => c.name === 'cryptopro-csp'))).toEqual(['csp-conflict']);
    const csp = checks.find((c) => c.name === 'cryptopro-csp')!;
    expect(csp.problems[0]!.evidence).toContain('Infotecs GOST 2012/512 Cryptographic Service Provider');
    expect(csp.facts).toMatchObject({ installed: true, cspVersion: null });
  });

  it('Edge: its own per-user key wins and points at a network share: plugin-host-missing, not read', async () => {
    const checks = await readInventory('edge', ['native-host-manifests']);
    const manifests = checks.find((c) => c.name === 'native-host-manifests')!;
    expect(manifests.problems, state(manifests)).toMatchObject([{ id: 'plugin-host-missing', cause: { key: 'manifest-broken' } }]);
    expect(manifests.problems[0]!.evidence).toContain('is on a network share (not read)');
  });

  it('Firefox: nothing under the Mozilla keys: plugin-host-missing, saying where it looked', async () => {
    const checks = await readInventory('firefox', ['native-host-manifests']);
    const manifests = checks.find((c) => c.name === 'native-host-manifests')!;
    expect(manifests.problems, state(manifests)).toMatchObject([{ id: 'plugin-host-missing', cause: { key: 'manifest-missing' } }]);
  });

  it("Wine's reg.exe prints the MSI registration as recorded, and as the constructed Windows fixture has it", async () => {
    const wineOut = await wine.reg(['query', 'HKLM\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts', '/s', '/reg:32']);
    expect(wineOut.code).toBe(0);
    // The recorded fixture stays what this Wine prints.
    expect(wineOut.text).toBe(decodeOutput(readFileSync(path.join(FIXTURES, 'wine/reg-query-nmh-chrome-hklm32.txt'))));
    const constructed = parseRegQuery(decodeOutput(readFileSync(path.join(FIXTURES, 'reg-query-nmh-chrome-hklm32-en.txt'))));
    // Same keys and values, the 32-bit view printed without WOW6432Node in both; Wine leaves out the
    // queried key's own line when it has no values, the constructed Windows output has it.
    expect(parseRegQuery(wineOut.text)).toEqual(constructed.filter((k) => k.values.length > 0));
    expect(constructed[0]).toEqual({ key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts', values: [] });
  });
});
