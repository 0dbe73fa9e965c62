import { browser } from 'wxt/browser';

/**
 * How long this content script may act: when the extension is reloaded, updated or removed, the scripts
 * left in open pages lose their runtime, and everything they started must stop. (WXT's content-script
 * context does this too, with 3 KB of features we do not use; this is the part we need.)
 */
export interface Lifetime {
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): void;
  /** A listener removed when the lifetime ends. */
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
}

export function createLifetime(): Lifetime {
  const controller = new AbortController();
  return {
    get isInvalid() {
      if (!controller.signal.aborted && browser.runtime?.id === undefined) controller.abort();
      return controller.signal.aborted;
    },
    onInvalidated: (callback) => controller.signal.addEventListener('abort', callback),
    addEventListener: (target, type, listener, options) => target.addEventListener(type, listener, { ...options, signal: controller.signal }),
  };
}

/**
 * Calls `onChange` after the page may have changed its URL without loading (SPA routes): on the
 * Navigation API's `navigate` event where there is one, else by looking once a second.
 */
export function watchLocation(lifetime: Lifetime, onChange: () => void): void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    lifetime.addEventListener(navigation, 'navigate', () => setTimeout(onChange, 0));
    return;
  }
  const timer = setInterval(() => {
    if (!lifetime.isInvalid) onChange();
  }, 1000);
  lifetime.onInvalidated(() => clearInterval(timer));
}
