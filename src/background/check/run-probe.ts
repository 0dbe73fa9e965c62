import { browser } from 'wxt/browser';
import { parseProbeReport } from '../../plugin/probe-schema';
import { PROBE_OPTIONS_KEY, type ProbeOptions, type ProbeReport } from '../../plugin/probe/report';

/** The quick probe ends well within this (its own calls are bounded); a PIN prompt gets two minutes. */
const QUICK_MS = 25_000;
const SIGN_MS = 150_000;

export type ProbeOutcome = { ok: true; report: ProbeReport } | { ok: false; reason: 'no-access' | 'timeout' | 'bad-report'; detail: string };

function timeout<T>(ms: number): Promise<T> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

/**
 * Runs the plug-in probe in the tab's top frame, in the page's own world (where the site's
 * `cadesplugin` and the CryptoPro bridge live). Options go first through a one-shot stash; the report
 * is the script's return value, parsed here because the page could have shaped it.
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
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      world: 'MAIN',
      func: (key: string, value: ProbeOptions) => {
        try {
          Object.defineProperty(document, key, { value, configurable: true });
        } catch {
          // the probe falls back to its defaults
        }
      },
      args: [PROBE_OPTIONS_KEY, options],
    });
    const injection = browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, world: 'MAIN', files: ['/plugin-probe.js'] });
    const [result] = await Promise.race([injection, timeout<Awaited<typeof injection>>(options.mode === 'sign' ? SIGN_MS : QUICK_MS)]);
    const report = parseProbeReport(result?.result);
    return report === null ? { ok: false, reason: 'bad-report', detail: 'the probe result from the page did not match its schema' } : { ok: true, report };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    return message === 'timeout' ? { ok: false, reason: 'timeout', detail: 'the probe did not finish' } : { ok: false, reason: 'no-access', detail: message.slice(0, 300) };
  }
}
