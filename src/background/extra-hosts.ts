import { browser } from 'wxt/browser';
import { EXTRA_HOST_SCRIPT_PREFIX, extraHostPattern, extraHostScripts, uncoveredExtraHosts, type ManifestContentScript } from '../core/extra-hosts';
import type { ParsedOrgPolicy } from '../core/org-policy';
import { PLATFORM_MATCHES } from '../platforms';
import { readOrgPolicy } from './org-policy';

/**
 * The organisation's extra platform hosts (policy `extraHosts`): where the user has granted the optional
 * host permission (the popup asks, src/popup/OrgHosts.tsx), the manifest's content scripts are
 * registered for them; hosts the policy no longer names lose both the scripts and the permission.
 * Runs at start, when the policy changes and when a permission is granted or removed; one run at a time.
 */
let running: Promise<void> = Promise.resolve();

export function syncExtraHosts(policy?: ParsedOrgPolicy): Promise<void> {
  running = running.then(() => syncNow(policy)).catch(() => undefined);
  return running;
}

export function watchExtraHostPermissions(): void {
  browser.permissions.onAdded.addListener(() => void syncExtraHosts());
  browser.permissions.onRemoved.addListener(() => void syncExtraHosts());
}

async function syncNow(given?: ParsedOrgPolicy): Promise<void> {
  const policy = given ?? (await readOrgPolicy());
  const manifest = browser.runtime.getManifest();
  const wanted = new Set(uncoveredExtraHosts(policy.policy.extraHosts ?? [], PLATFORM_MATCHES).map(extraHostPattern));
  const required = new Set(manifest.host_permissions ?? []);
  // Least privilege: an origin granted for a host the policy dropped is given back (no gesture needed).
  const stale = ((await browser.permissions.getAll()).origins ?? []).filter((o) => !required.has(o) && !wanted.has(o));
  if (stale.length > 0) await browser.permissions.remove({ origins: stale }).catch(() => false);
  const granted: string[] = [];
  for (const pattern of wanted) if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);

  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((s) => s.id.startsWith(EXTRA_HOST_SCRIPT_PREFIX)).map((s) => s.id);
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });
  const scripts = extraHostScripts((manifest.content_scripts ?? []) as ManifestContentScript[], granted, browser.runtime.getURL('/'));
  if (scripts.length > 0) await browser.scripting.registerContentScripts(scripts);
}
