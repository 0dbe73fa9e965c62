import { chmodSync, copyFileSync, existsSync, mkdirSync, realpathSync, renameSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `install` puts the executable, per user (no admin): a download folder gets cleaned, and a
 * manifest pointing into it would break the helper later.
 */
export function installDir(platform: NodeJS.Platform, home: string, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return path.win32.join(env['LOCALAPPDATA'] ?? path.win32.join(home, 'AppData', 'Local'), 'ep-doctor');
  if (platform === 'darwin') return path.join(home, 'Library/Application Support/ep-doctor');
  const data = env['XDG_DATA_HOME'];
  return path.join(data !== undefined && path.isAbsolute(data) ? data : path.join(home, '.local/share'), 'ep-doctor');
}

/** Copies the running executable into `dir` (through a temporary name, so a half-copied file is never used). */
export function placeExecutable(source: string, dir: string, name: string): string {
  const target = path.join(dir, name);
  if (existsSync(target) && realpathSync(target) === realpathSync(source)) return target;
  mkdirSync(dir, { recursive: true });
  const partial = `${target}.partial`;
  copyFileSync(source, partial);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}
