import * as z from 'zod/mini';
import { PROBLEM_IDS } from '../../core/problem-ids';
import raw from './rules.json';

/**
 * The compatibility rule pack: facts about plug-in and CSP builds (minimum, known-bad, what a platform
 * feature needs), each with its source and the date it was checked. Checks read these rules, not
 * versions written into code; adding a fact is one entry in rules.json and a test row.
 */
const version = z.string().check(z.regex(/^\d+(\.\d+){0,3}$/));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const Rule = z.object({
  id: z.string().check(z.regex(/^[a-z0-9.-]{3,60}$/)),
  component: z.enum(['plugin', 'csp']),
  /** Matches builds below this version, or exactly this one. */
  below: z.optional(version),
  exactly: z.optional(version),
  /** Only where the platform needs this (GOST TLS: the platform's own host serves GOST TLS). */
  onlyWhen: z.optional(z.enum(['gost-tls'])),
  problem: z.enum(PROBLEM_IDS),
  /** English, for support: what the rule says about a matching build. */
  evidence: z.string().check(z.maxLength(200)),
  source: z.string().check(z.minLength(5), z.maxLength(300)),
  date: day,
});
export type CompatRule = z.infer<typeof Rule>;

export const RulePack = z.object({
  pack: day,
  current: z.object({ plugin: version, csp: version }),
  rules: z.array(Rule).check(z.maxLength(200)),
});
export type RulePack = z.infer<typeof RulePack>;

/**
 * Parses a pack; a rule must say either `below` or `exactly`, and ids are unique. A bad pack throws
 * naming the rule's index and field (`rules[3].source: …`): the build runs this (wxt.config.ts), so a
 * malformed rules.json never ships.
 */
export function parseRulePack(input: unknown): RulePack {
  const parsed = RulePack.safeParse(input);
  if (!parsed.success) {
    const where = (path: readonly PropertyKey[]): string => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new Error(`compatibility rule pack: ${parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ')}`);
  }
  const pack = parsed.data;
  const ids = new Set<string>();
  pack.rules.forEach((rule, i) => {
    if ((rule.below === undefined) === (rule.exactly === undefined)) throw new Error(`compatibility rule pack: rules[${i}] (${rule.id}): exactly one of below / exactly`);
    if (ids.has(rule.id)) throw new Error(`compatibility rule pack: rules[${i}].id: ${rule.id} appears twice`);
    ids.add(rule.id);
  });
  return pack;
}

export const RULES: RulePack = parseRulePack(raw);
