import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeBinary } from '@/scripts/host/node-binaries';
import { decodeOutput } from '@/src/host/run-tool';
import { parseRegQuery } from '@/src/host/windows/reg';

/** What Wine 8's reg.exe prints for an absent key (tests/fixtures/host/windows/wine/reg-query-not-found.txt). */
const WINE_REG_NOT_FOUND = /^reg: Unable to find the specified registry key/m;

/**
 * A throw-away Windows for tests: a Wine prefix of its own (Windows 10, 64-bit), its registry, its
 * reg.exe, cmd.exe and msiexec. Programs' output goes through files: Node for Windows cannot open a
 * Linux pipe Wine hands it as stdio (EBADF), while the pipes Windows programs make for each other
 * work as on Windows.
 */
export const WINE = '/usr/bin/wine';
export const HOST_CACHE = path.resolve(import.meta.dirname, '../../node_modules/.cache/ep-doctor-host');

export interface WineRun {
  code: number | null;
  /** stdout then stderr, decoded as the host decodes tool output. */
  text: string;
}

export interface WinePrefix {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** `C:\…` → the file in the prefix. */
  unix(windowsPath: string): string;
  run(program: string, args: readonly string[], timeoutMs?: number): Promise<WineRun>;
  reg(args: readonly string[]): Promise<WineRun>;
  /**
   * A key's default value as Wine's reg.exe prints it; null only when reg.exe says the key is absent.
   * Any other failed run is asked again, twice at most, then thrown with what reg.exe printed.
   */
  defaultValue(key: string, view?: 32 | 64): Promise<string | null>;
  /** Imports a .reg file's text (REGEDIT4 syntax) into the prefix's registry. */
  importReg(text: string): Promise<void>;
  close(): void;
}

/** Wine without its dialogs: no Mono or Gecko download, no debug chatter. */
function wineEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WINEPREFIX: dir, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  return env;
}

export async function createPrefix(): Promise<WinePrefix> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ep-doctor-wine-'));
  const env = wineEnv(dir);
  const scratch = mkdtempSync(path.join(tmpdir(), 'ep-doctor-wine-out-'));
  let n = 0;
  const run = (program: string, args: readonly string[], timeoutMs = 120_000): Promise<WineRun> =>
    new Promise((resolve, reject) => {
      const file = path.join(scratch, `${n++}.txt`);
      const fd = openSync(file, 'w');
      const child = spawn(WINE, [program, ...args], { env, stdio: ['ignore', fd, fd] });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        closeSync(fd);
        resolve({ code, text: decodeOutput(readFileSync(file)) });
      });
    });
  // A persistent wineserver keeps every later command from paying its start.
  spawnSync('wineserver', ['-p'], { env, stdio: 'ignore' });
  const boot = await run('wineboot', ['-i'], 300_000);
  if (boot.code !== 0) throw new Error(`wineboot failed (${boot.code}): ${boot.text.slice(0, 500)}`);
  const prefix: WinePrefix = {
    dir,
    env,
    unix: (windowsPath) => {
      const match = /^C:\\(.*)$/i.exec(windowsPath);
      if (match === null) throw new Error(`not a C: path: ${windowsPath}`);
      return path.join(dir, 'drive_c', ...match[1]!.split('\\'));
    },
    run,
    reg: (args) => run('reg', args),
    defaultValue: (key, view) => readDefaultValue((args) => run('reg', args), key, view),
    importReg: async (text) => {
      const file = path.join(scratch, `import-${n++}.reg`);
      // regedit reads UTF-16 with a byte-order mark, as Windows writes .reg files.
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Windows Registry Editor Version 5.00\r\n\r\n${text.replace(/\r?\n/g, '\r\n')}\r\n`, 'utf16le')]));
      const out = await run('regedit', ['/S', `Z:${file.replaceAll('/', '\\')}`]);
      if (out.code !== 0) throw new Error(`regedit failed (${out.code}): ${out.text}`);
    },
    close: () => {
      spawnSync('wineserver', ['-k'], { env, stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  // Node for Windows refuses anything older than Windows 8.1; a new prefix says Windows 7.
  const version = await prefix.reg(['add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f']);
  if (version.code !== 0) throw new Error(`could not set the Windows version: ${version.text}`);
  return prefix;
}

// Twice in full runs on the loaded machine a present key read as missing, from the host's reg.exe and
// from this one (2026-12-07, see tests/fixtures/host/windows/wine/README.md): only reg.exe's own
// «Unable to find» is an absent key, and what it printed otherwise is kept to see what happened.
async function readDefaultValue(reg: (args: readonly string[]) => Promise<WineRun>, key: string, view?: 32 | 64): Promise<string | null> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const out = await reg(['query', key, '/ve', ...(view === undefined ? [] : [`/reg:${view}`])]);
    if (out.code === 0) {
      const value = parseRegQuery(out.text)[0]?.values.find((v) => v.name === '')?.data;
      if (value !== undefined) return value;
    } else if (WINE_REG_NOT_FOUND.test(out.text)) {
      return null;
    }
    failures.push(`exit ${out.code}: ${JSON.stringify(out.text.slice(0, 300))}`);
    process.stdout.write(`  wine reg query ${key} failed (attempt ${attempt}): ${failures.at(-1)}\n`);
  }
  throw new Error(`reg query ${key} /ve failed 3 times: ${failures.join('; ')}`);
}

/** A Linux path as Wine's Z: drive shows it. */
export const zPath = (unixPath: string): string => `Z:${path.resolve(unixPath).replaceAll('/', '\\')}`;

/** The official Node for Windows the host executable is built from: it plays the browser. */
export const windowsNode = (): string => nodeBinary('win-x64', HOST_CACHE);

export interface LaunchResult {
  replies: { ms: number; reply: Record<string, unknown> }[];
  exit: number | null;
  stderr: string;
}

/** Starts `hostExe` as Chrome (an origin) or Firefox (a manifest path) on Windows would, sends the requests in turn. */
export async function launchAsBrowser(prefix: WinePrefix, mode: 'chrome' | 'firefox', hostExe: string, arg: string, requests: readonly unknown[]): Promise<LaunchResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'ep-doctor-launch-'));
  try {
    const requestsFile = path.join(work, 'requests.json');
    const outFile = path.join(work, 'out.json');
    writeFileSync(requestsFile, JSON.stringify(requests));
    const run = await prefix.run(windowsNode(), [zPath(path.join(import.meta.dirname, 'browser-launch.mjs')), mode, hostExe, arg, zPath(requestsFile), zPath(outFile)]);
    let out: string;
    try {
      out = readFileSync(outFile, 'utf8');
    } catch {
      throw new Error(`the launcher wrote nothing (exit ${run.code}): ${run.text.slice(0, 800)}`);
    }
    return JSON.parse(out) as LaunchResult;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
