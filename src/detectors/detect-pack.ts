import type { PlatformMatch } from '../platforms/types';
import { problemForBrowser } from './browser-check';
import { CODE_PROBLEMS } from './code-signals';
import { compileDetector } from './compile-detector';
import { DETECT_INDEX_KEY, detectPlatformKey, type DetectIndex, type DetectPlatform } from './detect-pack-format';
import type { TextSignal } from './text-signals';

/**
 * The storage items of the detect pack: the index, then one key per platform. `userAgent` is this
 * browser's: «Браузер не поддерживается» means a platform's wrong guess when the browser is supported
 * (browser-check.ts), decided once here rather than in every page.
 */
export function buildDetectPack(version: string, platforms: readonly PlatformMatch[], generic: readonly TextSignal[], userAgent: string): Record<string, DetectIndex | DetectPlatform> {
  const forBrowser = (texts: readonly TextSignal[]): TextSignal[] => texts.map((t) => ({ ...t, problem: problemForBrowser(t.problem, userAgent) }));
  const index: DetectIndex = {
    version,
    platforms: platforms.map((p) => ({ id: p.id, hosts: [...p.hosts] })),
    codes: { ...CODE_PROBLEMS },
    generic: compileDetector(forBrowser(generic)),
  };
  const items: Record<string, DetectIndex | DetectPlatform> = { [DETECT_INDEX_KEY]: index };
  for (const platform of platforms) items[detectPlatformKey(platform.id)] = { version, detector: compileDetector(forBrowser([...generic, ...platform.texts])) };
  return items;
}
