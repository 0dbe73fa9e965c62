import { CATALOG } from '../core/catalog';
import { HINT_STYLE } from '../core/hint-style';
import { hintUi } from '../core/i18n';
import type { HintPack } from '../core/hint-pack';
import type { Lang } from '../core/localized';
import { PROBLEM_IDS } from '../core/problem-ids';
import { PLATFORM_GUIDES } from '../platforms/guides';
import { PLATFORM_MATCHES } from '../platforms';

/**
 * The hint pack for `lang` from the catalog and the platform guides; an organisation's support contact
 * (with an https address) comes first among every platform's links, and is the link of hints elsewhere. Pure.
 */
export function buildHintPack(lang: Lang, version: string, support: { title: string; url: string } | null = null): HintPack {
  const problems = Object.fromEntries(
    PROBLEM_IDS.map((id) => {
      const entry = CATALOG[id];
      return [
        id,
        { severity: entry.severity, title: entry.title[lang], explanation: entry.explanation[lang], steps: [...entry.remedy[lang]] },
      ];
    }),
  ) as HintPack['problems'];
  const platforms: HintPack['platforms'] = {};
  for (const match of PLATFORM_MATCHES) {
    const guide = PLATFORM_GUIDES[match.id];
    if (guide === undefined) continue;
    const remedies: HintPack['platforms'][string]['remedies'] = {};
    for (const [id, remedy] of Object.entries(guide.remedies) as [keyof typeof remedies, (typeof guide.remedies)[keyof typeof remedies]][]) {
      if (remedy !== undefined) remedies[id] = { mode: remedy.mode, steps: [...remedy.steps[lang]] };
    }
    platforms[match.id] = {
      name: guide.name[lang],
      remedies,
      links: [...(support === null ? [] : [support]), ...guide.links.map((link) => ({ title: link.title[lang], url: link.url }))],
    };
  }
  return { version, lang, ui: hintUi(lang), style: HINT_STYLE, problems, platforms, ...(support === null ? {} : { links: [support] }) };
}
