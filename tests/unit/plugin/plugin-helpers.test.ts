import { describe, expect, it } from 'vitest';
import { pluginError } from '@/src/plugin/errors';
import { parseLicenseValidTo } from '@/src/plugin/license';
import { compareVersions, cspVersionFindings, parseVersion, pluginVersionFindings, UNKNOWN_STACK } from '@/src/plugin/versions';

describe('versions', () => {
  it('parses and compares', () => {
    expect(parseVersion('2.0.15700')).toEqual([2, 0, 15700]);
    expect(parseVersion(' 5.0 ')).toEqual([5, 0]);
    expect(parseVersion('beta')).toBeNull();
    expect(compareVersions([2, 0, 13771], [2, 0, 13642])).toBeGreaterThan(0);
    expect(compareVersions([5], [5, 0, 0])).toBe(0);
  });

  it.each([
    ['2.0.15700', []],
    ['2.0.13771', []],
    ['2.0.13642', ['plugin-outdated']],
    ['2.0.12000', ['plugin-outdated']],
    [null, []],
  ])('plug-in %s → %j', (version, problems) => {
    expect(pluginVersionFindings(version).map((f) => f.problem)).toEqual(problems);
  });

  it.each([
    ['0.0.0000', false, ['csp-missing']],
    [null, false, ['csp-missing']],
    ['3.9.8423', false, ['csp-outdated']],
    ['4.0.9963', false, ['csp-outdated']],
    ['5.0.12000', false, []],
    ['4.0.9963', true, ['csp-outdated']],
    ['5.0.13800', true, []],
  ])('CSP %s (GOST TLS needed: %s) → %j', (version, gostTls, problems) => {
    expect(cspVersionFindings(version, { ...UNKNOWN_STACK, gostTls }).map((f) => f.problem)).toEqual(problems);
  });
});

describe('licence', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  it.each([
    ['Unlimited', 'unlimited'],
    ['31.12.2027', 'valid'],
    ['25.11.2026', 'valid'],
    ['24.11.2026', 'expired'],
    ['Expired 01.09.2026', 'expired'],
    ['31.02.2027', 'unknown'],
    ['скоро', 'unknown'],
  ])('%s → %s', (text, state) => expect(parseLicenseValidTo(text, now).state).toBe(state));
});

describe('plug-in errors', () => {
  it('takes the code over the text around it', () => {
    expect(pluginError({ message: 'Не удается найти сертификат и закрытый ключ для расшифровки. (0x8009200B)' })).toEqual({
      code: '0x8009200B',
      message: 'Не удается найти сертификат и закрытый ключ для расшифровки.',
      problems: ['cert-no-private-key'],
    });
    expect(pluginError('Набор ключей не существует. (0x80090016)').problems).toEqual(['key-container-missing']);
    expect(pluginError('Internal error. (0x8007065B)').problems).toEqual(['csp-license-expired']);
    expect(pluginError('Параметр задан неверно. (0x80070057)').problems).toEqual(['unknown-signing-error']);
  });

  it('reads the loader rejections by their text', () => {
    expect(pluginError(new Error('Плагин недоступен')).problems).toEqual(['plugin-extension-missing']);
    expect(pluginError('Истекло время ожидания загрузки плагина').problems).toEqual(['plugin-load-timeout']);
    expect(pluginError('Lost connection to extension').problems).toEqual(['plugin-connection-lost']);
    expect(pluginError('The operation was canceled by the user. (0x000004C7)').problems).toEqual(['plugin-site-access-denied']);
  });

  it('says nothing definite about what it does not know, and bounds what it keeps', () => {
    expect(pluginError('что-то пошло не так').problems).toEqual([]);
    expect(pluginError({ message: 'x'.repeat(5000) }).message.length).toBe(500);
    expect(pluginError(undefined).problems).toEqual([]);
  });
});
