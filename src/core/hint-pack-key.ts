/** Where the background keeps the hint pack of each UI language in storage.local. */
export const hintPackKey = (lang: 'ru' | 'en'): string => `hint-pack:${lang}`;
