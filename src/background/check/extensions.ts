import { browser } from 'wxt/browser';
import type { CheckFacts } from '../../core/check-result';
import { isSigningExtension, SIGNING_EXTENSIONS } from '../../plugin/extension-ids';

/**
 * Signing extensions with their state, when the user granted the optional `management` permission
 * (asked for on a button); null otherwise. Conflicts are reported, never fixed: we do not switch other
 * vendors' extensions on or off; the check judges the list once it knows which copy answered the page.
 */
export async function signingExtensions(): Promise<{ list: CheckFacts['extensions'] }> {
  const granted = await browser.permissions.contains({ permissions: ['management'] }).catch(() => false);
  if (!granted || browser.management === undefined) return { list: null };
  const all = await browser.management.getAll();
  // Known ids, and copies of the CryptoPro extension under other ids (a browser-bundled or side-loaded one).
  const list = all
    .filter((e) => isSigningExtension(e.id, e.name))
    .slice(0, 20)
    .map((e) => ({ id: e.id.slice(0, 40), name: (SIGNING_EXTENSIONS[e.id] ?? e.name).slice(0, 100), enabled: e.enabled, version: e.version.slice(0, 40), installType: e.installType }));
  return { list };
}
