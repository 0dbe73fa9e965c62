import { attempt } from './call';
import type { CreateObject, PluginObject } from './connect';
import { MAX_SIGNATURE_CHARS, type CallError, type CertRead, type ProbeReport, type StoreRead } from './report';

/** Per-call bound: a healthy plug-in answers in milliseconds. */
const CALL_MS = 4000;
/**
 * IsValid() builds the chain and checks revocation: CRL downloads and OCSP requests. It gets longer than
 * other calls, so that «over 10 s» — the CA's endpoints unreachable from here — can be measured and said.
 */
export const IS_VALID_MS = 12_000;
const MAX_CERTS_PER_STORE = 50;
const MAX_TEXT = 1000;
const MAX_DER_BASE64 = 20_000;

/** Provider types to ask CAdESCOM.About about: CryptoPro 80/81/75, ViPNet 2/77/78 (research §2.2). */
export const PROVIDER_TYPES = [80, 81, 75, 2, 77, 78] as const;
const LICENSE_PRODUCTS = ['csp', 'ocsp', 'tsp'] as const;

/** CAPICOM CertificateStatus.CheckFlag values, for telling why IsValid() failed. */
const CHECK = { trustedRoot: 0x1, time: 0x2, signature: 0x4, onlineRevocation: 0x8, completeChain: 0x20 } as const;

const text = (value: unknown, max = MAX_TEXT): string => String(value).slice(0, max);

function member(object: PluginObject, name: string): unknown {
  return object[name];
}
function invoke(object: PluginObject, name: string, ...args: unknown[]): unknown {
  const fn = object[name];
  if (typeof fn !== 'function') throw new Error(`no method ${name}`);
  return (fn as (...a: unknown[]) => unknown).apply(object, args);
}
const isObject = (value: unknown): value is PluginObject => typeof value === 'object' && value !== null;

/** A version object's text (`await v.toString()`), or the value itself when it is already text. */
async function versionText(value: unknown): Promise<string> {
  if (!isObject(value)) return text(value, 40);
  return text(await invoke(value, 'toString'), 40);
}

export async function readAbout(create: CreateObject, report: ProbeReport): Promise<PluginObject | null> {
  const about = await attempt(() => create('CAdESCOM.About'), 6000, 'CAdESCOM.About');
  if (!about.ok) {
    report.about = { ok: false, error: about.error, timedOut: about.timedOut };
    return null;
  }
  const object = about.value;
  const [pluginVersion, version] = await Promise.all([
    attempt(async () => versionText(await member(object, 'PluginVersion')), CALL_MS, 'PluginVersion'),
    attempt(async () => text(await member(object, 'Version'), 40), CALL_MS, 'Version'),
  ]);
  report.about = { ok: true, ...(pluginVersion.ok ? { pluginVersion: pluginVersion.value } : {}), ...(version.ok ? { version: version.value } : {}) };
  return object;
}

export async function readProviders(about: PluginObject, report: ProbeReport): Promise<void> {
  report.providers = await Promise.all(
    PROVIDER_TYPES.map(async (type) => {
      const [name, version] = await Promise.all([
        attempt(async () => text(await invoke(about, 'CSPName', type), 200), CALL_MS, 'CSPName'),
        attempt(async () => versionText(await invoke(about, 'CSPVersion', '', type)), CALL_MS, 'CSPVersion'),
      ]);
      const error: CallError | undefined = !version.ok ? version.error : !name.ok ? name.error : undefined;
      return { type, ...(name.ok ? { name: name.value } : {}), ...(version.ok ? { version: version.value } : {}), ...(error === undefined ? {} : { error }) };
    }),
  );
}

export async function readLicenses(create: CreateObject, report: ProbeReport): Promise<void> {
  const license = await attempt(() => create('CAdESCOM.CPLicense'), CALL_MS, 'CAdESCOM.CPLicense');
  if (!license.ok) {
    report.licenses = [{ product: 'csp', error: license.error }];
    return;
  }
  const object = license.value;
  report.licenses = await Promise.all(
    LICENSE_PRODUCTS.map(async (product, index) => {
      const [valid, validTo] = await Promise.all([
        attempt(async () => Boolean(await invoke(object, 'IsValid', index)), CALL_MS, 'IsValid'),
        attempt(async () => text(await invoke(object, 'ValidTo', index), 60), CALL_MS, 'ValidTo'),
      ]);
      const error = !validTo.ok ? validTo.error : !valid.ok ? valid.error : undefined;
      return { product, ...(valid.ok ? { valid: valid.value } : {}), ...(validTo.ok ? { validTo: validTo.value } : {}), ...(error === undefined ? {} : { error }) };
    }),
  );
}

async function readValidity(status: PluginObject): Promise<CertRead['validity']> {
  // Each check alone tells which part failed; the plug-in's own default includes revocation.
  const alone = async (flags: number): Promise<boolean | undefined> => {
    const set = await attempt(() => invoke(status, 'propset_CheckFlag', flags), CALL_MS, 'CheckFlag');
    if (!set.ok) return undefined;
    const result = await attempt(async () => Boolean(await member(status, 'Result')), CALL_MS, 'Result');
    return result.ok ? result.value : undefined;
  };
  const chain = await alone(CHECK.trustedRoot | CHECK.completeChain | CHECK.signature);
  const time = await alone(CHECK.time);
  const revocation = await alone(CHECK.onlineRevocation);
  return { ...(chain === undefined ? {} : { chain }), ...(time === undefined ? {} : { time }), ...(revocation === undefined ? {} : { revocation }) };
}

async function readCertificate(cert: PluginObject, withKey: boolean): Promise<CertRead> {
  const out: CertRead = { errors: {} };
  let statusObject: PluginObject | null = null;
  const field = async <K extends keyof CertRead>(key: K, name: string, read: () => Promise<CertRead[K]>, ms = CALL_MS): Promise<void> => {
    const result = await attempt(read, ms, name);
    if (result.ok) out[key] = result.value;
    else out.errors[name] = result.error;
  };
  const prop = (name: string) => async () => text(await member(cert, name));
  await Promise.all([
    field('thumbprint', 'Thumbprint', async () => text(await member(cert, 'Thumbprint'), 64)),
    field('subject', 'SubjectName', prop('SubjectName')),
    field('issuer', 'IssuerName', prop('IssuerName')),
    field('serial', 'SerialNumber', async () => text(await member(cert, 'SerialNumber'), 80)),
    field('validFrom', 'ValidFromDate', async () => text(await member(cert, 'ValidFromDate'), 80)),
    field('validTo', 'ValidToDate', async () => text(await member(cert, 'ValidToDate'), 80)),
    field('hasPrivateKey', 'HasPrivateKey', async () => Boolean(await invoke(cert, 'HasPrivateKey'))),
    field('der', 'Export', async () => text(await invoke(cert, 'Export', 0), MAX_DER_BASE64 + 2000).replace(/[\r\n\s]/g, '').slice(0, MAX_DER_BASE64)),
    field(
      'isValid',
      'IsValid',
      async () => {
        const started = performance.now();
        try {
          const status = await invoke(cert, 'IsValid');
          if (!isObject(status)) throw new Error('IsValid returned no status');
          const result = Boolean(await member(status, 'Result'));
          if (!result) statusObject = status;
          return result;
        } finally {
          out.isValidMs = Math.round(performance.now() - started);
        }
      },
      IS_VALID_MS,
    ),
  ]);
  // Unanswered within its bound: it took at least that long.
  if (out.errors['IsValid'] !== undefined && /no answer in/.test(out.errors['IsValid'].message)) out.isValidMs ??= IS_VALID_MS;
  // Which check fails: six more round trips, each with its own bound (IsValid itself may have waited on a CRL).
  if (statusObject !== null) out.validity = await readValidity(statusObject);
  if (withKey || out.hasPrivateKey === true) {
    // Reading the key link (CERT_KEY_PROV_INFO) does not open the container: no PIN prompt.
    const key = await attempt(async () => {
      const value = await member(cert, 'PrivateKey');
      if (!isObject(value)) throw new Error('no PrivateKey object');
      return value;
    }, CALL_MS, 'PrivateKey');
    if (!key.ok) out.errors['PrivateKey'] = key.error;
    else {
      const k = key.value;
      const [name, type, container, unique] = await Promise.all([
        attempt(async () => text(await member(k, 'ProviderName'), 200), CALL_MS, 'ProviderName'),
        attempt(async () => Number(await member(k, 'ProviderType')), CALL_MS, 'ProviderType'),
        attempt(async () => text(await member(k, 'ContainerName'), 300), CALL_MS, 'ContainerName'),
        attempt(async () => text(await member(k, 'UniqueContainerName'), 300), CALL_MS, 'UniqueContainerName'),
      ]);
      out.provider = { ...(name.ok ? { name: name.value } : {}), ...(type.ok && Number.isFinite(type.value) ? { type: type.value } : {}) };
      if (container.ok) out.container = container.value;
      if (unique.ok) out.uniqueContainer = unique.value;
      for (const r of [name, type, container, unique]) if (!r.ok) out.errors['PrivateKey'] ??= r.error;
    }
  }
  return out;
}

/**
 * Readers and the key carriers in them, as CryptoPro CSP reports them (X509Enrollment.CCspInformation →
 * GetReaderModes: Name «Aktiv Rutoken ECP 00 00», NickName, Media — a unique id for a token, NO_UNIQUE or
 * NO_MEDIA for disk and registry). Older plug-ins lack the object: then the list stays unknown.
 */
export async function readReaders(create: CreateObject, report: ProbeReport): Promise<void> {
  const MAX_READERS = 20;
  const result = await attempt(async () => {
    const info = await create('X509Enrollment.CCspInformation');
    await invoke(info, 'InitializeFromName', 'Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider');
    const modes = await invoke(info, 'GetReaderModes');
    if (!isObject(modes)) throw new Error('no reader list');
    const count = Math.min(Math.max(0, Number(await member(modes, 'Count')) || 0), MAX_READERS);
    return Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const mode = await invoke(modes, 'ItemByIndex', i);
        if (!isObject(mode)) return { name: '' };
        const [name, nickname, media] = await Promise.all([member(mode, 'Name'), member(mode, 'NickName'), member(mode, 'Media')]);
        return { name: text(name, 200), nickname: text(nickname, 200), media: text(media, 200) };
      }),
    );
  }, CALL_MS, 'GetReaderModes');
  report.readers = result.ok ? { list: result.value } : { error: result.error };
}

/** One store: `my` is CurrentUser\My, `container` the certificates in key containers (store 100). */
export async function readStore(create: CreateObject, which: 'my' | 'container'): Promise<StoreRead> {
  const store = await attempt(() => create('CAdESCOM.Store'), CALL_MS, 'CAdESCOM.Store');
  if (!store.ok) return { opened: false, error: store.error, certificates: [] };
  const s = store.value;
  // CAPICOM_CURRENT_USER_STORE = 2, "My", read-only (0); CADESCOM_CONTAINER_STORE = 100.
  const open = await attempt(() => (which === 'my' ? invoke(s, 'Open', 2, 'My', 0) : invoke(s, 'Open', 100)), CALL_MS, 'Store.Open');
  if (!open.ok) return { opened: false, error: open.error, certificates: [] };
  const list = await attempt(async () => {
    const certs = await member(s, 'Certificates');
    if (!isObject(certs)) throw new Error('no Certificates collection');
    return { certs, count: Number(await member(certs, 'Count')) };
  }, CALL_MS, 'Certificates');
  if (!list.ok) return { opened: true, error: list.error, certificates: [] };
  const count = Number.isFinite(list.value.count) ? Math.max(0, Math.floor(list.value.count)) : 0;
  const items = await Promise.all(
    Array.from({ length: Math.min(count, MAX_CERTS_PER_STORE) }, async (_, i) => {
      const item = await attempt(async () => {
        const cert = await invoke(list.value.certs, 'Item', i + 1);
        if (!isObject(cert)) throw new Error('no certificate');
        return cert;
      }, CALL_MS, 'Item');
      return item.ok ? readCertificate(item.value, which === 'container') : { errors: { Item: item.error } };
    }),
  );
  void attempt(() => invoke(s, 'Close'), CALL_MS, 'Store.Close');
  return { opened: true, count, certificates: items };
}

/**
 * «Тестовая подпись»: signs the background's text (base64) with the chosen certificate; this may ask
 * for the PIN. The signature goes back as the plug-in returned it: the background checks that it is
 * over exactly that text, by that certificate (src/certs/verify-test-signature.ts).
 */
export async function signTest(create: CreateObject, thumbprint: string, content: string, report: ProbeReport): Promise<void> {
  const started = performance.now();
  const USER_MS = 120_000;
  const run = async (): Promise<unknown> => {
    const store = await create('CAdESCOM.Store');
    await invoke(store, 'Open', 2, 'My', 0);
    const certs = await member(store, 'Certificates');
    if (!isObject(certs)) throw new Error('no Certificates collection');
    const found = await invoke(certs, 'Find', 0, thumbprint);
    if (!isObject(found) || Number(await member(found, 'Count')) < 1) throw new Error('certificate not found (0x80092004)');
    const cert = await invoke(found, 'Item', 1);
    const signer = await create('CAdESCOM.CPSigner');
    await invoke(signer, 'propset_Certificate', cert);
    const data = await create('CAdESCOM.CadesSignedData');
    // CADESCOM_BASE64_TO_BINARY = 1, set before the content: the bytes signed are the text itself.
    await invoke(data, 'propset_ContentEncoding', 1);
    await invoke(data, 'propset_Content', content);
    // CADESCOM_CADES_BES = 1 (no timestamp service needed), attached (the check reads the content back).
    return invoke(data, 'SignCades', signer, 1, false);
  };
  const result = await attempt(run, USER_MS, 'SignCades');
  const cms = result.ok && typeof result.value === 'string' ? result.value.slice(0, MAX_SIGNATURE_CHARS) : undefined;
  report.signature = { thumbprint, ok: result.ok, ...(cms === undefined ? {} : { cms }), ...(result.ok ? {} : { error: result.error }), ms: Math.round(performance.now() - started) };
}
