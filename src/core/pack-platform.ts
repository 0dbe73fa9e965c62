import type { HintPack } from './hint-pack';

/**
 * A platform's entry of a hint pack (or of anything carrying its `platforms`), by own key only: an id
 * like `__proto__` or `constructor` from a report or a page finds nothing. Zod-free: the content script
 * uses it.
 */
export function packPlatform<P = HintPack['platforms'][string]>(pack: { platforms: Record<string, P> }, id: string | null): P | undefined {
  return id !== null && Object.hasOwn(pack.platforms, id) ? pack.platforms[id] : undefined;
}
