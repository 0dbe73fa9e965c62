import { browser } from 'wxt/browser';
import type { CheckFacts, CheckProblem } from '../../core/check-result';
import { CONFLICTING_EXTENSIONS, SIGNING_EXTENSIONS } from '../../plugin/extension-ids';
import { problem } from '../../plugin/interpret';

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
  const enabled = new Set(list.filter((e) => e.enabled).map((e) => e.id));
  const problems = CONFLICTING_EXTENSIONS.filter(([a, b]) => enabled.has(a) && enabled.has(b)).map(([a, b]) =>
    problem('signing-extension-conflict', 'discovery', `both enabled: ${SIGNING_EXTENSIONS[a]} and ${SIGNING_EXTENSIONS[b]}`),
  );
  return { list, problems };
}
