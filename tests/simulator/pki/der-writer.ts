/**
 * A minimal DER encoder: just what the simulator's test certificates need (the product only reads DER,
 * in src/certs/der.ts).
 */
export type Der = Uint8Array;

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>>= 8) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

export function tlv(tag: number, content: Uint8Array | readonly Uint8Array[]): Der {
  const body = content instanceof Uint8Array ? content : concat(content);
  return Uint8Array.from([tag, ...lengthBytes(body.length), ...body]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const sequence = (...items: Der[]): Der => tlv(0x30, items);
export const set = (...items: Der[]): Der => tlv(0x31, items);
export const octets = (bytes: Uint8Array): Der => tlv(0x04, bytes);
export const bitString = (bytes: Uint8Array, unusedBits = 0): Der => tlv(0x03, Uint8Array.from([unusedBits, ...bytes]));
export const utf8 = (text: string): Der => tlv(0x0c, new TextEncoder().encode(text));
export const printable = (text: string): Der => tlv(0x13, new TextEncoder().encode(text));
export const numeric = (text: string): Der => tlv(0x12, new TextEncoder().encode(text));
export const ia5 = (text: string): Der => tlv(0x16, new TextEncoder().encode(text));
export const boolTrue = (): Der => tlv(0x01, Uint8Array.of(0xff));
export const nullValue = (): Der => tlv(0x05, new Uint8Array(0));
/** Context-specific tag number `n`; constructed unless `primitive`. */
export const tagged = (n: number, content: Uint8Array | readonly Uint8Array[], primitive = false): Der => tlv((primitive ? 0x80 : 0xa0) | n, content);

export function integer(value: bigint): Der {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Uint8Array.from(hex.match(/../g) ?? ['00'], (h) => parseInt(h, 16));
  if ((bytes[0] ?? 0) & 0x80) bytes = Uint8Array.from([0, ...bytes]);
  return tlv(0x02, bytes);
}

export function oid(dotted: string): Der {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [];
    let n = arc;
    do {
      chunk.unshift(n & 0x7f);
      n = Math.floor(n / 128);
    } while (n > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i]! |= 0x80;
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const stamp = (d: Date): string =>
  `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/** X.509 Time: UTCTime before 2050, GeneralizedTime from then on (RFC 5280 §4.1.2.5). */
export function time(date: Date): Der {
  const year = date.getUTCFullYear();
  if (year < 2050) return tlv(0x17, new TextEncoder().encode(`${pad(year % 100)}${stamp(date)}`));
  return generalizedTime(date);
}
export const generalizedTime = (date: Date): Der => tlv(0x18, new TextEncoder().encode(`${pad(date.getUTCFullYear(), 4)}${stamp(date)}`));
