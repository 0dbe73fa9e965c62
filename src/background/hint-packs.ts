import { browser } from 'wxt/browser';
import { hintPackKey } from '../core/hint-pack-key';
import { hintTitlesKey } from '../core/hint-titles';
import { LANGS } from '../core/localized';
import { buildHintPack } from './build-hint-pack';
import { buildHintTitles } from './hint-titles';

/**
 * Writes the hint packs content scripts read from storage.local, for every UI language, and next to
 * each its titles (the popup's first paint reads those, not the whole pack). One `set`, so no reader
 * sees a pack and titles of different versions.
 */
export async function writeHintPacks(): Promise<void> {
  const version = browser.runtime.getManifest().version;
  const entries = LANGS.flatMap((lang) => {
    const pack = buildHintPack(lang, version);
    return [
      [hintPackKey(lang), pack],
      [hintTitlesKey(lang), buildHintTitles(pack)],
    ] as const;
  });
  await browser.storage.local.set(Object.fromEntries(entries));
}
