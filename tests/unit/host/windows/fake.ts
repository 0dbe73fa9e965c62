import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { nodeWindowsFs, type WindowsFs } from '@/src/host/windows/files';
import { decodeOutput, type ToolOutput, type ToolRunner } from '@/src/host/run-tool';

/** Helpers for the Windows tests: recorded/constructed tool outputs and a fake runner over them. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/host/windows');

export const REG = 'C:\\Windows\\System32\\reg.exe';
export const SC = 'C:\\Windows\\System32\\sc.exe';
export const CSP_DIR = 'C:\\Program Files\\Crypto Pro\\CSP';

/** A fixture as the real runner would hand it over: bytes decoded like run-tool does on Windows. */
export function output(name: string, code: number | null = 0): ToolOutput {
  return { text: decodeOutput(readFileSync(path.join(FIXTURES, name)), 'ibm866'), code, timedOut: false };
}
export const text = (body: string, code: number | null = 0): ToolOutput => ({ text: body, code, timedOut: false });

/** reg.exe for an absent key as the runner sees it (stdout, then stderr, where the error goes). */
export const ABSENT: ToolOutput = { text: 'ERROR: The system was unable to find the specified registry key or value.\r\n', code: 1, timedOut: false };
export const TIMED_OUT: ToolOutput = { text: '', code: null, timedOut: true };

export interface FakeRunner {
  run: ToolRunner;
  calls: string[];
}

/** Maps `tool arg arg…` (joined by spaces) to outputs; anything else answers like an absent key. */
export function fakeRunner(routes: Record<string, ToolOutput>, fallback: ToolOutput = ABSENT): FakeRunner {
  const calls: string[] = [];
  const run: ToolRunner = (tool, args) => {
    const call = [tool, ...args].join(' ');
    calls.push(call);
    return Promise.resolve(routes[call] ?? fallback);
  };
  return { run, calls };
}

/** `C:\A\B` → `<root>/C/A/B`: lets the Windows code read and write real files in a temp dir. */
export function mappedFs(root: string): WindowsFs & { local(file: string): string } {
  const local = (file: string) => {
    if (!/^[A-Za-z]:[\\/]/.test(file)) throw Object.assign(new Error(`not a drive path: ${file}`), { code: 'EINVAL' });
    return path.join(root, file[0]!.toUpperCase(), ...file.slice(3).split(/[\\/]/).filter((p) => p !== ''));
  };
  return {
    local,
    exists: (f) => nodeWindowsFs.exists(local(f)),
    size: (f) => nodeWindowsFs.size(local(f)),
    read: (f) => nodeWindowsFs.read(local(f)),
    write: (f, t) => nodeWindowsFs.write(local(f), t),
    mkdir: (d) => nodeWindowsFs.mkdir(local(d)),
    remove: (f) => nodeWindowsFs.remove(local(f)),
  };
}

/** A fresh mapped file system per test (in a temp dir removed afterwards); read `.fs` inside a test. */
export function mappedFsPerTest(prefix: string): { readonly fs: ReturnType<typeof mappedFs> } {
  let root = '';
  let fs: ReturnType<typeof mappedFs> | null = null;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), prefix));
    fs = mappedFs(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  return {
    get fs() {
      if (fs === null) throw new Error('the mapped file system exists only inside a test');
      return fs;
    },
  };
}
