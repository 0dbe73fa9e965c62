import { describe, expect, it } from 'vitest';
import { keyStoreOf, keyStoreOfReader, readerOf } from '@/src/plugin/key-store';

describe('where a key lives, from its key link', () => {
  it.each([
    ['\\\\.\\Aktiv Rutoken ECP 00 00\\te-1234', 'token'],
    ['\\\\.\\ARDS JaCarta 0\\jc-1', 'token'],
    ['\\\\.\\CLOUD\\dss-head', 'cloud'],
    ['\\\\.\\Облачный токен\\dss-head', 'cloud'],
    ['\\\\.\\REGISTRY\\Иванов И.И. 2023', 'registry'],
    ['\\\\.\\HDIMAGE\\petrov', 'disk'],
    ['\\\\.\\FLASH\\petrov', 'removable'],
    ['\\\\.\\FAT12_E\\petrov', 'removable'],
    ['\\\\.\\FLASH_1\\petrov', 'removable'],
    ['\\\\.\\CLOUD_1\\dss-head', 'cloud'],
    ['\\\\.\\DSRF\\x', 'disk'],
  ] as const)('%s → %s', (link, store) => {
    expect(keyStoreOf(link)).toBe(store);
  });

  it('no key link, or one not in CryptoPro\'s form, says nothing', () => {
    expect(keyStoreOf(undefined)).toBeNull();
    expect(keyStoreOf('te-8b3e4f')).toBeNull();
    expect(readerOf('\\\\.\\CLOUD\\x')).toBe('CLOUD');
    expect(keyStoreOfReader('CLOUDY Reader 0')).toBe('token');
  });
});
