// @ts-check
/**
 * The network recorder of the e2e run: every browser the tests start writes Chromium's own NetLog
 * (EP_DOCTOR_NETLOG_DIR, scripts/lib/chromium.mjs), and the page harness lists the origins it served
 * (served.txt). Afterwards every request any part of the browser made — ep-doctor's worker, popup and
 * content scripts, the pages, the CryptoPro simulator — must be to 127.0.0.1, to an origin the harness
 * served (the platform's own origin, answered from fixtures), or Chromium's own service hosts
 * (component updates, time, accounts: the browser's, made whatever extension is installed); and every
 * socket opened must be to 127.0.0.1.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Chromium's own background services (they fail here: DNS is mapped to nothing but 127.0.0.1). */
const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|googleusercontent\.com|gvt1\.com)$/;
const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A NetLog file; one cut short (a browser killed mid-write) is closed and read as far as it goes.
 * @param {string} text
 * @returns {{ constants: { logEventTypes: Record<string, number> }, events: { type: number, params?: Record<string, unknown> }[] }}
 */
export function parseNetlog(text) {
  try {
    return JSON.parse(text);
  } catch {
    const body = text.trimEnd().replace(/,$/, '');
    try {
      return JSON.parse(body.endsWith(']}') ? body : `${body}]}`);
    } catch {
      // Cut inside an event: drop the last partial line.
      const lines = body.split('\n');
      while (lines.length > 1) {
        lines.pop();
        try {
          return JSON.parse(`${lines.join('\n').replace(/,$/, '')}]}`);
        } catch {
          // keep dropping
        }
      }
      throw new Error('not a NetLog');
    }
  }
}

/**
 * What one NetLog shows: the URLs requested and the socket addresses connected to.
 * @param {ReturnType<typeof parseNetlog>} log
 */
export function requestsOf(log) {
  const names = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([k, v]) => [v, k]));
  /** @type {string[]} */
  const urls = [];
  /** @type {string[]} */
  const addresses = [];
  for (const event of log.events) {
    const type = names[event.type];
    const params = event.params ?? {};
    if ((type === 'CORS_REQUEST' || type === 'URL_REQUEST_START_JOB') && typeof params['url'] === 'string') urls.push(params['url']);
    if (type === 'TCP_CONNECT' && typeof params['address'] === 'string') addresses.push(params['address']);
    if (type === 'TCP_CONNECT' && Array.isArray(params['address_list'])) addresses.push(...params['address_list'].map(String));
  }
  return { urls, addresses };
}

/**
 * Sorts every request of the run; `violations` are the ones no rule allows.
 * @param {{ urls: string[], addresses: string[] }[]} logs
 * @param {Set<string>} served origins the harness answered
 * @param {Set<string>} [blocked] origins the harness refused (a page's third-party resource: aborted before any network)
 */
export function classify(logs, served, blocked = new Set()) {
  const counts = { local: 0, served: 0, blocked: 0, browser: 0, other: 0 };
  /** @type {string[]} */
  const violations = [];
  for (const { urls, addresses } of logs) {
    for (const raw of urls) {
      let url;
      try {
        url = new URL(raw);
      } catch {
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') continue;
      if (LOCAL.has(url.hostname)) counts.local++;
      else if (served.has(url.origin)) counts.served++;
      else if (blocked.has(url.origin)) counts.blocked++;
      else if (BROWSER_SERVICES.test(url.hostname)) counts.browser++;
      else {
        counts.other++;
        violations.push(`request to ${url.origin}${url.pathname}`);
      }
    }
    for (const address of addresses) {
      const host = address.replace(/:\d+$/, '');
      if (!LOCAL.has(host) && host !== '[::1]') violations.push(`socket to ${address}`);
    }
  }
  return { counts, violations: [...new Set(violations)] };
}

/**
 * Reads every NetLog in `dir` and the served origins.
 * @param {string} dir
 */
export function readRun(dir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  const logs = files.map((f) => requestsOf(parseNetlog(readFileSync(path.join(dir, f), 'utf8'))));
  const list = (/** @type {string} */ name) => {
    const file = path.join(dir, name);
    return new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
  };
  return { browsers: files.length, ...classify(logs, list('served.txt'), list('blocked.txt')) };
}
