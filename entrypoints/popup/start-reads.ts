import { browser } from 'wxt/browser';
import { resolveLang } from '../../src/core/localized';
import { readFirst } from '../../src/popup/first-read';
import { loadStrings } from '../../src/popup/strings';

// The browser's language is known at once: its strings (English is a chunk of its own) load while storage is read.
void loadStrings(resolveLang(undefined, browser.i18n.getUILanguage()));

/**
 * main.tsx imports this module first, so the storage reads start while preact and the popup's own
 * modules are still being evaluated, not after. A failed read is null: the popup then opens empty.
 * It resolves once the chosen language's strings are here too, so the first render is in it.
 */
export const firstRead = readFirst()
  .then(async (first) => {
    await loadStrings(first.lang);
    return first;
  })
  .catch(() => null);
