import path from 'node:path';
import type { ManifestState } from '../manifests';
import { nodeWindowsFs, type WindowsFs } from './files';

const MAX_MANIFEST_BYTES = 64 * 1024;
const DRIVE_ABSOLUTE = /^[A-Za-z]:[\\/]/;
const NETWORK = /^[\\/]{2}/;

/**
 * One host manifest as Chrome and Firefox read it on Windows. The shared `inspectManifest` is not used
 * because it follows the host OS's path rules (POSIX in tests) and rejects a UTF-8 byte-order mark,
 * which Windows tools often write and both browsers accept (Chrome's JSON reader skips it, Firefox
 * decodes with TextDecoder). Issue wording matches it, so evidence reads the same on every OS.
 */
export function inspectWindowsManifest(file: string, name: string, fs: WindowsFs = nodeWindowsFs): ManifestState {
  const state: ManifestState = { file, issues: [], path: null, allowed: [] };
  // Chrome refuses a registry value that is not an absolute path ("must be absolute").
  if (!DRIVE_ABSOLUTE.test(file) && !NETWORK.test(file)) {
    state.issues.push('is not an absolute path');
    return state;
  }
  // A network path would make the host open an SMB connection on the user's behalf: not read.
  if (NETWORK.test(file)) {
    state.issues.push('is on a network share (not read)');
    return state;
  }
  let json: { name?: unknown; path?: unknown; allowed_origins?: unknown; allowed_extensions?: unknown };
  try {
    if (fs.size(file) > MAX_MANIFEST_BYTES) {
      state.issues.push('is larger than 64 KB');
      return state;
    }
    json = JSON.parse(fs.read(file).toString('utf8').replace(/^\uFEFF/, '')) as typeof json;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    state.issues.push(code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read' : 'is not valid JSON');
    return state;
  }
  if (json === null || typeof json !== 'object') {
    state.issues.push('is not valid JSON');
    return state;
  }
  if (json.name !== name) state.issues.push(`names "${String(json.name).slice(0, 60)}", not ${name}`);
  const allowed = Array.isArray(json.allowed_origins) ? json.allowed_origins : Array.isArray(json.allowed_extensions) ? json.allowed_extensions : [];
  state.allowed = allowed.filter((o): o is string => typeof o === 'string').slice(0, 20);
  if (typeof json.path !== 'string' || json.path === '') {
    state.issues.push('has no path');
    return state;
  }
  state.path = json.path.slice(0, 300);
  // On Windows a relative `path` is relative to the manifest's folder (Chrome and MDN docs).
  const target = DRIVE_ABSOLUTE.test(json.path) || NETWORK.test(json.path) ? json.path : path.win32.resolve(path.win32.dirname(file), json.path);
  if (!NETWORK.test(target) && !fs.exists(target)) state.issues.push(`points to ${state.path}, which does not exist`);
  return state;
}
