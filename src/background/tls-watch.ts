import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { netErrorName } from '../core/tls-failure';
import { PLATFORM_GUIDES } from '../platforms/guides';

/**
 * The TLS layer apart from signing: a host that needs GOST TLS and does not open leaves an error page
 * where no script of ours runs. The browser's own network error for that host is kept per tab (last
 * one wins, a page that loads clears it), so the check on that tab can say why. Only the tab's own
 * document on the GOST TLS hosts the platforms name; nothing about the request but its error is read.
 */
const TlsRecord = z.object({ host: z.string().check(z.maxLength(253)), error: z.string().check(z.maxLength(80)), at: z.number() });
export type TlsRecord = z.infer<typeof TlsRecord>;

const keyOf = (tabId: number): string => `tls:${tabId}`;

/** `https://lk.zakupki.gov.ru/*` for every GOST TLS host of every platform. */
export function gostHostPatterns(): string[] {
  return Object.values(PLATFORM_GUIDES).flatMap((g) => g.gostTlsHosts.map((host) => `https://${host}/*`));
}

export function watchTlsFailures(): void {
  const urls = gostHostPatterns();
  if (urls.length === 0 || browser.webRequest === undefined) return;
  // The tab's own document only: a GOST host in another site's frame is not what the tab shows.
  const filter = { urls, types: ['main_frame'] as 'main_frame'[] };
  try {
    browser.webRequest.onErrorOccurred.addListener((details) => {
      const error = netErrorName(details.error);
      if (details.tabId < 0 || error === null || error === 'ERR_ABORTED') return;
      const record: TlsRecord = { host: new URL(details.url).hostname, error, at: Date.now() };
      void browser.storage.session.set({ [keyOf(details.tabId)]: record }).catch(() => undefined);
    }, filter);
    browser.webRequest.onCompleted.addListener((details) => {
      if (details.tabId >= 0) void browser.storage.session.remove(keyOf(details.tabId)).catch(() => undefined);
    }, filter);
  } catch {
    // A browser that refuses the filter loses only the TLS verdict, never the rest of the worker.
  }
}

/** The last network error of a GOST TLS host in this tab, when the tab still shows that host. */
export async function recordedTlsFailure(tabId: number, host: string): Promise<TlsRecord | null> {
  const key = keyOf(tabId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key).catch(() => ({}));
  const parsed = TlsRecord.safeParse(stored[key]);
  return parsed.success && parsed.data.host === host ? parsed.data : null;
}

export async function forgetTlsFailure(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId)).catch(() => undefined);
}
