import { browser } from 'wxt/browser';
import { clockSkewSeconds, CLOCK_SKEW_LIMIT_SECONDS } from '../../core/browser-info';
import type { CheckProblem } from '../../core/check-result';
import { problem } from '../../plugin/interpret';
import { PLATFORM_GUIDES } from '../../platforms/guides';
import { hostMatches } from '../../platforms/match-url';

export { browserAndOs } from '../../runtime/browser-and-os';

/** The platform's host needs GOST TLS (ЕИС cabinet, nalog cabinets): research/platforms.md. */
export function needsGostTls(platformId: string | null, url: URL): boolean {
  const guide = platformId === null ? undefined : PLATFORM_GUIDES[platformId];
  return guide?.gostTlsHosts.some((pattern) => hostMatches(pattern, url.hostname)) ?? false;
}

/**
 * One HEAD request to the page already open, from the page's origin (the content script's world), only
 * during a check: the server's Date header against this computer's clock.
 */
export interface ServerClock {
  /** The server's time (Date header, 1 s resolution) and this computer's clock midway through the request. */
  serverTime: string;
  localTime: number;
  skewSeconds: number;
}

export async function serverClock(tabId: number): Promise<ServerClock | null> {
  const LIMIT_MS = 3000;
  try {
    const running = browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: async (limit: number) => {
        const sentAt = Date.now();
        // The page's address without its query and fragment: those may carry one-time codes and tokens.
        const response = await fetch(location.origin + location.pathname, { method: 'HEAD', cache: 'no-store', credentials: 'omit', redirect: 'manual', signal: AbortSignal.timeout(limit) });
        return { date: response.headers.get('date'), sentAt, receivedAt: Date.now() };
      },
      args: [LIMIT_MS],
    });
    // A server that never answers must not hold the check: the clock is then simply not compared.
    const [injection] = await Promise.race([running, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), LIMIT_MS + 500))]);
    const r = injection?.result as { date: unknown; sentAt: unknown; receivedAt: unknown } | undefined;
    if (r === undefined || typeof r.sentAt !== 'number' || typeof r.receivedAt !== 'number') return null;
    const date = typeof r.date === 'string' ? r.date.slice(0, 100) : null;
    const skewSeconds = clockSkewSeconds(date, r.sentAt, r.receivedAt);
    if (date === null || skewSeconds === null) return null;
    return { serverTime: new Date(Date.parse(date) + 500).toISOString(), localTime: Math.round((r.sentAt + r.receivedAt) / 2), skewSeconds };
  } catch {
    return null;
  }
}

export function clockProblems(skew: number | null): CheckProblem[] {
  if (skew === null || Math.abs(skew) <= CLOCK_SKEW_LIMIT_SECONDS) return [];
  const minutes = Math.round(Math.abs(skew) / 60);
  return [problem('clock-skew', 'environment', `this computer's clock is ${minutes} min ${skew > 0 ? 'behind' : 'ahead of'} the platform server`)];
}
