import { Report, REPORT_VERSION } from './schema';

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

const hex8 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
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
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function encodeBlock(report: Report): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(report));
  const packed = await pipe(json, new CompressionStream('deflate'), Number.MAX_SAFE_INTEGER);
  const body = toBase64(packed).match(new RegExp(`.{1,${LINE}}`, 'g')) ?? [];
  return [BLOCK_BEGIN, `v${REPORT_VERSION} crc32=${hex8(crc32(json))}`, ...body, BLOCK_END].join('\n');
}

export type ReadError = 'empty' | 'too-large' | 'no-report' | 'truncated' | 'damaged' | 'future-version' | 'invalid';
export type ReadResult = { ok: true; report: Report } | { ok: false; error: ReadError; detail?: string };

/**
 * A report from what support pasted: the block (from the text around it) or bare JSON. Never throws.
 */
export async function readReport(pasted: string): Promise<ReadResult> {
  if (pasted.length > MAX_PASTE_BYTES) return { ok: false, error: 'too-large' };
  const text = pasted.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, error: 'empty' };
  const begin = text.indexOf(BLOCK_BEGIN);
  let json: string;
  if (begin >= 0) {
    const end = text.indexOf(BLOCK_END, begin);
    if (end < 0) return { ok: false, error: 'truncated' };
    const lines = text
      .slice(begin + BLOCK_BEGIN.length, end)
      .split('\n')
      .map((l) => l.replace(/^[\s>]*/, '').trim())
      .filter((l) => l !== '');
    const header = /^v(\d+) crc32=([0-9A-F]{8})$/i.exec(lines[0] ?? '');
    if (header === null) return { ok: false, error: 'damaged', detail: 'header' };
    if (Number(header[1]) > REPORT_VERSION) return { ok: false, error: 'future-version', detail: `v${header[1]}` };
    const body = lines.slice(1).join('').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) return { ok: false, error: 'damaged', detail: 'base64' };
    let bytes: Uint8Array;
    try {
      bytes = await pipe(fromBase64(body), new DecompressionStream('deflate'), MAX_PASTE_BYTES * 8);
    } catch (error) {
      return (error as Error).message === 'too large' ? { ok: false, error: 'too-large' } : { ok: false, error: 'damaged', detail: 'deflate' };
    }
    if (hex8(crc32(bytes)) !== header[2]!.toUpperCase()) return { ok: false, error: 'damaged', detail: 'checksum' };
    json = new TextDecoder().decode(bytes);
  } else {
    const first = text.indexOf('{');
    if (first < 0) return { ok: false, error: 'no-report' };
    json = text.slice(first, text.lastIndexOf('}') + 1);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: begin >= 0 ? 'damaged' : 'truncated', detail: 'json' };
  }
  if (typeof raw === 'object' && raw !== null && typeof (raw as { v?: unknown }).v === 'number' && (raw as { v: number }).v > REPORT_VERSION) {
    return { ok: false, error: 'future-version', detail: `v${(raw as { v: number }).v}` };
  }
  const parsed = Report.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: 'invalid', detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.slice(0, 200) };
  }
  return { ok: true, report: parsed.data };
}
