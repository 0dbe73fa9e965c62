import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestDirs, type BrowserName, inspectManifest } from './manifests';
import { hostManifestText } from './host-manifest';
import { HOST_NAME } from './protocol';

/**
 * Per-user registration (no admin): a manifest named ru.ep_doctor.host.json in each browser's user
 * folder that exists (or the ones asked for), allowing only ep-doctor. Windows: windows/install.ts
 * (HKCU keys through reg.exe).
 */
export function install(opts: { platform: NodeJS.Platform; home: string; hostPath: string; browsers?: readonly BrowserName[] }): string[] {
  if (opts.platform === 'win32') throw new Error('Windows registers through the registry: windows/install.ts');
  const written: string[] = [];
  for (const d of manifestDirs(opts.platform, opts.home)) {
    const wanted = opts.browsers === undefined ? existsSync(path.dirname(d.user)) : opts.browsers.includes(d.browser);
    if (!wanted) continue;
    mkdirSync(d.user, { recursive: true });
    const file = path.join(d.user, `${HOST_NAME}.json`);
    writeFileSync(file, hostManifestText(d.browser === 'firefox' ? 'firefox' : 'chromium', opts.hostPath));
    written.push(file);
  }
  return written;
}

export function uninstall(opts: { platform: NodeJS.Platform; home: string }): string[] {
  const removed: string[] = [];
  for (const d of manifestDirs(opts.platform, opts.home)) {
    const file = path.join(d.user, `${HOST_NAME}.json`);
    if (existsSync(file)) {
      rmSync(file);
      removed.push(file);
    }
  }
  return removed;
}

/** Our manifests per browser: the user's own (the CLI's install) and the system ones (the .deb's). */
export function status(opts: { platform: NodeJS.Platform; home: string; root?: string }): { browser: BrowserName; file: string; issues: string[] }[] {
  return manifestDirs(opts.platform, opts.home, opts.root ?? '').flatMap((d) =>
    [d.user, ...d.system].flatMap((dir) => {
      const file = path.join(dir, `${HOST_NAME}.json`);
      // A system manifest (under the test root, if any) names a system path; a user's names their own file.
      const root = dir === d.user ? '' : (opts.root ?? '');
      return existsSync(file) ? [{ browser: d.browser, file, issues: inspectManifest(file, HOST_NAME, root).issues }] : [];
    }),
  );
}
