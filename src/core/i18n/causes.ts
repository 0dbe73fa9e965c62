import type { HostCause } from '../host-causes';
import type { Lang } from '../localized';
import { CAUSES_EN } from './causes-en';
import { CAUSES_RU } from './causes-ru';
import { fill } from './fill';

/**
 * The popup's words for a finding's cause (`CheckProblem.cause`): the companion host's findings, cloud
 * keys, a GOST TLS host that did not open. Apart from the UI table, so the standalone report viewer,
 * which shows evidence and not causes, does not carry them. One file a language: the popup's first paint
 * carries Russian only (src/popup/strings.ts).
 */
const TABLES: Record<Lang, Record<HostCause, string>> = { ru: CAUSES_RU, en: CAUSES_EN };

export function causeT(lang: Lang, cause: HostCause, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(TABLES[lang][cause], params);
}

export const CAUSE_TABLES = TABLES;
