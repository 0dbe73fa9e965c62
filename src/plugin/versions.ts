import type { ProblemId } from '../core/problem-ids';

/** `2.0.15700` → [2, 0, 15700]; null for anything else (plug-ins report `0.0.0000` without a CSP). */
export function parseVersion(text: string | null | undefined): number[] | null {
  const match = /^\s*(\d+(?:\.\d+){0,3})\s*$/.exec(text ?? '');
  return match === null ? null : match[1]!.split('.').map(Number);
}

/** Negative, zero or positive like a comparator; missing parts count as 0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Plug-in builds below this are not supported by common site libraries (crypto-pro). */
export const PLUGIN_UNSUPPORTED_BELOW = [2, 0, 12438];
/** 2.0.13642 breaks PKCS#7 (0x80070057); 2.0.13771 and newer are recommended. */
export const PLUGIN_RECOMMENDED = [2, 0, 13771];
/** CSP 4.0 cannot do GOST TLS in Chromium 90+ (sandboxed network service). */
export const CSP_GOST_TLS_MIN = [5];

export interface VersionFinding {
  problem: ProblemId;
  evidence: string;
}

/** What the plug-in's own version says (research/cryptopro-plugin.md §2.2). */
export function pluginVersionFindings(version: string | null): VersionFinding[] {
  const parsed = parseVersion(version);
  if (parsed === null) return [];
  // The plug-in says 0.0.0000 when no CSP is installed under it: the CSP is what is missing.
  if (parsed.every((part) => part === 0)) return [{ problem: 'csp-missing', evidence: `plug-in version ${version}: no CryptoPro CSP under the plug-in` }];
  if (compareVersions(parsed, PLUGIN_RECOMMENDED) < 0) {
    const unsupported = compareVersions(parsed, PLUGIN_UNSUPPORTED_BELOW) < 0;
    return [{ problem: 'plugin-outdated', evidence: `plug-in ${version}${unsupported ? ' (unsupported, below 2.0.12438)' : ' (below 2.0.13771)'}` }];
  }
  return [];
}

/** What the CSP version says: none (0.0.0000 or no answer), below 4.0, or 4.x where GOST TLS is needed. */
export function cspVersionFindings(version: string | null, needsGostTls: boolean): VersionFinding[] {
  const parsed = parseVersion(version);
  if (parsed === null || parsed.every((part) => part === 0)) return [{ problem: 'csp-missing', evidence: `CSP version ${version ?? 'unknown'}` }];
  if (compareVersions(parsed, [4]) < 0) return [{ problem: 'csp-outdated', evidence: `CSP ${version} (below 4.0)` }];
  if (needsGostTls && compareVersions(parsed, CSP_GOST_TLS_MIN) < 0) return [{ problem: 'csp-outdated', evidence: `CSP ${version}: GOST TLS in Chromium 90+ needs CSP 5.0` }];
  return [];
}
