/** Where the page-world watch below is published for the plug-in probe (same world, later script). */
export const PLUGIN_SILENCE_KEY = 'ep-doctor.plugin-silence';

/**
 * Runs in the page's MAIN world at document_start: notes when the page sends a request to the
 * CryptoPro extension (`{destination: "nmcades…", requestid}`) and when its answer comes
 * (`{tabid, data: {requestid}}`). The probe asks how long the oldest unanswered request has waited:
 * a site loader stuck for seconds already shows the plug-in's silence, so the check need not sit
 * through the same seconds again. Only waits depend on it — a page that fakes traffic can make the
 * check give up sooner on its own plug-in, never make it look healthy.
 */
export function installPluginSilenceWatch(win: Window & typeof globalThis): void {
  const now = win.performance.now.bind(win.performance);
  const pending = new Map<number, number>();
  win.addEventListener('message', (event) => {
    if (event.source !== win) return;
    const data = event.data as { destination?: unknown; requestid?: unknown; tabid?: unknown; data?: { requestid?: unknown } } | null;
    if (typeof data !== 'object' || data === null) return;
    if (typeof data.destination === 'string' && data.destination.startsWith('nmcades') && typeof data.requestid === 'number') {
      if (pending.size < 200 && !pending.has(data.requestid)) pending.set(data.requestid, now());
    } else if (data.tabid !== undefined && typeof data.data === 'object' && data.data !== null && typeof data.data.requestid === 'number') {
      pending.delete(data.data.requestid);
    }
  });
  const silentFor = (): number | null => {
    let oldest: number | null = null;
    for (const at of pending.values()) if (oldest === null || at < oldest) oldest = at;
    return oldest === null ? null : now() - oldest;
  };
  try {
    Object.defineProperty(win, Symbol.for(PLUGIN_SILENCE_KEY), { value: silentFor });
  } catch {
    // already defined: the probe then waits its own full time
  }
}
