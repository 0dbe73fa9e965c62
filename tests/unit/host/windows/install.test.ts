import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ORIGINS, FIREFOX_ADDON_IDS } from '@/src/host/origins';
import { installWindows, statusWindows, uninstallWindows } from '@/src/host/windows/install';
import { fakeRunner, mappedFsPerTest, output, REG, text } from './fake';

const ENV = { SystemRoot: 'C:\\Windows' };
const HOST = 'C:\\Users\\Иван\\AppData\\Local\\ep-doctor\\ep-doctor-host.exe';
const DIR = 'C:\\Users\\Иван\\AppData\\Local\\ep-doctor';
const KEY = (base: string) => `HKCU\\Software\\${base}\\NativeMessagingHosts\\ru.ep_doctor.host`;
const OK = text('The operation completed successfully.\r\n');

const temp = mappedFsPerTest('win-install-');

const json = (file: string) => JSON.parse(readFileSync(temp.fs.local(file), 'utf8')) as Record<string, unknown>;

describe('installWindows', () => {
  it('writes both manifests and one HKCU key per browser, with exact reg.exe arguments', async () => {
    const fake = fakeRunner({}, OK);
    const result = await installWindows({ run: fake.run, env: ENV, hostPath: HOST, manifestDir: DIR, fs: temp.fs });
    const chromeFile = `${DIR}\\ru.ep_doctor.host.json`;
    const firefoxFile = `${DIR}\\ru.ep_doctor.host.firefox.json`;
    expect(fake.calls).toEqual([
      `${REG} add ${KEY('Google\\Chrome')} /ve /t REG_SZ /d ${chromeFile} /f`,
      `${REG} add ${KEY('Chromium')} /ve /t REG_SZ /d ${chromeFile} /f`,
      `${REG} add ${KEY('Microsoft\\Edge')} /ve /t REG_SZ /d ${chromeFile} /f`,
      `${REG} add ${KEY('Mozilla')} /ve /t REG_SZ /d ${firefoxFile} /f`,
    ]);
    expect(json(chromeFile)).toEqual({ name: 'ru.ep_doctor.host', description: 'ep-doctor companion (read-only diagnostics)', path: HOST, type: 'stdio', allowed_origins: [...EXTENSION_ORIGINS] });
    expect(json(firefoxFile)).toMatchObject({ name: 'ru.ep_doctor.host', path: HOST, allowed_extensions: [...FIREFOX_ADDON_IDS] });
    expect(json(firefoxFile)['allowed_origins']).toBeUndefined();
    expect(result.files).toEqual([chromeFile, firefoxFile]);
    expect(result.keys).toHaveLength(4);
    expect(result.lines).toContain(`set ${KEY('Mozilla')} = ${firefoxFile}`);
  });

  it("Yandex asked for by name gets its own key and Chrome's; Firefox alone gets only its manifest", async () => {
    const yandex = fakeRunner({}, OK);
    const y = await installWindows({ run: yandex.run, env: ENV, hostPath: HOST, manifestDir: DIR, browsers: ['yandex'], fs: temp.fs });
    expect(yandex.calls.map((c) => c.split(' ')[2])).toEqual([KEY('Yandex\\YandexBrowser'), KEY('Google\\Chrome')]);
    expect(y.files).toEqual([`${DIR}\\ru.ep_doctor.host.json`]);
    const firefox = await installWindows({ run: fakeRunner({}, OK).run, env: ENV, hostPath: HOST, manifestDir: 'D:\\ep', browsers: ['firefox'], fs: temp.fs });
    expect(firefox.files).toEqual(['D:\\ep\\ru.ep_doctor.host.firefox.json']);
  });

  it('refuses paths that are not plain absolute Windows paths, before touching anything', async () => {
    for (const [hostPath, manifestDir] of [
      ['ep-doctor-host.exe', DIR],
      ['C:\\a"b\\host.exe', DIR],
      [HOST, '/home/u/ep'],
      [HOST, '\\\\server\\share'],
      [HOST, 'C:\\ep\\..\\Windows'],
    ] as const) {
      const fake = fakeRunner({}, OK);
      await expect(installWindows({ run: fake.run, env: ENV, hostPath, manifestDir, fs: temp.fs })).rejects.toThrow(/absolute Windows path/);
      expect(fake.calls).toEqual([]);
    }
  });

  it('a failing reg add is an error that says what was already done', async () => {
    await expect(installWindows({ run: fakeRunner({}, text('ERROR: Access is denied.', 1)).run, env: ENV, hostPath: HOST, manifestDir: DIR, fs: temp.fs })).rejects.toThrow(/reg add .*Google\\Chrome.* failed \(exit code 1\) after: wrote/);
  });
});

describe('uninstallWindows', () => {
  it('deletes the keys that exist (all browsers, Yandex too) and both manifests', async () => {
    await installWindows({ run: fakeRunner({}, OK).run, env: ENV, hostPath: HOST, manifestDir: DIR, fs: temp.fs });
    const present = text(`\r\n${KEY('Google\\Chrome').replace('HKCU', 'HKEY_CURRENT_USER')}\r\n    (Default)    REG_SZ    x\r\n`);
    const fake = fakeRunner({
      [`${REG} query ${KEY('Google\\Chrome')} /ve /reg:64`]: present,
      [`${REG} query ${KEY('Mozilla')} /ve /reg:64`]: present,
      [`${REG} delete ${KEY('Google\\Chrome')} /f`]: OK,
      [`${REG} delete ${KEY('Mozilla')} /f`]: OK,
    });
    const result = await uninstallWindows({ run: fake.run, env: ENV, manifestDir: DIR, fs: temp.fs });
    expect(fake.calls.filter((c) => c.includes(' query '))).toHaveLength(5);
    expect(fake.calls.filter((c) => c.includes(' delete '))).toEqual([`${REG} delete ${KEY('Google\\Chrome')} /f`, `${REG} delete ${KEY('Mozilla')} /f`]);
    expect(result.keys).toEqual([KEY('Google\\Chrome'), KEY('Mozilla')]);
    expect(result.files).toHaveLength(2);
    expect(temp.fs.exists(`${DIR}\\ru.ep_doctor.host.json`)).toBe(false);
    // Nothing left: a second run does nothing.
    expect((await uninstallWindows({ run: fakeRunner({}).run, env: ENV, manifestDir: DIR, fs: temp.fs })).lines).toEqual([]);
  });
});

describe('statusWindows', () => {
  it('reports each key: registered with a usable manifest, unset, or absent', async () => {
    temp.fs.mkdir(DIR);
    temp.fs.write(HOST, 'MZ');
    temp.fs.write(`${DIR}\\ru.ep_doctor.host.json`, JSON.stringify({ name: 'ru.ep_doctor.host', path: HOST, type: 'stdio', allowed_origins: [...EXTENSION_ORIGINS] }));
    const fake = fakeRunner({
      [`${REG} query ${KEY('Google\\Chrome')} /ve /reg:64`]: output('reg-query-ve-ep-doctor-ru.txt'),
      [`${REG} query ${KEY('Chromium')} /ve /reg:64`]: output('reg-query-ve-unset-en.txt'),
    });
    const status = await statusWindows({ run: fake.run, env: ENV, fs: temp.fs });
    const chrome = status.find((s) => s.key === KEY('Google\\Chrome'))!;
    expect(chrome).toEqual({ key: KEY('Google\\Chrome'), browsers: ['chrome', 'yandex'], manifest: `${DIR}\\ru.ep_doctor.host.json`, issues: [] });
    expect(status.find((s) => s.key === KEY('Chromium'))!.issues).toEqual(['not registered']);
    expect(status.find((s) => s.key === KEY('Mozilla'))).toMatchObject({ manifest: null, issues: ['not registered'] });
    // The per-machine MSI's keys are read too, in HKLM's 64-bit view.
    expect(fake.calls).toContain(`${REG} query ${KEY('Mozilla').replace('HKCU', 'HKLM')} /ve /reg:64`);
    expect(status).toHaveLength(10);
  });

  it('a manifest that does not allow ep-doctor is reported', async () => {
    temp.fs.mkdir(DIR);
    temp.fs.write(HOST, 'MZ');
    temp.fs.write(`${DIR}\\ru.ep_doctor.host.json`, JSON.stringify({ name: 'ru.ep_doctor.host', path: HOST, allowed_origins: ['chrome-extension://other/'] }));
    const status = await statusWindows({ run: fakeRunner({ [`${REG} query ${KEY('Google\\Chrome')} /ve /reg:64`]: output('reg-query-ve-ep-doctor-ru.txt') }).run, env: ENV, fs: temp.fs });
    expect(status.find((s) => s.key === KEY('Google\\Chrome'))!.issues).toEqual([`does not allow ${EXTENSION_ORIGINS[0]}`]);
  });
});
