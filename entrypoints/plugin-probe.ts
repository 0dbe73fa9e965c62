import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PROBE_OPTIONS_KEY, type ProbeOptions } from '../src/plugin/probe/report';
import { runProbe } from '../src/plugin/probe/run';

/**
 * Injected by the background into ep-doctor's isolated world of the tab's top frame, on a user action
 * only. Its options were left in the same isolated world just before (the page can neither see nor set
 * them); its result is the script's return value, so no page message can pose as it.
 */
export default defineUnlistedScript(() => {
  const key = Symbol.for(PROBE_OPTIONS_KEY);
  const store = globalThis as unknown as Record<symbol, ProbeOptions | undefined>;
  const given = store[key];
  delete store[key];
  // No options means nothing asked for a signature: the plain check, which never signs.
  const options: ProbeOptions = given ?? { mode: 'quick' };
  return runProbe(window, options);
});
