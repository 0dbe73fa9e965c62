import { DerError } from './der';

/** Real certificates are a few kilobytes; anything far larger is not one. */
const MAX_BYTES = 150_000;

/**
 * A certificate as users and the plug-in hand it over: DER bytes, PEM, or the base64 of
 * `Certificate.Export(0)` (with CR/LF and spaces). Returns the DER bytes.
 */
export function certificateBytes(input: Uint8Array | string): Uint8Array {
  if (typeof input !== 'string') {
    // A file may hold PEM or base64 text rather than DER.
    if (input.length > MAX_BYTES) throw new DerError('not a certificate: too large');
    if (input.length > 0 && input[0] === 0x30) return input;
    return certificateBytes(new TextDecoder().decode(input));
  }
  const pem = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/.exec(input);
  const body = (pem?.[1] ?? input).replace(/\s+/g, '');
  if (body.length === 0 || body.length > 200_000 || body.length % 4 === 1 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new DerError('not a certificate: neither DER, PEM nor base64');
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (bytes[0] !== 0x30) throw new DerError('not a certificate: the data is not DER');
  return bytes;
}
