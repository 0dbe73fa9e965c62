import type { HostState } from './interpret';

/**
 * What a failed `connectNative` says about a host we are not allowed to use (research §5, §6.1):
 * "forbidden" means its manifest exists (installed), "not found" that it does not. Firefox words it
 * differently and, in newer versions, ambiguously — that stays unknown.
 */
export function nativeHostState(message: string | undefined): HostState {
  const text = message ?? '';
  if (/forbidden/i.test(text)) return 'installed';
  if (/not found|no such native application/i.test(text)) return 'missing';
  if (/does not have permission/i.test(text) && !/not installed/i.test(text)) return 'installed';
  return 'unknown';
}
