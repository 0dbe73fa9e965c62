import { readFirst } from '../../src/popup/first-read';
import { loadStrings } from '../../src/popup/strings';

/**
 * main.tsx imports this module first, so the storage reads start while preact and the popup's own
 * modules are still being evaluated, not after. A failed read is null: the popup then opens empty.
 * It resolves once the chosen language's strings are here too, so the first render is in it (English
 * is fetched only once the setting is read: guessing from the browser's language fetched it for
 * Russian settings on English browsers too, and that fetch delayed their first paint by ~10 ms).
 */
export const firstRead = readFirst()
  .then(async (first) => {
    await loadStrings(first.lang);
    return first;
  })
  .catch(() => null);
