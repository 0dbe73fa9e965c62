import type { HintPack } from '../core/hint-pack';
import type { HintTitles } from '../core/hint-titles';

/** The titles key's content, cut from the pack it is written with, so the two never disagree. Pure. */
export function buildHintTitles(pack: HintPack): HintTitles {
  const problems: HintTitles['problems'] = {};
  for (const [id, entry] of Object.entries(pack.problems) as [keyof HintPack['problems'], HintPack['problems'][keyof HintPack['problems']]][]) {
    problems[id] = { severity: entry.severity, title: entry.title };
  }
  const platforms: HintTitles['platforms'] = {};
  for (const [id, platform] of Object.entries(pack.platforms)) platforms[id] = { name: platform.name };
  return { version: pack.version, lang: pack.lang, problems, platforms };
}
