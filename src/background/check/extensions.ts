import { browser } from 'wxt/browser';
import type { CheckFacts, CheckProblem } from '../../core/check-result';
import { SIGNING_EXTENSIONS } from '../../plugin/extension-ids';
import { extensionConflicts } from '../../plugin/interpret';

/**
 * Signing extensions with their state, when the user granted the optional `management` permission
 * (asked for on a button); null otherwise. Conflicts are reported, never fixed: we do not switch other
 * vendors' extensions on or off.
 */
export async function signingExtensions(): Promise<{ list: CheckFacts['extensions']; problems: CheckProblem[] }> {
  const granted = await browser.permissions.contains({ permissions: ['management'] }).catch(() => false);
  if (!granted || browser.management === undefined) return { list: null, problems: [] };
  const all = await browser.management.getAll();
  const list = all
    .filter((e) => SIGNING_EXTENSIONS[e.id] !== undefined)
    .map((e) => ({ id: e.id, name: (SIGNING_EXTENSIONS[e.id] ?? e.name).slice(0, 100), enabled: e.enabled, version: e.version.slice(0, 40) }));
  return { list, problems: extensionConflicts(list) };
}
