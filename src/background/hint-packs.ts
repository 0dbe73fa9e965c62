import { browser } from 'wxt/browser';
import { hintPackKey } from '../core/hint-pack-key';
import { hintTitlesKey } from '../core/hint-titles';
import { LANGS } from '../core/localized';
import { buildHintPack } from './build-hint-pack';
import { t } from '../core/i18n';
import { supportLine } from '../core/org-policy';
import { readOrgPolicy } from './org-policy';
import { buildHintTitles } from './hint-titles';

/**
 * Writes the hint packs content scripts read from storage.local, for every UI language, and next to
 * each its titles (the popup's first paint reads those, not the whole pack). One `set`, so no reader
 * sees a pack and titles of different versions.
 */
export async function writeHintPacks(): Promise<void> {
  const version = browser.runtime.getManifest().version;
  const { policy } = await readOrgPolicy();
  const contact = supportLine({ ...policy, supportUrl: undefined });
  const entries = LANGS.flatMap((lang) => {
    const support = policy.supportUrl === undefined ? null : { title: `${t(lang, 'orgSupport')}${contact === null ? '' : `: ${contact}`}`.slice(0, 200), url: policy.supportUrl };
    const pack = buildHintPack(lang, version, support);
    return [
      [hintPackKey(lang), pack],
      [hintTitlesKey(lang), buildHintTitles(pack)],
    ] as const;
  });
  await browser.storage.local.set(Object.fromEntries(entries));
}
