import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildHintPack } from '@/src/background/build-hint-pack';
import { writeHintPacks } from '@/src/background/hint-packs';
import { buildHintTitles } from '@/src/background/hint-titles';
import { hintPackKey } from '@/src/core/hint-pack-key';
import { hintTitlesKey } from '@/src/core/hint-titles';
import { LANGS } from '@/src/core/localized';
import { PROBLEM_IDS } from '@/src/core/problem-ids';
import { PLATFORM_MATCHES } from '@/src/platforms';
import { looksLikeHintTitles } from '@/src/popup/hint-titles';

describe('the titles key next to the hint pack', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it.each(LANGS)('%s: every problem title and severity and every platform name, as in the pack', (lang) => {
    const pack = buildHintPack(lang, '1.2.3');
    const titles = buildHintTitles(pack);
    expect(titles.version).toBe('1.2.3');
    expect(titles.lang).toBe(lang);
    expect(Object.keys(titles.problems).sort()).toEqual([...PROBLEM_IDS].sort());
    for (const id of PROBLEM_IDS) expect(titles.problems[id]).toEqual({ title: pack.problems[id].title, severity: pack.problems[id].severity });
    expect(Object.keys(titles.platforms).sort()).toEqual(PLATFORM_MATCHES.map((p) => p.id).sort());
    for (const [id, platform] of Object.entries(pack.platforms)) expect(titles.platforms[id]).toEqual({ name: platform.name });
  });

  it('is a small fraction of the pack: the first paint reads it instead', () => {
    const pack = buildHintPack('ru', '1');
    const titlesBytes = Buffer.byteLength(JSON.stringify(buildHintTitles(pack)));
    expect(titlesBytes).toBeLessThan(16_000);
    expect(titlesBytes * 8).toBeLessThan(Buffer.byteLength(JSON.stringify(pack)));
  });

  it('is written with the packs, in the same version, and the popup accepts what is written', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'ep-doctor', version: '4.5.6' });
    await writeHintPacks();
    const stored = await fakeBrowser.storage.local.get([...LANGS.map(hintPackKey), ...LANGS.map(hintTitlesKey)]);
    for (const lang of LANGS) {
      expect(stored[hintTitlesKey(lang)]).toEqual(buildHintTitles(buildHintPack(lang, '4.5.6')));
      expect(looksLikeHintTitles(stored[hintTitlesKey(lang)], '4.5.6', lang)).toBe(true);
      // A pack is accepted where titles are expected: it has their shape.
      expect(looksLikeHintTitles(stored[hintPackKey(lang)], '4.5.6', lang)).toBe(true);
    }
  });

  it('the popup refuses titles of another version or language, or damaged ones', () => {
    const good = buildHintTitles(buildHintPack('ru', '2.0.0'));
    expect(looksLikeHintTitles(good, '2.0.0', 'ru')).toBe(true);
    expect(looksLikeHintTitles(good, '2.0.1', 'ru')).toBe(false);
    expect(looksLikeHintTitles(good, '2.0.0', 'en')).toBe(false);
    expect(looksLikeHintTitles(undefined, '2.0.0', 'ru')).toBe(false);
    expect(looksLikeHintTitles({ ...good, problems: [] }, '2.0.0', 'ru')).toBe(false);
    expect(looksLikeHintTitles({ ...good, problems: { ...good.problems, 'csp-missing': { title: 7, severity: 'error' } } }, '2.0.0', 'ru')).toBe(false);
    expect(looksLikeHintTitles({ ...good, problems: { ...good.problems, 'csp-missing': { title: 'x', severity: 'fatal' } } }, '2.0.0', 'ru')).toBe(false);
    expect(looksLikeHintTitles({ ...good, platforms: { sberbank: { name: null } } }, '2.0.0', 'ru')).toBe(false);
  });
});
