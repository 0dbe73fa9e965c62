import { DIALOG_EVENT, MAX_DIALOG_TEXT, SHADOW_EVENT } from './page-events';

/**
 * Runs in the page's MAIN world at document_start, before page scripts. Tells the content script the
 * text of window.alert/confirm (invisible to the DOM) and every open shadow root the page attaches.
 * The page's behaviour stays the same: the originals run with the same arguments and their result is
 * returned; the wrappers are Proxies, so `alert.toString()` and `alert.length` look native; hook code
 * never throws into the page and never converts a non-string argument (that could run page code twice).
 */
export function installPageHooks(win: Window & typeof globalThis): void {
  const CustomEventCtor = win.CustomEvent;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const reflectApply = Reflect.apply;

  const notify = (target: EventTarget, type: string, detail: string | null): void => {
    try {
      reflectApply(dispatch, target, [new CustomEventCtor(type, { detail, bubbles: true, composed: true })]);
    } catch {
      // A page that broke event dispatch loses the hint, never its own behaviour.
    }
  };

  const wrap = <T extends object>(owner: object, name: string, before: (thisArg: unknown, args: unknown[]) => void): void => {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    const original = descriptor?.value as T | undefined;
    if (descriptor === undefined || typeof original !== 'function') return;
    const proxy = new Proxy(original, {
      apply(target, thisArg, args: unknown[]) {
        try {
          before(thisArg, args);
        } catch {
          // never into the page
        }
        return reflectApply(target as (...a: unknown[]) => unknown, thisArg, args);
      },
    });
    Object.defineProperty(owner, name, { ...descriptor, value: proxy });
  };

  for (const name of ['alert', 'confirm']) {
    wrap(win, name, (_this, args) => {
      const message = args[0];
      if (typeof message === 'string' && message.length > 0) notify(win, DIALOG_EVENT, message.slice(0, MAX_DIALOG_TEXT));
    });
  }

  // Custom elements attach their shadow root in the constructor, before they are in the document,
  // where an event would reach nobody: such hosts are announced once connected (checked for 5 s).
  const isConnectedOf = Object.getOwnPropertyDescriptor(win.Node.prototype, 'isConnected')?.get;
  const waiting = new Map<Element, number>();
  let polling = false;
  const poll = (): void => {
    for (const [host, tries] of waiting) {
      if (isConnectedOf !== undefined && reflectApply(isConnectedOf, host, []) === true) {
        waiting.delete(host);
        notify(host, SHADOW_EVENT, null);
      } else if (tries > 50) waiting.delete(host);
      else waiting.set(host, tries + 1);
    }
    polling = waiting.size > 0;
    if (polling) win.setTimeout(poll, 100);
  };
  const announce = (host: Element): void => {
    if (isConnectedOf === undefined || reflectApply(isConnectedOf, host, []) === true) return notify(host, SHADOW_EVENT, null);
    if (waiting.size < 1000) waiting.set(host, 0);
    if (!polling) {
      polling = true;
      win.setTimeout(poll, 0);
    }
  };

  const attachShadow = win.Element.prototype.attachShadow;
  const shadowRootOf = Object.getOwnPropertyDescriptor(win.Element.prototype, 'shadowRoot')?.get;
  if (typeof attachShadow === 'function' && shadowRootOf !== undefined) {
    const proxy = new Proxy(attachShadow, {
      apply(target, thisArg: Element, args: [ShadowRootInit]) {
        const root = reflectApply(target, thisArg, args);
        // Open roots only: the native getter returns null for closed ones. Reading `args[0].mode`
        // again could run a page getter a second time.
        try {
          if (reflectApply(shadowRootOf, thisArg, []) === root) announce(thisArg);
        } catch {
          // never into the page
        }
        return root;
      },
    });
    Object.defineProperty(win.Element.prototype, 'attachShadow', {
      ...Object.getOwnPropertyDescriptor(win.Element.prototype, 'attachShadow'),
      value: proxy,
    });
  }
}
