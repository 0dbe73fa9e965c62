import { hostMatches } from '../platforms/match-url';
import type { PlatformMatch } from '../platforms/types';

/**
 * The organisation's extra platform hosts (policy `extraHosts`) as the browser sees them: one match
 * pattern per host (both schemes; `*.example.ru` covers example.ru and its subdomains, as the
 * platforms' own patterns do), and the content scripts registered for the granted ones.
 */
export function extraHostPattern(host: string): string {
  return `*://${host}/*`;
}

/** The hosts a known platform does not already cover: those get their content scripts from the manifest. */
export function uncoveredExtraHosts(hosts: readonly string[], platforms: readonly Pick<PlatformMatch, 'hosts'>[]): string[] {
  const covered = (host: string): boolean =>
    platforms.some((p) => p.hosts.some((known) => (host.startsWith('*.') ? known.startsWith('*.') && hostMatches(known, host.slice(2)) : hostMatches(known, host))));
  return [...new Set(hosts)].filter((host) => !covered(host));
}

/** The manifest's content script entry, as far as registering it again for other hosts needs. */
export interface ManifestContentScript {
  js?: string[];
  all_frames?: boolean;
  run_at?: string;
  world?: string;
  match_origin_as_fallback?: boolean;
}

export interface ExtraHostScript {
  id: string;
  js: string[];
  matches: string[];
  allFrames: boolean;
  runAt: 'document_start' | 'document_end' | 'document_idle';
  world?: 'MAIN' | 'ISOLATED';
  matchOriginAsFallback?: boolean;
  persistAcrossSessions: boolean;
}

export const EXTRA_HOST_SCRIPT_PREFIX = 'extra-hosts-';

/**
 * The manifest's content scripts again, for `patterns`: the same files, frames, timing and world, so an
 * organisation's platform gets exactly what a known one gets (with the generic detectors).
 * `base`: the extension's own URL — Firefox's getManifest() names the files by full moz-extension://
 * address, which registerContentScripts does not take.
 */
export function extraHostScripts(manifestScripts: readonly ManifestContentScript[], patterns: readonly string[], base = ''): ExtraHostScript[] {
  const file = (js: string): string => (base !== '' && js.startsWith(base) ? js.slice(base.length) : js);
  if (patterns.length === 0) return [];
  return manifestScripts
    .filter((cs) => (cs.js?.length ?? 0) > 0)
    .map((cs, index) => ({
      id: `${EXTRA_HOST_SCRIPT_PREFIX}${index}`,
      js: cs.js!.map(file),
      matches: [...patterns],
      allFrames: cs.all_frames === true,
      runAt: cs.run_at === 'document_start' || cs.run_at === 'document_end' ? cs.run_at : 'document_idle',
      ...(cs.world === 'MAIN' ? { world: 'MAIN' as const } : {}),
      ...(cs.match_origin_as_fallback === true ? { matchOriginAsFallback: true } : {}),
      persistAcrossSessions: true,
    }));
}
