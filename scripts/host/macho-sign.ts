import { createHash } from 'node:crypto';

/**
 * An ad-hoc code signature for a 64-bit Mach-O executable, written from Linux: a superblob holding one
 * CodeDirectory (SHA-256 of every 4 KiB page up to the signature, the identifier, the __TEXT segment as
 * the executable segment), like the linker-made signatures of arm64 builds. Apple silicon runs only
 * signed code; ad-hoc is no identity (Gatekeeper still wants a notarised Developer ID build), but the
 * program starts without `codesign`. Layout: Apple's cs_blobs.h.
 */
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CS_ADHOC = 0x2;
const CS_EXECSEG_MAIN_BINARY = 0x1;
const CD_VERSION = 0x20400; // the first with the executable-segment fields
const CD_HEADER = 88;
const PAGE = 4096;
const HASH_SHA256 = 2;

const align = (n: number, to: number) => Math.ceil(n / to) * to;
const cstring = (b: Buffer, at: number, max: number) => b.toString('latin1', at, at + max).replace(/\0.*$/s, '');

interface Segment {
  at: number;
  name: string;
  fileoff: number;
  filesize: number;
  firstSectionOffset: number | null;
}

function layout(b: Buffer): { segments: Segment[]; signature: { at: number; dataoff: number; datasize: number } | null; commandsEnd: number } {
  if (b.readUInt32LE(0) !== 0xfeedfacf) throw new Error('not a 64-bit little-endian Mach-O file');
  const segments: Segment[] = [];
  let signature = null;
  let at = 32;
  for (let i = 0; i < b.readUInt32LE(16); i++) {
    const cmd = b.readUInt32LE(at);
    if (cmd === LC_SEGMENT_64) {
      const sections = Array.from({ length: b.readUInt32LE(at + 64) }, (_, s) => b.readUInt32LE(at + 72 + s * 80 + 48)).filter((o) => o > 0);
      segments.push({ at, name: cstring(b, at + 8, 16), fileoff: Number(b.readBigUInt64LE(at + 40)), filesize: Number(b.readBigUInt64LE(at + 48)), firstSectionOffset: sections.length > 0 ? Math.min(...sections) : null });
    }
    if (cmd === LC_CODE_SIGNATURE) signature = { at, dataoff: b.readUInt32LE(at + 8), datasize: b.readUInt32LE(at + 12) };
    at += b.readUInt32LE(at + 4);
  }
  return { segments, signature, commandsEnd: 32 + b.readUInt32LE(20) };
}

function pageHashes(b: Buffer, codeLimit: number): Buffer[] {
  const hashes: Buffer[] = [];
  for (let start = 0; start < codeLimit; start += PAGE) hashes.push(createHash('sha256').update(b.subarray(start, Math.min(start + PAGE, codeLimit))).digest());
  return hashes;
}

/** The executable signed ad hoc; it must carry no signature yet (postject's output has none). */
export function signMachOAdHoc(input: Buffer, identifier: string): Buffer {
  const { segments, signature, commandsEnd } = layout(input);
  if (signature !== null) throw new Error('the file is signed already');
  const text = segments.find((s) => s.name === '__TEXT');
  const linkedit = segments.find((s) => s.name === '__LINKEDIT');
  if (text === undefined || linkedit === undefined) throw new Error('no __TEXT or __LINKEDIT segment');
  if (linkedit.fileoff + linkedit.filesize !== input.length) throw new Error('__LINKEDIT is not at the end of the file');
  const firstData = Math.min(...segments.map((s) => s.firstSectionOffset ?? Infinity));
  if (commandsEnd + 16 > firstData) throw new Error('no room for one more load command');

  const ident = Buffer.from(`${identifier}\0`, 'latin1');
  const dataoff = align(input.length, 16);
  const slots = Math.ceil(dataoff / PAGE);
  const cdLength = CD_HEADER + ident.length + slots * 32;
  const datasize = align(12 + 8 + cdLength, 16);
  const out = Buffer.alloc(dataoff + datasize);
  input.copy(out);

  out.writeUInt32LE(out.readUInt32LE(16) + 1, 16);
  out.writeUInt32LE(out.readUInt32LE(20) + 16, 20);
  out.writeUInt32LE(LC_CODE_SIGNATURE, commandsEnd);
  out.writeUInt32LE(16, commandsEnd + 4);
  out.writeUInt32LE(dataoff, commandsEnd + 8);
  out.writeUInt32LE(datasize, commandsEnd + 12);
  const linkeditSize = dataoff + datasize - linkedit.fileoff;
  out.writeBigUInt64LE(BigInt(linkeditSize), linkedit.at + 48);
  out.writeBigUInt64LE(BigInt(align(linkeditSize, 0x4000)), linkedit.at + 32);

  // Everything before the signature is final now: hash it.
  const hashes = pageHashes(out, dataoff);
  const blob = out.subarray(dataoff);
  blob.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, 0);
  blob.writeUInt32BE(20 + cdLength, 4);
  blob.writeUInt32BE(1, 8);
  blob.writeUInt32BE(0, 12); // CSSLOT_CODEDIRECTORY
  blob.writeUInt32BE(20, 16);
  const cd = blob.subarray(20, 20 + cdLength);
  cd.writeUInt32BE(CSMAGIC_CODEDIRECTORY, 0);
  cd.writeUInt32BE(cdLength, 4);
  cd.writeUInt32BE(CD_VERSION, 8);
  cd.writeUInt32BE(CS_ADHOC, 12);
  cd.writeUInt32BE(CD_HEADER + ident.length, 16); // hashOffset
  cd.writeUInt32BE(CD_HEADER, 20); // identOffset
  cd.writeUInt32BE(0, 24); // nSpecialSlots
  cd.writeUInt32BE(slots, 28);
  cd.writeUInt32BE(dataoff, 32); // codeLimit
  cd.writeUInt8(32, 36);
  cd.writeUInt8(HASH_SHA256, 37);
  cd.writeUInt8(0, 38);
  cd.writeUInt8(12, 39); // log2 of the page size
  cd.writeBigUInt64BE(BigInt(text.fileoff), 64);
  cd.writeBigUInt64BE(BigInt(text.filesize), 72);
  cd.writeBigUInt64BE(BigInt(CS_EXECSEG_MAIN_BINARY), 80);
  ident.copy(cd, CD_HEADER);
  hashes.forEach((h, i) => h.copy(cd, CD_HEADER + ident.length + i * 32));
  return out;
}

export interface MachOSignature {
  identifier: string;
  flags: number;
  /** Every code page's SHA-256 matches the file. */
  pagesMatch: boolean;
  codeLimit: number;
  execSegment: { base: number; limit: number; flags: number } | null;
  /** The signature is the last thing in the file and inside __LINKEDIT. */
  placedRight: boolean;
}

/** Reads the CodeDirectory of a signed Mach-O file and recomputes its page hashes. */
export function readMachOSignature(b: Buffer): MachOSignature | null {
  const { segments, signature } = layout(b);
  if (signature === null) return null;
  const blob = b.subarray(signature.dataoff, signature.dataoff + signature.datasize);
  if (blob.readUInt32BE(0) !== CSMAGIC_EMBEDDED_SIGNATURE) throw new Error('no embedded-signature superblob');
  let cd: Buffer | null = null;
  for (let i = 0; i < blob.readUInt32BE(8); i++) {
    if (blob.readUInt32BE(12 + i * 8) !== 0) continue;
    const at = blob.readUInt32BE(16 + i * 8);
    cd = blob.subarray(at, at + blob.readUInt32BE(at + 4));
  }
  if (cd === null || cd.readUInt32BE(0) !== CSMAGIC_CODEDIRECTORY) throw new Error('no CodeDirectory');
  const codeLimit = cd.readUInt32BE(32);
  const hashOffset = cd.readUInt32BE(16);
  const expected = pageHashes(b, codeLimit);
  const pagesMatch = cd[37] === HASH_SHA256 && cd[39] === 12 && cd.readUInt32BE(28) === expected.length && expected.every((h, i) => h.equals(cd.subarray(hashOffset + i * 32, hashOffset + i * 32 + 32)));
  const linkedit = segments.find((s) => s.name === '__LINKEDIT');
  return {
    identifier: cstring(cd, cd.readUInt32BE(20), 256),
    flags: cd.readUInt32BE(12),
    pagesMatch,
    codeLimit,
    execSegment: cd.readUInt32BE(8) >= CD_VERSION ? { base: Number(cd.readBigUInt64BE(64)), limit: Number(cd.readBigUInt64BE(72)), flags: Number(cd.readBigUInt64BE(80)) } : null,
    placedRight: signature.dataoff + signature.datasize === b.length && linkedit !== undefined && linkedit.fileoff + linkedit.filesize === b.length && codeLimit === signature.dataoff,
  };
}
