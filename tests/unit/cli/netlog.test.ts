import { describe, expect, it } from 'vitest';
import { classify, parseNetlog, requestsOf } from '../../../scripts/lib/netlog.mjs';

const TYPES = { CORS_REQUEST: 608, URL_REQUEST_START_JOB: 2, TCP_CONNECT: 3, SOCKET_ALIVE: 4 };
const log = (events: { type: number; params?: Record<string, unknown> }[]): string =>
  JSON.stringify({ constants: { logEventTypes: TYPES }, events });

describe('the network recorder of the e2e run', () => {
  const served = new Set(['https://www.sberbank-ast.ru']);

  it('allows 127.0.0.1, the served platform origin, and Chromium\'s own services; names anything else', () => {
    const parsed = requestsOf(
      parseNetlog(
        log([
          { type: TYPES.CORS_REQUEST, params: { url: 'https://www.sberbank-ast.ru/sign' } },
          { type: TYPES.CORS_REQUEST, params: { url: 'http://127.0.0.1:4321/x' } },
          { type: TYPES.URL_REQUEST_START_JOB, params: { url: 'https://update.googleapis.com/service/update2/json', initiator: 'not an origin' } },
          { type: TYPES.CORS_REQUEST, params: { url: 'https://analytics.example.net/collect?id=1' } },
          { type: TYPES.TCP_CONNECT, params: { address: '127.0.0.1:4321' } },
          { type: TYPES.TCP_CONNECT, params: { address_list: ['93.184.216.34:443'] } },
        ]),
      ),
    );
    const result = classify([parsed], served);
    expect(result.counts).toMatchObject({ local: 1, served: 1, browser: 1, other: 1 });
    expect(result.violations).toEqual(['request to https://analytics.example.net/collect', 'socket to 93.184.216.34:443']);
  });

  it('a clean run has no violations; refused third-party resources of a page are counted apart', () => {
    const parsed = requestsOf(parseNetlog(log([{ type: TYPES.CORS_REQUEST, params: { url: 'https://cdn.example.org/jquery.js' } }])));
    expect(classify([parsed], served, new Set(['https://cdn.example.org']))).toEqual({ counts: { local: 0, served: 0, blocked: 1, browser: 0, other: 0 }, violations: [] });
  });

  it('reads a NetLog cut short by a killed browser as far as it goes', () => {
    const whole = log([
      { type: TYPES.CORS_REQUEST, params: { url: 'https://a.example/1' } },
      { type: TYPES.CORS_REQUEST, params: { url: 'https://b.example/2' } },
    ]);
    // Chromium writes one event per line while running and closes the array on exit.
    const lines = whole.replace('"events":[', '"events":[\n').replace(/\},\{"type"/g, '},\n{"type"');
    const cut = lines.slice(0, lines.lastIndexOf('https://b.example') + 5);
    expect(requestsOf(parseNetlog(cut)).urls).toEqual(['https://a.example/1']);
    expect(requestsOf(parseNetlog(lines.replace(/\]\}$/, ''))).urls).toEqual(['https://a.example/1', 'https://b.example/2']);
  });
});
