import { describe, expect, it } from 'vitest';
import { protocolClient } from '@/src/plugin/probe/client';

/** A message the window posts to itself, as the browser delivers it (happy-dom leaves `source` empty). */
const post = (data: unknown): void => void window.dispatchEvent(new MessageEvent('message', { data, source: window }));

/**
 * A stand-in for the CryptoPro content script: answers what the client posts, as the extension relays
 * the native host's replies (tests/simulator/README.md, "Protocol as implemented").
 */
function extension(answer: (request: Record<string, unknown>) => Record<string, unknown> | null, tabid = 'tab-1', destination?: string) {
  const seen: Record<string, unknown>[] = [];
  const listener = (event: MessageEvent): void => {
    const data = event.data as Record<string, unknown>;
    if (typeof data !== 'object' || data === null || data['destination'] === undefined) return;
    if (destination !== undefined && data['destination'] !== destination) return;
    seen.push(data);
    const reply = answer(data);
    if (reply !== null) post({ tabid, data: { requestid: data['requestid'], ...reply } });
  };
  window.addEventListener('message', listener);
  return { seen, stop: () => window.removeEventListener('message', listener) };
}

const healthy = (request: Record<string, unknown>): Record<string, unknown> | null => {
  if (request['type'] === 'init') return { type: 'result', value: 1 };
  if (request['method'] === 'CreateObject') return { type: 'result', retval: { type: 'object', value: 7, properties: ['Version'], methods: ['CSPName'] } };
  if (request['get_property'] === 'Version') return { type: 'result', retval: { type: 'string', value: '2.0.15700' } };
  if (request['method'] === 'CSPName') return { type: 'error', message: 'Тип поставщика не определен. (0x80090017)' };
  return null;
};

describe('the probe\'s own protocol client', () => {
  it('speaks the page protocol with its own request ids, far above the page bridge\'s', async () => {
    // A 1.3.x extension: it relays only its own destination.
    const ext = extension(healthy, 'tab-1', 'nmcades_pfhgbfnnjiafkhfdkmpiflachepdcjod');
    const client = protocolClient(window, ['nmcades', 'nmcades_pfhgbfnnjiafkhfdkmpiflachepdcjod']);
    try {
      const create = await client.start();
      const about = await create('CAdESCOM.About');
      expect(await about['Version']).toBe('2.0.15700');
      await expect((about['CSPName'] as (t: number) => Promise<unknown>)(80)).rejects.toMatchObject({ message: expect.stringContaining('0x80090017') });
      expect(ext.seen[0]).toMatchObject({ destination: 'nmcades_pfhgbfnnjiafkhfdkmpiflachepdcjod', type: 'init', url: document.URL });
      expect(ext.seen.every((m) => Number(m['requestid']) >= 1_000_000_000)).toBe(true);
      // The answered init chose the protocol: everything after it goes to that destination.
      expect(ext.seen[1]).toMatchObject({ destination: 'nmcades_pfhgbfnnjiafkhfdkmpiflachepdcjod', objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] });
      expect(client.forgery()).toBeNull();
      expect(client.counts()).toEqual({ sent: 4, answered: 4 });
    } finally {
      client.stop();
      ext.stop();
    }
  });

  it('a look-alike answer next to the real one, or a second sender, is a forgery', async () => {
    const real = extension(healthy);
    // The page answers every request too, first, with what it would like the check to see.
    const page = extension((request) => (request['type'] === 'init' ? { type: 'result', value: 1 } : { type: 'result', retval: { type: 'string', value: 'Unlimited' } }), 'tab-1');
    const client = protocolClient(window, ['nmcades']);
    try {
      await client.start();
      await new Promise((r) => setTimeout(r, 10));
      expect(client.forgery()).toMatch(/answered 2 times/);
    } finally {
      client.stop();
      real.stop();
      page.stop();
    }
    const other = extension(healthy, 'tab-2');
    const again = protocolClient(window, ['nmcades']);
    const first = extension(healthy, 'tab-1');
    try {
      await again.start();
      await new Promise((r) => setTimeout(r, 10));
      expect(again.forgery()).toMatch(/2 different senders|answered 2 times/);
    } finally {
      again.stop();
      other.stop();
      first.stop();
    }
  });

  it('ignores answers to requests it never sent, and sends only plain values and plug-in objects', async () => {
    const ext = extension(healthy);
    const client = protocolClient(window, ['nmcades']);
    try {
      post({ tabid: 'forged', data: { type: 'result', requestid: 2, value: 1 } });
      const create = await client.start();
      await new Promise((r) => setTimeout(r, 10));
      expect(client.forgery()).toBeNull();
      const about = await create('CAdESCOM.About');
      expect(() => (about['CSPName'] as (t: unknown) => unknown)({ objid: 1 })).toThrow(TypeError);
    } finally {
      client.stop();
      ext.stop();
    }
  });
});
