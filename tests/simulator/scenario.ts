import * as z from 'zod';
import { PROBLEM_IDS } from '../../src/core/problem-ids';

/**
 * A CryptoPro simulator scenario (tests/simulator/README.md): what is installed, what the plug-in
 * answers, which certificates sit where, which calls fail — and the problem ids ep-doctor must find.
 * Dates are days relative to the moment the scenario runs, so a scenario never goes stale.
 */
const HResult = z.string().regex(/^0x[0-9A-Fa-f]{8}$/, 'an HRESULT like 0x80090016');

/** A failing plug-in call: `Object.Member` (Object = the ProgID's last part or Certificate/PrivateKey/Store). */
const Failures = z.record(z.string().regex(/^[A-Za-z]+\.[A-Za-z]+$/, 'Object.Member, e.g. About.CSPVersion'), HResult);

const Subject = z
  .object({
    CN: z.string().max(200),
    SN: z.string().max(200).optional(),
    G: z.string().max(200).optional(),
    T: z.string().max(200).optional(),
    O: z.string().max(200).optional(),
    C: z.string().length(2).optional(),
    ST: z.string().max(200).optional(),
    L: z.string().max(200).optional(),
    street: z.string().max(200).optional(),
    E: z.string().max(200).optional(),
    INN: z.string().regex(/^\d{10,12}$/).optional(),
    INNLE: z.string().regex(/^\d{10}$/).optional(),
    OGRN: z.string().regex(/^\d{13}$/).optional(),
    OGRNIP: z.string().regex(/^\d{15}$/).optional(),
    SNILS: z.string().regex(/^\d{11}$/).optional(),
  })
  .strict();

const Certificate = z
  .object({
    /** Names the certificate in failures and test output; also seeds its key. */
    name: z.string().regex(/^[a-z0-9-]{1,40}$/),
    /** `head`: the head of ООО «РОМАШКА» (ФНС-issued, qualified) unless `subject` says otherwise. */
    subject: Subject.optional(),
    /** Validity in days from now: [notBefore, notAfter]. */
    validDays: z.tuple([z.number().int(), z.number().int()]).default([-30, 400]),
    /** Private key usage period in days from now; null: no such extension. Defaults to the validity. */
    keyUsageDays: z.tuple([z.number().int(), z.number().int()]).nullable().optional(),
    qualified: z.boolean().default(true),
    /** The key's algorithm: only GOST R 34.10-2012 signs on platforms (GOST 2001 ended 2019-01-01). */
    algorithm: z.enum(['gost2012-256', 'gost2012-512', 'gost2001', 'rsa', 'ecdsa']).default('gost2012-256'),
    /** `encipherment`: a key-exchange certificate (keyEncipherment/dataEncipherment, no signature bits). */
    keyUsage: z.enum(['signature', 'encipherment']).default('signature'),
    /** `unaccredited`: issued by a test CA that is in no accredited list (see pki/issue.ts). */
    issuer: z.enum(['simulator', 'unaccredited']).default('simulator'),
    /** Where the plug-in sees it: the personal store ("my") and/or a key container ("container"). */
    stores: z.array(z.enum(['my', 'container'])).min(1).default(['my', 'container']),
    /** `HasPrivateKey()` of its personal-store copy. */
    hasPrivateKey: z.boolean().default(true),
    /** The key container: reader and container name. */
    container: z.object({ reader: z.string().max(100), name: z.string().max(100) }).default({ reader: 'Aktiv Rutoken ECP 00 00', name: 'ep-doctor-test' }),
    provider: z.object({ name: z.string().max(200), type: z.number().int() }).default({ name: 'Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider', type: 80 }),
    /** What the plug-in's chain check (IsValid) finds beyond the dates. */
    chain: z.enum(['trusted', 'untrusted', 'revoked']).default('trusted'),
    failures: Failures.default({}),
  })
  .strict();

const Provider = z.object({ type: z.number().int(), name: z.string().max(200), version: z.string().regex(/^\d+(\.\d+){1,3}$/) }).strict();

/** `CAdESCOM.CPLicense.ValidTo` as a number of days from now, or "unlimited". */
const LicenseValidTo = z.union([z.literal('unlimited'), z.number().int()]);

export const Scenario = z
  .object({
    description: z.string().min(1).max(500),
    /** The CryptoPro browser extension (played by the simulator extension). */
    extension: z
      .object({
        installed: z.boolean().default(true),
        version: z.string().regex(/^\d+(\.\d+){0,3}$/).optional(),
        /** `1.3`: the current MV3 extension (store id pfhgbf…); `1.2`: the old MV2 one (iifchh…, bundled by Chromium-Gost, installed by policy). */
        generation: z.enum(['1.3', '1.2']).default('1.3'),
      })
      .strict()
      .default({ installed: true, generation: '1.3' }),
    /** The site's page loader, as the generations of cadesplugin_api.js platforms serve behave. */
    loader: z.enum(['2.4', '2.3', '2.1', '2.0', 'none']).default('2.4'),
    /** The native part (nmcades): missing, answering, or started but never answering. */
    host: z.enum(['installed', 'missing', 'hangs']).default('installed'),
    /** A slow first start of the native part: it answers nothing for this long (Windows can take seconds). */
    hostStartDelayMs: z.number().int().min(0).max(30_000).default(0),
    /** The first native-host process exits after answering this many requests (a crash mid-session). */
    hostExitsAfter: z.number().int().min(1).max(1000).nullable().default(null),
    /** Answers to these members (as the calls log names them: `Open`, `set Content`) come this many ms late. */
    replyDelays: z.record(z.string().max(60), z.number().int().min(0).max(60_000)).default({}),
    /** The first native-host process exits when asked for this member (a crash in the middle of a check). */
    hostExitsOn: z.string().max(60).nullable().default(null),
    /** Answers to these members go out as partial frames whose joined text is not JSON (a chunk-broken reply). */
    brokenReplies: z.array(z.string().max(60)).max(20).default([]),
    /** The «Подтверждение доступа» answer for the page's site. */
    siteAccess: z.enum(['allowed', 'denied']).default('allowed'),
    pluginVersion: z.string().regex(/^\d+\.\d+\.\d+$/).default('2.0.15700'),
    providers: z.array(Provider).max(10).default([{ type: 80, name: 'Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider', version: '5.0.13800' }]),
    license: z.object({ csp: LicenseValidTo, ocsp: LicenseValidTo, tsp: LicenseValidTo }).partial().strict().default({ csp: 'unlimited' }),
    certificates: z.array(Certificate).max(50).default([]),
    /**
     * Readers CryptoPro CSP lists (CCspInformation.GetReaderModes). By default: the disk (HDIMAGE) and the
     * registry, plus a token in each reader that holds a certificate's container.
     */
    readers: z.array(z.object({ name: z.string().max(200), nickname: z.string().max(200).default(''), media: z.string().max(200) }).strict()).max(20).optional(),
    /** Calls that fail everywhere, e.g. {"About.CSPVersion": "0x80090017"}. */
    failures: Failures.default({}),
    /** The platform page the check runs on (served locally under this URL); default: a Сбербанк-АСТ page. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** How far the platform server's clock (its HTTP Date header) is ahead of this computer's. */
    serverClockOffsetMinutes: z.number().int().min(-100_000).max(100_000).default(0),
    /** The computer outside the browser, as ep-doctor-host reads it (fake install tree). */
    system: z
      .object({
        /** pcscd: started on demand (its socket exists), stopped (installed, not running), or not installed. */
        smartCardService: z.enum(['on-demand', 'stopped', 'missing']).default('on-demand'),
        /** The Минцифры root certificate in the computer's root store. */
        mincifryRoot: z.boolean().default(true),
      })
      .strict()
      .default({ smartCardService: 'on-demand', mincifryRoot: true }),
    /** Largest reply before the host splits it into partial messages (the real host chunks big replies). */
    chunkSize: z.number().int().min(64).max(1_000_000).default(4096),
    /** What the quick check must find, exactly. */
    expect: z.array(z.enum(PROBLEM_IDS)),
    /** What «Тестовая подпись» with the first personal certificate must find, when the scenario tests it. */
    expectTestSignature: z.array(z.enum(PROBLEM_IDS)).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const names = s.certificates.map((c) => c.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['certificates'], message: 'certificate names must be unique' });
  });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioCertificate = Scenario['certificates'][number];

/** One-line reason naming the field, for the CLI's exit-2 message. */
export function scenarioError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid scenario';
  const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${field}: ${issue.message}`;
}

export function parseScenario(json: string): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  const parsed = Scenario.safeParse(raw);
  return parsed.success ? { ok: true, scenario: parsed.data } : { ok: false, error: scenarioError(parsed.error) };
}
