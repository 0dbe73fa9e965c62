import * as z from 'zod/mini';
import { PROBLEM_IDS } from '../../core/problem-ids';
import raw from './rules.json';

/**
 * The compatibility rule pack: facts about builds of the signing stack (plug-in, CSP, the browser, the
 * CryptoPro extension, the site's cadesplugin_api.js) — minimum, known-bad, what a platform feature
 * needs — each with its source and the date it was checked. Checks read these rules, not versions
 * written into code; adding a fact is one entry in rules.json and a test row.
 */
const version = z.string().check(z.regex(/^\d+(\.\d+){0,3}$/));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const COMPONENTS = ['plugin', 'csp', 'browser', 'extension', 'loader'] as const;
export type Component = (typeof COMPONENTS)[number];
export const RULE_BROWSERS = ['chrome', 'chromium', 'chromium-gost', 'yandex', 'edge', 'opera', 'firefox', 'other'] as const;

/** Conditions on the rest of the stack; a fact the check does not know never satisfies one. */
const When = z.strictObject({
  /** The platform's host serves GOST TLS only. */
  gostTls: z.optional(z.literal(true)),
  os: z.optional(z.array(z.enum(['windows', 'linux', 'macos'])).check(z.minLength(1))),
  browser: z.optional(z.array(z.enum(RULE_BROWSERS)).check(z.minLength(1))),
  browserAtLeast: z.optional(version),
  browserBelow: z.optional(version),
  /** Which CryptoPro extension answered the page: the MV2 one, the MV3 one, the Opera-store one. */
  extension: z.optional(z.array(z.enum(['mv2', 'mv3', 'opera'])).check(z.minLength(1))),
});

const Rule = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9.-]{3,60}$/)),
  component: z.enum(COMPONENTS),
  /** Matches builds below `below` and at or above `atLeast` (either or both), or exactly one build. */
  below: z.optional(version),
  atLeast: z.optional(version),
  exactly: z.optional(version),
  when: z.optional(When),
  problem: z.enum(PROBLEM_IDS),
  /** English, for support: what the rule says about a matching build. */
  evidence: z.string().check(z.minLength(10), z.maxLength(240)),
  source: z.string().check(z.minLength(5), z.maxLength(400)),
  date: day,
});
export type CompatRule = z.infer<typeof Rule>;

export const RulePack = z.object({
  pack: day,
  current: z.object({ plugin: version, csp: version }),
  rules: z.array(Rule).check(z.maxLength(200)),
});
export type RulePack = z.infer<typeof RulePack>;

const fail = (message: string): never => {
  throw new Error(`compatibility rule pack: ${message}`);
};

/**
 * Parses a pack: `exactly` stands alone, a rule says a bound or a condition, ids are unique. A bad pack
 * throws naming the rule's index and field (`rules[3].source: …`): the build runs this
 * (wxt.config.ts), so a malformed rules.json never ships.
 */
export function parseRulePack(input: unknown): RulePack {
  const parsed = RulePack.safeParse(input);
  if (!parsed.success) {
    const where = (path: readonly PropertyKey[]): string => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    fail(parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`).join('; '));
  }
  const pack = parsed.data!;
  const ids = new Set<string>();
  pack.rules.forEach((rule, i) => {
    const at = `rules[${i}] (${rule.id})`;
    if (rule.exactly !== undefined && (rule.below !== undefined || rule.atLeast !== undefined)) fail(`${at}: exactly stands alone, without below / atLeast`);
    if (rule.exactly === undefined && rule.below === undefined && rule.atLeast === undefined && rule.when === undefined) fail(`${at}: needs a version bound (below / atLeast / exactly) or a condition (when)`);
    if (rule.when !== undefined && Object.keys(rule.when).length === 0) fail(`rules[${i}].when: empty — a condition must say something`);
    if (rule.when !== undefined && (rule.when.browserAtLeast !== undefined || rule.when.browserBelow !== undefined) && rule.when.browser === undefined) fail(`rules[${i}].when: browserAtLeast / browserBelow need browser (versions of different browsers do not compare)`);
    if (ids.has(rule.id)) fail(`rules[${i}].id: ${rule.id} appears twice`);
    ids.add(rule.id);
  });
  return pack;
}

export const RULES: RulePack = parseRulePack(raw);
