import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProblemId } from '@/src/core/problem-ids';
import { createMatcher } from '@/src/detectors/matcher';
import { PLATFORM_MATCHES } from '@/src/platforms';
import { PLATFORM_GUIDES } from '@/src/platforms/guides';
import { platformForUrl } from '@/src/platforms/match-url';
import { ROOT } from '../helpers/shared';

const PLATFORM_DIR = path.join(ROOT, 'src/platforms');
const FIXTURE_DIR = path.join(ROOT, 'tests/fixtures/pages');
const NOT_PLATFORMS = new Set(['index', 'guides', 'types', 'match-url']);
const platformFiles = readdirSync(PLATFORM_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((f) => !NOT_PLATFORMS.has(f));

describe('platform registry', () => {
  it('lists every platform file, alphabetically, with the file name as id', () => {
    expect(PLATFORM_MATCHES.map((p) => p.id), 'src/platforms/index.ts must import every platform file').toEqual([...platformFiles].sort());
    expect(Object.keys(PLATFORM_GUIDES).sort(), 'src/platforms/guides.ts must list every platform').toEqual([...platformFiles].sort());
  });

  it.each(platformFiles)('%s: id is kebab-case and hosts are valid host patterns', (id) => {
    const platform = PLATFORM_MATCHES.find((p) => p.id === id)!;
    expect(platform.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(platform.hosts.length).toBeGreaterThan(0);
    for (const host of platform.hosts) expect(host, `host pattern of ${id}`).toMatch(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(PLATFORM_GUIDES[id]!.name.ru.trim()).not.toBe('');
    expect(PLATFORM_GUIDES[id]!.name.en.trim()).not.toBe('');
  });
});

describe('test URLs', () => {
  const cases = PLATFORM_MATCHES.flatMap((p) => (PLATFORM_GUIDES[p.id]?.testUrls ?? []).map((url) => [p.id, url] as const));

  it('every platform has test URLs', () => {
    for (const p of PLATFORM_MATCHES) expect(PLATFORM_GUIDES[p.id]?.testUrls.length ?? 0, `${p.id} has no testUrls`).toBeGreaterThan(0);
  });

  it.each(cases)('%s: %s matches this platform and no other', (id, url) => {
    const matching = PLATFORM_MATCHES.filter((p) => platformForUrl([p], url) !== null).map((p) => p.id);
    expect(matching).toEqual([id]);
  });
});

describe('platform texts', () => {
  const cases = PLATFORM_MATCHES.flatMap((p) => p.texts.map((t) => [p.id, t.text, t.problem] as const));

  it.each(cases)('%s: «%s» is recognised as %s', (_id, text, problem) => {
    expect(isProblemId(problem)).toBe(true);
    expect(text.replace(/[….\s]/g, '').length, 'a platform text must be distinctive').toBeGreaterThanOrEqual(10);
    const signals = createMatcher([{ text, problem }]).find(`Ошибка. ${text.replace(/…|\.\.\./g, ' и ')}.`);
    expect(signals.map((s) => s.problem)).toContain(problem);
  });
});

describe('platform guides', () => {
  it.each(platformFiles)('%s: remedies are written in both languages and links are https', (id) => {
    const guide = PLATFORM_GUIDES[id]!;
    for (const [problem, remedy] of Object.entries(guide.remedies)) {
      expect(isProblemId(problem), `${id}: unknown problem id ${problem}`).toBe(true);
      expect(remedy!.steps.ru.length, `${id}/${problem}: no steps`).toBeGreaterThan(0);
      expect(remedy!.steps.en.length, `${id}/${problem}: ru and en must have the same number of steps`).toBe(remedy!.steps.ru.length);
    }
    for (const link of guide.links) expect(link.url, `${id} link`).toMatch(/^https?:\/\//);
    for (const host of guide.gostTlsHosts) {
      expect(platformForUrl([PLATFORM_MATCHES.find((p) => p.id === id)!], `https://${host}/`), `${id}: GOST TLS host ${host} is not its own`).not.toBeNull();
    }
  });
});

describe('fixtures', () => {
  it.each(platformFiles)('%s has a positive and a clean fixture page, each with its expectation', (id) => {
    const dir = path.join(FIXTURE_DIR, id);
    expect(existsSync(dir), `tests/fixtures/pages/${id}/ is missing`).toBe(true);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html') && !f.endsWith('.frame.html'));
    let positive = 0;
    let clean = 0;
    for (const page of pages) {
      const expectationFile = path.join(dir, page.replace(/\.html$/, '.json'));
      expect(existsSync(expectationFile), `${id}/${page} has no .json expectation`).toBe(true);
      const expectation = JSON.parse(readFileSync(expectationFile, 'utf8')) as { url: string; problems: string[] };
      expect(platformForUrl(PLATFORM_MATCHES, expectation.url)?.id, `${id}/${page}: its url must belong to ${id}`).toBe(id);
      for (const problem of expectation.problems) expect(isProblemId(problem), `${id}/${page}: unknown problem ${problem}`).toBe(true);
      if (expectation.problems.length > 0) positive++;
      else clean++;
    }
    expect(positive, `${id} needs a fixture that shows a problem`).toBeGreaterThan(0);
    expect(clean, `${id} needs a clean fixture with look-alikes`).toBeGreaterThan(0);
  });
});
