import { CRYPTOPRO_EXTENSIONS } from './extension-ids';

declare const __EP_DOCTOR_DEV_BUILD__: boolean | undefined;

/**
 * Test builds (EP_DOCTOR_DEV_BUILD=1, made by the test, demo and diagnose scripts) also know the
 * CryptoPro simulator's test CA (the simulated extension has the published ids). Set by wxt.config.ts; false in `npm run build`,
 * the store package, and unit tests of pure code.
 */
export const DEV_BUILD = typeof __EP_DOCTOR_DEV_BUILD__ !== 'undefined' && __EP_DOCTOR_DEV_BUILD__;

/** The bridge ids the probe tries, in the vendor loader's Chrome order with the current MV3 first. */
export const PROBE_EXTENSION_IDS: readonly string[] = [CRYPTOPRO_EXTENSIONS.mv3, CRYPTOPRO_EXTENSIONS.mv2, CRYPTOPRO_EXTENSIONS.opera];
