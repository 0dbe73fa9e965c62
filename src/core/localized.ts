/** The UI languages. Russian is the default; English when the browser UI is English. */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface LocalizedText {
  ru: string;
  en: string;
}

export interface LocalizedSteps {
  ru: readonly string[];
  en: readonly string[];
}

/** Russian unless the UI language is English (any `en-*`). */
export function langFromLocale(locale: string | undefined): Lang {
  return locale !== undefined && /^en\b/i.test(locale) ? 'en' : 'ru';
}

/** The user's language choice in storage.local (`auto`: follow the browser). */
export const LANG_SETTING_KEY = 'settings:lang';

/** The UI language: the user's explicit choice, else Russian unless the browser UI is English. */
export function resolveLang(setting: unknown, uiLocale: string | undefined): Lang {
  return setting === 'ru' || setting === 'en' ? setting : langFromLocale(uiLocale);
}
