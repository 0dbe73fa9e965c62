import * as z from 'zod/mini';

/**
 * The expiry centre (issue 16): what ends on this computer and when — certificates, their private keys'
 * usage periods, the CryptoPro licences — remembered from every check and from ep-doctor-host, per
 * computer, in storage.local. Nothing of it leaves the computer; owners are kept masked.
 */
const str = (max: number) => z.string().check(z.maxLength(max));

export const EXPIRY_KINDS = ['certificate', 'key', 'license'] as const;
export type ExpiryKind = (typeof EXPIRY_KINDS)[number];

export const ExpiryItem = z.object({
  /** `certificate:<thumbprint>`, `key:<thumbprint>`, `license:csp|ocsp|tsp`. */
  key: z.string().check(z.regex(/^(certificate|key):[0-9A-F]{40}$|^license:(csp|ocsp|tsp)$/)),
  kind: z.enum(EXPIRY_KINDS),
  /** Certificates and keys: the owner, names masked; licences: the product. */
  owner: str(200),
  /** The issuing CA's name (its CN), for certificates and keys. */
  issuer: str(200),
  /** ISO time it ends. */
  endsAt: str(40),
  /** Where it was last read: a check of a platform page, or ep-doctor-host without any page. */
  source: z.enum(['check', 'host']),
  /** When it was last read (ms). */
  seenAt: z.number(),
  /** Platforms whose checks saw this certificate: where a new one must be bound. */
  platforms: z.array(str(40)).check(z.maxLength(20)),
});
export type ExpiryItem = z.infer<typeof ExpiryItem>;

export const ExpiryState = z.object({
  v: z.literal(1),
  items: z.array(ExpiryItem).check(z.maxLength(60)),
  /** Keys the user asked not to be reminded about. */
  muted: z.array(str(60)).check(z.maxLength(60)),
  /** Per item key, the reminder thresholds (days) already shown. */
  reminded: z.record(str(60), z.array(z.number()).check(z.maxLength(10))),
  /** The last reading by ep-doctor-host, ms; null when it never answered. */
  hostReadAt: z.nullable(z.number()),
  /** The last hourly run (reminders looked at), ms. */
  ranAt: z.optional(z.number()),
  /** The versions last read: CryptoPro CSP and the CAdES plug-in (null: not read), and when. */
  versions: z.optional(z.object({ csp: z.nullable(str(40)), plugin: z.nullable(str(40)), at: z.number() })),
});
export type ExpiryState = z.infer<typeof ExpiryState>;

export const EMPTY_EXPIRY: ExpiryState = { v: 1, items: [], muted: [], reminded: {}, hostReadAt: null };

/** Reminders at these many days before an end (an organisation may set its own). */
export const DEFAULT_THRESHOLDS: readonly number[] = [30, 14, 7, 1];

/** No system notification from this hour to that one (local time); the badge still shows. */
export const DEFAULT_QUIET_HOURS = { from: 21, to: 9 } as const;

export const EXPIRY_KEY = 'expiry:v1';

/** The user's (later, the organisation's) reminder settings; quiet hours null: remind at any hour. */
export const EXPIRY_SETTINGS_KEY = 'settings:expiry';
const hour = z.number().check(z.int(), z.gte(0), z.lte(23));
export const ExpirySettings = z.object({
  thresholds: z.array(z.number().check(z.int(), z.gte(1), z.lte(365))).check(z.minLength(1), z.maxLength(10)),
  quietHours: z.nullable(z.object({ from: hour, to: hour })),
});
export type ExpirySettings = z.infer<typeof ExpirySettings>;
export const DEFAULT_EXPIRY_SETTINGS: ExpirySettings = { thresholds: [...DEFAULT_THRESHOLDS], quietHours: { ...DEFAULT_QUIET_HOURS } };

/** Stored settings, each field falling back to the default when it is absent or does not parse. */
export function parseExpirySettings(raw: unknown): ExpirySettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const thresholds = ExpirySettings.shape.thresholds.safeParse(value['thresholds']);
  const quiet = ExpirySettings.shape.quietHours.safeParse(value['quietHours']);
  return { thresholds: thresholds.success ? thresholds.data : DEFAULT_EXPIRY_SETTINGS.thresholds, quietHours: 'quietHours' in value && quiet.success ? quiet.data : DEFAULT_EXPIRY_SETTINGS.quietHours };
}

export function parseExpiryState(raw: unknown): ExpiryState {
  const parsed = ExpiryState.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_EXPIRY;
}
