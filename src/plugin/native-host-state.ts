import type { HostState } from './interpret';

/**
 * What a failed `connectNative` says about a host we are not allowed to use (research §5, §6.1):
 * Chromium's "forbidden" means its manifest exists (installed), "not found" that it does not. Firefox
 * ESR 153 says «No such native application X» both for a host whose manifest does not list us and for
 * a host with no manifest at all (seen with the simulator's registered nmcades): unknown, and the
 * companion host reads the manifests instead. Older Firefox wording stays as it was read.
 */
export function nativeHostState(message: string | undefined): HostState {
  const text = message ?? '';
  if (/forbidden/i.test(text)) return 'installed';
  if (/no such native application/i.test(text)) return 'unknown';
  if (/not found/i.test(text)) return 'missing';
  if (/does not have permission/i.test(text) && !/not installed/i.test(text)) return 'installed';
  return 'unknown';
}
