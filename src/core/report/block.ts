import { BLOCK_BEGIN, BLOCK_END, crc32, fromBase64, hex8, MAX_PASTE_BYTES, pipe } from './block-encode';
import { REPORT_VERSION } from './format';
import { Report } from './schema';

export { BLOCK_BEGIN, BLOCK_END, crc32, encodeBlock, MAX_PASTE_BYTES } from './block-encode';

/** Markers tried before giving up: a paste full of them costs no more than this many reads. */
const MAX_BLOCKS = 8;

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
  if (begin >= 0) {
    // Text quoted above the real block may carry a marker of its own: the first block that reads
    // whole is the report; otherwise the first one's error.
    let first: ReadResult | null = null;
    let tries = 0;
    for (let at = begin; at >= 0 && tries < MAX_BLOCKS; at = text.indexOf(BLOCK_BEGIN, at + BLOCK_BEGIN.length), tries++) {
      const result = await readBlock(text, at);
      if (result.ok) return result;
      first ??= result;
    }
    return first!;
  }
  const start = text.indexOf('{');
  if (start < 0) return { ok: false, error: 'no-report' };
  return parseJson(text.slice(start, text.lastIndexOf('}') + 1), 'truncated');
}

/** The block whose BEGIN marker is at `begin`. */
async function readBlock(text: string, begin: number): Promise<ReadResult> {
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
  return parseJson(new TextDecoder().decode(bytes), 'damaged');
}

/** The report in `json`; `unreadable` is the error for JSON that does not parse. */
function parseJson(json: string, unreadable: ReadError): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: unreadable, detail: 'json' };
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
