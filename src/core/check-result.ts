import * as z from 'zod/mini';
import { HOST_CAUSES } from './host-causes';
import { KEY_STORES } from './key-stores';
import { Finding } from './messages';
import { PROBLEM_IDS, SEVERITIES } from './problem-ids';

/**
 * The result of one check of a tab (issue «The check»): what was found, the facts behind it and how
 * long it took. Stored per tab in storage.session; the popup, the hints and the report read it.
 */
const str = (max: number) => z.string().check(z.maxLength(max));

export const CheckProblem = z.object({
  id: z.enum(PROBLEM_IDS),
  severity: z.enum(SEVERITIES),
  /** Who found it: the plug-in probe, native-host discovery, certificate analysis, the environment, the page. */
  source: z.enum(['plugin', 'discovery', 'certificate', 'environment', 'page', 'host']),
  /** Plain words for support: what was seen (a version, a code and its message, a date). */
  evidence: str(500),
  /** Thumbprint of the certificate concerned. */
  certificate: z.optional(str(64)),
  /** A companion finding the popup words in the user's language (core/host-causes.ts). */
  cause: z.optional(z.object({ key: z.enum(HOST_CAUSES), params: z.record(str(40), str(200)) })),
  /** The compatibility rule (src/plugin/compat/rules.json) behind a version finding. */
  rule: z.optional(z.string().check(z.regex(/^[a-z0-9.-]{3,60}$/))),
});
export type CheckProblem = z.infer<typeof CheckProblem>;

export const CertificateFact = z.object({
  thumbprint: str(64),
  subject: str(1000),
  issuer: str(1000),
  validFrom: z.nullable(str(40)),
  validTo: z.nullable(str(40)),
  /** Private key usage period end (2.5.29.16), when the certificate has one. */
  keyValidTo: z.nullable(str(40)),
  stores: z.array(z.enum(['my', 'container'])).check(z.maxLength(2)),
  hasPrivateKey: z.boolean(),
  /** IsValid().Result from the plug-in; null when it could not say. */
  pluginValid: z.nullable(z.boolean()),
  container: z.nullable(str(300)),
  /** Where the key lives, from its key link: a token, CryptoPro's cloud token (DSS), the registry, the disk, a removable disk. */
  keyStore: z.optional(z.nullable(z.enum(KEY_STORES))),
  provider: z.nullable(str(200)),
  ownerKind: z.nullable(str(40)),
  /** An older certificate of the same owner next to a usable one: its problems are not counted. */
  superseded: z.boolean(),
  problems: z.array(z.enum(PROBLEM_IDS)).check(z.maxLength(PROBLEM_IDS.length)),
});
export type CertificateFact = z.infer<typeof CertificateFact>;

export const NATIVE_HOST_STATES = ['installed', 'missing', 'unknown'] as const;

export const CheckFacts = z.object({
  browser: z.object({ name: str(40), version: z.nullable(str(40)), userAgent: str(500), gostTls: z.boolean() }),
  os: z.object({ os: str(20), arch: str(20) }),
  extension: z.object({ id: z.nullable(str(40)), version: z.nullable(str(100)), answered: z.boolean() }),
  plugin: z.object({ version: z.nullable(str(40)), path: z.enum(['page', 'bridge', 'none']) }),
  providers: z.array(z.object({ type: z.number(), name: z.nullable(str(200)), version: z.nullable(str(40)) })),
  licenses: z.array(z.object({ product: z.enum(['csp', 'ocsp', 'tsp']), state: z.enum(['valid', 'expired', 'unlimited', 'unknown']), validTo: z.nullable(str(60)) })),
  nativeHosts: z.array(z.object({ name: str(60), state: z.enum(NATIVE_HOST_STATES), detail: str(200) })),
  /** Signing extensions seen through the optional `management` permission; null without it. */
  extensions: z.nullable(z.array(z.object({ id: str(40), name: str(100), enabled: z.boolean(), version: str(40), installType: z.optional(z.enum(['admin', 'development', 'normal', 'sideload', 'other'])) }))),
  certificates: z.array(CertificateFact),
  /** Readers CryptoPro CSP sees; `token`: a key carrier is in it. Null when the plug-in could not list them. */
  readers: z.nullable(z.array(z.object({ name: str(200), media: z.nullable(str(200)), token: z.boolean() }))),
  /** ep-doctor-host's inventory: `missing` when it is not registered (the popup offers it). */
  companion: z.optional(
    z.object({
      state: z.enum(['ok', 'missing', 'error']),
      version: z.nullable(str(40)),
      detail: str(200),
      checks: z.array(z.object({ name: str(60), status: z.enum(['ok', 'problem', 'error', 'timeout', 'skipped']), detail: str(500) })).check(z.maxLength(40)),
    }),
  ),
  /** Platform server time minus this computer's, in seconds, when the page's server said. */
  clockSkewSeconds: z.nullable(z.number()),
});
export type CheckFacts = z.infer<typeof CheckFacts>;

export const CheckResult = z.object({
  v: z.literal(1),
  id: str(40),
  kind: z.enum(['quick', 'sign']),
  /**
   * running; done; impossible (the page tampered with what the check needs, or is not a web page);
   * interrupted (the service worker stopped mid-check); failed (an internal error).
   */
  status: z.enum(['running', 'done', 'impossible', 'interrupted', 'failed']),
  /** Why it did not end `done`, for people (localised by `reasonCode`) and for support (`reason`, English). */
  reasonCode: z.optional(z.enum(['not-web', 'tampered', 'no-access', 'timeout', 'bad-report', 'interrupted', 'internal', 'cancelled', 'navigated', 'foreign-signature', 'signature-unchecked', 'plugin-slow'])),
  reason: z.optional(str(300)),
  tabId: z.number(),
  /** Origin and path only. */
  pageUrl: str(2048),
  platformId: z.nullable(str(40)),
  startedAt: z.number(),
  finishedAt: z.optional(z.number()),
  step: z.optional(z.enum(['discovery', 'probe', 'certificates', 'environment'])),
  problems: z.array(CheckProblem),
  facts: z.nullable(CheckFacts),
  /** Problems the page itself showed (the content script's findings), as seen before the check. */
  pageFindings: z.array(Finding),
  /** Milliseconds: the whole check, the probe (injection included), discovery, analysis; and the probe's own plug-in reads. */
  timings: z.object({ total: z.number(), probe: z.number(), discovery: z.number(), analysis: z.number(), pluginReads: z.optional(z.number()), pluginCalls: z.optional(z.number()) }),
});
export type CheckResult = z.infer<typeof CheckResult>;

export { checkResultKey } from './keys';
