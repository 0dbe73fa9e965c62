import { browser } from 'wxt/browser';
import type { HintPack } from '../core/hint-pack';
import { hintPackKey } from '../core/hint-pack-key';
import { resolveLang } from '../core/localized';
import { sendToBackground } from './send';

/**
 * Reads the hint pack the background keeps in storage.local; if it is missing or from another
 * version, asks the background to write it, then reads again. Read once per page, only when needed;
 * the language is the user's choice (popup; `langSetting`, read with the detectors) or the browser's.
 */
export function createHintPackLoader(langSetting: () => Promise<unknown>): () => Promise<HintPack | null> {
  let loading: Promise<HintPack | null> | null = null;
  const version = browser.runtime.getManifest().version;

  const read = async (key: string): Promise<HintPack | null> => {
    const stored: unknown = (await browser.storage.local.get(key))[key];
    return looksLikePack(stored, version) ? stored : null;
  };

  return () => {
    loading ??= (async () => {
      try {
        const lang = resolveLang(await langSetting(), browser.i18n.getUILanguage());
        const key = hintPackKey(lang);
        const pack = await read(key);
        if (pack !== null) return pack;
        await sendToBackground({ type: 'content→bg:need-hint-pack', lang });
        return await read(key);
      } catch {
        return null;
      }
    })();
    return loading;
  };
}

/**
 * The pack comes from our own background through extension storage, which pages cannot reach; the
 * background builds it from typed data. This guard only rejects a pack of another version or shape
 * (the full zod schema would cost the content script more than its whole size budget); rendering
 * treats every string as text and checks link protocols again.
 */
function looksLikePack(value: unknown, version: string): value is HintPack {
  if (typeof value !== 'object' || value === null) return false;
  const pack = value as Partial<HintPack>;
  return pack.version === version && typeof pack.problems === 'object' && pack.problems !== null && typeof pack.platforms === 'object' && pack.platforms !== null;
}
