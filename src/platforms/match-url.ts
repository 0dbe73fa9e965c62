import type { PlatformMatch } from './types';

/** `*.sberbank-ast.ru` matches sberbank-ast.ru and its subdomains; `lkul.nalog.ru` only itself. */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return h === domain || h.endsWith(`.${domain}`);
  }
  return h === pattern;
}

/** The platform an http(s) URL belongs to, or null. */
export function platformForUrl<T extends Pick<PlatformMatch, 'hosts'>>(platforms: readonly T[], url: string): T | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return platforms.find((p) => p.hosts.some((pattern) => hostMatches(pattern, parsed.hostname))) ?? null;
}

/** The content scripts' `matches`: one `*://host/*` pattern per host pattern, in both schemes. */
export function matchPatterns(platforms: readonly PlatformMatch[]): string[] {
  return platforms.flatMap((p) => p.hosts.map((host) => `*://${host}/*`));
}
