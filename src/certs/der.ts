/**
 * A strict, allocation-light DER reader: just what X.509 needs. Every read is bounds-checked and throws
 * DerError on malformed input, so a truncated or bit-flipped certificate ends as a clean error.
 */
export class DerError extends Error {}

export interface Tlv {
  /** The identifier octet (class, constructed bit, tag number < 31). */
  tag: number;
  /** Offsets in the buffer: the whole TLV is [start, end), its content [contentStart, end). */
  start: number;
  contentStart: number;
  end: number;
}

const MAX_DEPTH_LENGTH = 4; // length fields up to 4 octets: 4 GiB, far beyond any certificate

export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new DerError(`truncated at ${offset}`);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`high tag numbers are not used in certificates (at ${offset})`);
  return { tag, start: offset, ...definiteLength(bytes, offset, limit) };
}

/**
 * The definite length after the identifier octet at `offset` (short form, or 1–4 length octets): where
 * the content starts and ends, checked against `limit`. Shared by the DER and the BER reader.
 */
export function definiteLength(bytes: Uint8Array, offset: number, limit: number): { contentStart: number; end: number } {
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > MAX_DEPTH_LENGTH) throw new DerError(`bad length at ${offset}`);
    if (contentStart + count > limit) throw new DerError(`truncated length at ${offset}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError(`content runs past its container at ${offset}`);
  return { contentStart, end };
}

/** The TLVs directly inside a constructed TLV. */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(bytes, offset, parent.end);
    out.push(child);
    offset = child.end;
    if (out.length > 10_000) throw new DerError('too many elements');
  }
  return out;
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (tlv === undefined || tlv.tag !== tag) throw new DerError(`expected ${what}`);
  return tlv;
}

export const content = (bytes: Uint8Array, tlv: Tlv): Uint8Array => bytes.subarray(tlv.contentStart, tlv.end);
export const whole = (bytes: Uint8Array, tlv: Tlv): Uint8Array => bytes.subarray(tlv.start, tlv.end);

export function oid(bytes: Uint8Array, tlv: Tlv): string {
  const data = content(bytes, expectTag(tlv, 0x06, 'an OBJECT IDENTIFIER'));
  if (data.length === 0 || data.length > 64) throw new DerError('bad OBJECT IDENTIFIER');
  const parts: number[] = [];
  let value = 0;
  let arcStart = true;
  for (const byte of data) {
    // DER arcs are minimal: none starts with 0x80.
    if (arcStart && byte === 0x80) throw new DerError('non-minimal OBJECT IDENTIFIER arc');
    arcStart = !(byte & 0x80);
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError('OBJECT IDENTIFIER arc too large');
    if (!(byte & 0x80)) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  if (data[data.length - 1]! & 0x80) throw new DerError('truncated OBJECT IDENTIFIER');
  return parts.join('.');
}

export const hex = (data: Uint8Array): string => Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');

const latin1 = new TextDecoder('latin1');
/** Bytes as single-byte characters, for any length (spreading a big array into fromCharCode throws). */
export const ascii = (data: Uint8Array): string => latin1.decode(data);

/** UTCTime (0x17) or GeneralizedTime (0x18), also when IMPLICIT-tagged ([0]/[1] in privateKeyUsagePeriod). */
export function time(bytes: Uint8Array, tlv: Tlv, generalized = tlv.tag === 0x18): Date {
  const text = ascii(content(bytes, tlv));
  const match = generalized ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text) : /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (match === null) throw new DerError(`bad time ${JSON.stringify(text.slice(0, 20))}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const year = generalized ? y : y < 50 ? 2000 + y : 1900 + y;
  if (h > 23 || mi > 59 || s > 59) throw new DerError('impossible time');
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new DerError('impossible date');
  return date;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Any ASN.1 string type a certificate uses, decoded to text (NumericString included). */
export function string(bytes: Uint8Array, tlv: Tlv): string {
  const data = content(bytes, tlv);
  switch (tlv.tag) {
    case 0x0c: // UTF8String
      try {
        return utf8.decode(data);
      } catch {
        throw new DerError('bad UTF8String');
      }
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x14: // TeletexString (Latin-1 in practice)
      return ascii(data);
    case 0x1e: {
      // BMPString: UTF-16BE
      if (data.length % 2 !== 0) throw new DerError('bad BMPString');
      let out = '';
      for (let i = 0; i < data.length; i += 2) out += String.fromCharCode((data[i]! << 8) | data[i + 1]!);
      return out;
    }
    default:
      throw new DerError(`not a string (tag 0x${tlv.tag.toString(16)})`);
  }
}

/** BIT STRING content without its unused-bits octet. */
export function bitString(bytes: Uint8Array, tlv: Tlv): { unused: number; data: Uint8Array } {
  const data = content(bytes, expectTag(tlv, 0x03, 'a BIT STRING'));
  if (data.length === 0 || data[0]! > 7) throw new DerError('bad BIT STRING');
  return { unused: data[0]!, data: data.subarray(1) };
}

export function integer(bytes: Uint8Array, tlv: Tlv): string {
  const data = content(bytes, expectTag(tlv, 0x02, 'an INTEGER'));
  if (data.length === 0) throw new DerError('empty INTEGER');
  return hex(data);
}

export function boolean(bytes: Uint8Array, tlv: Tlv): boolean {
  const data = content(bytes, expectTag(tlv, 0x01, 'a BOOLEAN'));
  if (data.length !== 1) throw new DerError('bad BOOLEAN');
  return data[0] !== 0;
}

/** A string, or `#` + the hex of the whole TLV for values of other types (as X.500 writes them). */
export function stringOrHex(bytes: Uint8Array, tlv: Tlv): string {
  const tag = tlv.tag;
  return tag === 0x0c || tag === 0x12 || tag === 0x13 || tag === 0x16 || tag === 0x14 || tag === 0x1e ? string(bytes, tlv) : `#${hex(bytes.subarray(tlv.start, tlv.end))}`;
}
