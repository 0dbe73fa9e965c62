import type { LocalizedSteps, LocalizedText } from '../localized';
import type { ProblemId, Severity } from '../problem-ids';

export const PROBLEM_GROUPS = ['plugin', 'csp', 'certificate', 'token', 'platform', 'environment'] as const;
export type ProblemGroup = (typeof PROBLEM_GROUPS)[number];

export interface ProblemEntry {
  severity: Severity;
  group: ProblemGroup;
  /** One line, names the cause in the user's words: «Истекла лицензия КриптоПро CSP». */
  title: LocalizedText;
  /** Two or three sentences for a non-expert: what it means and why signing fails. */
  explanation: LocalizedText;
  /** Generic remedy, ordered steps, each an imperative sentence. Platforms may extend or replace them. */
  remedy: LocalizedSteps;
}

export type ProblemEntries<Id extends ProblemId> = { readonly [K in Id]: ProblemEntry };
