import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHost, HOST_OUTPUT } from '@/scripts/host/build';
import { readExecutable, stripAuthenticode } from '@/scripts/host/exe-structure';
import { readMachOSignature } from '@/scripts/host/macho-sign';
import { ALL_TARGETS, hostTarget, NODE_VERSION, nodeBinary, type Target } from '@/scripts/host/node-binaries';
import { encodeFrame, frameReader } from '@/src/host/wire';
import { HOST_VERSION } from '@/src/host/protocol';

/**
 * The single executables `npm run build:host` makes. Windows and macOS ones cannot run here, so their
 * structure is read: the right format and CPU, the SEA blob where Node looks for it, the fuse set, no
 * stale signature. The one for this machine is also started and asked `hello`.
 */
let built: Record<Target, string>;
beforeAll(async () => {
  built = await buildHost(ALL_TARGETS);
}, 600_000);

const EXPECTED: Record<Target, { format: string; arch: string }> = {
  'linux-x64': { format: 'elf', arch: 'x64' },
  'win-x64': { format: 'pe', arch: 'x64' },
  'darwin-x64': { format: 'macho', arch: 'x64' },
  'darwin-arm64': { format: 'macho', arch: 'arm64' },
};

describe.each(ALL_TARGETS)('ep-doctor-host for %s', (target) => {
  it('is the right format and CPU, carries our script as its SEA blob, and has the fuse set', () => {
    const layout = readExecutable(readFileSync(built[target]));
    expect({ format: layout.format, arch: layout.arch }).toEqual(EXPECTED[target]);
    expect(layout.fuseFlipped).toBe(true);
    expect(layout.blob).not.toBeNull();
    const blobFile = target === hostTarget() ? `sea-${target}.blob` : 'sea-portable.blob';
    expect(layout.blob!.equals(readFileSync(path.join(HOST_OUTPUT, blobFile)))).toBe(true);
    expect(layout.blob!.includes(readFileSync(path.join(HOST_OUTPUT, 'ep-doctor-host.cjs')))).toBe(true);
    // A signature that no longer verifies is worse than none: Windows builds ship unsigned; macOS ones
    // are signed ad hoc over their final bytes (Apple silicon runs nothing unsigned).
    expect(layout.signature).toBe(layout.format === 'macho');
  });

});

describe('the downloads', () => {
  it('SHA256SUMS lists each executable with its hash', () => {
    const listed = readFileSync(path.join(HOST_OUTPUT, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(listed).toEqual(ALL_TARGETS.map((t) => `${createHash('sha256').update(readFileSync(built[t])).digest('hex')}  ${path.relative(HOST_OUTPUT, built[t])}`));
  });
});

describe.each(['darwin-x64', 'darwin-arm64'] as const)('ep-doctor-host for %s', (target) => {
  it('is signed ad hoc: every page hashed, __TEXT as the executable segment, the signature last', () => {
    const file = readFileSync(built[target]);
    const text = machOSegment(file, '__TEXT');
    expect(readMachOSignature(file)).toEqual({ identifier: 'ep-doctor-host', flags: 0x2, pagesMatch: true, codeLimit: expect.any(Number), execSegment: { base: 0, limit: text, flags: 1 }, placedRight: true });
  });
});

/** The file size of a 64-bit Mach-O segment, read plainly (independent of macho-sign.ts). */
function machOSegment(b: Buffer, name: string): number {
  let at = 32;
  for (let i = 0; i < b.readUInt32LE(16); i++) {
    if (b.readUInt32LE(at) === 0x19 && b.toString('latin1', at + 8, at + 24).replace(/\0+$/, '') === name) return Number(b.readBigUInt64LE(at + 48));
    at += b.readUInt32LE(at + 4);
  }
  throw new Error(`no ${name}`);
}

describe('the structure reader', () => {
  it("reads Apple's own signature of the Node binary the same way (its page hashes match what it recomputes)", () => {
    const cache = path.resolve(HOST_OUTPUT, '../../node_modules/.cache/ep-doctor-host');
    const node = readFileSync(nodeBinary('darwin-arm64', cache));
    expect(readMachOSignature(node)).toMatchObject({ identifier: 'node', pagesMatch: true, placedRight: true, execSegment: { base: 0, limit: machOSegment(node, '__TEXT'), flags: 1 } });
    // One changed byte in a page, and the recomputed hashes no longer match.
    const tampered = Buffer.from(node);
    tampered[5000] = (tampered[5000] ?? 0) ^ 0xff;
    expect(readMachOSignature(tampered)?.pagesMatch).toBe(false);
  });

  it('sees no blob and an unset fuse in a plain Node binary, and removes the Authenticode signature of node.exe', () => {
    const cache = path.resolve(HOST_OUTPUT, '../../node_modules/.cache/ep-doctor-host');
    const plain = readExecutable(readFileSync(nodeBinary('linux-x64', cache)));
    expect(plain).toMatchObject({ format: 'elf', blob: null, fuseFlipped: false });
    const exe = readFileSync(nodeBinary('win-x64', cache));
    expect(readExecutable(exe).signature).toBe(true);
    const stripped = stripAuthenticode(exe);
    expect(readExecutable(stripped)).toMatchObject({ format: 'pe', arch: 'x64', signature: false, blob: null });
    expect(stripped.length).toBeLessThan(exe.length);
  });
});

function ask(executable: string, args: string[], message: unknown): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const replies: unknown[] = [];
    child.stdout.on('data', frameReader((m) => {
      replies.push(m);
      child.stdin.end();
    }, 1024 * 1024));
    child.on('error', reject);
    child.on('close', () => resolve(replies));
    child.stdin.write(encodeFrame(message));
  });
}

describe('the executable for this machine', () => {
  it(`answers hello as Node ${NODE_VERSION} for ep-doctor and refuses another caller`, async () => {
    const own = hostTarget();
    expect(own).not.toBeNull();
    const [hello] = await ask(built[own!], ['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/'], { id: '1', type: 'hello' });
    expect(hello).toMatchObject({ id: '1', type: 'hello', version: HOST_VERSION, os: process.platform });
    const [refused] = await ask(built[own!], ['chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/'], { id: '1', type: 'hello' });
    expect(refused).toMatchObject({ type: 'error', error: 'this host serves only the ep-doctor extension' });
  });

  it('installs itself per user: a copy in the data folder, registered for the browser asked, and that copy answers', async () => {
    const own = hostTarget()!;
    const home = mkdtempSync(path.join(tmpdir(), 'sea-home-'));
    try {
      const env = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data') };
      const out = execFileSync(built[own], ['install', '--browser', 'chromium'], { env, encoding: 'utf8' });
      const copy = path.join(home, 'data/ep-doctor/ep-doctor-host');
      const manifest = path.join(home, '.config/chromium/NativeMessagingHosts/ru.ep_doctor.host.json');
      expect(out).toBe(`installed: ${copy}\nregistered: ${manifest}\n`);
      expect(readFileSync(copy).equals(readFileSync(built[own]))).toBe(true);
      expect(JSON.parse(readFileSync(manifest, 'utf8'))).toMatchObject({ name: 'ru.ep_doctor.host', path: copy, type: 'stdio' });
      const [hello] = await ask(copy, ['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/'], { id: '7', type: 'hello' });
      expect(hello).toMatchObject({ id: '7', type: 'hello' });
      expect(execFileSync(copy, ['uninstall'], { env, encoding: 'utf8' })).toContain(`removed: ${copy}`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
