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
/** The origins the policy named at the last run: the only ones a later run may take back. */
const NAMED_KEY = 'extra-hosts:named';

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
  // Only those the policy named before: a site the user allowed through the browser's own menu stays theirs.
  const before: unknown = (await browser.storage.local.get(NAMED_KEY))[NAMED_KEY];
  const named = Array.isArray(before) ? before.filter((o): o is string => typeof o === 'string') : [];
  for (const origin of named) {
    if (wanted.has(origin) || required.has(origin)) continue;
    // One at a time: a refused removal must not keep the others.
    await browser.permissions.remove({ origins: [origin] }).catch(() => false);
  }
  await browser.storage.local.set({ [NAMED_KEY]: [...wanted] });
  const granted: string[] = [];
  for (const pattern of wanted) if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);

  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((s) => s.id.startsWith(EXTRA_HOST_SCRIPT_PREFIX)).map((s) => s.id);
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });
  const scripts = extraHostScripts((manifest.content_scripts ?? []) as ManifestContentScript[], granted, browser.runtime.getURL('/'));
  if (scripts.length > 0) await browser.scripting.registerContentScripts(scripts);
}
