import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/src/core/catalog';
import { PROBLEM_IDS } from '@/src/core/problem-ids';
import { sharedDir } from '../helpers/shared';

/** `| \`id\` | severity | …` rows of the spec's tables. */
function specRows(): { id: string; severity: string }[] {
  const spec = readFileSync(path.join(sharedDir(), 'spec/problems.md'), 'utf8');
  return [...spec.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*(error|warning|info)\s*\|/gm)].map((m) => ({ id: m[1]!, severity: m[2]! }));
}

describe('problem catalog', () => {
  it('has exactly the ids of spec/problems.md, in spec order', () => {
    const spec = specRows().map((r) => r.id);
    expect(spec.length, 'spec/problems.md has no id rows: has its table format changed?').toBeGreaterThan(30);
    expect([...PROBLEM_IDS], 'src/core/problem-ids.ts must list the spec ids in the same order').toEqual(spec);
    expect(Object.keys(CATALOG).sort(), 'src/core/catalog must have an entry for every id').toEqual([...spec].sort());
  });

  it('gives each problem the severity of the spec', () => {
    for (const row of specRows()) {
      expect(CATALOG[row.id as keyof typeof CATALOG].severity, `severity of ${row.id}`).toBe(row.severity);
    }
  });

  it.each(PROBLEM_IDS)('%s is written in Russian and English, with the same steps', (id) => {
    const entry = CATALOG[id];
    for (const lang of ['ru', 'en'] as const) {
      expect(entry.title[lang].trim(), `${id} title.${lang}`).not.toBe('');
      expect(entry.explanation[lang].trim(), `${id} explanation.${lang}`).not.toBe('');
      expect(entry.remedy[lang].length, `${id} remedy.${lang}`).toBeGreaterThan(0);
      for (const step of entry.remedy[lang]) expect(step.trim(), `${id} remedy step`).not.toBe('');
    }
    expect(entry.remedy.en.length, `${id}: ru and en remedies must have the same number of steps`).toBe(entry.remedy.ru.length);
    expect(entry.title.ru, `${id}: the Russian title must be Russian`).toMatch(/[а-яё]/i);
  });
});
