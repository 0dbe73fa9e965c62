import { describe, expect, it } from 'vitest';
import { buildHintPack } from '@/src/background/build-hint-pack';
import { CATALOG } from '@/src/core/catalog';
import { HintPack } from '@/src/core/hint-pack';
import { PROBLEM_IDS } from '@/src/core/problem-ids';
import { PLATFORM_MATCHES } from '@/src/platforms';

describe('hint pack', () => {
  it.each(['ru', 'en'] as const)('%s pack is valid, complete and in its language', (lang) => {
    const pack = buildHintPack(lang, '1.2.3');
    expect(HintPack.safeParse(pack).error?.issues ?? []).toEqual([]);
    expect(Object.keys(pack.problems).sort()).toEqual([...PROBLEM_IDS].sort());
    expect(Object.keys(pack.platforms).sort()).toEqual(PLATFORM_MATCHES.map((p) => p.id).sort());
    expect(pack.problems['csp-license-expired'].title).toBe(CATALOG['csp-license-expired'].title[lang]);
    expect(pack.ui.hintCheck).toBe(lang === 'ru' ? 'Проверить' : 'Check');
  });

  it('stays small enough to read from storage on a page that shows a problem', () => {
    const bytes = Buffer.byteLength(JSON.stringify(buildHintPack('ru', '1')));
    expect(bytes).toBeLessThan(400_000);
  });
});
