import type { KeyStore } from '../core/key-stores';

/**
 * Where a certificate's private key lives, from its key link (`\\.\<reader>\<container>`): on a token
 * the user plugs in, in CryptoPro's cloud token (КриптоПро DSS, reader `CLOUD`, «Облачный токен»), in the
 * registry, on the disk (HDIMAGE) or on a removable disk (FLASH, FAT12_*). Reader names as CryptoPro CSP
 * lists them (csptest -enum_cont -fqcn; research on cloud keys: the `CLOUD` reader with media NO_MEDIA).
 */
export type { KeyStore };

/** `\\.\Aktiv Rutoken ECP 00 00\name` → `Aktiv Rutoken ECP 00 00`. */
export function readerOf(uniqueContainer: string | null | undefined): string | null {
  const match = /^\\\\\.\\([^\\]+)\\/.exec(uniqueContainer ?? '');
  return match?.[1] ?? null;
}

export function keyStoreOfReader(reader: string): KeyStore {
  if (/^(CLOUD|DSS)\b|облачн/i.test(reader)) return 'cloud';
  if (/^REGISTRY\b/i.test(reader)) return 'registry';
  if (/^HDIMAGE\b|^DISK\b/i.test(reader)) return 'disk';
  if (/^(FLASH|FAT12(_\w+)?)\b/i.test(reader)) return 'removable';
  return 'token';
}

export function keyStoreOf(uniqueContainer: string | null | undefined): KeyStore | null {
  const reader = readerOf(uniqueContainer);
  return reader === null ? null : keyStoreOfReader(reader);
}
