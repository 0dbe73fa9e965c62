import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildHintPack } from '@/src/background/build-hint-pack';
import { buildHintTitles } from '@/src/background/hint-titles';
import type { CheckResult } from '@/src/core/check-result';
import { hintPackKey } from '@/src/core/hint-pack-key';
import { hintTitlesKey } from '@/src/core/hint-titles';
import { checkResultKey } from '@/src/core/keys';
import { App } from '@/src/popup/App';
import { readFirst } from '@/src/popup/first-read';

const VERSION = '9.9.9';
const TAB = 7;
const pack = buildHintPack('ru', VERSION);

/** A finished check of tab 7 that found two problems, as the background stores it. */
const stored: CheckResult = {
  v: 1,
  id: 'c1',
  kind: 'quick',
  status: 'done',
  tabId: TAB,
  pageUrl: 'https://www.sberbank-ast.ru/sign',
  platformId: 'sberbank-ast',
  startedAt: 1,
  finishedAt: 2,
  problems: [
    { id: 'csp-license-expired', severity: 'error', source: 'plugin', evidence: 'licence ended 2026-01-01' },
    { id: 'plugin-outdated', severity: 'warning', source: 'plugin', evidence: 'plug-in 2.0.13642' },
  ],
  facts: null,
  pageFindings: [],
  timings: { total: 1, probe: 1, discovery: 0, analysis: 0 },
};

const flush = () => new Promise((r) => setTimeout(r, 20));

describe('the popup opens with the stored result', () => {
  beforeEach(() => {
    history.replaceState(null, '', `/popup.html?tab=${TAB}`);
    performance.clearMarks('ep-doctor:result-shown');
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'ep-doctor', version: VERSION });
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ru');
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: TAB, url: 'https://www.sberbank-ast.ru/sign' } as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  });
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('reads the setting, the tab, its check and both languages\' titles before the first render', async () => {
    await fakeBrowser.storage.local.set({ 'settings:lang': 'ru', [hintTitlesKey('ru')]: buildHintTitles(pack), [hintTitlesKey('en')]: buildHintTitles(buildHintPack('en', VERSION)) });
    await fakeBrowser.storage.session.set({ [checkResultKey(TAB)]: stored });
    const first = await readFirst();
    expect(first.setting).toBe('ru');
    expect(first.lang).toBe('ru');
    expect(first.tab).toEqual({ id: TAB, url: 'https://www.sberbank-ast.ru/sign' });
    expect(first.check?.id).toBe('c1');
    expect(first.titles.ru?.problems['csp-license-expired']?.title).toBe(pack.problems['csp-license-expired'].title);
    expect(first.titles.en?.lang).toBe('en');
  });

  it('paints the verdict and the problems\' titles in the very first render, from the titles key alone', async () => {
    await fakeBrowser.storage.local.set({ [hintTitlesKey('ru')]: buildHintTitles(pack) });
    await fakeBrowser.storage.session.set({ [checkResultKey(TAB)]: stored });
    const first = await readFirst();
    const root = document.body.appendChild(document.createElement('main'));
    render(h(App, { first, later: Promise.resolve(first) }), root);
    // Synchronously after render: nothing awaited, the full pack not read (it is not even in storage).
    const text = root.textContent ?? '';
    expect(root.querySelector('[data-testid=result]')?.getAttribute('data-problems')).toBe('csp-license-expired plugin-outdated');
    expect(text).toContain('Найдено проблем: 2');
    expect(text).toContain(pack.problems['csp-license-expired'].title);
    expect(text).toContain(pack.problems['plugin-outdated'].title);
    expect(text).toContain(pack.platforms['sberbank-ast']?.name ?? 'no platform');
    await flush();
    expect(performance.getEntriesByName('ep-doctor:result-shown')).toHaveLength(1);
    render(null, root);
  });

  it('a stale titles key is not shown: ids first, then the titles of the full pack', async () => {
    await fakeBrowser.storage.local.set({ [hintTitlesKey('ru')]: buildHintTitles(buildHintPack('ru', '1.0.0')), [hintPackKey('ru')]: buildHintPack('ru', '1.0.0') });
    // The popup finds the pack stale too and asks the background, which rewrites it a little later.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 100));
      await fakeBrowser.storage.local.set({ [hintPackKey('ru')]: pack });
    });
    await fakeBrowser.storage.session.set({ [checkResultKey(TAB)]: stored });
    const first = await readFirst();
    expect(first.titles.ru).toBeUndefined();
    const root = document.body.appendChild(document.createElement('main'));
    render(h(App, { first, later: Promise.resolve(first) }), root);
    expect(root.textContent).not.toContain(pack.problems['csp-license-expired'].title);
    expect(root.querySelector('[data-problem=csp-license-expired] .problem-title')?.textContent).toBe('csp-license-expired');
    await flush();
    expect(performance.getEntriesByName('ep-doctor:result-shown')).toHaveLength(0);
    await vi.waitFor(() => expect(root.querySelector('[data-problem=csp-license-expired] .problem-title')?.textContent).toBe(pack.problems['csp-license-expired'].title));
    await vi.waitFor(() => expect(performance.getEntriesByName('ep-doctor:result-shown')).toHaveLength(1));
    render(null, root);
  });

  it('with no titles key at all, the pack still brings the titles', async () => {
    await fakeBrowser.storage.local.set({ [hintPackKey('ru')]: pack });
    await fakeBrowser.storage.session.set({ [checkResultKey(TAB)]: stored });
    const first = await readFirst();
    expect(first.titles).toEqual({});
    const root = document.body.appendChild(document.createElement('main'));
    render(h(App, { first, later: Promise.resolve(first) }), root);
    await vi.waitFor(() => expect(root.textContent).toContain(pack.problems['plugin-outdated'].title));
    render(null, root);
  });

  it('storage slower than the first render: the popup opens empty and the result follows', async () => {
    await fakeBrowser.storage.local.set({ [hintTitlesKey('ru')]: buildHintTitles(pack) });
    await fakeBrowser.storage.session.set({ [checkResultKey(TAB)]: stored });
    const root = document.body.appendChild(document.createElement('main'));
    render(h(App, { first: null, later: readFirst() }), root);
    expect(root.querySelector('[data-testid=result]')).toBeNull();
    await vi.waitFor(() => expect(root.textContent).toContain(pack.problems['csp-license-expired'].title));
    render(null, root);
  });
});

/** The popup page at `url` (with `?tab=`, or as the toolbar popup without), this version, a Russian browser. */
function openedAt(url: string): void {
  history.replaceState(null, '', url);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'ep-doctor', version: VERSION });
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ru');
}

describe('reads the start script began', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    Reflect.deleteProperty(window, 'epDoctorEarlyReads');
  });

  it('are taken over, not asked again', async () => {
    openedAt(`/popup.html?tab=${TAB}`);
    const get = vi.spyOn(fakeBrowser.tabs, 'get');
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    Reflect.set(window, 'epDoctorEarlyReads', {
      local: Promise.resolve({ 'settings:lang': 'en' }),
      tab: Promise.resolve({ id: TAB, url: 'https://www.sberbank-ast.ru/sign' }),
      perTab: Promise.resolve({ id: TAB, stored: { [checkResultKey(TAB)]: stored } }),
    });
    const first = await readFirst();
    expect(first.setting).toBe('en');
    expect(first.tab).toEqual({ id: TAB, url: 'https://www.sberbank-ast.ru/sign' });
    expect(first.check?.id).toBe('c1');
    expect(get).not.toHaveBeenCalled();
    expect(local).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
  });

  it('the toolbar popup (no ?tab=) takes over the active tab and its keys, asking nothing again', async () => {
    openedAt('/popup.html');
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    Reflect.set(window, 'epDoctorEarlyReads', {
      local: Promise.resolve({}),
      tab: Promise.resolve({ id: TAB, url: 'https://www.sberbank-ast.ru/sign' }),
      perTab: Promise.resolve({ id: TAB, stored: { [checkResultKey(TAB)]: stored } }),
    });
    const first = await readFirst();
    expect(first.tab?.id).toBe(TAB);
    expect(first.check?.id).toBe('c1');
    expect(query).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
  });

  it('an early settings read that brings no object is taken as no settings, not a crash', async () => {
    openedAt('/popup.html');
    for (const local of [null, 'en', ['en']]) {
      Reflect.set(window, 'epDoctorEarlyReads', { local: Promise.resolve(local), tab: Promise.resolve({ id: TAB, url: '' }), perTab: Promise.resolve(null) });
      const first = await readFirst();
      expect(first.setting).toBe('auto');
      expect(first.titles).toEqual({});
    }
  });

  it('keys the start script read for another tab, or a malformed early read, are not used: storage is asked for this tab', async () => {
    openedAt('/popup.html');
    await fakeBrowser.storage.session.set({ [checkResultKey(TAB)]: stored });
    for (const perTab of [{ id: TAB + 1, stored: { [checkResultKey(TAB)]: { ...stored, id: 'other' } } }, { id: TAB, stored: 'nope' }, null]) {
      const session = vi.spyOn(fakeBrowser.storage.session, 'get');
      Reflect.set(window, 'epDoctorEarlyReads', { local: Promise.resolve({}), tab: Promise.resolve({ id: TAB, url: '' }), perTab: Promise.resolve(perTab) });
      const first = await readFirst();
      expect(first.check?.id).toBe('c1');
      expect(session).toHaveBeenCalledTimes(1);
      session.mockRestore();
    }
  });
});
