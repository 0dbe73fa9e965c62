import { browser } from 'wxt/browser';
import { LANG_SETTING_KEY } from '../core/localized';
import { matcherFromCompiled, type CompiledDetector } from '../detectors/compiled-detector';
import { DETECT_INDEX_KEY, detectPlatformKey, type DetectIndex, type DetectPlatform } from '../detectors/detect-pack-format';
import type { Matcher } from '../detectors/signal';
import { platformForUrl } from '../platforms/match-url';
import { sendToBackground } from './send';
import { timed } from './timing';

export interface Detector {
  platformId: string | null;
  matcher: Matcher;
  /** The user's language setting, read in the same storage call (the hint pack needs it). */
  langSetting: unknown;
}

/**
 * Reads the compiled detectors the background keeps in storage.local (one read for the index and the
 * language, one for this platform's detector); when missing or of another version, asks the
 * background to write them and reads again. `urls`: where this frame is (about:blank frames take their
 * parent's), in order of preference.
 */
export async function loadDetector(urls: readonly (string | undefined)[]): Promise<Detector | null> {
  const version = browser.runtime.getManifest().version;
  const readIndex = async (): Promise<{ index: DetectIndex | null; langSetting: unknown }> => {
    const stored = await browser.storage.local.get([DETECT_INDEX_KEY, LANG_SETTING_KEY]);
    const index: unknown = stored[DETECT_INDEX_KEY];
    return { index: looksLikeIndex(index, version) ? index : null, langSetting: stored[LANG_SETTING_KEY] };
  };
  try {
    let { index, langSetting } = await readIndex();
    if (index === null) {
      await sendToBackground({ type: 'content→bg:need-detect-pack' });
      ({ index, langSetting } = await readIndex());
      if (index === null) return null;
    }
    let platformId: string | null = null;
    for (const url of urls) {
      platformId = url === undefined ? null : (platformForUrl(index.platforms, url)?.id ?? null);
      if (platformId !== null) break;
    }
    let detector = index.generic;
    if (platformId !== null) {
      const key = detectPlatformKey(platformId);
      const own: unknown = (await browser.storage.local.get(key))[key];
      if (looksLikePlatform(own, version)) detector = own.detector;
    }
    return { platformId, matcher: timed('compile', () => matcherFromCompiled(detector, index.codes)), langSetting };
  } catch {
    return null;
  }
}

/**
 * Our own background writes these to extension storage, which pages cannot reach: the guards only
 * reject another version or shape (no zod in the content script).
 */
function looksLikeDetector(value: unknown): value is CompiledDetector {
  const d = value as Partial<CompiledDetector> | null;
  return typeof d === 'object' && d !== null && typeof d.source === 'string' && Array.isArray(d.slots) && typeof d.triggers === 'string' && typeof d.reach === 'number';
}

function looksLikeIndex(value: unknown, version: string): value is DetectIndex {
  const index = value as Partial<DetectIndex> | null;
  return typeof index === 'object' && index !== null && index.version === version && Array.isArray(index.platforms) && typeof index.codes === 'object' && index.codes !== null && looksLikeDetector(index.generic);
}

function looksLikePlatform(value: unknown, version: string): value is DetectPlatform {
  const own = value as Partial<DetectPlatform> | null;
  return typeof own === 'object' && own !== null && own.version === version && looksLikeDetector(own.detector);
}
