import { browser } from 'wxt/browser';
import { buildDetectPack } from '../detectors/detect-pack';
import { GENERIC_TEXT_SIGNALS } from '../detectors/text-signals';
import { PLATFORM_MATCHES } from '../platforms';

/** Writes the compiled detectors content scripts read from storage.local (detect-pack-format.ts). */
export async function writeDetectPack(): Promise<void> {
  await browser.storage.local.set(buildDetectPack(browser.runtime.getManifest().version, PLATFORM_MATCHES, GENERIC_TEXT_SIGNALS, navigator.userAgent));
}
