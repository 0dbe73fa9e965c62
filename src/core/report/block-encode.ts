import { REPORT_VERSION } from './format';
import type { Report } from './schema';

/**
 * The machine-readable part of a report, pasted along with its text: the JSON, deflated, in base64
 * lines between two marker lines, with a CRC-32 of the JSON so a damaged paste is detected rather
 * than misread. Quoting (`> `), line re-wrapping and CR/LF are tolerated.
 */
export const BLOCK_BEGIN = '-----BEGIN EP-DOCTOR REPORT-----';
export const BLOCK_END = '-----END EP-DOCTOR REPORT-----';
/** A pasted report beyond this is refused before any parsing. */
export const MAX_PASTE_BYTES = 1024 * 1024;
const LINE = 76;

let table: Uint32Array | null = null;
export function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const hex8 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');

export async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes.slice().buffer]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // A small paste must not inflate into gigabytes.
    if (total > limit) throw new Error('too large');
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};
export const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function encodeBlock(report: Report): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(report));
  const packed = await pipe(json, new CompressionStream('deflate'), Number.MAX_SAFE_INTEGER);
  const body = toBase64(packed).match(new RegExp(`.{1,${LINE}}`, 'g')) ?? [];
  return [BLOCK_BEGIN, `v${REPORT_VERSION} crc32=${hex8(crc32(json))}`, ...body, BLOCK_END].join('\n');
}

