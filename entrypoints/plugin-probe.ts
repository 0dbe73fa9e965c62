import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PROBE_EXTENSION_IDS } from '../src/plugin/build-flags';
import { PROBE_OPTIONS_KEY, type ProbeOptions } from '../src/plugin/probe/report';
import { runProbe } from '../src/plugin/probe/run';

/**
 * Injected by the background into the page's MAIN world on a user action only; its result is the
 * return value of scripting.executeScript, so no page message can pose as it.
 */
export default defineUnlistedScript(() => {
  const stash = (document as unknown as Record<string, unknown>)[PROBE_OPTIONS_KEY];
  try {
    delete (document as unknown as Record<string, unknown>)[PROBE_OPTIONS_KEY];
  } catch {
    // a page-made trap: the options are only a mode and a thumbprint, the defaults are safe
  }
  const given = typeof stash === 'object' && stash !== null ? (stash as ProbeOptions) : null;
  const nativeHost = given !== null && (given.nativeHost === 'installed' || given.nativeHost === 'missing') ? given.nativeHost : 'unknown';
  const options: ProbeOptions =
    given !== null && given.mode === 'sign' && typeof given.thumbprint === 'string'
      ? { mode: 'sign', thumbprint: String(given.thumbprint).slice(0, 64), nativeHost }
      : { mode: 'quick', nativeHost };
  return runProbe(window, PROBE_EXTENSION_IDS, options);
});
