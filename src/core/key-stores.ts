/** Where a certificate's private key lives (src/plugin/key-store.ts reads it from the key link). */
export const KEY_STORES = ['token', 'cloud', 'registry', 'disk', 'removable'] as const;
export type KeyStore = (typeof KEY_STORES)[number];
