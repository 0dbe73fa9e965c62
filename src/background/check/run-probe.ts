import { browser } from 'wxt/browser';
import { PROBE_EXTENSION_IDS } from '../../plugin/build-flags';
import { CRYPTOPRO_BRIDGE } from '../../plugin/extension-ids';
import { readPageState } from '../../plugin/page-state';
import { presentBridges } from '../../plugin/probe/bridge-presence';
import { PLUGIN_SILENCE_KEY } from '../../plugin/plugin-silence';
import { parsePageState, parseProbeReport } from '../../plugin/probe-schema';
import { TIMEOUTS } from '../../plugin/probe/connect';
import { PROBE_OPTIONS_KEY, type ProbeOptions, type ProbeReport } from '../../plugin/probe/report';

/** The quick probe ends well within this (its own calls are bounded); a PIN prompt gets two minutes. */
const QUICK_MS = 25_000;
const SIGN_MS = 150_000;
/** The page-world step waits `pageLoaderGrace` for a pending loader and ≤ 1.5 s for the bridge script; a page that stalls it is not waited for. */
const PAGE_STATE_MS = 2500;

/** The presence answer, in probing order; anything malformed counts as absent. */
function parseBridges(raw: unknown, ids: readonly string[]): { id: string; loaded: boolean }[] {
  const list = Array.isArray(raw) ? (raw as { id?: unknown; loaded?: unknown }[]) : [];
  return ids.map((id) => ({ id, loaded: list.some((b) => b?.id === id && b.loaded === true) }));
}

export type ProbeOutcome = { ok: true; report: ProbeReport } | { ok: false; reason: 'no-access' | 'timeout' | 'bad-report'; detail: string };

function timeout<T>(ms: number): Promise<T> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

/**
 * Runs the plug-in probe in the tab's top frame, in ep-doctor's isolated world (src/plugin/probe). The
 * report is the script's return value, parsed here: it carries what the page and the plug-in said.
 */
const queues = new Map<number, Promise<unknown>>();

/** One probe per tab at a time, whatever its kind: two would share the page's plug-in globals. */
export function runProbeInTab(tabId: number, options: ProbeOptions): Promise<ProbeOutcome> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(() => probeOnce(tabId, options));
  const settled = next.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

async function probeOnce(tabId: number, options: ProbeOptions): Promise<ProbeOutcome> {
  try {
    const target = { tabId, frameIds: [0] };
    // Which CryptoPro extensions are there, asked from our own world (the page cannot fake a fetch).
    const [presence] = await browser.scripting.executeScript({ target, world: 'ISOLATED', func: presentBridges, args: [PROBE_EXTENSION_IDS, CRYPTOPRO_BRIDGE, TIMEOUTS.script] });
    const bridges = parseBridges(presence?.result, PROBE_EXTENSION_IDS);
    const firstBridge = bridges.find((b) => b.loaded);
    // What the page's own loader did, read in the page's world (a hint for waits and evidence only); and
    // the bridge script the CryptoPro content script needs to see in the page.
    const [state] = await Promise.race([
      browser.scripting.executeScript({ target, world: 'MAIN', func: readPageState, args: [TIMEOUTS.pageLoaderGrace, PLUGIN_SILENCE_KEY, firstBridge === undefined ? null : `chrome-extension://${firstBridge.id}/${CRYPTOPRO_BRIDGE}`] }),
      timeout<never>(PAGE_STATE_MS).catch(() => [undefined]),
    ]);
    const page = parsePageState(state?.result);
    await browser.scripting.executeScript({
      target,
      world: 'ISOLATED',
      func: (key: string, value: ProbeOptions) => {
        (globalThis as unknown as Record<symbol, ProbeOptions>)[Symbol.for(key)] = value;
      },
      args: [PROBE_OPTIONS_KEY, { ...options, bridges, ...(page === null ? {} : { page }) }],
    });
    const injection = browser.scripting.executeScript({ target, world: 'ISOLATED', files: ['/plugin-probe.js'] });
    const [result] = await Promise.race([injection, timeout<Awaited<typeof injection>>(options.mode === 'sign' ? SIGN_MS : QUICK_MS)]);
    const report = parseProbeReport(result?.result);
    return report === null ? { ok: false, reason: 'bad-report', detail: 'the probe result did not match its schema' } : { ok: true, report };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    return message === 'timeout' ? { ok: false, reason: 'timeout', detail: 'the probe did not finish' } : { ok: false, reason: 'no-access', detail: message.slice(0, 300) };
  }
}
