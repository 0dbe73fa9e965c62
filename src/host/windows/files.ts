import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * The file operations the Windows side needs, behind one interface: tests run on Linux, where
 * `C:\…` paths are mapped into a temp dir by a fake; on Windows this is plain node:fs.
 */
export interface WindowsFs {
  exists(file: string): boolean;
  /** Size in bytes; throws (ENOENT, EACCES) like statSync. */
  size(file: string): number;
  read(file: string): Buffer;
  write(file: string, text: string): void;
  mkdir(dir: string): void;
  remove(file: string): void;
}

export const nodeWindowsFs: WindowsFs = {
  exists: (file) => existsSync(file),
  size: (file) => statSync(file).size,
  read: (file) => readFileSync(file),
  write: (file, text) => writeFileSync(file, text),
  mkdir: (dir) => mkdirSync(dir, { recursive: true }),
  remove: (file) => rmSync(file, { force: true }),
};
