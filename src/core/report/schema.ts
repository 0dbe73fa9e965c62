import * as z from 'zod/mini';
import { CertificateFact, CheckProblem } from '../check-result';
import { PROBLEM_IDS } from '../problem-ids';

/**
 * The support report (issue «Popup quick check, the support report, and the report viewer»): what a
 * bidder copies and support reads. Versioned; a viewer refuses versions it does not know. Everything a
 * report carries is bounded, because a pasted report is untrusted input for the viewer.
 */
import { REPORT_FORMAT, REPORT_VERSION } from './format';

export { REPORT_FORMAT, REPORT_VERSION };

const str = (max: number) => z.string().check(z.maxLength(max));
const problemId = z.enum(PROBLEM_IDS);

/** A report carries the check's own problem and certificate records (bounded there). */
export const ReportProblem = CheckProblem;
export const ReportCertificate = CertificateFact;

export const Report = z.object({
  format: z.literal(REPORT_FORMAT),
  v: z.literal(REPORT_VERSION),
  /** Short id support can quote: 8 characters of Crockford base32. */
  id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{8}$/)),
  /** Local time with its UTC offset (`2026-11-25T15:12:03+03:00`), the IANA zone and the offset in minutes. */
  createdAt: str(40),
  timeZone: str(60),
  utcOffsetMinutes: z.number().check(z.minimum(-900), z.maximum(900)),
  lang: z.enum(['ru', 'en']),
  /** ep-doctor's version and the date of the compatibility rule pack its verdicts used. */
  extension: z.object({ version: str(40), rules: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) }),
  browser: z.object({ name: str(40), version: z.nullable(str(40)), userAgent: str(500), gostTls: z.boolean() }),
  os: z.object({ os: str(20), arch: str(20) }),
  platform: z.object({ id: z.nullable(str(40)), url: str(2048) }),
  /** The page's own error texts and codes (the content script's findings). */
  page: z
    .array(z.object({ problem: problemId, source: z.enum(['text', 'code', 'dialog']), code: z.optional(str(12)), excerpt: str(300) }))
    .check(z.maxLength(100)),
  components: z.object({
    cryptoproExtension: z.object({ id: z.nullable(str(40)), version: z.nullable(str(100)), answered: z.boolean() }),
    plugin: z.object({ version: z.nullable(str(40)), path: z.enum(['page', 'bridge', 'none']) }),
    providers: z.array(z.object({ type: z.number(), name: z.nullable(str(200)), version: z.nullable(str(40)) })).check(z.maxLength(10)),
    licenses: z.array(z.object({ product: z.enum(['csp', 'ocsp', 'tsp']), state: z.enum(['valid', 'expired', 'unlimited', 'unknown']), validTo: z.nullable(str(60)) })).check(z.maxLength(3)),
    nativeHosts: z.array(z.object({ name: str(60), state: z.enum(['installed', 'missing', 'unknown']) })).check(z.maxLength(10)),
    readers: z.nullable(z.array(z.object({ name: str(200), token: z.boolean() })).check(z.maxLength(20))),
    extensions: z.nullable(z.array(z.object({ id: str(40), name: str(100), enabled: z.boolean(), version: str(40), installType: z.optional(z.enum(['admin', 'development', 'normal', 'sideload', 'other'])) })).check(z.maxLength(20))),
    /** ep-doctor-host: whether it answered and which of its checks found something (absent in older reports). */
    companion: z.optional(
      z.object({
        state: z.enum(['ok', 'missing', 'error']),
        version: z.nullable(str(40)),
        checks: z.array(z.object({ name: str(60), status: z.enum(['ok', 'problem', 'error', 'timeout', 'skipped']) })).check(z.maxLength(40)),
      }),
    ),
  }),
  certificates: z.array(ReportCertificate).check(z.maxLength(100)),
  problems: z.array(ReportProblem).check(z.maxLength(200)),
  check: z.object({
    kind: z.enum(['quick', 'sign', 'none']),
    status: z.enum(['running', 'done', 'impossible', 'interrupted', 'failed', 'none']),
    reasonCode: z.optional(str(20)),
    reason: z.optional(str(300)),
    startedAt: z.nullable(str(40)),
    totalMs: z.nullable(z.number()),
    /** Milliseconds per part: probe (page), discovery, analysis; plug-in reads and calls. */
    timings: z.nullable(z.object({ probe: z.number(), discovery: z.number(), analysis: z.number(), pluginReads: z.optional(z.number()), pluginCalls: z.optional(z.number()) })),
  }),
  clockSkewSeconds: z.nullable(z.number()),
  /** The organisation's support contact, from its policy. */
  support: z.optional(str(300)),
  /** The expiry centre's list («что и когда закончится»): owners masked as it keeps them. Absent in older reports. */
  expiry: z.optional(
    z
      .array(z.object({ kind: z.enum(['certificate', 'key', 'license']), owner: str(200), issuer: str(200), endsAt: str(40), daysLeft: z.number(), muted: z.boolean() }))
      .check(z.maxLength(60)),
  ),
  /** True: personal data (СНИЛС, personal ИНН, individuals' names, e-mail) is masked. */
  redacted: z.boolean(),
});
export type Report = z.infer<typeof Report>;
