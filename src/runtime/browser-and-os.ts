import { browser } from 'wxt/browser';
import { browserInfo } from '../core/browser-info';
import type { CheckFacts } from '../core/check-result';

/**
 * The browser and OS this extension runs in, as a report states them: shared by the check (background)
 * and the popup's report of a page where no check ran. Chromium names itself in client-hint brands,
 * Firefox only in its user agent; getPlatformInfo answers in both.
 */
export async function browserAndOs(): Promise<Pick<CheckFacts, 'browser' | 'os'>> {
  const ua = navigator.userAgent;
  const brands = (navigator as Navigator & { userAgentData?: { brands?: { brand: string; version: string }[] } }).userAgentData?.brands ?? [];
  const info = browserInfo(ua, brands);
  // A call that throws at once (an API missing in this context) is as good as a rejected one.
  const platform = await Promise.resolve()
    .then(() => browser.runtime.getPlatformInfo())
    .catch(() => ({ os: 'unknown', arch: 'unknown' }));
  return { browser: { name: info.name, version: info.version, userAgent: ua.slice(0, 500), gostTls: info.gostTls }, os: { os: String(platform.os).slice(0, 20), arch: String(platform.arch).slice(0, 20) } };
}
