import type { CaDirectory, CaEntry } from './ca/types';
import type { CertFinding } from './checks';
import { content, readTlv } from './der';
import type { Certificate } from './x509';
import { gostSign } from './gost-library';

/**
 * GOST parameter sets → the named curves of the GOST library. TC26 256 B/C/D are the CryptoPro A/B/C
 * curves; TC26 256 A and 512 C (twisted Edwards) are not supported by it, so they are reported as
 * unchecked (no CA key in the list uses them since 2021: research/certificates.md §5.2).
 */
const CURVES: Readonly<Record<string, string>> = {
  '1.2.643.2.2.35.1': 'S-256-A',
  '1.2.643.2.2.35.2': 'S-256-B',
  '1.2.643.2.2.35.3': 'S-256-C',
  '1.2.643.2.2.36.0': 'S-256-A',
  '1.2.643.2.2.36.1': 'S-256-C',
  '1.2.643.7.1.2.1.1.2': 'S-256-A',
  '1.2.643.7.1.2.1.1.3': 'S-256-B',
  '1.2.643.7.1.2.1.1.4': 'S-256-C',
  '1.2.643.7.1.2.1.2.1': 'T-512-A',
  '1.2.643.7.1.2.1.2.2': 'T-512-B',
};
const LENGTH_BY_SIGNATURE: Readonly<Record<string, number>> = { '1.2.643.7.1.1.3.2': 256, '1.2.643.7.1.1.3.3': 512 };

export type SignatureCheck = 'valid' | 'invalid' | 'unchecked';

const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** Whether `cert` was signed with the GOST key `key` (bytes as in the SPKI: little-endian x‖y). */
export async function verifyWithKey(cert: Certificate, key: GostKey): Promise<SignatureCheck> {
  const length = LENGTH_BY_SIGNATURE[cert.signatureAlgorithm];
  return length === undefined ? 'unchecked' : verifyGost(cert.tbs, cert.signatureValue, key, length);
}

export interface GostKey {
  publicKey: Uint8Array;
  paramSet: string | null;
}

/**
 * A GOST R 34.10-2012 signature (s‖r, as X.509 and CMS both write it: RFC 4491, RFC 4490) over `data`,
 * hashed with GOST R 34.11-2012 of the same length. 'unchecked' when the curve is one the library lacks.
 */
export async function verifyGost(data: Uint8Array, signature: Uint8Array, key: GostKey, length: number): Promise<SignatureCheck> {
  const curve = key.paramSet === null ? undefined : CURVES[key.paramSet];
  if (curve === undefined || key.publicKey.length !== (length / 8) * 2) return 'unchecked';
  const Signer = await gostSign();
  // 'CP': the signature as CryptoPro writes it (reversed relative to the library's order).
  const signer = new Signer({ name: 'GOST R 34.10', version: 2012, length, namedCurve: curve, hash: { name: 'GOST R 34.11' }, procreator: 'CP' });
  try {
    return signer.verify(buffer(key.publicKey), buffer(signature), buffer(data)) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** The key bytes of a certificate's own GOST public key (the OCTET STRING inside the BIT STRING). */
export function gostKeyOf(cert: Certificate): GostKey {
  const key = cert.publicKey[0] === 0x04 ? content(cert.publicKey, readTlv(cert.publicKey, 0)) : cert.publicKey;
  return { publicKey: key, paramSet: cert.keyParameters[0] ?? null };
}

/**
 * The issuer's signature on `cert`, checked with the keys the CA list has for its authority key id (a
 * self-signed certificate with its own key). The plug-in's IsValid() stays the authority on the chain
 * and revocation; this catches damaged or forged certificates and says when it could not check.
 */
export async function checkIssuerSignature(cert: Certificate, authorityKeyId: string | null, selfIssued: boolean, caList: CaDirectory | null): Promise<CertFinding[]> {
  const keys: GostKey[] = selfIssued
    ? [gostKeyOf(cert)]
    : authorityKeyId === null || caList === null
      ? []
      : caList.byKeyId(authorityKeyId).map((e: CaEntry) => ({ publicKey: fromHex(e.publicKey), paramSet: e.paramSet }));
  const results = await Promise.all(keys.map((key) => verifyWithKey(cert, key)));
  if (results.includes('valid')) return [];
  if (results.includes('invalid')) return [{ rule: 'CHAIN_SIGNATURE_INVALID', problem: 'cert-invalid', severity: 'error', evidence: { field: 'signatureValue', value: authorityKeyId ?? '' } }];
  return keys.length === 0 ? [] : [{ rule: 'CHAIN_SIGNATURE_UNCHECKED', problem: null, severity: 'info', evidence: { field: 'signatureAlgorithm', value: cert.signatureAlgorithm } }];
}
