import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { keyStoreOfReader, readerOf } from '../../plugin/key-store';
import type { HostCheck, HostProblem } from '../protocol';

const isToken = (reader: string): boolean => keyStoreOfReader(reader) === 'token';

export interface SmartCardState {
  /** running: the PC/SC service answers or starts on demand; builtin: part of the OS (macOS). */
  service: 'running' | 'on-demand' | 'stopped' | 'missing' | 'builtin' | 'unknown';
  /** Token drivers (PKCS#11 libraries of the vendors) and CryptoPro's own reader modules found. */
  drivers: Record<string, boolean>;
}


/** Containers grouped by the token they are on (disk, registry and flash containers left out). */
export function tokensOf(containers: readonly string[]): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const c of containers) {
    const reader = readerOf(c);
    if (reader !== null && isToken(reader)) tokens.set(reader, (tokens.get(reader) ?? 0) + 1);
  }
  return tokens;
}

const anyFile = (root: string, files: readonly string[]) => files.some((f) => existsSync(path.join(root, f)));
/** CryptoPro's reader modules carry a version suffix (librdrpcsc.so.4.0.4): matched by prefix. */
const anyModule = (root: string, dir: string, prefix: string) => {
  try {
    return readdirSync(path.join(root, dir)).some((f) => f.startsWith(prefix));
  } catch {
    return false;
  }
};

function pcscdRunning(root: string): boolean {
  try {
    return readdirSync(path.join(root, '/proc')).some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readFileSync(path.join(root, '/proc', pid, 'comm'), 'utf8').trim() === 'pcscd';
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * The PC/SC service and token drivers on Linux and macOS, read from the file system only. Linux
 * paths are the vendors' package layouts (Rutoken: librtpkcs11ecp, JaCarta: libjcPKCS11-2; CryptoPro:
 * cprocsp-rdr-pcsc / -rutoken / -jacarta as librdr* modules) — not verified on every distribution.
 */
export function unixSmartCard(platform: NodeJS.Platform, root: string): SmartCardState {
  if (platform === 'darwin') {
    // CryptoPro's reader modules are not looked for on macOS: where its package puts them is not known here.
    return { service: 'builtin', drivers: { rutoken: anyFile(root, ['/Library/Frameworks/rtpkcs11ecp.framework', '/usr/local/lib/librtpkcs11ecp.dylib']) } };
  }
  const libs = ['/usr/lib', '/usr/lib64', '/usr/lib/x86_64-linux-gnu'];
  const service = pcscdRunning(root) ? 'running' : existsSync(path.join(root, '/run/pcscd/pcscd.comm')) ? 'on-demand' : anyFile(root, ['/usr/sbin/pcscd', '/sbin/pcscd']) ? 'stopped' : 'missing';
  return {
    service,
    drivers: {
      rutoken: anyFile(root, [...libs.map((l) => `${l}/librtpkcs11ecp.so`), '/opt/aktivco/rutokenecp/amd64/librtpkcs11ecp.so']),
      jacarta: anyFile(root, libs.map((l) => `${l}/libjcPKCS11-2.so`)),
      'cryptopro-pcsc': anyModule(root, '/opt/cprocsp/lib/amd64', 'librdrpcsc'),
      'cryptopro-rutoken': anyModule(root, '/opt/cprocsp/lib/amd64', 'librdrrutoken'),
      'cryptopro-jacarta': anyModule(root, '/opt/cprocsp/lib/amd64', 'librdrjacarta'),
    },
  };
}

/**
 * Tokens as CryptoPro sees them (the readers of its key containers) with the smart-card service and
 * drivers: no token while PC/SC is down or CryptoPro lacks its PC/SC module explains «носитель не
 * найден»; containers on several tokens make choosing the wrong certificate likely.
 */
export function tokensCheck(opts: { containers: readonly string[] | null; smartCard: SmartCardState }): HostCheck {
  const tokens = opts.containers === null ? new Map<string, number>() : tokensOf(opts.containers);
  const { service, drivers } = opts.smartCard;
  const problems: HostProblem[] = [];
  const pcscDown = service === 'stopped' || service === 'missing';
  // Only when CryptoPro sees no container at all: someone signing from a disk container needs no token.
  if (opts.containers !== null && opts.containers.length === 0) {
    if (pcscDown) {
      problems.push({
        id: 'token-not-detected',
        evidence: `CryptoPro sees no key container, and the smart-card service (pcscd / SCardSvr) ${service === 'missing' ? 'is not installed' : 'is stopped'}, so no token can show`,
        cause: { key: service === 'missing' ? 'smart-card-missing' : 'smart-card-stopped', params: {} },
      });
    } else if (drivers['cryptopro-pcsc'] === false) {
      problems.push({ id: 'token-not-detected', evidence: 'CryptoPro sees no key container, and its PC/SC reader module (package cprocsp-rdr-pcsc) is not installed, so no token can show', cause: { key: 'pcsc-module-missing', params: {} } });
    }
  }
  if (tokens.size > 1) {
    const list = [...tokens].map(([reader, n]) => `${reader} (${n})`).join(', ');
    problems.push({ id: 'multiple-tokens', evidence: `key containers on ${tokens.size} tokens: ${list.slice(0, 300)}`, cause: { key: 'several-tokens', params: { count: String(tokens.size), tokens: list.slice(0, 200) } } });
  }
  return {
    name: 'tokens',
    status: problems.length > 0 ? 'problem' : 'ok',
    ms: 0,
    detail: `${tokens.size} token(s) with containers, smart-card service ${service}`,
    problems,
    facts: { tokens: Object.fromEntries(tokens), service, drivers },
  };
}
