import type { HostCause } from '../core/host-causes';
import { CAUSES_RU } from '../core/i18n/causes-ru';
import { fill } from '../core/i18n/fill';
import { UI_RU, type UiKey } from '../core/i18n/ui-ru';
import type { Lang } from '../core/localized';

/**
 * The popup's words. Russian, the primary language, comes with the first paint's bundle; English is a
 * chunk of its own, fetched when it is the language (`loadStrings` before rendering in it), so neither
 * language's users load the other's table before the popup shows.
 */
interface Strings {
  ui: Record<UiKey, string>;
  causes: Record<HostCause, string>;
}

const loaded: Partial<Record<Lang, Strings>> = { ru: { ui: UI_RU, causes: CAUSES_RU } };
let english: Promise<void> | null = null;

/** Resolves once `lang`'s strings are here; a failed fetch leaves the popup in Russian, not broken. */
export function loadStrings(lang: Lang): Promise<void> {
  if (loaded[lang] !== undefined) return Promise.resolve();
  english ??= Promise.all([import('../core/i18n/ui-en'), import('../core/i18n/causes-en')]).then(
    ([ui, causes]) => {
      loaded.en = { ui: ui.UI_EN, causes: causes.CAUSES_EN };
    },
    () => {
      english = null;
    },
  );
  return english;
}

/** `lang`'s table, or Russian while English has not arrived. */
const tableOf = (lang: Lang): Strings => loaded[lang] ?? (loaded.ru as Strings);

/** The UI string `key` in `lang`, placeholders filled (plain text, never HTML). */
export function uiText(lang: Lang, key: UiKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(tableOf(lang).ui[key], params);
}

/** A companion host's finding in `lang`. */
export function causeString(lang: Lang, cause: HostCause, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(tableOf(lang).causes[cause], params);
}
