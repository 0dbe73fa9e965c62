import { composeSteps } from '../core/compose-steps';
import type { HintPack } from '../core/hint-pack';
import type { ProblemId } from '../core/problem-ids';
import type { HintModel } from './hint-view';
import { packPlatform } from '../core/pack-platform';

/** What a hint says about `problem` on `platformId`: the platform's steps combined with the generic ones. */
export function hintModel(
  pack: HintPack,
  problem: ProblemId,
  platformId: string | null,
  extra: { code?: string | undefined; dialogText?: string | undefined },
): HintModel | null {
  const entry = pack.problems[problem];
  if (entry === undefined) return null;
  const platform = packPlatform(pack, platformId);
  return {
    lang: pack.lang,
    ui: pack.ui,
    style: pack.style,
    severity: entry.severity,
    title: entry.title,
    explanation: entry.explanation,
    steps: composeSteps(entry.steps, platform?.remedies[problem]),
    links: platform?.links ?? pack.links ?? [],
    platformName: platform?.name ?? null,
    code: extra.code,
    dialogText: extra.dialogText,
  };
}
