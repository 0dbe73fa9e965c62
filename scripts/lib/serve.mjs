// @ts-check
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/**
 * Notes an origin a test answers itself (a local TLS server under a platform's name) for the network
 * recorder, as servePage does for the pages it serves.
 * @param {string} origin
 */
export function noteServedOrigin(origin) {
  const netlog = process.env['EP_DOCTOR_NETLOG_DIR'];
  if (netlog) appendFileSync(path.join(netlog, 'served.txt'), `${origin}\n`);
}

/**
 * Serves `file` (or `html`) as `url` in `page` with no network: the platform URL is answered from it,
 * a same-origin request for a file next to `file` (an iframe's page) from that file, everything else
 * fails. Alerts are dismissed, as a user would.
 * @param {import('puppeteer-core').Page} page
 * @param {string} file
 * @param {string} url
 * @param {string} [html] served instead of the file's content
 * @param {{ clockOffsetMs?: number, files?: Record<string, string | null> }} [server] the served page's Date
 *   header runs this far ahead; `files` answers same-origin file names from memory instead of the
 *   siblings of `file` (null: 404), e.g. the page loader a scenario or the fidelity runner chose
 */
export async function servePage(page, file, url, html, server = {}) {
  const target = new URL(url);
  // For the network recorder (scripts/lib/netlog.mjs): the origins answered here, and those refused.
  const netlog = process.env['EP_DOCTOR_NETLOG_DIR'];
  const note = (/** @type {string} */ name, /** @type {string} */ origin) => {
    if (netlog) appendFileSync(path.join(netlog, name), `${origin}\n`);
  };
  note('served.txt', target.origin);
  const dir = path.dirname(file);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    let requested;
    try {
      requested = new URL(request.url());
    } catch {
      return void request.abort();
    }
    // Extension resources (the CryptoPro bridge script) are local and must load as in a real browser.
    if (requested.protocol === 'chrome-extension:' || requested.protocol === 'moz-extension:') return void request.continue();
    requested.hash = '';
    if (requested.href === new URL(target.href.split('#')[0] ?? target.href).href) {
      const date = new Date(Date.now() + (server.clockOffsetMs ?? 0)).toUTCString();
      return void request.respond({ status: 200, contentType: TYPES['.html'], headers: { date }, body: html ?? readFileSync(file) });
    }
    if (requested.origin === target.origin) {
      const name = path.basename(requested.pathname);
      if (server.files !== undefined && Object.hasOwn(server.files, name)) {
        const body = server.files[name];
        if (body === null || body === undefined) return void request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
        const type = TYPES[/** @type {keyof typeof TYPES} */ (path.extname(name))] ?? 'application/octet-stream';
        return void request.respond({ status: 200, contentType: type, body });
      }
      const sibling = path.join(dir, path.basename(requested.pathname));
      if (path.basename(requested.pathname) !== '' && existsSync(sibling)) {
        const type = TYPES[/** @type {keyof typeof TYPES} */ (path.extname(sibling))] ?? 'application/octet-stream';
        return void request.respond({ status: 200, contentType: type, body: readFileSync(sibling) });
      }
      return void request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
    }
    note('blocked.txt', requested.origin);
    return void request.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
}
