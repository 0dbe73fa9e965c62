import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hintTitlesKey } from '@/src/core/hint-titles';
import { checkResultKey, tabFindingsKey } from '@/src/core/keys';
import { LANG_SETTING_KEY, LANGS } from '@/src/core/localized';

const SOURCE = readFileSync(new URL('../../entrypoints/popup/script-start.js', import.meta.url), 'utf8');
const POPUP_HTML = readFileSync(new URL('../../entrypoints/popup/index.html', import.meta.url), 'utf8');

/** Runs the popup's classic start script as the browser would, with `search` as the page's query and `active` as what the active-tab query answers. */
function run(search: string, active: readonly { id?: number }[] = [{ id: 7 }]) {
  const asked: Record<string, string[]> = {};
  const tabCalls: unknown[] = [];
  const marks: string[] = [];
  const store = (area: string) => ({ get: (keys: string[]) => ((asked[area] = keys), Promise.resolve({ from: area })) });
  const tabs = {
    get: (id: number) => (tabCalls.push(['get', id]), Promise.resolve({ id })),
    query: (info: unknown) => (tabCalls.push(['query', info]), Promise.resolve(active)),
  };
  const context: Record<string, unknown> = { performance: { mark: (name: string) => marks.push(name) }, location: { search }, URLSearchParams, chrome: { storage: { local: store('local'), session: store('session') }, tabs } };
  context['window'] = context;
  runInNewContext(SOURCE, context);
  return { asked, marks, tabCalls, reads: context['epDoctorEarlyReads'] as Record<string, Promise<unknown>> };
}

describe('the popup\'s classic start script', () => {
  it('marks the start and asks storage for exactly the keys src/core names', async () => {
    const { asked, marks, reads, tabCalls } = run('?tab=42');
    expect(marks).toEqual(['ep-doctor:script-start']);
    expect(asked['local']).toEqual([LANG_SETTING_KEY, ...LANGS.map(hintTitlesKey)]);
    // With ?tab= the tab's keys are asked at once, beside the tab itself.
    expect(asked['session']).toEqual([tabFindingsKey(42), checkResultKey(42)]);
    expect(tabCalls).toEqual([['get', 42]]);
    expect(Object.keys(reads).sort()).toEqual(['local', 'perTab', 'tab']);
    expect(await reads['perTab']).toEqual({ id: 42, stored: { from: 'session' } });
  });

  it('without ?tab= (the toolbar popup) it asks for the active tab and reads that tab\'s keys once it answers', async () => {
    const { asked, reads, tabCalls } = run('');
    expect(tabCalls).toEqual([['query', { active: true, currentWindow: true }]]);
    expect(await reads['tab']).toEqual({ id: 7 });
    expect(await reads['perTab']).toEqual({ id: 7, stored: { from: 'session' } });
    expect(asked['session']).toEqual([tabFindingsKey(7), checkResultKey(7)]);
    expect(run('?tab=-1').tabCalls).toEqual([['query', { active: true, currentWindow: true }]]);
  });

  it('no active tab (or one without an id): no tab keys are read', async () => {
    for (const active of [[], [{}]]) {
      const { asked, reads } = run('', active);
      expect(await reads['perTab']).toBeNull();
      expect(asked['session']).toBeUndefined();
    }
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
