/**
 * What the page-world probe returns (plain data; the background parses it with probe-report-schema.ts,
 * because the page can tamper with anything that runs in its world).
 */
export interface CallError {
  /** `0x80090016`, when the message carries one. */
  code: string | null;
  message: string;
}

export interface CertRead {
  thumbprint?: string;
  subject?: string;
  issuer?: string;
  serial?: string;
  validFrom?: string;
  validTo?: string;
  hasPrivateKey?: boolean;
  /** IsValid().Result with the plug-in's default checks. */
  isValid?: boolean;
  /** When IsValid fails: the result of each check alone (CAPICOM CheckFlag). */
  validity?: { chain?: boolean; time?: boolean; revocation?: boolean };
  /** How long IsValid() took (it fetches CRLs and asks OCSP): over 10 s, those endpoints do not answer. */
  isValidMs?: number;
  /** Export(0), base64 of the DER. */
  der?: string;
  provider?: { name?: string; type?: number };
  container?: string;
  uniqueContainer?: string;
  /** Failed reads, by member name. */
  errors: Record<string, CallError>;
}

export interface StoreRead {
  opened: boolean;
  error?: CallError;
  count?: number;
  certificates: CertRead[];
}

export type LoaderState = 'absent' | 'resolved' | 'rejected' | 'pending' | 'invalid';

export interface ProbeReport {
  v: 1;
  /** Why the page's answers cannot be trusted (look-alike plug-in replies); empty when they can. */
  tampered: string[];
  loader: { state: LoaderState; message?: string; version?: string };
  bridge: {
    /** Extension ids whose bridge script was tried, and whether it loaded. */
    tried: { id: string; loaded: boolean }[];
    /** The bridge that answered; `page` when the site's own loader had it. */
    source: 'page' | 'loaded' | 'firefox' | null;
    handshake: 'ok' | 'timeout' | 'skipped';
    extensionId: string | null;
    extensionVersion: string | null;
  };
  /** Which plug-in object the reads went through. */
  path: 'page' | 'bridge' | 'none';
  about: {
    ok: boolean;
    error?: CallError;
    timedOut?: boolean;
    /** With timedOut: how long the plug-in had been silent, counting the site loader's own wait when the page shows it. */
    silentMs?: number;
    pluginVersion?: string;
    version?: string;
  };
  providers: { type: number; name?: string; version?: string; error?: CallError }[];
  licenses: { product: 'csp' | 'ocsp' | 'tsp'; valid?: boolean; validTo?: string; error?: CallError }[];
  stores: { my: StoreRead; container: StoreRead };
  /** Readers and key carriers CryptoPro CSP sees (CCspInformation.GetReaderModes); null when not read. */
  readers: { list: { name: string; nickname?: string; media?: string }[] } | { error: CallError } | null;
  /** «Тестовая подпись»: `cms` is the plug-in's answer (base64), checked by the background, never trusted. */
  signature?: { thumbprint: string; ok: boolean; cms?: string; error?: CallError; ms: number };
  /** The probe hit its overall deadline: what is here was read, the rest was not. */
  incomplete?: boolean;
  /**
   * The plug-in answered, then went silent mid-check and a fresh request got no answer either: the
   * CryptoPro extension was reloaded or updated (its content script in this page is cut off), or its
   * native part stopped. What was not read is missing, not absent.
   */
  lost?: { answered: number; unanswered: number };
  /** Reads the plug-in did not answer in time although it is there (a slow token, a CRL fetch): their names. */
  slow?: string[];
  calls: number;
  timings: { total: number; connect: number; read: number };
}

export interface ProbeOptions {
  mode: 'quick' | 'sign';
  thumbprint?: string;
  /** The text to sign (base64), chosen afresh by the background for every test signature. */
  testContent?: string;
  /**
   * What the browser said about ru.cryptopro.nmcades before the probe started: «missing» lets the probe
   * stop waiting for an extension that will never answer (the real one stays silent).
   */
  nativeHost?: 'installed' | 'missing' | 'unknown';
  /**
   * What the page's own loader did, read in the page's world before the probe (page-state.ts): a hint
   * from the page, used only for how long to wait and for what the site's own attempt says.
   */
  page?: PageState;
  /** Which CryptoPro extensions' bridge scripts could be fetched (bridge-presence.ts), in probing order. */
  bridges?: { id: string; loaded: boolean }[];
}

export interface PageState {
  loader: { state: LoaderState; message?: string; version?: string };
  /** How long the page's oldest unanswered plug-in request has waited (ms), on platform pages. */
  silentMs: number | null;
}

/**
 * Where the background leaves the options for the probe script: a global of ep-doctor's isolated world,
 * which the page cannot see, set, or pre-empt.
 */
export const PROBE_OPTIONS_KEY = 'ep-doctor.probe-options';
/** The test signature's base64 (with line breaks) is kept up to this: a test signature is far below 256 KB of DER. */
export const MAX_SIGNATURE_CHARS = 360_000;
