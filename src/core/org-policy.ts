import * as z from 'zod/mini';

/**
 * Organisation mode (issue 16): what an organisation sets for ep-doctor by policy — Chrome, Edge, Yandex
 * Browser and Chromium-Gost through `storage.managed` (public/managed_schema.json), Firefox through
 * policies.json `3rdparty.Extensions`. Each field is read on its own: a field that does not fit is
 * ignored and named (the popup shows that the policy has errors), the rest still applies.
 */
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** A DNS name (punycode for IDN), optionally with `*.` for its subdomains; no scheme, port or path. */
const EXTRA_HOST = /^(\*\.)?(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})+$/;
const hour = z.number().check(z.int(), z.gte(0), z.lte(23));

const FIELDS = {
  /** Who to call: shown in hints, the popup and the report. */
  supportName: text(100),
  supportPhone: z.string().check(z.regex(/^[+0-9 ()-]{5,30}$/)),
  supportEmail: z.string().check(z.maxLength(100), z.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/)),
  supportUrl: z.string().check(z.maxLength(300), z.regex(/^https:\/\/[^\s<>"]+$/)),
  /** Reminder thresholds, days before an end. */
  reminderDays: z.array(z.number().check(z.int(), z.gte(1), z.lte(365))).check(z.minLength(1), z.maxLength(10)),
  quietHoursFrom: hour,
  quietHoursTo: hour,
  /** No «Тестовая подпись» (some organisations forbid any signature outside their systems). */
  disableTestSignature: z.boolean(),
  /** `always`: the report is always redacted (the «full report» choice is gone). Never lower than the default. */
  reportRedaction: z.enum(['default', 'always']),
  /**
   * Hosts of platforms the organisation uses beyond the known ones (its own or a regional platform):
   * `etp.example.ru` or `*.example.ru`. Hints and checks work there once the user allows it
   * (optional host permission, src/background/extra-hosts.ts); the generic detectors apply.
   */
  extraHosts: z.array(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(120), z.regex(EXTRA_HOST))).check(z.minLength(1), z.maxLength(20)),
} as const;

type Fields = typeof FIELDS;
export type OrgPolicy = { [K in keyof Fields]?: z.infer<Fields[K]> };
export const ORG_POLICY_FIELDS = Object.keys(FIELDS) as (keyof Fields)[];

export interface ParsedOrgPolicy {
  policy: OrgPolicy;
  /** Fields set but ignored because they do not fit the schema; unknown fields too. */
  ignored: string[];
}

export function parseOrgPolicy(raw: unknown): ParsedOrgPolicy {
  const policy: Record<string, unknown> = {};
  const ignored: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { policy: {}, ignored: raw === undefined || raw === null ? [] : ['(not an object)'] };
  for (const [name, value] of Object.entries(raw as Record<string, unknown>).slice(0, 50)) {
    const schema = Object.hasOwn(FIELDS, name) ? FIELDS[name as keyof Fields] : undefined;
    const parsed = schema?.safeParse(value);
    if (parsed?.success === true) policy[name] = parsed.data;
    else ignored.push(name.slice(0, 40));
  }
  return { policy: policy as OrgPolicy, ignored };
}

/** The support contact as one line for people, or null when the policy names none. */
export function supportLine(policy: OrgPolicy): string | null {
  const parts = [policy.supportName, policy.supportPhone, policy.supportEmail, policy.supportUrl].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? null : parts.join(' · ');
}

export { ORG_POLICY_KEY } from './org-policy-key';

/** The parsed policy as the background stored it, read again (a stale or foreign shape gives an empty one). */
export function storedOrgPolicy(stored: unknown): ParsedOrgPolicy {
  const value = (stored ?? {}) as { policy?: unknown; ignored?: unknown };
  return { policy: parseOrgPolicy(value.policy).policy, ignored: Array.isArray(value.ignored) ? value.ignored.filter((f): f is string => typeof f === 'string').map((f) => f.slice(0, 40)).slice(0, 50) : [] };
}