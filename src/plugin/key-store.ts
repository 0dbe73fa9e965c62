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

/** CryptoPro numbers further readers of a kind (`FLASH_1`, `FAT12_E`): the suffix keeps the kind. */
const kind = (names: string): RegExp => new RegExp(`^(${names})(_\\w+)?$`, 'i');
const CLOUD = kind('CLOUD|DSS');
const REGISTRY = kind('REGISTRY');
/** DSRF holds CryptoPro's random-number seed files on the disk: no carrier either. */
const DISK = kind('HDIMAGE|DISK|DSRF');
const REMOVABLE = kind('FLASH|FAT12');

export function keyStoreOfReader(reader: string): KeyStore {
  const name = reader.trim();
  if (CLOUD.test(name) || /облачн/i.test(name)) return 'cloud';
  if (REGISTRY.test(name)) return 'registry';
  if (DISK.test(name)) return 'disk';
  if (REMOVABLE.test(name)) return 'removable';
  return 'token';
}

export function keyStoreOf(uniqueContainer: string | null | undefined): KeyStore | null {
  const reader = readerOf(uniqueContainer);
  return reader === null ? null : keyStoreOfReader(reader);
}
