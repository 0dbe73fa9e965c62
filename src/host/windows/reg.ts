import path from 'node:path';
import type { ToolRunner } from '../run-tool';
import { windowsDirs, type WindowsEnv } from './paths';

/**
 * Reading the registry through reg.exe (the host has no native addon). Output format: a key line
 * (`HKEY_LOCAL_MACHINE\…`) followed by its values, each indented by four spaces as
 * `    Name    REG_TYPE    data`; without /s the direct subkeys follow as bare key lines.
 */
export interface RegValue {
  /** '' for the key's default value, whatever the Windows language calls it. */
  name: string;
  type: string;
  /** As printed: REG_EXPAND_SZ unexpanded, REG_DWORD as `0x…`, REG_MULTI_SZ joined by `\0`. */
  data: string;
}
export interface RegKey {
  key: string;
  values: RegValue[];
}

export function regExe(env: WindowsEnv): string {
  return path.win32.join(windowsDirs(env).system32, 'reg.exe');
}

// The default value's display name is localized: English and Russian Windows are the ones we serve.
const DEFAULT_NAMES = new Set(['(default)', '(по умолчанию)']);
// An unset default value is still printed by `/ve`. The Russian wording is not verified on a real
// system; both candidates are accepted so a Russian machine does not read it as a path.
const NOT_SET = new Set(['(value not set)', '(значение не присвоено)', '(значение не задано)']);
// Windows: «ERROR: The system was unable to find the specified registry key or value.»; Wine 8:
// «reg: Unable to find the specified registry key» (tests/fixtures/host/windows/wine/).
const NOT_FOUND = /unable to find the specified registry key|не удается найти указанный раздел/i;
const VALUE = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

const MAX_KEYS = 1000;
const MAX_VALUES = 200;
const MAX_TEXT = 2000;

export function parseRegQuery(text: string): RegKey[] {
  const keys: RegKey[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^HKEY_[A-Z_]+(\\|$)/.test(line)) {
      if (keys.length >= MAX_KEYS) break;
      keys.push({ key: line.trimEnd().slice(0, MAX_TEXT), values: [] });
      continue;
    }
    const match = VALUE.exec(line);
    const current = keys[keys.length - 1];
    if (match === null || current === undefined || current.values.length >= MAX_VALUES) continue;
    const name = DEFAULT_NAMES.has(match[1]!.toLowerCase()) ? '' : match[1]!.slice(0, MAX_TEXT);
    const data = (match[3] ?? '').slice(0, MAX_TEXT);
    if (name === '' && NOT_SET.has(data.trim().toLowerCase())) continue;
    current.values.push({ name, type: match[2]!, data });
  }
  return keys;
}

export type RegQueryResult = { state: 'found'; keys: RegKey[] } | { state: 'absent' } | { state: 'failed'; reason: string; timedOut: boolean };

const KEY = /^(HKCU|HKLM|HKEY_CURRENT_USER|HKEY_LOCAL_MACHINE)\\[^"\x00-\x1f]{1,250}$/;

/**
 * `reg query "<key>" [/s] [/ve] /reg:32|64`. The view flag matters for HKLM\Software, which 64-bit
 * Windows keeps twice (32-bit programs see WOW6432Node).
 */
export async function queryKey(run: ToolRunner, env: WindowsEnv, key: string, view: 32 | 64, options: { recursive?: boolean; defaultOnly?: boolean } = {}): Promise<RegQueryResult> {
  if (!KEY.test(key)) throw new Error(`not a registry key the host reads: ${key.slice(0, 80)}`);
  const args = ['query', key, ...(options.recursive === true ? ['/s'] : []), ...(options.defaultOnly === true ? ['/ve'] : []), `/reg:${view}`];
  let out = await run(regExe(env), args);
  // Exited without a word: it did not run its course (seen under Wine on a loaded machine). Asked once more.
  if (!out.timedOut && out.code !== null && out.code !== 0 && out.text.trim() === '') out = await run(regExe(env), args);
  if (out.timedOut) return { state: 'failed', reason: 'reg.exe did not answer in time', timedOut: true };
  if (out.code === 0) return { state: 'found', keys: parseRegQuery(out.text) };
  if (NOT_FOUND.test(out.text)) return { state: 'absent' };
  // The runner keeps stderr, where reg.exe says «not found» (matched above) or «access denied» (a
  // failure, below). Windows' and Wine's reg.exe both say why they fail: an exit code with no text at
  // all is a reg.exe that did not run its course, and a key it did not read is never «absent».
  const reason = out.code === null ? 'reg.exe could not be started' : (out.text.trim().split(/\r?\n/)[0] ?? '').slice(0, 200) || `reg.exe exit code ${out.code} with no output`;
  return { state: 'failed', reason, timedOut: false };
}

export function defaultValue(key: RegKey): RegValue | undefined {
  return key.values.find((v) => v.name === '');
}

const LONG_ROOTS: Readonly<Record<string, string>> = { HKCU: 'HKEY_CURRENT_USER', HKLM: 'HKEY_LOCAL_MACHINE' };

/** `HKLM\X\Y` → `HKEY_LOCAL_MACHINE\X\Y`, lower case: how to compare key names reg.exe printed. */
export function normalizeKey(key: string): string {
  const [root = '', ...rest] = key.split('\\');
  return [LONG_ROOTS[root.toUpperCase()] ?? root, ...rest].join('\\').toLowerCase();
}

/** Names of the direct subkeys of `parent` among the keys of a query. */
export function subkeyNames(keys: readonly RegKey[], parent: string): string[] {
  const prefix = `${normalizeKey(parent)}\\`;
  return keys.flatMap((k) => {
    const normalized = normalizeKey(k.key);
    if (!normalized.startsWith(prefix)) return [];
    // Normalizing changes only the root's spelling and the case: the tail keeps its length.
    const rest = k.key.slice(k.key.length - (normalized.length - prefix.length));
    return rest !== '' && !rest.includes('\\') ? [rest] : [];
  });
}
