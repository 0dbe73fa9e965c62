import { readFileSync } from 'node:fs';
import path from 'node:path';

/** docs/policies: the examples organisations copy, read the way the tests use them. */
export const POLICY_DIR = path.resolve(import.meta.dirname, '../../docs/policies');
export const REG_EXAMPLES = ['windows-chrome.reg', 'windows-edge.reg', 'windows-yandex.reg', 'windows-chromium-gost.reg'] as const;

export function chromiumExample(): { ExtensionSettings: Record<string, Record<string, string>>; '3rdparty': { extensions: Record<string, Record<string, unknown>> } } {
  return JSON.parse(readFileSync(path.join(POLICY_DIR, 'chromium-linux.json'), 'utf8'));
}

export function firefoxExample(): { policies: { ExtensionSettings: Record<string, Record<string, string>>; '3rdparty': { Extensions: Record<string, Record<string, unknown>> } } } {
  return JSON.parse(readFileSync(path.join(POLICY_DIR, 'firefox-policies.json'), 'utf8'));
}

/** A .reg example as text (regedit's UTF-16 with a byte-order mark). */
export function regExample(name: string): string {
  const bytes = readFileSync(path.join(POLICY_DIR, name));
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error(`${name}: not UTF-16LE with a byte-order mark`);
  return bytes.subarray(2).toString('utf16le');
}

/**
 * The policy values a .reg text sets for an extension (`…\3rdparty\extensions\<id>\policy`): strings,
 * dwords as numbers (booleans for disableTestSignature), and list subkeys as arrays.
 */
export function regPolicyValues(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let list: string | null = null;
  let inPolicy = false;
  for (const line of text.split(/\r?\n/)) {
    const key = /^\[(.+)\]$/.exec(line);
    if (key !== null) {
      const m = /\\3rdparty\\extensions\\[^\\]+\\policy(?:\\([^\\]+))?$/i.exec(key[1]!);
      inPolicy = m !== null;
      list = m?.[1] ?? null;
      if (list !== null) out[list] = [];
      continue;
    }
    if (!inPolicy) continue;
    const value = /^"([^"]+)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/i.exec(line);
    if (value === null) continue;
    const parsed: unknown = value[3] !== undefined ? parseInt(value[3], 16) : value[2]!.replace(/\\(.)/g, '$1');
    if (list !== null) (out[list] as unknown[]).push(parsed);
    else out[value[1]!] = value[1] === 'disableTestSignature' ? parsed === 1 : parsed;
  }
  return out;
}
