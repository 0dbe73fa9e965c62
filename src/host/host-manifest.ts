import { EXTENSION_ORIGINS, FIREFOX_ADDON_IDS } from './origins';
import { HOST_NAME } from './protocol';

/**
 * ep-doctor-host's own native-messaging manifest, as every installer writes it (the CLI's install,
 * the MSI, the .deb): Chromium browsers name the callers by origin, Firefox by add-on id. On Windows
 * `path` may be relative to the manifest's folder (Chrome and Firefox both allow it there).
 */
export const HOST_DESCRIPTION = 'ep-doctor companion (read-only diagnostics)';

export function hostManifest(kind: 'chromium' | 'firefox', hostPath: string): Record<string, unknown> {
  const callers = kind === 'firefox' ? { allowed_extensions: [...FIREFOX_ADDON_IDS] } : { allowed_origins: [...EXTENSION_ORIGINS] };
  return { name: HOST_NAME, description: HOST_DESCRIPTION, path: hostPath, type: 'stdio', ...callers };
}

export const hostManifestText = (kind: 'chromium' | 'firefox', hostPath: string): string => `${JSON.stringify(hostManifest(kind, hostPath), null, 2)}\n`;
