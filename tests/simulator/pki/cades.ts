import GostDigest from 'node-gost-crypto/lib/gostDigest.js';
import { concat, integer, octets, oid, sequence, set, tagged, time, type Der } from './der-writer';
import { encodeName, keyPair, sign, SIMULATOR_CA_NAME } from './issue';

/**
 * A CAdES-BES signature as CAdESCOM.CadesSignedData.SignCades makes one (RFC 5652 SignedData with the
 * content type, signing time, message digest and signing-certificate-v2 attributes), signed with the
 * simulated user's key. Built here with the simulator's own DER writer, so the product's CMS reader is
 * checked against an independent encoder.
 */
const ID_DATA = '1.2.840.113549.1.7.1';
const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const STREEBOG_256 = '1.2.643.7.1.1.2.2';
const GOST_2012_256_KEY = '1.2.643.7.1.1.1.1';

// Uint8Array.from: a Node Buffer's slice() is a view into a shared pool, and `.buffer` would be the pool.
const streebog = (bytes: Uint8Array): Uint8Array => new Uint8Array(new GostDigest({ name: 'GOST R 34.11', version: 2012, length: 256 }).digest(Uint8Array.from(bytes).buffer));
/** BER indefinite length: tag, 0x80, the items, end-of-contents. */
const indefinite = (tag: number, ...items: Der[]): Der => concat([Uint8Array.of(tag, 0x80), ...items, Uint8Array.of(0, 0)]);
const NULL = Uint8Array.of(0x05, 0x00);
const algorithmId = (id: string): Der => sequence(oid(id), NULL);
const attribute = (type: string, value: Der): Der => sequence(oid(type), set(value));

/** DER SET OF: members sorted by their encodings (X.690 §11.6). */
function setOf(items: Der[]): Der {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
  return set(...sorted);
}

export interface CadesInput {
  content: Uint8Array;
  /** The signer: its certificate, serial (hex) and the seed its key was derived from. */
  certificate: Uint8Array;
  serialHex: string;
  keySeed: string;
  detached: boolean;
  now: Date;
  /** Carried in the signature instead of `content` (a signature whose digest and content disagree). */
  embedded?: Uint8Array;
}

export function cadesBes(input: CadesInput): Uint8Array {
  const serial = BigInt(`0x${input.serialHex}`);
  const issuerSerial = sequence(encodeName(SIMULATOR_CA_NAME), integer(serial));
  const signingCertificate = sequence(sequence(sequence(sequence(oid(STREEBOG_256)), octets(streebog(input.certificate)))));
  const attributes = [
    attribute('1.2.840.113549.1.9.3', oid(ID_DATA)),
    attribute('1.2.840.113549.1.9.5', time(input.now)),
    attribute('1.2.840.113549.1.9.4', octets(streebog(input.content))),
    attribute('1.2.840.113549.1.9.16.2.47', signingCertificate),
  ];
  const signedSet = setOf(attributes);
  const signature = sign(keyPair(input.keySeed).privateKey, signedSet);
  const signedImplicit = Uint8Array.from(signedSet);
  signedImplicit[0] = 0xa0;
  const signerInfo = sequence(integer(1n), issuerSerial, algorithmId(STREEBOG_256), signedImplicit, algorithmId(GOST_2012_256_KEY), octets(signature));
  const embedded = input.embedded ?? input.content;
  const encapsulated = input.detached ? indefinite(0x30, oid(ID_DATA)) : indefinite(0x30, oid(ID_DATA), indefinite(0xa0, indefinite(0x24, octets(embedded))));
  const signedData = indefinite(0x30, integer(1n), set(algorithmId(STREEBOG_256)), encapsulated, tagged(0, input.certificate), set(signerInfo));
  return indefinite(0x30, oid(ID_SIGNED_DATA), indefinite(0xa0, signedData));
}

/** Base64 in 64-character lines with CRLF, as CAPICOM's encoder writes it. */
export const base64Lines = (der: Uint8Array): string => (Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? []).join('\r\n');
