import * as z from 'zod/mini';
import { MAX_SIGNATURE_CHARS, type PageState, type ProbeReport } from './probe/report';

/**
 * The probe's report as the background accepts it. It comes out of the page's world, so every string
 * and list is bounded and unknown keys are dropped; anything else fails the check as «impossible».
 */
const str = (max: number) => z.string().check(z.maxLength(max));
const CallError = z.object({ code: z.nullable(z.string().check(z.regex(/^0x[0-9A-F]{8}$/))), message: str(500) });
const errors = z.record(str(40), CallError).check(z.refine((r) => Object.keys(r).length <= 20, 'too many errors'));

const CertRead = z.object({
  thumbprint: z.optional(str(64)),
  subject: z.optional(str(1000)),
  issuer: z.optional(str(1000)),
  serial: z.optional(str(80)),
  validFrom: z.optional(str(80)),
  validTo: z.optional(str(80)),
  hasPrivateKey: z.optional(z.boolean()),
  isValid: z.optional(z.boolean()),
  validity: z.optional(z.object({ chain: z.optional(z.boolean()), time: z.optional(z.boolean()), revocation: z.optional(z.boolean()) })),
  isValidMs: z.optional(z.number().check(z.minimum(0), z.maximum(600_000))),
  der: z.optional(str(20_000)),
  provider: z.optional(z.object({ name: z.optional(str(200)), type: z.optional(z.number()) })),
  container: z.optional(str(300)),
  uniqueContainer: z.optional(str(300)),
  errors,
});

const StoreRead = z.object({
  opened: z.boolean(),
  error: z.optional(CallError),
  count: z.optional(z.number().check(z.minimum(0))),
  certificates: z.array(CertRead).check(z.maxLength(50)),
});

const Loader = z.object({ state: z.enum(['absent', 'resolved', 'rejected', 'pending', 'invalid']), message: z.optional(str(500)), version: z.optional(z.string().check(z.regex(/^\d{1,4}(\.\d{1,6}){0,3}$/))) });

/** What the page-world read (page-state.ts) returned: the page's own word, bounded. */
const PageStateSchema = z.object({ loader: Loader, silentMs: z.nullable(z.number().check(z.minimum(0), z.maximum(3_600_000))) });

export function parsePageState(raw: unknown): PageState | null {
  const parsed = PageStateSchema.safeParse(raw);
  return parsed.success ? (parsed.data as PageState) : null;
}

export const ProbeReportSchema = z.object({
  v: z.literal(1),
  tampered: z.array(str(60)).check(z.maxLength(20)),
  loader: Loader,
  bridge: z.object({
    tried: z.array(z.object({ id: str(40), loaded: z.boolean() })).check(z.maxLength(10)),
    source: z.nullable(z.enum(['page', 'loaded', 'firefox'])),
    handshake: z.enum(['ok', 'timeout', 'skipped']),
    extensionId: z.nullable(str(40)),
    extensionVersion: z.nullable(str(100)),
  }),
  path: z.enum(['page', 'bridge', 'none']),
  about: z.object({ ok: z.boolean(), error: z.optional(CallError), timedOut: z.optional(z.boolean()), silentMs: z.optional(z.number().check(z.minimum(0), z.maximum(3_600_000))), pluginVersion: z.optional(str(40)), version: z.optional(str(40)) }),
  providers: z.array(z.object({ type: z.number(), name: z.optional(str(200)), version: z.optional(str(40)), error: z.optional(CallError) })).check(z.maxLength(10)),
  licenses: z.array(z.object({ product: z.enum(['csp', 'ocsp', 'tsp']), valid: z.optional(z.boolean()), validTo: z.optional(str(60)), error: z.optional(CallError) })).check(z.maxLength(3)),
  stores: z.object({ my: StoreRead, container: StoreRead }),
  readers: z.nullable(
    z.union([
      z.object({ list: z.array(z.object({ name: str(200), nickname: z.optional(str(200)), media: z.optional(str(200)) })).check(z.maxLength(20)) }),
      z.object({ error: CallError }),
    ]),
  ),
  signature: z.optional(z.object({ thumbprint: str(64), ok: z.boolean(), cms: z.optional(str(MAX_SIGNATURE_CHARS)), error: z.optional(CallError), ms: z.number() })),
  incomplete: z.optional(z.boolean()),
  lost: z.optional(z.object({ answered: z.number(), unanswered: z.number() })),
  slow: z.optional(z.array(str(60)).check(z.maxLength(10))),
  calls: z.number(),
  timings: z.object({ total: z.number(), connect: z.number(), read: z.number() }),
});

export function parseProbeReport(raw: unknown): ProbeReport | null {
  const parsed = ProbeReportSchema.safeParse(raw);
  return parsed.success ? (parsed.data as ProbeReport) : null;
}
