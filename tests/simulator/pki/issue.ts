import GostSign from 'node-gost-crypto/lib/gostSign.js';
import { bitString, boolTrue, generalizedTime, ia5, integer, nullValue, numeric, octets, oid, printable, sequence, set, tagged, time, utf8, type Der } from './der-writer';

/**
 * Test certificates for the CryptoPro simulator, issued at run time with dates relative to "now", so
 * scenarios stay true whatever the date. Keys are GOST R 34.10-2012 256-bit on the CryptoPro-A curve,
 * derived from fixed seeds: the simulator's CA is the same on every run, which lets dev/test builds of
 * ep-doctor know it (src/background/check/dev-build.ts). Nothing here is a real key.
 */
const ALGORITHM = { name: 'GOST R 34.10', version: 2012, length: 256, namedCurve: 'S-256-A', hash: { name: 'GOST R 34.11' }, procreator: 'CP' };
const PARAM_SET = '1.2.643.2.2.35.1';
const KEY_OID = '1.2.643.7.1.1.1.1';
const SIGNATURE_OID = '1.2.643.7.1.1.3.2';
const DAY = 86_400_000;

interface KeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

function seedBytes(seed: string): Uint8Array {
  // A stable 32-byte private scalar from a label (FNV-1a spread): deterministic, not secret.
  const out = new Uint8Array(32);
  let h = 0x811c9dc5;
  for (let i = 0; i < 32; i++) {
    for (const ch of `${seed}:${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out[i] = h & 0xff;
  }
  out[0] = (out[0] ?? 0) & 0x3f; // below the curve order
  out[31] = (out[31] ?? 0) | 1;
  return out;
}

export function keyPair(seed: string): KeyPair {
  const signer = new GostSign({ ...ALGORITHM, ukm: seedBytes(seed).buffer }) as unknown as { generateKey(): { publicKey: ArrayBuffer; privateKey: ArrayBuffer } };
  const pair = signer.generateKey();
  return { publicKey: new Uint8Array(pair.publicKey), privateKey: new Uint8Array(pair.privateKey) };
}

/**
 * node-gost-crypto's modular inverse calls an undefined `subtract` for a rare random nonce (ReferenceError;
 * seen once in a clean-clone CI run): signing again takes a fresh nonce, and any nonce gives a valid signature.
 */
export function sign(privateKey: Uint8Array, data: Uint8Array): Uint8Array {
  const signer = new GostSign(ALGORITHM) as unknown as { sign(key: ArrayBuffer, data: ArrayBuffer): ArrayBuffer };
  for (let attempt = 1; ; attempt++) {
    try {
      return new Uint8Array(signer.sign(privateKey.slice().buffer, data.slice().buffer));
    } catch (error) {
      if (!(error instanceof ReferenceError) || attempt >= 5) throw error;
    }
  }
}

/** Name attributes in the order Russian CAs write them; values are plain strings. */
export interface NameSpec {
  CN: string;
  SN?: string;
  G?: string;
  T?: string;
  O?: string;
  C?: string;
  ST?: string;
  L?: string;
  street?: string;
  E?: string;
  INN?: string;
  INNLE?: string;
  OGRN?: string;
  OGRNIP?: string;
  SNILS?: string;
}

const NAME_OIDS: Record<keyof NameSpec, [string, (v: string) => Der]> = {
  CN: ['2.5.4.3', utf8],
  SN: ['2.5.4.4', utf8],
  G: ['2.5.4.42', utf8],
  T: ['2.5.4.12', utf8],
  O: ['2.5.4.10', utf8],
  C: ['2.5.4.6', printable],
  ST: ['2.5.4.8', utf8],
  L: ['2.5.4.7', utf8],
  street: ['2.5.4.9', utf8],
  E: ['1.2.840.113549.1.9.1', ia5],
  INN: ['1.2.643.3.131.1.1', numeric],
  INNLE: ['1.2.643.100.4', numeric],
  OGRN: ['1.2.643.100.1', numeric],
  OGRNIP: ['1.2.643.100.5', numeric],
  SNILS: ['1.2.643.100.3', numeric],
};

export function encodeName(name: NameSpec): Der {
  const rdns = (Object.keys(NAME_OIDS) as (keyof NameSpec)[])
    .filter((key) => name[key] !== undefined)
    .map((key) => {
      const [attr, encode] = NAME_OIDS[key];
      return set(sequence(oid(attr), encode(name[key]!)));
    });
  return sequence(...rdns);
}

/** The RDN string CAdESCOM shows for SubjectName/IssuerName (`CN=…, O=…`). */
export function nameString(name: NameSpec): string {
  return (Object.keys(NAME_OIDS) as (keyof NameSpec)[])
    .filter((key) => name[key] !== undefined)
    .map((key) => `${key}=${/[,"]/.test(name[key]!) ? `"${name[key]!.replace(/"/g, '""')}"` : name[key]}`)
    .join(', ');
}

const extension = (id: string, value: Der, critical = false): Der => sequence(oid(id), ...(critical ? [boolTrue()] : []), octets(value));
/** Key algorithms a scenario can give a certificate: only GOST R 34.10-2012 signs on today's platforms. */
export type KeyAlgorithm = 'gost2012-256' | 'gost2012-512' | 'gost2001' | 'rsa' | 'ecdsa';

/**
 * The subject's public key as the algorithm writes it. Only GOST 2012-256 keys are real (the simulator
 * signs with them); the others carry the right algorithm and parameters around placeholder key bytes,
 * which is all the certificate checks read.
 */
function spki(publicKey: Uint8Array, algorithm: KeyAlgorithm = 'gost2012-256'): Der {
  switch (algorithm) {
    case 'gost2012-256':
      return sequence(sequence(oid(KEY_OID), sequence(oid(PARAM_SET))), bitString(octets(publicKey)));
    case 'gost2012-512':
      return sequence(sequence(oid('1.2.643.7.1.1.1.2'), sequence(oid('1.2.643.7.1.2.1.2.1'))), bitString(octets(Uint8Array.from({ length: 128 }, (_, i) => publicKey[i % 64]!))));
    case 'gost2001':
      return sequence(sequence(oid('1.2.643.2.2.19'), sequence(oid(PARAM_SET), oid('1.2.643.2.2.30.1'))), bitString(octets(publicKey)));
    case 'rsa':
      // RSAPublicKey { modulus (2048 bits), publicExponent 65537 }.
      return sequence(sequence(oid('1.2.840.113549.1.1.1'), nullValue()), bitString(sequence(integer(BigInt(`0x80${Array.from({ length: 255 }, (_, i) => (publicKey[i % 64]! | 1).toString(16).padStart(2, '0')).join('')}`)), integer(65537n))));
    case 'ecdsa':
      return sequence(sequence(oid('1.2.840.10045.2.1'), oid('1.2.840.10045.3.1.7')), bitString(Uint8Array.of(0x04, ...publicKey)));
  }
}

async function keyId(publicKey: Uint8Array): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest('SHA-1', publicKey.slice().buffer);
  return new Uint8Array(digest);
}

export interface IssuedCertificate {
  der: Uint8Array;
  subject: NameSpec;
  issuer: NameSpec;
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

interface CertificateSpec {
  serial: bigint;
  algorithm?: KeyAlgorithm;
  subject: NameSpec;
  issuer: NameSpec;
  issuerKey: KeyPair;
  subjectKey: KeyPair;
  notBefore: Date;
  notAfter: Date;
  extensions: Der[];
}

async function issue(spec: CertificateSpec): Promise<IssuedCertificate> {
  const signatureAlgorithm = sequence(oid(SIGNATURE_OID));
  const tbs = sequence(
    tagged(0, integer(2n)),
    integer(spec.serial),
    signatureAlgorithm,
    encodeName(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    encodeName(spec.subject),
    spki(spec.subjectKey.publicKey, spec.algorithm),
    tagged(3, sequence(...spec.extensions)),
  );
  const der = sequence(tbs, signatureAlgorithm, bitString(sign(spec.issuerKey.privateKey, tbs)));
  return { der, subject: spec.subject, issuer: spec.issuer, serial: spec.serial.toString(16).toUpperCase(), notBefore: spec.notBefore, notAfter: spec.notAfter };
}

/** The simulator's CA: «ТЕСТОВЫЙ УЦ ФНС России (симулятор ep-doctor, не доверять)». */
export const SIMULATOR_CA_NAME: NameSpec = {
  CN: 'ТЕСТОВЫЙ УЦ ФНС России (симулятор ep-doctor, не доверять)',
  O: 'Федеральная налоговая служба',
  C: 'RU',
  ST: '77 г. Москва',
  L: 'г. Москва',
  street: 'ул. Тестовая, д. 1',
  E: 'uc@simulator.invalid',
  INNLE: '7707329152',
  OGRN: '1047707030513',
};
const CA_KEY_SEED = 'ep-doctor simulator CA 2025';
const CA_VALIDITY = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2045-01-01T00:00:00Z') };

export async function simulatorCa(): Promise<IssuedCertificate> {
  const key = keyPair(CA_KEY_SEED);
  const ski = await keyId(key.publicKey);
  return issue({
    serial: 0x5e1a1a7e01n,
    subject: SIMULATOR_CA_NAME,
    issuer: SIMULATOR_CA_NAME,
    issuerKey: key,
    subjectKey: key,
    notBefore: CA_VALIDITY.from,
    notAfter: CA_VALIDITY.to,
    extensions: [
      extension('2.5.29.15', bitString(Uint8Array.of(0x06), 1), true), // keyCertSign, cRLSign
      extension('2.5.29.19', sequence(boolTrue()), true),
      extension('2.5.29.14', octets(ski)),
      extension('1.2.643.100.111', utf8('КриптоПро CSP (версия 5.0) — ТЕСТ')),
    ],
  });
}

/**
 * A second test CA that is in no list of accredited CAs (a commercial CA that lost or never had its
 * accreditation): certificates it issues are well-formed, and not qualified for platforms.
 */
export const UNACCREDITED_CA_NAME: NameSpec = {
  CN: 'ТЕСТОВЫЙ УЦ ООО «Ромашка-Софт» (не аккредитован, симулятор ep-doctor)',
  O: 'ООО «Ромашка-Софт»',
  C: 'RU',
  L: 'г. Москва',
  INNLE: '7709876545',
  OGRN: '1027709876545',
};
const UNACCREDITED_KEY_SEED = 'ep-doctor simulator unaccredited CA';

export async function unaccreditedCa(): Promise<IssuedCertificate> {
  const key = keyPair(UNACCREDITED_KEY_SEED);
  return issue({
    serial: 0x7e57ca02n,
    subject: UNACCREDITED_CA_NAME,
    issuer: UNACCREDITED_CA_NAME,
    issuerKey: key,
    subjectKey: key,
    notBefore: CA_VALIDITY.from,
    notAfter: CA_VALIDITY.to,
    extensions: [extension('2.5.29.15', bitString(Uint8Array.of(0x06), 1), true), extension('2.5.29.19', sequence(boolTrue()), true), extension('2.5.29.14', octets(await keyId(key.publicKey)))],
  });
}

/** What a scenario may vary in a user's certificate. */
export interface UserCertificateSpec {
  /** Seed of the subject's key and serial: different seeds, different certificates. */
  seed: string;
  subject: NameSpec;
  notBefore: Date;
  notAfter: Date;
  /** Private key usage period (2.5.29.16); null leaves the extension out. */
  keyUsagePeriod: { from: Date; to: Date } | null;
  /** Leave out the qualified-certificate extensions (sign tools, КС policies). */
  qualified: boolean;
  /** The subject key's algorithm (default GOST R 34.10-2012 256). */
  algorithm?: KeyAlgorithm;
  /** `encipherment`: keyEncipherment/dataEncipherment only, no digitalSignature or nonRepudiation. */
  keyUsage?: 'signature' | 'encipherment';
  /** `unaccredited`: issued by a CA in no accredited list. */
  issuer?: 'simulator' | 'unaccredited';
}

export async function userCertificate(spec: UserCertificateSpec): Promise<IssuedCertificate> {
  const unaccredited = spec.issuer === 'unaccredited';
  const caKey = keyPair(unaccredited ? UNACCREDITED_KEY_SEED : CA_KEY_SEED);
  const key = keyPair(spec.seed);
  // digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment; or the last two alone.
  const usage = spec.keyUsage === 'encipherment' ? bitString(Uint8Array.of(0x30), 4) : bitString(Uint8Array.of(0xf0), 4);
  const extensions = [
    extension('2.5.29.15', usage, true),
    extension('2.5.29.37', sequence(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.4'))),
    extension('2.5.29.14', octets(await keyId(key.publicKey))),
    extension('2.5.29.35', sequence(tagged(0, await keyId(caKey.publicKey), true))),
    extension('1.2.643.100.114', integer(0n)),
    extension('2.5.29.31', sequence(sequence(tagged(0, tagged(0, tagged(6, new TextEncoder().encode('http://simulator.invalid/cdp/ca.crl'), true)))))),
    extension(
      '1.3.6.1.5.5.7.1.1',
      sequence(
        sequence(oid('1.3.6.1.5.5.7.48.2'), tagged(6, new TextEncoder().encode('http://simulator.invalid/aia/ca.crt'), true)),
        sequence(oid('1.3.6.1.5.5.7.48.1'), tagged(6, new TextEncoder().encode('http://simulator.invalid/ocsp'), true)),
      ),
    ),
  ];
  if (spec.qualified) {
    extensions.push(
      extension('2.5.29.32', sequence(sequence(oid('1.2.643.100.113.1')), sequence(oid('1.2.643.100.113.2')))),
      extension('1.2.643.100.111', utf8('КриптоПро CSP (версия 5.0) — ТЕСТ')),
      extension(
        '1.2.643.100.112',
        sequence(utf8('ПАКМ «КриптоПро HSM» версии 2.0 — ТЕСТ'), utf8('ПАК «КриптоПро УЦ» версии 2.0 — ТЕСТ'), utf8('Сертификат соответствия № СФ/000-0000 (тест)'), utf8('Сертификат соответствия № СФ/000-0001 (тест)')),
      ),
    );
  }
  if (spec.keyUsagePeriod !== null) {
    extensions.push(extension('2.5.29.16', sequence(tagged(0, generalizedTime(spec.keyUsagePeriod.from).subarray(2), true), tagged(1, generalizedTime(spec.keyUsagePeriod.to).subarray(2), true))));
  }
  const serialSeed = keyPair(`${spec.seed}:serial`).publicKey.subarray(0, 8);
  const serial = BigInt(`0x${Array.from(serialSeed, (b) => b.toString(16).padStart(2, '0')).join('')}`) | (1n << 62n);
  return issue({ serial, subject: spec.subject, issuer: unaccredited ? UNACCREDITED_CA_NAME : SIMULATOR_CA_NAME, issuerKey: caKey, subjectKey: key, notBefore: spec.notBefore, notAfter: spec.notAfter, extensions, ...(spec.algorithm === undefined ? {} : { algorithm: spec.algorithm }) });
}

export const days = (now: Date, n: number): Date => new Date(now.getTime() + n * DAY);
