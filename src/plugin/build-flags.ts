import { CRYPTOPRO_EXTENSIONS, SIMULATOR_EXTENSION_ID } from './extension-ids';

declare const __EP_DOCTOR_DEV_BUILD__: boolean | undefined;

/**
 * Test builds (EP_DOCTOR_DEV_BUILD=1, made by the test, demo and diagnose scripts) also know the
 * CryptoPro simulator: its extension id and its test CA. Set by wxt.config.ts; false in `npm run build`,
 * the store package, and unit tests of pure code.
 */
export const DEV_BUILD = typeof __EP_DOCTOR_DEV_BUILD__ !== 'undefined' && __EP_DOCTOR_DEV_BUILD__;

/** The bridge ids the probe tries, in the vendor loader's Chrome order with the current MV3 first. */
export const PROBE_EXTENSION_IDS: readonly string[] = [CRYPTOPRO_EXTENSIONS.mv3, CRYPTOPRO_EXTENSIONS.mv2, CRYPTOPRO_EXTENSIONS.opera, ...(DEV_BUILD ? [SIMULATOR_EXTENSION_ID] : [])];
