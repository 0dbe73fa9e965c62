import type { PageState } from './probe/report';

/**
 * Runs in the page's MAIN world (scripting.executeScript `func`: it must use nothing from outside its own
 * body). Reads what the site's own loader did — no `cadesplugin`, resolved, rejected (with its message),
 * still pending after `graceMs` — and how long the page's oldest plug-in request has gone unanswered
 * (ep-doctor's page hook on platform pages, src/plugin/plugin-silence.ts). Everything read here is the
 * page's word: the check uses it only to wait less and to say what the site's own attempt showed.
 *
 * Then it puts the CryptoPro bridge script `bridge` into the page, as the vendor loader would, unless
 * the page has it: the 1.3.x content script answers only pages that have it, and 1.3.8 talks to the
 * page's copy before it answers.
 */
export async function readPageState(graceMs: number, silenceKey: string, bridge: string | null): Promise<PageState> {
  // First, synchronously, before anything the page could have made hang: the bridge script.
  let inserted: HTMLScriptElement | null = null;
  try {
    let present = false;
    const scripts = document.scripts;
    for (let i = 0; i < scripts.length; i++) if (scripts[i]?.src === bridge) present = true;
    if (bridge !== null && !present) {
      inserted = document.createElement('script');
      inserted.src = bridge;
      (document.head ?? document.documentElement).appendChild(inserted);
    }
  } catch {
    // the probe's own copy of the element still wakes the content script
  }
  // The engine's own Promise: an async function returns it whatever the page made of window.Promise.
  const NativePromise = (async () => undefined)().constructor as PromiseConstructor;
  const silentMs = ((): number | null => {
    try {
      const read = (window as unknown as Record<symbol, unknown>)[Symbol.for(silenceKey)];
      const value = typeof read === 'function' ? (read as () => unknown)() : null;
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, 3_600_000) : null;
    } catch {
      return null;
    }
  })();
  const loader = await new NativePromise<PageState['loader']>((resolve) => {
    let found: unknown;
    try {
      found = (window as unknown as { cadesplugin?: unknown }).cadesplugin;
      if (found === undefined) return resolve({ state: 'absent' });
      if (typeof found !== 'object' || found === null || typeof (found as { then?: unknown }).then !== 'function') return resolve({ state: 'invalid' });
      // The vendor loader names its own version; the rule pack knows which ones miss an extension.
      const said = (found as { JSModuleVersion?: unknown }).JSModuleVersion;
      const version = typeof said === 'string' && /^\d{1,4}(\.\d{1,6}){0,3}$/.test(said) ? { version: said } : {};
      setTimeout(() => resolve({ state: 'pending', ...version }), graceMs);
      (found as PromiseLike<unknown>).then(
        () => resolve({ state: 'resolved', ...version }),
        (error: unknown) => resolve({ state: 'rejected', ...version, message: String(typeof error === 'object' && error !== null && 'message' in error ? (error as { message: unknown }).message : error).slice(0, 300) }),
      );
    } catch {
      resolve({ state: 'invalid' });
    }
  });
  if (inserted !== null) {
    // 1.3.8 talks to the page's copy of the bridge before it answers: give it the moment to load.
    const element = inserted;
    await new NativePromise<void>((resolve) => {
      element.addEventListener('load', () => resolve());
      element.addEventListener('error', () => resolve());
      setTimeout(resolve, 1500);
    });
  }
  return { loader, silentMs };
}
