import { parseSignedData, type SignedData } from './cms';
import { content, DerError, expectTag, hex, oid, readTlv } from './der';
import { hash } from './gost-library';
import { gostKeyOf, verifyGost } from './verify-signature';
import { parseCertificate, type Certificate } from './x509';

/**
 * «Тестовая подпись» proves something only if the signature the page handed back is over ep-doctor's own
 * test text, by the certificate the user chose, with that certificate's key. The page relays every
 * plug-in message, so it could hand back anything: this check is what turns its answer into a verdict.
 */
export type TestSignatureCheck =
  | { result: 'verified' }
  /** Signed by the chosen certificate over the test text, but the value could not be checked here. */
  | { result: 'unchecked'; reason: string }
  /** Anything else: not our text, not our certificate, not a valid signature. */
  | { result: 'foreign'; reason: string };

const ID_DATA = '1.2.840.113549.1.7.1';
const ATTR_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ATTR_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SUBJECT_KEY_ID = '2.5.29.14';
const DIGEST_LENGTH: Readonly<Record<string, 256 | 512>> = { '1.2.643.7.1.1.2.2': 256, '1.2.643.7.1.1.2.3': 512 };

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const foreign = (reason: string): TestSignatureCheck => ({ result: 'foreign', reason });

/** Base64 as the plug-in returns it (line breaks allowed), strictly: anything else is not a signature. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/[\r\n ]/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  const binary = atob(clean);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function singleValue(values: Uint8Array[] | undefined, what: string): Uint8Array {
  if (values === undefined || values.length !== 1) throw new DerError(`${what}: one value expected`);
  return values[0]!;
}

async function signingCertificate(cms: SignedData, thumbprint: string): Promise<Certificate | null> {
  for (const der of cms.certificates) {
    if (hex(await hash(der, 160)).toUpperCase() === thumbprint.toUpperCase()) return parseCertificate(der);
  }
  return null;
}

function identifies(sid: SignedData['signers'][number]['sid'], cert: Certificate): boolean {
  if ('serial' in sid) return sid.serial === cert.serial && equal(sid.issuerDer, cert.issuerDer);
  const ski = cert.extensions.get(SUBJECT_KEY_ID);
  return ski !== undefined && ski.tlv.tag === 0x04 && equal(sid.keyId, content(cert.der, ski.tlv));
}

/**
 * Checks a CAdES signature (base64 DER) against the test text and the chosen certificate (SHA-1
 * thumbprint, hex): the encapsulated content, the signer, the content-type and message-digest
 * attributes, and the GOST signature over the signed attributes.
 */
export async function verifyTestSignature(base64: string, expected: Uint8Array, thumbprint: string): Promise<TestSignatureCheck> {
  const der = decodeBase64(base64);
  if (der === null) return foreign('the answer is not base64');
  let cms: SignedData;
  try {
    cms = parseSignedData(der);
  } catch (error) {
    return foreign(`not a CMS signature: ${(error as Error).message}`);
  }
  if (cms.contentType !== ID_DATA || cms.content === null) return foreign('the signature carries no data content');
  if (!equal(cms.content, expected)) return foreign('the signed content is not the test text');
  if (cms.signers.length !== 1) return foreign(`${cms.signers.length} signers instead of one`);
  const signer = cms.signers[0]!;
  let cert: Certificate | null;
  try {
    cert = await signingCertificate(cms, thumbprint);
  } catch (error) {
    return foreign(`the signing certificate does not parse: ${(error as Error).message}`);
  }
  if (cert === null || !identifies(signer.sid, cert)) return foreign('the signer is not the chosen certificate');
  if (signer.signedAttributes === null) return foreign('no signed attributes (not CAdES)');
  try {
    const type = singleValue(signer.attributes.get(ATTR_CONTENT_TYPE), 'content type');
    if (oid(type, readTlv(type, 0)) !== ID_DATA) return foreign('the signed content type is not data');
    const digestValue = singleValue(signer.attributes.get(ATTR_MESSAGE_DIGEST), 'message digest');
    const digest = content(digestValue, expectTag(readTlv(digestValue, 0), 0x04, 'a message digest'));
    const length = DIGEST_LENGTH[signer.digestAlgorithm];
    if (length === undefined) return { result: 'unchecked', reason: `digest algorithm ${signer.digestAlgorithm}` };
    const computed = await hash(expected, length);
    // In the hash function's own byte order, as a real CryptoPro signature carries it.
    if (!equal(digest, computed)) return foreign('the message digest is not that of the test text');
    const key = gostKeyOf(cert);
    const keyLength = key.publicKey.length === 64 ? 256 : key.publicKey.length === 128 ? 512 : undefined;
    if (keyLength === undefined) return { result: 'unchecked', reason: `key algorithm ${cert.keyAlgorithm}` };
    const check = await verifyGost(signer.signedAttributes, signer.signature, key, keyLength);
    if (check === 'invalid') return foreign('the signature value does not verify with the certificate key');
    return check === 'valid' ? { result: 'verified' } : { result: 'unchecked', reason: `curve ${key.paramSet ?? 'unknown'}` };
  } catch (error) {
    return foreign(`bad signed attributes: ${(error as Error).message}`);
  }
}

/**
 * The text «Тестовая подпись» signs: new for every signature, so an answer the page kept from an earlier
 * signature (or made in advance) cannot pass the check.
 */
export function freshTestText(now: Date, random: Uint8Array): Uint8Array {
  const nonce = Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
  return new TextEncoder().encode(`ep-doctor test signature ${now.toISOString()} ${nonce}`);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
