import path from 'node:path';

/**
 * Where the Windows side finds programs and files. Only two roots are trusted, the Windows folder and
 * Program Files, and both come from the environment only after a strict check: a value from a hostile
 * or broken environment must never turn into a program path (no quotes, pipes, wildcards, `%`, control
 * characters, UNC or relative paths).
 */
export type WindowsEnv = Readonly<Record<string, string | undefined>>;

const ABSOLUTE = /^[A-Za-z]:\\[^"<>|*?%\x00-\x1f]*$/;
const MAX_PATH = 240;

/** `C:\…` with nothing a command line or the shell could reinterpret. */
export function isWindowsAbsolutePath(value: string): boolean {
  return value.length <= MAX_PATH && ABSOLUTE.test(value) && !value.split('\\').includes('..');
}

/** Windows variable names ignore case; a plain object (tests, a copied env) does not. */
function envValue(env: WindowsEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}

function trustedDir(env: WindowsEnv, name: string, fallback: string): string {
  const value = envValue(env, name);
  if (value === undefined || !isWindowsAbsolutePath(value)) return fallback;
  // `C:\` stays a root; `C:\Windows\` loses the trailing separator so joins stay clean.
  return value.length > 3 ? value.replace(/\\+$/, '') : value;
}

export interface WindowsDirs {
  windows: string;
  system32: string;
  programFiles: string;
  programFilesX86: string;
  /** CryptoPro CSP's own folder (csptest.exe, certmgr.exe). */
  csp: string;
}

export function windowsDirs(env: WindowsEnv): WindowsDirs {
  const windows = trustedDir(env, 'SystemRoot', 'C:\\Windows');
  const programFiles = trustedDir(env, 'ProgramFiles', 'C:\\Program Files');
  return {
    windows,
    system32: path.win32.join(windows, 'System32'),
    programFiles,
    programFilesX86: trustedDir(env, 'ProgramFiles(x86)', 'C:\\Program Files (x86)'),
    csp: path.win32.join(programFiles, 'Crypto Pro', 'CSP'),
  };
}

/** `%Name%` references in REG_EXPAND_SZ data, expanded from the same environment; unknown ones stay. */
export function expandEnvironment(value: string, env: WindowsEnv): string {
  return value.replace(/%([^%\\]{1,64})%/g, (whole, name: string) => envValue(env, name) ?? whole);
}
