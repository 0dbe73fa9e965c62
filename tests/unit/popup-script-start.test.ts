import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hintTitlesKey } from '@/src/core/hint-titles';
import { checkResultKey, tabFindingsKey } from '@/src/core/keys';
import { LANG_SETTING_KEY, LANGS } from '@/src/core/localized';

const SOURCE = readFileSync(new URL('../../entrypoints/popup/script-start.js', import.meta.url), 'utf8');
const POPUP_HTML = readFileSync(new URL('../../entrypoints/popup/index.html', import.meta.url), 'utf8');

/** Runs the popup's classic start script as the browser would, with `search` as the page's query. */
function run(search: string) {
  const asked: Record<string, string[]> = {};
  const marks: string[] = [];
  const store = (area: string) => ({ get: (keys: string[]) => ((asked[area] = keys), Promise.resolve({})) });
  const context: Record<string, unknown> = { performance: { mark: (name: string) => marks.push(name) }, location: { search }, URLSearchParams, chrome: { storage: { local: store('local'), session: store('session') } } };
  context['window'] = context;
  runInNewContext(SOURCE, context);
  return { asked, marks, reads: context['epDoctorEarlyReads'] as Record<string, unknown> };
}

describe('the popup\'s classic start script', () => {
  it('marks the start and asks storage for exactly the keys src/core names', () => {
    const { asked, marks, reads } = run('?tab=42');
    expect(marks).toEqual(['ep-doctor:script-start']);
    expect(asked['local']).toEqual([LANG_SETTING_KEY, ...LANGS.map(hintTitlesKey)]);
    expect(asked['session']).toEqual([tabFindingsKey(42), checkResultKey(42)]);
    expect(Object.keys(reads).sort()).toEqual(['local', 'session:42']);
  });

  it('without ?tab= it reads no tab (the module asks which tab is active)', () => {
    const { asked, reads } = run('');
    expect(asked['session']).toBeUndefined();
    expect(Object.keys(reads)).toEqual(['local']);
    expect(Object.keys(run('?tab=-1').reads)).toEqual(['local']);
  });

  it('is async in the popup page: a parser-blocking script would hold the whole page until it arrived', () => {
    const tags = [...POPUP_HTML.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    const start = tags.filter((tag) => tag.includes('/script-start.js'));
    expect(start).toHaveLength(1);
    expect(start[0]).toMatch(/\sasync[\s>]/);
    // Every other script is a module (deferred by nature): nothing holds the parser.
    expect(tags.filter((tag) => !tag.includes('/script-start.js') && !/type="module"/.test(tag))).toEqual([]);
  });
});
