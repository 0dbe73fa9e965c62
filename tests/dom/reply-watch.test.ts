import { describe, expect, it } from 'vitest';
import { watchReplies } from '@/src/plugin/probe/reply-watch';

const reply = (tabid: string, requestid: number, type = 'result'): MessageEvent => new MessageEvent('message', { data: { tabid, data: { type, requestid } } });

describe('watching plug-in replies for forgeries', () => {
  it('one sender answering each request once is fine; other messages are ignored', () => {
    const watch = watchReplies(window);
    window.dispatchEvent(reply('tab-a', 2));
    window.dispatchEvent(reply('tab-a', 3, 'error'));
    window.dispatchEvent(new MessageEvent('message', { data: 'cadesplugin_loaded' }));
    window.dispatchEvent(new MessageEvent('message', { data: { tabid: 'tab-b', data: { type: 'callback', requestid: 2 } } }));
    expect(watch.stop()).toBeNull();
  });

  it('a second sender, or a request answered twice, is a forgery', () => {
    const two = watchReplies(window);
    window.dispatchEvent(reply('tab-a', 2));
    window.dispatchEvent(reply('forged', 3));
    expect(two.stop()).toMatch(/2 different senders/);
    const twice = watchReplies(window);
    window.dispatchEvent(reply('tab-a', 2));
    window.dispatchEvent(reply('tab-a', 2));
    expect(twice.stop()).toMatch(/answered 2 times/);
  });

  it('stops listening when stopped', () => {
    const watch = watchReplies(window);
    expect(watch.stop()).toBeNull();
    window.dispatchEvent(reply('x', 1));
    window.dispatchEvent(reply('y', 1));
    expect(watch.stop()).toBeNull();
  });
});
