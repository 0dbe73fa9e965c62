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

import { RULES, type CompatRule, type Component, type RulePack } from './compat/pack';

export interface VersionFinding {
  problem: ProblemId;
  evidence: string;
  /** The compatibility rule that said so (compat/rules.json). */
  rule?: string;
}

/** What else the check knows of the stack when it reads a version; null: not known. */
export interface StackContext {
  gostTls: boolean;
  os: 'windows' | 'linux' | 'macos' | null;
  browser: { name: string; version: string | null } | null;
  /** The CryptoPro extension that answered the page. */
  extension: 'mv2' | 'mv3' | 'opera' | null;
}

export const UNKNOWN_STACK: StackContext = { gostTls: false, os: null, browser: null, extension: null };

/** runtime.getPlatformInfo's os → the rule pack's names. */
export function osFamily(os: string | null | undefined): StackContext['os'] {
  return os === 'win' ? 'windows' : os === 'mac' ? 'macos' : os === 'linux' ? 'linux' : null;
}

const below = (v: number[], bound: string): boolean => compareVersions(v, parseVersion(bound) ?? []) < 0;

function conditionsHold(when: CompatRule['when'], ctx: StackContext): boolean {
  if (when === undefined) return true;
  if (when.gostTls === true && !ctx.gostTls) return false;
  if (when.os !== undefined && (ctx.os === null || !when.os.includes(ctx.os))) return false;
  if (when.extension !== undefined && (ctx.extension === null || !when.extension.includes(ctx.extension))) return false;
  if (when.browser !== undefined && (ctx.browser === null || !(when.browser as readonly string[]).includes(ctx.browser.name))) return false;
  if (when.browserAtLeast !== undefined || when.browserBelow !== undefined) {
    const v = parseVersion(ctx.browser?.version);
    if (v === null) return false;
    if (when.browserAtLeast !== undefined && below(v, when.browserAtLeast)) return false;
    if (when.browserBelow !== undefined && !below(v, when.browserBelow)) return false;
  }
  return true;
}

function matches(rule: CompatRule, version: number[] | null, ctx: StackContext): boolean {
  if (!conditionsHold(rule.when, ctx)) return false;
  // An unknown version meets only a rule that bounds none (a browser without GOST TLS, whatever its build).
  if (version === null) return boundsNoVersion(rule);
  if (rule.exactly !== undefined) return compareVersions(version, parseVersion(rule.exactly) ?? []) === 0;
  if (rule.atLeast !== undefined && below(version, rule.atLeast)) return false;
  return rule.below === undefined || below(version, rule.below);
}

const NAMES: Record<Component, string> = { plugin: 'plug-in', csp: 'CSP', browser: 'browser', extension: 'CryptoPro extension', loader: "site's cadesplugin_api.js" };

/**
 * The pack's rules that match this build, in pack order, one per problem (the first, the most specific
 * by the pack's order), each named for support with the pack's date.
 */
export function ruleFindings(component: Component, text: string | null, ctx: StackContext, pack: RulePack = RULES): VersionFinding[] {
  const out: VersionFinding[] = [];
  for (const rule of matchingRules(component, text, ctx, pack)) {
    if (!out.some((f) => f.problem === rule.problem)) out.push(findingOf(rule, component, text, ctx, pack));
  }
  return out;
}

/** Every rule of the pack that matches this build and stack, in pack order. */
export function matchingRules(component: Component, text: string | null, ctx: StackContext, pack: RulePack = RULES): CompatRule[] {
  const version = parseVersion(text);
  return pack.rules.filter((rule) => rule.component === component && matches(rule, version, ctx));
}

/** A rule's word for support: the component and its build, what the rule says, the rule and the pack. */
export function findingOf(rule: CompatRule, component: Component, text: string | null, ctx: StackContext, pack: RulePack = RULES): VersionFinding {
  const current = component === 'plugin' || component === 'csp' ? `; current ${pack.current[component]}` : '';
  const name = component === 'browser' ? `${ctx.browser?.name ?? 'browser'}` : NAMES[component];
  return { problem: rule.problem, rule: rule.id, evidence: `${name} ${text ?? '(version unknown)'}: ${rule.evidence} (rule ${rule.id}, pack ${pack.pack}${current})` };
}

/** A rule bounds no version: it speaks of the component whatever its build (a browser without GOST TLS). */
export const boundsNoVersion = (rule: CompatRule): boolean => rule.exactly === undefined && rule.atLeast === undefined && rule.below === undefined;

/** What the plug-in's own version says, by the compatibility rule pack (compat/rules.json). */
export function pluginVersionFindings(version: string | null, ctx: StackContext = UNKNOWN_STACK, pack: RulePack = RULES): VersionFinding[] {
  const parsed = parseVersion(version);
  if (parsed === null) return [];
  // The plug-in says 0.0.0000 when no CSP is installed under it: the CSP is what is missing.
  if (parsed.every((part) => part === 0)) return [{ problem: 'csp-missing', evidence: `plug-in version ${version}: no CryptoPro CSP under the plug-in` }];
  return ruleFindings('plugin', version, ctx, pack);
}

/** What the CSP version says: none (0.0.0000 or no answer), else what the rule pack knows of the build. */
export function cspVersionFindings(version: string | null, ctx: StackContext = UNKNOWN_STACK, pack: RulePack = RULES): VersionFinding[] {
  const parsed = parseVersion(version);
  if (parsed === null || parsed.every((part) => part === 0)) return [{ problem: 'csp-missing', evidence: `CSP version ${version ?? 'unknown'}` }];
  return ruleFindings('csp', version, ctx, pack);
}
