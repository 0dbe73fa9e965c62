import { definiteLength, DerError, type Tlv } from './der';

/**
 * BER as CryptoPro writes CMS: the outer SignedData, its content and the content's OCTET STRING come
 * with indefinite lengths (`30 80 … 00 00`) and the content as a constructed OCTET STRING in pieces;
 * certificates and signed attributes stay DER. A node's `end` is where its content ends (the
 * end-of-contents octets excluded), so der.ts's readers work on it; `after` is where the next node starts.
 */
export interface BerNode extends Tlv {
  after: number;
}

const MAX_DEPTH = 32;
const MAX_CHILDREN = 10_000;

export function readBer(bytes: Uint8Array, offset: number, limit = bytes.length, depth = 0): BerNode {
  if (depth > MAX_DEPTH) throw new DerError('nested too deep');
  if (offset + 2 > limit) throw new DerError(`truncated at ${offset}`);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`high tag numbers are not used in signatures (at ${offset})`);
  if (bytes[offset + 1] === 0x80) {
    if (!(tag & 0x20)) throw new DerError(`indefinite length on a primitive at ${offset}`);
    const contentStart = offset + 2;
    let cursor = contentStart;
    for (let n = 0; ; n++) {
      if (n > MAX_CHILDREN) throw new DerError('too many elements');
      if (cursor + 2 > limit) throw new DerError(`no end-of-contents for ${offset}`);
      if (bytes[cursor] === 0 && bytes[cursor + 1] === 0) return { tag, start: offset, contentStart, end: cursor, after: cursor + 2 };
      cursor = readBer(bytes, cursor, limit, depth + 1).after;
    }
  }
  const { contentStart, end } = definiteLength(bytes, offset, limit);
  return { tag, start: offset, contentStart, end, after: end };
}

export function berChildren(bytes: Uint8Array, parent: Tlv, depth = 0): BerNode[] {
  const out: BerNode[] = [];
  for (let offset = parent.contentStart; offset < parent.end; ) {
    const child = readBer(bytes, offset, parent.end, depth + 1);
    out.push(child);
    offset = child.after;
    if (out.length > MAX_CHILDREN) throw new DerError('too many elements');
  }
  return out;
}

/** An OCTET STRING's bytes, primitive or constructed (BER pieces joined). */
export function octetString(bytes: Uint8Array, node: Tlv, depth = 0): Uint8Array {
  if (node.tag === 0x04) return bytes.subarray(node.contentStart, node.end);
  if (node.tag !== 0x24 || depth > 4) throw new DerError('expected an OCTET STRING');
  const parts = berChildren(bytes, node).map((c) => octetString(bytes, c, depth + 1));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The whole encoding of a node, which must be definite (a certificate, the signed attributes). */
export function definite(bytes: Uint8Array, node: BerNode, what: string): Uint8Array {
  if (node.after !== node.end) throw new DerError(`${what} must have a definite length`);
  return bytes.subarray(node.start, node.end);
}
