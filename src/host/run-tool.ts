import { execFile } from 'node:child_process';

const TOOL_MS = 5000;
const MAX_OUTPUT = 512 * 1024;

export interface ToolOutput {
  text: string;
  /** Exit code; null when the tool could not be started or was killed. */
  code: number | null;
  timedOut: boolean;
}

/** Runs one allowlisted program; tests pass a fake one. */
export type ToolRunner = (tool: string, args: readonly string[]) => Promise<ToolOutput>;

/**
 * Output bytes as text: UTF-8 when they are valid UTF-8, else the legacy code page the tools print in
 * (cp1251 for CryptoPro on Linux; Windows console tools such as reg.exe and sc.exe print cp866).
 */
export function decodeOutput(bytes: Uint8Array, legacy: 'windows-1251' | 'ibm866' = 'windows-1251'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(legacy).decode(bytes);
  }
}

/** No shell, a time bound, an output cap, a bare environment. */
export const runTool: ToolRunner = (tool, args) =>
  new Promise((resolve) => {
    const windows = process.platform === 'win32';
    const env = windows ? { SystemRoot: process.env['SystemRoot'] ?? 'C:\\Windows' } : { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' };
    execFile(tool, [...args], { timeout: TOOL_MS, maxBuffer: MAX_OUTPUT, encoding: 'buffer', env, windowsHide: true, shell: false }, (error, stdout, stderr) => {
      // Errors go to stderr (reg.exe's «key not found» and «access denied», csptest's codes): kept after stdout.
      const bytes = Buffer.concat([stdout, stderr].map((b) => (Buffer.isBuffer(b) ? b : Buffer.from(String(b ?? '')))));
      const e = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      resolve({ text: decodeOutput(bytes, windows ? 'ibm866' : 'windows-1251'), code: e === null ? 0 : typeof e.code === 'number' ? e.code : null, timedOut: e?.killed === true });
    });
  });
