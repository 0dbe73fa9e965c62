/**
 * Callers the host serves: ep-doctor's own extension. Chrome passes the caller's origin as the first
 * argument; Firefox passes the manifest path and then the add-on id.
 */
export const EXTENSION_ORIGINS = ['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/'] as const;
export const FIREFOX_ADDON_IDS = ['ep-doctor@ep-doctor.dev'] as const;

export function callerAllowed(argv: readonly string[]): boolean {
  return argv.some((a) => (EXTENSION_ORIGINS as readonly string[]).includes(a) || (FIREFOX_ADDON_IDS as readonly string[]).includes(a));
}

/** A native-messaging start (an origin or a Firefox manifest path among the arguments), not a CLI call. */
export function startedByBrowser(argv: readonly string[]): boolean {
  return argv.some((a) => a.startsWith('chrome-extension://') || a.endsWith('.json') || a.startsWith('--parent-window='));
}
