import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { install, status, uninstall } from './install';
import { installDir, placeExecutable } from './install-location';
import { BROWSERS, type BrowserName } from './manifests';
import type { HostEnvironment } from './serve';
import { installWindows, statusWindows, uninstallWindows } from './windows/install';

const USAGE = `usage: ep-doctor-host install|uninstall|status [--browser ${BROWSERS.join('|')}]\n`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `ep-doctor-host install|uninstall|status`, per user and without admin rights: install copies the
 * executable into the user's program folder (see install-location.ts) and registers that copy for the
 * browsers found; uninstall removes both; status says what is registered and what is wrong with it.
 * Returns the exit code.
 */
export async function cli(args: readonly string[], env: HostEnvironment, executable: { path: string; single: boolean }, io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  const at = rest.indexOf('--browser');
  const browser = at >= 0 ? rest[at + 1] : undefined;
  if (browser !== undefined && !(BROWSERS as readonly string[]).includes(browser)) {
    io.err(`ep-doctor-host: unknown browser ${browser}; one of ${BROWSERS.join(', ')}\n`);
    return 2;
  }
  const browsers = browser === undefined ? undefined : [browser as BrowserName];
  const vars = env.vars ?? process.env;
  const dir = installDir(env.platform, env.home, vars);
  const windows = env.platform === 'win32';
  const exeName = windows ? 'ep-doctor-host.exe' : 'ep-doctor-host';
  try {
    if (command === 'install') {
      // Only the single executable can be copied and started by a browser on its own.
      if (!executable.single) throw new Error('install runs from the built executable (npm run build:host), not from the sources');
      const hostPath = placeExecutable(executable.path, dir, exeName);
      io.out(`installed: ${hostPath}\n`);
      if (windows) for (const line of (await installWindows({ env: vars, hostPath, manifestDir: dir, ...(browsers === undefined ? {} : { browsers }) })).lines) io.out(`${line}\n`);
      else {
        const written = install({ platform: env.platform, home: env.home, hostPath, ...(browsers === undefined ? {} : { browsers }) });
        if (written.length === 0) io.out('no browser found to register for; use --browser to name one\n');
        for (const file of written) io.out(`registered: ${file}\n`);
      }
      return 0;
    }
    if (command === 'uninstall') {
      if (windows) {
        for (const line of (await uninstallWindows({ env: vars, manifestDir: dir })).lines) io.out(`${line}\n`);
        // A running .exe cannot delete itself on Windows: the folder is named for the user instead.
        io.out(`the program stays in ${dir}: delete that folder to remove it\n`);
      } else {
        for (const file of uninstall({ platform: env.platform, home: env.home })) io.out(`removed: ${file}\n`);
        if (existsSync(path.join(dir, exeName))) {
          rmSync(path.join(dir, exeName));
          io.out(`removed: ${path.join(dir, exeName)}\n`);
        }
      }
      return 0;
    }
    if (command === 'status') {
      const found = windows
        ? (await statusWindows({ env: vars })).filter((s) => s.manifest !== null).map((s) => ({ what: `${s.browsers.join(', ')}: ${s.key} → ${s.manifest}`, issues: s.issues }))
        : status({ platform: env.platform, home: env.home, root: env.root }).map((s) => ({ what: `${s.browser}: ${s.file}`, issues: s.issues }));
      if (found.length === 0) io.out('not registered for any browser\n');
      for (const s of found) io.out(`${s.what}${s.issues.length > 0 ? ` — ${s.issues.join('; ')}` : ' — ok'}\n`);
      return found.some((s) => s.issues.length > 0) ? 1 : 0;
    }
    io.err(USAGE);
    return 2;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Windows keeps a running program's file locked: the browser may be running the installed copy.
    const hint = windows && (code === 'EBUSY' || code === 'EPERM') ? ' (close the browsers and try again)' : '';
    io.err(`ep-doctor-host: ${(error as Error).message}${hint}\n`);
    return 1;
  }
}
