/**
 * Just enough of ELF, PE and Mach-O to check a Node single executable without running it: the format
 * and CPU, where the SEA blob was injected (ELF note, PE RCDATA resource, Mach-O NODE_SEA segment), and
 * whether a code signature is left over (a stale one makes Windows and macOS distrust the file more
 * than none).
 */
export const SEA_RESOURCE = 'NODE_SEA_BLOB';
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export interface ExecutableLayout {
  format: 'elf' | 'pe' | 'macho';
  arch: 'x64' | 'arm64' | 'other';
  /** The injected SEA blob, or null when there is none. */
  blob: Buffer | null;
  /** Node looks for the blob only when this fuse reads `:1`. */
  fuseFlipped: boolean;
  signature: boolean;
}

export function readExecutable(file: Buffer): ExecutableLayout {
  const fuseFlipped = file.includes(`${SEA_FUSE}:1`);
  if (file.readUInt32BE(0) === 0x7f454c46) return { ...readElf(file), fuseFlipped };
  if (file.readUInt16LE(0) === 0x5a4d) return { ...readPe(file), fuseFlipped };
  if (file.readUInt32LE(0) === 0xfeedfacf) return { ...readMachO(file), fuseFlipped };
  throw new Error('not an ELF, PE or 64-bit Mach-O file');
}

function readElf(b: Buffer): Omit<ExecutableLayout, 'fuseFlipped'> {
  const machine = b.readUInt16LE(0x12);
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  let blob: Buffer | null = null;
  for (let i = 0; i < b.readUInt16LE(0x38) && blob === null; i++) {
    const ph = phoff + i * phentsize;
    if (b.readUInt32LE(ph) !== 4) continue; // PT_NOTE
    let at = Number(b.readBigUInt64LE(ph + 8));
    const end = at + Number(b.readBigUInt64LE(ph + 32));
    while (at + 12 <= end) {
      const nameSize = b.readUInt32LE(at);
      const descSize = b.readUInt32LE(at + 4);
      const name = b.toString('latin1', at + 12, at + 12 + nameSize).replace(/\0+$/, '');
      const desc = at + 12 + align(nameSize, 4);
      if (name === SEA_RESOURCE) {
        blob = b.subarray(desc, desc + descSize);
        break;
      }
      at = desc + align(descSize, 4);
    }
  }
  return { format: 'elf', arch: machine === 0x3e ? 'x64' : machine === 0xb7 ? 'arm64' : 'other', blob, signature: false };
}

/** The data directories of a PE file and a mapper from RVA to file offset. */
function peLayout(b: Buffer): { machine: number; dataDir: (index: number) => { at: number; rva: number; size: number }; fileOffset: (rva: number) => number } {
  const pe = b.readUInt32LE(0x3c);
  if (b.readUInt32LE(pe) !== 0x4550) throw new Error('no PE signature');
  const sections = b.readUInt16LE(pe + 6);
  const optional = pe + 24;
  const optionalSize = b.readUInt16LE(pe + 20);
  const dirs = optional + (b.readUInt16LE(optional) === 0x20b ? 112 : 96);
  const table = optional + optionalSize;
  return {
    machine: b.readUInt16LE(pe + 4),
    dataDir: (index) => ({ at: dirs + index * 8, rva: b.readUInt32LE(dirs + index * 8), size: b.readUInt32LE(dirs + index * 8 + 4) }),
    fileOffset: (rva) => {
      for (let i = 0; i < sections; i++) {
        const s = table + i * 40;
        const va = b.readUInt32LE(s + 12);
        if (rva >= va && rva < va + Math.max(b.readUInt32LE(s + 8), b.readUInt32LE(s + 16))) return rva - va + b.readUInt32LE(s + 20);
      }
      throw new Error(`RVA 0x${rva.toString(16)} is in no section`);
    },
  };
}

const RT_RCDATA = 10;

function readPe(b: Buffer): Omit<ExecutableLayout, 'fuseFlipped'> {
  const pe = peLayout(b);
  const resources = pe.dataDir(2);
  const security = pe.dataDir(4);
  let blob: Buffer | null = null;
  if (resources.rva !== 0) {
    const base = pe.fileOffset(resources.rva);
    const entries = (dir: number) => {
      const count = b.readUInt16LE(dir + 12) + b.readUInt16LE(dir + 14);
      return Array.from({ length: count }, (_, i) => {
        const name = b.readUInt32LE(dir + 16 + i * 8);
        const target = b.readUInt32LE(dir + 16 + i * 8 + 4);
        const label = name & 0x80000000 ? b.toString('utf16le', base + (name & 0x7fffffff) + 2, base + (name & 0x7fffffff) + 2 + 2 * b.readUInt16LE(base + (name & 0x7fffffff))) : name;
        return { label, isDir: (target & 0x80000000) !== 0, at: base + (target & 0x7fffffff) };
      });
    };
    const rcdata = entries(base).find((e) => e.label === RT_RCDATA && e.isDir);
    const named = rcdata === undefined ? undefined : entries(rcdata.at).find((e) => typeof e.label === 'string' && e.label.toUpperCase() === SEA_RESOURCE && e.isDir);
    const language = named === undefined ? undefined : entries(named.at).find((e) => !e.isDir);
    if (language !== undefined) {
      const start = pe.fileOffset(b.readUInt32LE(language.at));
      blob = b.subarray(start, start + b.readUInt32LE(language.at + 4));
    }
  }
  return { format: 'pe', arch: pe.machine === 0x8664 ? 'x64' : pe.machine === 0xaa64 ? 'arm64' : 'other', blob, signature: security.rva !== 0 };
}

/**
 * The Authenticode signature of a PE file removed (its certificate table sits at the end of the file,
 * addressed by file offset): the modified file would otherwise carry a signature that no longer
 * verifies.
 */
export function stripAuthenticode(b: Buffer): Buffer {
  const security = peLayout(b).dataDir(4);
  if (security.rva === 0) return b;
  const out = Buffer.from(b.subarray(0, security.rva + security.size === b.length ? security.rva : b.length));
  out.writeUInt32LE(0, security.at);
  out.writeUInt32LE(0, security.at + 4);
  return out;
}

function readMachO(b: Buffer): Omit<ExecutableLayout, 'fuseFlipped'> {
  const cpu = b.readUInt32LE(4);
  let at = 32;
  let blob: Buffer | null = null;
  let signature = false;
  for (let i = 0; i < b.readUInt32LE(16); i++) {
    const cmd = b.readUInt32LE(at);
    if (cmd === 0x1d) signature = true; // LC_CODE_SIGNATURE
    if (cmd === 0x19 && cstring(b, at + 8, 16) === 'NODE_SEA') {
      for (let s = 0; s < b.readUInt32LE(at + 64); s++) {
        const section = at + 72 + s * 80;
        if (cstring(b, section, 16) !== '__NODE_SEA_BLOB') continue;
        const offset = b.readUInt32LE(section + 48);
        blob = b.subarray(offset, offset + Number(b.readBigUInt64LE(section + 40)));
      }
    }
    at += b.readUInt32LE(at + 4);
  }
  return { format: 'macho', arch: cpu === 0x01000007 ? 'x64' : cpu === 0x0100000c ? 'arm64' : 'other', blob, signature };
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;
const cstring = (b: Buffer, at: number, max: number) => b.toString('latin1', at, at + max).replace(/\0.*$/s, '');
