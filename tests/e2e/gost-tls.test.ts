import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, EXTENSION_ID } from '../../scripts/lib/build.mjs';
import { launchWithExtension, newTrackedPage } from '../../scripts/lib/chromium.mjs';
import { noteServedOrigin, servePage } from '../../scripts/lib/serve.mjs';
import type { CheckResult } from '../../src/core/check-result';

/**
 * The TLS layer apart from signing: lk.zakupki.gov.ru (ЕИС, GOST TLS only) mapped to local TLS servers
 * that fail the way real hosts fail in a browser without GOST — no shared cipher suite (what a GOST-only
 * server answers to Chromium's ClientHello) — or with a certificate from an unknown root. The page never
 * opens; «Проверить» on the browser's error page says why, from the browser's own network error.
 */
const HOST = 'lk.zakupki.gov.ru';
let dir = '';
const servers: tls.Server[] = [];

function listen(server: tls.Server): Promise<number> {
  servers.push(server);
  server.on('tlsClientError', () => undefined);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'ep-doctor-tls-'));
});
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function checkOnFailedPage(port: number, then?: (press: () => Promise<CheckResult>, page: Page, url: string, stale: () => Promise<void>) => Promise<void>): Promise<{ result: CheckResult; cause: string }> {
  noteServedOrigin(`https://${HOST}:${port}`);
  const session = await launchWithExtension({ args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`] });
  try {
    await session.worker.evaluate(() => chrome.storage.local.set({ 'settings:lang': 'ru' }));
    const { page, tabId } = await newTrackedPage(session.browser, session.worker);
    const failed = await page.goto(`https://${HOST}:${port}/44fz/`).then(() => null, (error: Error) => error.message);
    expect(failed).toMatch(/net::ERR_/);
    const popup = await session.browser.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid=check]:not([disabled])');
    await popup.click('[data-testid=check]');
    await popup.waitForSelector('[data-testid=result]:not([data-status=running])', { timeout: 30_000 });
    const result = (await session.worker.evaluate(async (id: number) => (await chrome.storage.session.get(`check:${id}`))[`check:${id}`], tabId)) as CheckResult;
    await popup.waitForSelector('.cause');
    const cause = await popup.$eval('.cause', (e) => e.textContent ?? '');
    const press = async (): Promise<CheckResult> => {
      await popup.reload();
      await popup.waitForSelector('[data-testid=check]:not([disabled])');
      await popup.click('[data-testid=check]');
      await popup.waitForSelector('[data-testid=result]:not([data-status=running])', { timeout: 30_000 });
      return (await session.worker.evaluate(async (id: number) => (await chrome.storage.session.get(`check:${id}`))[`check:${id}`], tabId)) as CheckResult;
    };
    // What a page of the host restored from the back-forward cache leaves: the failure record, no request to clear it.
    const stale = async () => {
      await session.worker.evaluate((id: number, host: string) => chrome.storage.session.set({ [`tls:${id}`]: { host, error: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH', at: Date.now() } }), tabId, HOST);
    };
    await then?.(press, page, `https://${HOST}:${port}/44fz/`, stale);
    return { result, cause };
  } finally {
    await session.close();
  }
}

describe('a GOST TLS host that does not open', () => {
  it('no shared cipher suite in a browser without GOST: gost-tls-unsupported, the browser is the cause', async () => {
    // A server that offers only suites Chromium never does answers its ClientHello with handshake_failure.
    const port = await listen(tls.createServer({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: 'PSK-AES128-CBC-SHA256', pskCallback: () => null }));
    const { result, cause } = await checkOnFailedPage(port, async (press, page, url, stale) => {
      // The same host's page, opened fine afterwards: the check no longer speaks of TLS — even when the
      // failure record outlived the load (a page restored from the back-forward cache sends no request).
      await servePage(page, path.join(dir, 'none.html'), url, '<!DOCTYPE html><title>ЕИС</title><p>Личный кабинет</p>');
      await page.goto(url);
      await stale();
      const again = await press();
      expect(again.problems.some((p) => p.cause?.key.startsWith('tls-'))).toBe(false);
    });
    expect(result.status).toBe('done');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ id: 'gost-tls-unsupported', cause: { key: 'tls-no-gost-browser', params: { host: HOST, error: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH' } } });
    expect(result.problems[0]!.evidence).toContain(`${HOST} did not open: net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH`);
    expect(cause).toContain('этот браузер не умеет ГОСТ-шифрование');
  }, 60_000);

  it('a server certificate from a root this computer does not trust: the root is the cause', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`, '-days', '2', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    const port = await listen(tls.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }));
    const { result, cause } = await checkOnFailedPage(port);
    expect(result.problems[0]).toMatchObject({ id: 'gost-tls-unsupported', cause: { key: 'tls-root-missing', params: { error: 'ERR_CERT_AUTHORITY_INVALID' } } });
    expect(cause).toContain('нет корневого сертификата');
  }, 60_000);
});
