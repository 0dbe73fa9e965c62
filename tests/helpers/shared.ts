import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * The project's shared reference folder (spec, research, fixtures). It sits beside the repository
 * (`../shared`) on every developer machine and in CI; EP_DOCTOR_SHARED points elsewhere.
 */
export function sharedDir(): string {
  const candidates = [process.env.EP_DOCTOR_SHARED, path.join(ROOT, '../shared')].filter((p): p is string => p !== undefined && p !== '');
  const found = candidates.find((dir) => existsSync(path.join(dir, 'spec/problems.md')));
  if (found === undefined) {
    throw new Error(`The shared folder with spec/problems.md was not found (looked in: ${candidates.join(', ')}). Clone the repository beside shared/ or set EP_DOCTOR_SHARED.`);
  }
  return found;
}
