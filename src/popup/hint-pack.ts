import { browser } from 'wxt/browser';
import type { HintPack } from '../core/hint-pack';
import { hintPackKey } from '../core/hint-pack-key';
import type { Lang } from '../core/localized';

/**
 * The pack comes from our own background through extension storage, which pages cannot reach, built
 * from typed data; a full schema parse of its 120 KB would cost the popup its first-paint budget. This
 * guard only rejects a pack of another version or shape.
 */
function looksLikePack(value: unknown, version: string, lang: Lang): value is HintPack {
  if (typeof value !== 'object' || value === null) return false;
  const pack = value as Partial<HintPack>;
  return pack.version === version && pack.lang === lang && typeof pack.problems === 'object' && pack.problems !== null && typeof pack.platforms === 'object' && pack.platforms !== null && typeof pack.ui === 'object';
}

/**
 * The hint pack of `lang` from storage.local (the background writes it on install); asked for once
 * when it is missing or from another version. Extension pages take their texts from it, so they bundle
 * no catalog.
 */
export async function loadHintPack(lang: Lang): Promise<HintPack | null> {
  const key = hintPackKey(lang);
  const version = browser.runtime.getManifest().version;
  const read = async (): Promise<HintPack | null> => {
    const stored: unknown = (await browser.storage.local.get(key))[key];
    return looksLikePack(stored, version, lang) ? stored : null;
  };
  const pack = await read();
  if (pack !== null) return pack;
  await browser.runtime.sendMessage({ type: 'ui→bg:need-hint-pack', lang }).catch(() => undefined);
  return read();
}
