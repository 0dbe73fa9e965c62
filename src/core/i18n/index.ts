import type { Lang } from '../localized';
import { fill } from './fill';
import { UI_EN } from './ui-en';
import { UI_RU, type UiKey } from './ui-ru';

export type { UiKey };

const TABLES: Record<Lang, Record<UiKey, string>> = { ru: UI_RU, en: UI_EN };

/** The UI string `key` in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: UiKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(TABLES[lang][key], params);
}

/** The strings a hint shows; they travel in the hint pack, so the content script bundles none. */
export const HINT_UI_KEYS = ['brand', 'hintLabel', 'hintWhatToDo', 'hintCheck', 'hintCollapse', 'hintDismiss', 'hintDismissLabel', 'hintMoreSteps', 'hintLinks', 'hintCode', 'hintDialogSource', 'hintPlatform', 'hintChecking', 'hintCheckFound', 'hintCheckClean', 'hintCheckFailed', 'hintCheckImpossible', 'hintCheckAgain'] as const satisfies readonly UiKey[];
export type HintUiKey = (typeof HINT_UI_KEYS)[number];
export type HintUi = Record<HintUiKey, string>;

export function hintUi(lang: Lang): HintUi {
  return Object.fromEntries(HINT_UI_KEYS.map((key) => [key, TABLES[lang][key]])) as HintUi;
}
