import { browser } from 'wxt/browser';
import { ORG_POLICY_KEY, parseOrgPolicy, storedOrgPolicy, type ParsedOrgPolicy } from '../core/org-policy';

/**
 * The organisation's policy, read from managed storage (Chrome-family policy, Firefox policies.json)
 * and kept parsed in storage.local for the popup and the hint packs. No policy: an empty one.
 */
export async function refreshOrgPolicy(): Promise<ParsedOrgPolicy> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    // Firefox without a policy for us, or a browser without managed storage.
    raw = {};
  }
  const parsed = parseOrgPolicy(raw);
  await browser.storage.local.set({ [ORG_POLICY_KEY]: parsed });
  return parsed;
}

export async function readOrgPolicy(): Promise<ParsedOrgPolicy> {
  const stored: unknown = (await browser.storage.local.get(ORG_POLICY_KEY))[ORG_POLICY_KEY];
  // What this background wrote, parsed again: storage.local is ours, but a stale shape must not crash a check.
  return stored === undefined ? refreshOrgPolicy() : storedOrgPolicy(stored);
}
