/**
 * The browser from its user agent and client-hint brands. Only Yandex Browser and Chromium-Gost can do
 * GOST TLS (with CryptoPro CSP). Chromium-Gost writes «Chromium GOST» into the platform part of its user
 * agent (`Mozilla/5.0 (X11; Linux x86_64; Chromium GOST) …`, deemru/Chromium-Gost patch/chromium.patch,
 * user_agent_utils.cc) and has no brand of its own; a brand with «gost» is taken too.
 */
export interface BrowserInfo {
  name: 'yandex' | 'chromium-gost' | 'edge' | 'opera' | 'firefox' | 'chrome' | 'chromium' | 'other';
  version: string | null;
  gostTls: boolean;
}

export function browserInfo(userAgent: string, brands: readonly { brand: string; version: string }[] = []): BrowserInfo {
  const version = (re: RegExp): string | null => re.exec(userAgent)?.[1] ?? null;
  const gostBrand = brands.find((b) => /gost/i.test(b.brand));
  if (/YaBrowser\//.test(userAgent)) return { name: 'yandex', version: version(/YaBrowser\/([\d.]+)/), gostTls: true };
  if (gostBrand !== undefined || /Chromium[- ]?GOST/i.test(userAgent)) return { name: 'chromium-gost', version: gostBrand?.version ?? version(/Chrom(?:e|ium)\/([\d.]+)/), gostTls: true };
  if (/Edg\//.test(userAgent)) return { name: 'edge', version: version(/Edg\/([\d.]+)/), gostTls: false };
  if (/OPR\//.test(userAgent)) return { name: 'opera', version: version(/OPR\/([\d.]+)/), gostTls: false };
  if (/Firefox\//.test(userAgent)) return { name: 'firefox', version: version(/Firefox\/([\d.]+)/), gostTls: false };
  if (brands.some((b) => b.brand === 'Google Chrome')) return { name: 'chrome', version: version(/Chrome\/([\d.]+)/), gostTls: false };
  if (/Chrome\//.test(userAgent)) return { name: 'chromium', version: version(/Chrome\/([\d.]+)/), gostTls: false };
  return { name: 'other', version: null, gostTls: false };
}

/** Server time minus local time (seconds) from an HTTP Date header and the request's send/receive times. */
export function clockSkewSeconds(dateHeader: string | null, sentAt: number, receivedAt: number): number | null {
  if (dateHeader === null) return null;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return null;
  // The header has 1 s resolution and was written somewhere between send and receive.
  return Math.round((server + 500 - (sentAt + receivedAt) / 2) / 1000);
}

/** More than this, and signatures, certificate checks and TLS start failing (problems.md clock-skew). */
export const CLOCK_SKEW_LIMIT_SECONDS = 5 * 60;
