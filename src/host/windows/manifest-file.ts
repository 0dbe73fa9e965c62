import path from 'node:path';
import { checkManifestFields, parseManifestText, type ManifestJson, type ManifestState } from '../manifests';
import { nodeWindowsFs, type WindowsFs } from './files';

const MAX_MANIFEST_BYTES = 64 * 1024;
const DRIVE_ABSOLUTE = /^[A-Za-z]:[\\/]/;
const NETWORK = /^[\\/]{2}/;

/**
 * One host manifest as Chrome and Firefox read it on Windows: Windows path rules whatever OS runs the
 * tests, registry values that must be absolute, network shares not opened. The fields are checked as
 * on every OS (checkManifestFields), so evidence reads the same.
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
  let json: ManifestJson;
  try {
    if (fs.size(file) > MAX_MANIFEST_BYTES) {
      state.issues.push('is larger than 64 KB');
      return state;
    }
    json = parseManifestText(fs.read(file).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    state.issues.push(code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read' : 'is not valid JSON');
    return state;
  }
  if (json === null || typeof json !== 'object') {
    state.issues.push('is not valid JSON');
    return state;
  }
  const program = checkManifestFields(json, name, state);
  if (program === null) return state;
  // On Windows a relative `path` is relative to the manifest's folder (Chrome and MDN docs).
  const target = DRIVE_ABSOLUTE.test(program) || NETWORK.test(program) ? program : path.win32.resolve(path.win32.dirname(file), program);
  if (!NETWORK.test(target) && !fs.exists(target)) state.issues.push(`points to ${state.path}, which does not exist`);
  return state;
}
