import type { HostCause } from '../host-causes';
import type { Lang } from '../localized';
import { CAUSES_EN } from './causes-en';
import { CAUSES_RU } from './causes-ru';

/**
 * The popup's words for a finding's cause (`CheckProblem.cause`): the companion host's findings, cloud
 * keys, a GOST TLS host that did not open. Apart from the UI table, so the standalone report viewer,
 * which shows evidence and not causes, does not carry them. One file a language: the popup's first paint
 * carries Russian only (src/popup/strings.ts); both tables together here, for the tests that compare them.
 */
const TABLES: Record<Lang, Record<HostCause, string>> = { ru: CAUSES_RU, en: CAUSES_EN };

export const CAUSE_TABLES = TABLES;
