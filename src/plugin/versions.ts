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

import { RULES, type CompatRule, type RulePack } from './compat/pack';

export interface VersionFinding {
  problem: ProblemId;
  evidence: string;
}

const matches = (rule: CompatRule, version: number[], gostTls: boolean): boolean => {
  if (rule.onlyWhen === 'gost-tls' && !gostTls) return false;
  if (rule.exactly !== undefined) return compareVersions(version, parseVersion(rule.exactly) ?? []) === 0;
  return compareVersions(version, parseVersion(rule.below) ?? []) < 0;
};

/** The first rule of the pack that matches this build: its problem, with the rule named for support. */
function ruleFindings(component: CompatRule['component'], text: string, version: number[], gostTls: boolean, pack: RulePack): VersionFinding[] {
  const rule = pack.rules.find((r) => r.component === component && matches(r, version, gostTls));
  if (rule === undefined) return [];
  const name = component === 'plugin' ? 'plug-in' : 'CSP';
  return [{ problem: rule.problem, evidence: `${name} ${text}: ${rule.evidence} (rule ${rule.id}, pack ${pack.pack}; current ${pack.current[component]})` }];
}

/** What the plug-in's own version says, by the compatibility rule pack (compat/rules.json). */
export function pluginVersionFindings(version: string | null, pack: RulePack = RULES): VersionFinding[] {
  const parsed = parseVersion(version);
  if (parsed === null) return [];
  // The plug-in says 0.0.0000 when no CSP is installed under it: the CSP is what is missing.
  if (parsed.every((part) => part === 0)) return [{ problem: 'csp-missing', evidence: `plug-in version ${version}: no CryptoPro CSP under the plug-in` }];
  return ruleFindings('plugin', version ?? '', parsed, false, pack);
}

/** What the CSP version says: none (0.0.0000 or no answer), else what the rule pack knows of the build. */
export function cspVersionFindings(version: string | null, needsGostTls: boolean, pack: RulePack = RULES): VersionFinding[] {
  const parsed = parseVersion(version);
  if (parsed === null || parsed.every((part) => part === 0)) return [{ problem: 'csp-missing', evidence: `CSP version ${version ?? 'unknown'}` }];
  return ruleFindings('csp', version ?? '', parsed, needsGostTls, pack);
}
