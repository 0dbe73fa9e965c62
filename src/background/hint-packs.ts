import { browser } from 'wxt/browser';
import { hintPackKey } from '../core/hint-pack-key';
import { LANGS } from '../core/localized';
import { buildHintPack } from './build-hint-pack';

/** Writes the hint packs content scripts read from storage.local, for every UI language. */
export async function writeHintPacks(): Promise<void> {
  const version = browser.runtime.getManifest().version;
  await browser.storage.local.set(Object.fromEntries(LANGS.map((lang) => [hintPackKey(lang), buildHintPack(lang, version)])));
}
