import { describe, expect, it } from 'vitest';
import { expandEnvironment, isWindowsAbsolutePath, windowsDirs } from '@/src/host/windows/paths';
import { normalizeKey, parseRegQuery, queryKey, regExe, subkeyNames } from '@/src/host/windows/reg';
import type { ToolRunner } from '@/src/host/run-tool';
import { ABSENT, fakeRunner, output, REG, text, TIMED_OUT } from './fake';

const CHROME_HKLM = 'HKLM\\Software\\Google\\Chrome\\NativeMessagingHosts';

describe('trusted Windows folders', () => {
  it('come from the environment only when they are plain absolute paths', () => {
    expect(regExe({})).toBe(REG);
    expect(regExe({ SYSTEMROOT: 'D:\\WINNT\\' })).toBe('D:\\WINNT\\System32\\reg.exe');
    expect(regExe({ SystemRoot: 'E:\\' })).toBe('E:\\System32\\reg.exe');
    for (const bad of ['Windows', '\\\\server\\share', 'C:\\Win"dows', 'C:\\a|b', 'C:\\%TEMP%', 'C:\\Windows\\..\\Users', 'C:\\a\nb', '/usr/bin']) {
      expect(regExe({ SystemRoot: bad }), bad).toBe(REG);
    }
    expect(windowsDirs({ ProgramFiles: 'D:\\Apps', 'ProgramFiles(x86)': 'D:\\Apps32' })).toMatchObject({ csp: 'D:\\Apps\\Crypto Pro\\CSP', programFilesX86: 'D:\\Apps32' });
    expect(isWindowsAbsolutePath('C:\\Users\\Иван\\AppData\\Local\\ep-doctor')).toBe(true);
  });

  it('expands %VAR% from the environment, case-insensitively, and leaves unknown ones', () => {
    expect(expandEnvironment('%LocalAppData%\\x\\%NOPE%\\y.json', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' })).toBe('C:\\Users\\u\\AppData\\Local\\x\\%NOPE%\\y.json');
  });
});

describe('parseRegQuery', () => {
  it('reads keys and default values with spaces in the data (English, /s)', () => {
    const keys = parseRegQuery(output('reg-query-nmh-chrome-hklm32-en.txt').text);
    expect(keys.map((k) => k.key)).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\ru.cryptopro.nmcades',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\ru.rutoken.firewyrmhost',
    ]);
    expect(keys[0]!.values).toEqual([]);
    expect(keys[1]!.values).toEqual([{ name: '', type: 'REG_SZ', data: 'C:\\Program Files (x86)\\Crypto Pro\\CAdES Browser Plug-in\\nmcades.json' }]);
  });

  it('reads the Russian default name «(По умолчанию)» from cp866 bytes', () => {
    const [key] = parseRegQuery(output('reg-query-nmh-chrome-hkcu-ru.txt').text);
    expect(key!.values).toEqual([{ name: '', type: 'REG_SZ', data: 'C:\\Users\\Иван\\AppData\\Local\\КриптоПро\\nmcades.json' }]);
  });

  it('keeps value names with spaces, REG_EXPAND_SZ unexpanded, REG_DWORD and empty strings', () => {
    const keys = parseRegQuery(output('reg-query-provider-values-s-en.txt').text);
    expect(keys).toHaveLength(2);
    expect(keys[0]!.values).toEqual([
      { name: 'Image Path', type: 'REG_SZ', data: 'C:\\Program Files\\Crypto Pro\\CSP\\cpcspi.dll' },
      { name: 'Type', type: 'REG_DWORD', data: '0x50' },
    ]);
    expect(keys[1]!.values).toEqual([
      { name: 'Image Path', type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\System32\\rsaenh.dll' },
      { name: 'SigInFile', type: 'REG_DWORD', data: '0x0' },
      { name: 'Type', type: 'REG_DWORD', data: '0x18' },
      { name: 'Empty', type: 'REG_SZ', data: '' },
    ]);
    const edge = parseRegQuery(output('reg-query-nmh-edge-hkcu-expand-en.txt').text);
    expect(edge[0]!.values[1]).toEqual({ name: 'Comment', type: 'REG_SZ', data: 'set   by   hand' });
  });

  it('drops an unset default value and reads error text as no keys', () => {
    expect(parseRegQuery(output('reg-query-ve-unset-en.txt').text)).toEqual([{ key: 'HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\ru.ep_doctor.host', values: [] }]);
    expect(parseRegQuery(output('reg-query-not-found-en.txt').text)).toEqual([]);
    expect(parseRegQuery(output('reg-query-not-found-ru.txt').text)).toEqual([]);
    expect(parseRegQuery('    (Default)    REG_SZ    orphan value before any key')).toEqual([]);
  });

  it('is bounded', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `HKEY_CURRENT_USER\\K${i}`).join('\r\n');
    expect(parseRegQuery(many)).toHaveLength(1000);
  });
});

describe('queryKey', () => {
  it('passes the view and the flags, and parses a found key', async () => {
    const fake = fakeRunner({ [`${REG} query ${CHROME_HKLM} /s /reg:32`]: output('reg-query-nmh-chrome-hklm32-en.txt') });
    const result = await queryKey(fake.run, {}, CHROME_HKLM, 32, { recursive: true });
    expect(fake.calls).toEqual([`${REG} query ${CHROME_HKLM} /s /reg:32`]);
    expect(result.state === 'found' && result.keys).toHaveLength(3);
    await queryKey(fake.run, {}, 'HKCU\\Software\\X', 64, { defaultOnly: true });
    expect(fake.calls[1]).toBe(`${REG} query HKCU\\Software\\X /ve /reg:64`);
  });

  it('reads "not found" in English, in Russian and as Wine says it as absent, not as an error', async () => {
    for (const out of [output('reg-query-not-found-en.txt', 1), output('reg-query-not-found-ru.txt', 1), output('wine/reg-query-not-found.txt', 1), ABSENT]) {
      expect(await queryKey(fakeRunner({}, out).run, {}, CHROME_HKLM, 64)).toEqual({ state: 'absent' });
    }
  });

  it('reports other failures and time-outs as failed', async () => {
    expect(await queryKey(fakeRunner({}, text('ERROR: Invalid syntax.\r\n', 1)).run, {}, CHROME_HKLM, 64)).toEqual({ state: 'failed', reason: 'ERROR: Invalid syntax.', timedOut: false });
    // The runner keeps stderr: «access denied» is a failure, never «absent».
    expect(await queryKey(fakeRunner({}, text('ERROR: Access is denied.\r\n', 1)).run, {}, CHROME_HKLM, 64)).toEqual({ state: 'failed', reason: 'ERROR: Access is denied.', timedOut: false });
    expect(await queryKey(fakeRunner({}, TIMED_OUT).run, {}, CHROME_HKLM, 64)).toMatchObject({ state: 'failed', timedOut: true });
    expect(await queryKey(fakeRunner({}, text('', null)).run, {}, CHROME_HKLM, 64)).toMatchObject({ state: 'failed', reason: 'reg.exe could not be started' });
    // An exit code with nothing said is a reg.exe that did not run its course: asked once more, and the key was not read.
    const silent = fakeRunner({}, text('', 1));
    expect(await queryKey(silent.run, {}, CHROME_HKLM, 64)).toEqual({ state: 'failed', reason: 'reg.exe exit code 1 with no output', timedOut: false });
    expect(silent.calls).toHaveLength(2);
  });

  it('asks once more only after a run that said nothing, and takes the second answer', async () => {
    const answers = [text('', 1), output('wine/reg-query-not-found.txt', 1)];
    const calls: string[] = [];
    const run: ToolRunner = (tool, args) => {
      calls.push([tool, ...args].join(' '));
      return Promise.resolve(answers.shift() ?? text('', 1));
    };
    expect(await queryKey(run, {}, CHROME_HKLM, 64)).toEqual({ state: 'absent' });
    expect(calls).toEqual([`${REG} query ${CHROME_HKLM} /reg:64`, `${REG} query ${CHROME_HKLM} /reg:64`]);
    for (const once of [ABSENT, TIMED_OUT, text('', null), text('ERROR: Access is denied.\r\n', 1)]) {
      const fake = fakeRunner({}, once);
      await queryKey(fake.run, {}, CHROME_HKLM, 64);
      expect(fake.calls).toHaveLength(1);
    }
  });

  it('refuses keys outside HKCU/HKLM or with quotes', async () => {
    const fake = fakeRunner({});
    await expect(queryKey(fake.run, {}, 'HKU\\S-1-5-18', 64)).rejects.toThrow();
    await expect(queryKey(fake.run, {}, 'HKCU\\a" /f "b', 64)).rejects.toThrow();
    expect(fake.calls).toEqual([]);
  });
});

describe('subkey names', () => {
  it('lists direct children whatever the spelling of the root and the case', () => {
    const keys = parseRegQuery(output('reg-query-nmh-chrome-hklm32-en.txt').text);
    expect(subkeyNames(keys, 'hklm\\software\\google\\chrome\\nativemessaginghosts')).toEqual(['ru.cryptopro.nmcades', 'ru.rutoken.firewyrmhost']);
    expect(subkeyNames(keys, 'HKLM\\SOFTWARE\\Google')).toEqual([]);
    expect(normalizeKey('HKCU\\Software\\A')).toBe('hkey_current_user\\software\\a');
  });
});

describe('reg.exe as Wine 8 prints it (recorded under Wine, tests/fixtures/host/windows/wine/)', () => {
  it('reads the provider subkeys, an empty default value, and «not found» without «or value»', async () => {
    const providers = parseRegQuery(output('wine/reg-query-providers-stock.txt').text);
    expect(subkeyNames(providers, 'HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider')).toContain('Microsoft Enhanced RSA and AES Cryptographic Provider');
    // Wine prints an unset default as an empty REG_SZ where Windows prints «(value not set)».
    expect(parseRegQuery(output('wine/reg-query-ve-unset.txt').text)[0]!.values).toEqual([{ name: '', type: 'REG_SZ', data: '' }]);
    expect(await queryKey(fakeRunner({}, output('wine/reg-query-not-found.txt', 1)).run, {}, 'HKCU\\Software\\X', 64)).toEqual({ state: 'absent' });
  });
});
