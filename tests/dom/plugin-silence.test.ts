import { describe, expect, it } from 'vitest';
import { installPluginSilenceWatch, PLUGIN_SILENCE_KEY } from '@/src/plugin/plugin-silence';
import { readPageState } from '@/src/plugin/page-state';

const pageSilence = async (_win: Window): Promise<number | null> => (await readPageState(0, PLUGIN_SILENCE_KEY, null)).silentMs;

/** A window whose own messages arrive as the browser delivers them (source = the window). */
function post(win: Window, data: unknown): void {
  win.dispatchEvent(new MessageEvent('message', { data, source: win }));
}

describe('the page-world watch of the site\'s own plug-in requests', () => {
  it('tells how long the oldest unanswered request has waited, and nothing once it is answered', async () => {
    const win = window as unknown as Window & typeof globalThis;
    installPluginSilenceWatch(win);
    expect(await pageSilence(win)).toBeNull();
    post(win, { destination: 'nmcades_pfhgbfnnjiafkhfdkmpiflachepdcjod', requestid: 2, type: 'init', url: 'https://x/' });
    await new Promise((r) => setTimeout(r, 30));
    post(win, { destination: 'nmcades', requestid: 3, objid: 1, method: 'CreateObject' });
    expect(await pageSilence(win)).toBeGreaterThanOrEqual(25);
    post(win, { tabid: 't', data: { type: 'result', requestid: 2, value: 1 } });
    expect(await pageSilence(win)).toBeLessThan(25);
    post(win, { tabid: 't', data: { type: 'error', requestid: 3, message: 'x' } });
    expect(await pageSilence(win)).toBeNull();
    // Strings, other destinations and other windows' messages are not plug-in requests.
    post(win, 'cadesplugin_echo_request');
    post(win, { destination: 'other', requestid: 4 });
    win.dispatchEvent(new MessageEvent('message', { data: { destination: 'nmcades', requestid: 5 }, source: null }));
    expect(await pageSilence(win)).toBeNull();
  });

  it('cannot be replaced by the page once installed, and still answers after a flood of requests', async () => {
    const win = window as unknown as Window & typeof globalThis;
    const key = Symbol.for(PLUGIN_SILENCE_KEY);
    expect(() => Object.defineProperty(win, key, { value: () => 99_999 })).toThrow();
    for (let i = 0; i < 1000; i++) post(win, { destination: 'nmcades', requestid: 1000 + i });
    expect(await pageSilence(win)).not.toBeNull();
  });
});
