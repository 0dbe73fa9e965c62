import GostDigest from 'node-gost-crypto/lib/gostDigest.js';
import { base64Lines, cadesBes } from '../pki/cades';
import type { ResolvedCertificate, ResolvedScenario } from '../resolve';

/**
 * The CAdESCOM object model as the simulated nmcades serves it. Each object has the property and method
 * lists the real host reports; a call either returns a value or throws a PluginFault, which the host
 * turns into `{type:"error", message:"… (0x…)"}`.
 */
export class PluginFault extends Error {
  constructor(readonly code: string) {
    super(`${MESSAGES[code] ?? 'Ошибка.'} (${code})`);
  }
}

/** What the OS would print for the codes scenarios use (Russian, as on a Russian Windows). */
const MESSAGES: Record<string, string> = {
  '0x000004C7': 'Операция была отменена пользователем.',
  '0x80090016': 'Набор ключей не существует.',
  '0x8009200B': 'Не удается найти сертификат и закрытый ключ для расшифровки.',
  '0x80092004': 'Не удается найти объект или свойство.',
  '0x80090017': 'Тип поставщика не определен.',
  '0x80090010': 'Отказано в доступе.',
  '0x8007065B': 'Внутренняя ошибка.',
  '0x800B010A': 'Не удается построить цепочку сертификатов для доверенного корневого центра.',
  '0x800B010C': 'Сертификат явно отозван издателем.',
  '0x800B0101': 'Истек/не наступил срок действия требуемого сертификата при проверке по системным часам или по отметке времени в подписанном файле.',
  '0x80040154': 'Класс не зарегистрирован.',
  '0x80070057': 'Параметр задан неверно.',
  '0x8010006E': 'Действие отменено пользователем.',
  '0x80090008': 'Указан неправильный алгоритм.',
};

export type Value = string | number | boolean | PluginObject | null;

export interface PluginObject {
  className: string;
  properties: Record<string, { get: () => Value; set?: (value: Value) => void }>;
  methods: Record<string, (...args: Value[]) => Value>;
  /** The scenario certificate behind a Certificate object (what CPSigner.Certificate = … refers to). */
  cert?: ResolvedCertificate;
}

const MY = 'my';
const CONTAINER = 'container';

function failIfInjected(scenario: ResolvedScenario, cert: ResolvedCertificate | null, key: string): void {
  const code = cert?.failures[key] ?? scenario.failures[key];
  if (code !== undefined) throw new PluginFault(code);
}

function object(className: string, scenario: ResolvedScenario, properties: PluginObject['properties'], methods: PluginObject['methods'], cert: ResolvedCertificate | null = null): PluginObject {
  const guard = <F extends (...a: never[]) => unknown>(member: string, fn: F): F => ((...args: never[]) => {
    failIfInjected(scenario, cert, `${className}.${member}`);
    return fn(...args);
  }) as F;
  return {
    className,
    properties: Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, { get: guard(k, p.get), ...(p.set === undefined ? {} : { set: p.set }) }])),
    methods: Object.fromEntries(Object.entries(methods).map(([k, m]) => [k, guard(k, m)])),
    ...(cert === null ? {} : { cert }),
  };
}

const ro = (value: () => Value) => ({ get: value });

function versionObject(scenario: ResolvedScenario, text: string): PluginObject {
  const [major = 0, minor = 0, build = 0] = text.split('.').map(Number);
  return object('Version', scenario, { MajorVersion: ro(() => major), MinorVersion: ro(() => minor), BuildVersion: ro(() => build) }, { toString: () => text });
}

function about(scenario: ResolvedScenario): PluginObject {
  const provider = (type: Value) => {
    const found = scenario.providers.find((p) => p.type === Number(type));
    if (found === undefined) throw new PluginFault('0x80090017');
    return found;
  };
  const hasCsp = scenario.providers.length > 0;
  return object(
    'About',
    scenario,
    {
      Version: ro(() => scenario.pluginVersion),
      PluginVersion: ro(() => versionObject(scenario, hasCsp ? scenario.pluginVersion : '0.0.0000')),
      MajorVersion: ro(() => Number(scenario.pluginVersion.split('.')[0])),
      MinorVersion: ro(() => Number(scenario.pluginVersion.split('.')[1])),
      BuildVersion: ro(() => Number(scenario.pluginVersion.split('.')[2])),
    },
    {
      CSPVersion: (_name, type) => versionObject(scenario, provider(type).version),
      CSPName: (type) => provider(type).name,
      ProviderVersion: (_name, type) => provider(type).version,
    },
  );
}

function license(scenario: ResolvedScenario): PluginObject {
  const product = (p: Value) => (['csp', 'ocsp', 'tsp'] as const)[Number(p)] ?? 'csp';
  const text = (p: Value) => {
    const value = scenario.licenses[product(p)];
    if (value === null) throw new PluginFault('0x80092004');
    return value;
  };
  return object('CPLicense', scenario, {}, {
    IsValid: (p) => !text(p).startsWith('Expired'),
    ValidTo: (p) => text(p),
    FirstInstallDate: () => '01.01.2025',
    CompanyName: () => 'ООО "РОМАШКА"',
    SerialNumber: () => '5050X-*****-*****-*****-*****',
    // The demo page shows it as «Тип лицензии»; the real wording is not known to us.
    Type: (p) => (text(p) === 'Unlimited' ? 'Бессрочная' : 'Срочная'),
  });
}

/** CAPICOM_CHECK_* flags the status object understands (CAPICOM CertificateStatus.CheckFlag). */
const CHECK_TRUSTED_ROOT = 0x1;
const CHECK_TIME_VALIDITY = 0x2;
const CHECK_ONLINE_REVOCATION = 0x8;
const CHECK_OFFLINE_REVOCATION = 0x10;
const DEFAULT_CHECK = 0x7 | CHECK_ONLINE_REVOCATION;

function certificateStatus(scenario: ResolvedScenario, cert: ResolvedCertificate): PluginObject {
  let flags = DEFAULT_CHECK;
  const now = Date.now();
  const result = () => {
    if (flags & CHECK_TIME_VALIDITY && (now < Date.parse(cert.validFrom) || now > Date.parse(cert.validTo))) return false;
    if (flags & CHECK_TRUSTED_ROOT && cert.chain === 'untrusted') return false;
    if (flags & (CHECK_ONLINE_REVOCATION | CHECK_OFFLINE_REVOCATION) && cert.chain === 'revoked') return false;
    return true;
  };
  return object('CertificateStatus', scenario, { Result: ro(result), CheckFlag: { get: () => flags, set: (v) => void (flags = Number(v)) } }, {}, cert);
}

function privateKey(scenario: ResolvedScenario, cert: ResolvedCertificate, inContainer: boolean): PluginObject {
  if (!cert.hasPrivateKey && !inContainer) throw new PluginFault('0x80092004');
  const unique = `${cert.container.reader}\\${cert.container.name}`;
  return object(
    'PrivateKey',
    scenario,
    {
      ProviderName: ro(() => cert.provider.name),
      ProviderType: ro(() => cert.provider.type),
      ContainerName: ro(() => cert.container.name),
      UniqueContainerName: ro(() => `\\\\.\\${unique}`),
      KeySpec: ro(() => 1),
    },
    {},
    cert,
  );
}

export function certificate(scenario: ResolvedScenario, cert: ResolvedCertificate, store: string): PluginObject {
  const inContainer = store === CONTAINER;
  // The real plug-in answers dates as strings of the JavaScript Date form.
  const date = (iso: string) => new Date(iso).toString();
  return object(
    'Certificate',
    scenario,
    {
      SubjectName: ro(() => cert.subjectName),
      IssuerName: ro(() => cert.issuerName),
      Thumbprint: ro(() => cert.thumbprint),
      SerialNumber: ro(() => cert.serialNumber),
      ValidFromDate: ro(() => date(cert.validFrom)),
      ValidToDate: ro(() => date(cert.validTo)),
      Version: ro(() => 3),
      PrivateKey: ro(() => privateKey(scenario, cert, inContainer)),
    },
    {
      HasPrivateKey: () => inContainer || cert.hasPrivateKey,
      IsValid: () => certificateStatus(scenario, cert),
      // CAPICOM_ENCODE_BASE64: 64-character lines ending with a newline (as the real plug-in does).
      Export: (encoding) => {
        if (Number(encoding) !== 0) throw new PluginFault('0x80070057');
        return `${cert.der.replace(/.{1,64}/g, '$&\n')}`;
      },
      GetInfo: (type) => (Number(type) === 0 ? (/CN=([^,]+)/.exec(cert.subjectName)?.[1] ?? '') : ''),
      PublicKey: () => publicKey(scenario),
    },
    cert,
  );
}

/** Certificate.PublicKey(): the scenario's keys are all GOST R 34.10-2012 256-bit. */
function publicKey(scenario: ResolvedScenario): PluginObject {
  const algorithm = object('OID', scenario, { Value: ro(() => '1.2.643.7.1.1.1.1'), FriendlyName: ro(() => 'ГОСТ Р 34.10-2012 256 бит') }, {});
  return object('PublicKey', scenario, { Algorithm: ro(() => algorithm), Length: ro(() => 512) }, {});
}

function certificates(scenario: ResolvedScenario, list: ResolvedCertificate[], store: string): PluginObject {
  return object('Certificates', scenario, { Count: ro(() => list.length) }, {
    Item: (i) => {
      const cert = list[Number(i) - 1];
      if (cert === undefined) throw new PluginFault('0x80070057');
      return certificate(scenario, cert, store);
    },
    Find: (type, criteria) => {
      // CAPICOM_CERTIFICATE_FIND_SHA1_HASH = 0
      if (Number(type) !== 0) return certificates(scenario, list, store);
      return certificates(scenario, list.filter((c) => c.thumbprint === String(criteria).toUpperCase()), store);
    },
  });
}

function storeObject(scenario: ResolvedScenario): PluginObject {
  let opened: string | null = null;
  return object(
    'Store',
    scenario,
    {
      Certificates: ro(() => {
        if (opened === null) throw new PluginFault('0x80092004');
        const which = opened;
        const list = which === MY || which === CONTAINER ? scenario.certificates.filter((c) => c.stores.includes(which)) : [];
        return certificates(scenario, list, which);
      }),
    },
    {
      Open: (location, name) => {
        // CADESCOM_CONTAINER_STORE = 100; CAPICOM_CURRENT_USER_STORE = 2 with "My" (or no name).
        opened = Number(location) === 100 ? CONTAINER : name === undefined || name === null || String(name).toLowerCase() === 'my' ? MY : String(name);
        return null;
      },
      Close: () => {
        opened = null;
        return null;
      },
    },
  );
}

/** CCspInformation with GetReaderModes: what CryptoPro CSP lists as readers and carriers. */
function cspInformation(scenario: ResolvedScenario): PluginObject {
  let initialised = false;
  const mode = (reader: ResolvedScenario['readers'][number]) =>
    object('ReaderMode', scenario, { Name: ro(() => reader.name), NickName: ro(() => reader.nickname), Media: ro(() => reader.media), CarrierFlags: ro(() => 0) }, {});
  return object('CspInformation', scenario, {}, {
    InitializeFromName: (name) => {
      if (!scenario.providers.some((p) => p.name === String(name))) throw new PluginFault('0x80090019');
      initialised = true;
      return null;
    },
    GetReaderModes: () => {
      if (!initialised) throw new PluginFault('0x80070057');
      return object('ReaderModes', scenario, { Count: ro(() => scenario.readers.length) }, {
        ItemByIndex: (i) => {
          const reader = scenario.readers[Number(i)];
          if (reader === undefined) throw new PluginFault('0x80070057');
          return mode(reader);
        },
      });
    },
  });
}

/**
 * Content as CAdESCOM takes it: CADESCOM_STRING_TO_UCS2LE (0, the default) signs the text as UTF-16LE,
 * CADESCOM_BASE64_TO_BINARY (1) the bytes the base64 stands for.
 */
function contentBytes(content: string, encoding: Value): Uint8Array {
  if (Number(encoding) === 1) {
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(content)) throw new PluginFault('0x80070057');
    return Buffer.from(content, 'base64');
  }
  return Buffer.from(content, 'utf16le');
}

/** Signing reaches the key and builds the chain: it fails the way the certificate's state says. */
function signedData(scenario: ResolvedScenario, signers: WeakMap<PluginObject, ResolvedCertificate | null>): PluginObject {
  let content = '';
  let encoding: Value = 0;
  const settable = (get: () => Value, set: (v: Value) => void) => ({ get, set });
  return object('CadesSignedData', scenario, { Content: settable(() => content, (v) => void (content = String(v))), ContentEncoding: settable(() => encoding, (v) => void (encoding = v)) }, {
    SignCades: (signer, _type, detached) => {
      const cert = signer !== null && typeof signer === 'object' ? signers.get(signer) : undefined;
      if (cert === undefined || cert === null) throw new PluginFault('0x80092004');
      const injected = cert.failures['CadesSignedData.SignCades'];
      if (injected !== undefined) throw new PluginFault(injected);
      if (!cert.hasPrivateKey) throw new PluginFault('0x8009200B');
      if (!cert.stores.includes(CONTAINER)) throw new PluginFault('0x80090016');
      if (scenario.licenses.csp?.startsWith('Expired')) throw new PluginFault('0x8007065B');
      if (Date.now() > Date.parse(cert.validTo)) throw new PluginFault('0x800B0101');
      if (cert.keyExpired) throw new PluginFault('0x80090010');
      if (cert.chain === 'untrusted') throw new PluginFault('0x800B010A');
      if (cert.chain === 'revoked') throw new PluginFault('0x800B010C');
      return base64Lines(
        cadesBes({
          content: contentBytes(content, encoding),
          certificate: Buffer.from(cert.der, 'base64'),
          serialHex: cert.serialNumber,
          keySeed: cert.name,
          detached: detached === true,
          now: new Date(),
        }),
      );
    },
  });
}

/** CPAttributes: the signed attributes a signer carries (the signing time, a document name). */
function attributeList(scenario: ResolvedScenario): PluginObject {
  const items: PluginObject[] = [];
  return object('CPAttributes', scenario, { Count: ro(() => items.length) }, {
    Add: (attribute) => {
      if (attribute === null || typeof attribute !== 'object') throw new PluginFault('0x80070057');
      items.push(attribute);
      return null;
    },
    Item: (i) => items[Number(i) - 1] ?? fail('0x80070057'),
    Clear: () => {
      items.length = 0;
      return null;
    },
  });
}

function fail(code: string): never {
  throw new PluginFault(code);
}

/** CADESCOM.CPAttribute: Name (CADESCOM_AUTHENTICATED_ATTRIBUTE_*), Value, ValueEncoding. */
function cpAttribute(scenario: ResolvedScenario): PluginObject {
  const fields: Record<string, Value> = { Name: 0, Value: '', ValueEncoding: 0 };
  const field = (name: string) => ({ get: () => fields[name] ?? null, set: (v: Value) => void (fields[name] = v) });
  return object('CPAttribute', scenario, { Name: field('Name'), Value: field('Value'), ValueEncoding: field('ValueEncoding') }, {});
}

/** CAdESCOM.HashedData with the GOST R 34.11-2012 algorithms (100/101/102 in CAdESCOM's numbering). */
function hashedData(scenario: ResolvedScenario): PluginObject {
  let algorithm: Value = 101;
  let dataEncoding: Value = 0;
  let value = '';
  const digest = (bytes: Uint8Array): string => {
    const length = Number(algorithm) === 102 ? 512 : 256;
    const engine = new GostDigest({ name: 'GOST R 34.11', version: 2012, length });
    return Buffer.from(engine.digest(Uint8Array.from(bytes).buffer)).toString('hex').toUpperCase();
  };
  return object(
    'HashedData',
    scenario,
    {
      Algorithm: { get: () => algorithm, set: (v) => void (algorithm = v) },
      DataEncoding: { get: () => dataEncoding, set: (v) => void (dataEncoding = v) },
      Value: ro(() => value),
    },
    {
      Hash: (data) => {
        if (![101, 102].includes(Number(algorithm))) throw new PluginFault('0x80090008');
        // CADESCOM_BASE64_TO_BINARY = 1: the data is base64 of the bytes to hash.
        value = digest(contentBytes(String(data), dataEncoding));
        return null;
      },
      SetHashValue: (hex) => {
        value = String(hex).toUpperCase();
        return null;
      },
    },
  );
}

function cpSigner(scenario: ResolvedScenario, signers: WeakMap<PluginObject, ResolvedCertificate | null>): PluginObject {
  const attributes = attributeList(scenario);
  const signer: PluginObject = object('CPSigner', scenario, {
    Certificate: {
      get: () => null,
      set: (value) => void signers.set(signer, value !== null && typeof value === 'object' ? (value.cert ?? null) : null),
    },
    Options: { get: () => 1, set: () => undefined },
    AuthenticatedAttributes2: ro(() => attributes),
    CheckCertificate: { get: () => true, set: () => undefined },
  }, {});
  signers.set(signer, null);
  return signer;
}

/** The root object's CreateObject: the ProgIDs the real plug-in knows (and 0x80040154 for the rest). */
export function objectFactory(scenario: ResolvedScenario): { create(progId: string): PluginObject } {
  const signers = new WeakMap<PluginObject, ResolvedCertificate | null>();
  return {
    create(progId) {
      failIfInjected(scenario, null, `CreateObject.${progId.split('.').pop() ?? progId}`);
      switch (progId.toLowerCase()) {
        case 'cadescom.about':
          return about(scenario);
        case 'cadescom.cplicense':
          return license(scenario);
        case 'cadescom.store':
        case 'capicom.store':
          return storeObject(scenario);
        case 'cadescom.cpsigner':
          return cpSigner(scenario, signers);
        case 'cadescom.cadessigneddata':
          return signedData(scenario, signers);
        case 'cadescom.cpattribute':
          return cpAttribute(scenario);
        case 'cadescom.hasheddata':
          return hashedData(scenario);
        case 'x509enrollment.ccspinformation':
          return cspInformation(scenario);
        default:
          throw new PluginFault('0x80040154');
      }
    },
  };
}
