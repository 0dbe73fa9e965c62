/**
 * The probe runs in the page's own JavaScript world, where the page may have replaced anything. These
 * are taken from the engine itself, not from globals: an async function always returns the realm's
 * original Promise, whatever `window.Promise` is now.
 */
export const NativePromise = (async () => undefined)().constructor as PromiseConstructor;

const NATIVE = /^function [\w$]*\(\) \{\s*\[native code\]\s*\}$/;

function looksNative(fn: unknown): boolean {
  if (typeof fn !== 'function') return false;
  try {
    return NATIVE.test(Function.prototype.toString.call(fn));
  } catch {
    return false;
  }
}

/** The globals the probe relies on that the page has replaced; empty when none. */
export function tamperedNatives(win: Window & typeof globalThis): string[] {
  const out: string[] = [];
  if (win.Promise !== NativePromise) out.push('Promise');
  const checks: [string, unknown][] = [
    ['Function.prototype.toString', Function.prototype.toString],
    ['Promise.prototype.then', NativePromise.prototype.then],
    ['window.postMessage', win.postMessage],
    ['window.addEventListener', win.addEventListener],
    ['EventTarget.prototype.addEventListener', win.EventTarget.prototype.addEventListener],
    ['window.setTimeout', win.setTimeout],
    ['document.createElement', win.Document.prototype.createElement],
    ['JSON.parse', win.JSON.parse],
  ];
  for (const [name, fn] of checks) if (!looksNative(fn)) out.push(name);
  return out;
}
