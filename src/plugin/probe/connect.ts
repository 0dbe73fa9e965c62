import { CRYPTOPRO_BRIDGE } from '../extension-ids';
import { callError, Timeout, withTimeout } from './call';
import { NativePromise } from './intrinsics';
import { PLUGIN_SILENCE_KEY } from '../plugin-silence';
import type { ProbeOptions, ProbeReport } from './report';

/** A plug-in object: every property read and method call answers a Promise (research §1.3). */
export type PluginObject = Record<string, unknown>;
export type CreateObject = (progId: string) => Promise<PluginObject>;

interface Bridge {
  CreatePluginObject(): Promise<{ CreateObjectAsync: CreateObject }>;
}

export const TIMEOUTS = {
  /** A site loader still loading gets this long before the probe goes its own way (and does not wait on it). */
  pageLoaderGrace: 250,
  script: 1500,
  handshake: 1500,
  /** The extension answers version and id requests (1.3.x only, and only once the page sent a request). */
  identity: 800,
  /** The first request, when nothing else says how long the plug-in has been silent (the loader waits 20 s). */
  firstAnswer: 6000,
  /**
   * Silence that counts as «the plug-in does not answer», measured from the site loader's own first
   * request when the page shows it: a slow first start (seconds on Windows) answers well within it.
   */
  silence: 4000,
  /** The least the probe itself waits for its first answer. */
  ownWait: 1000,
  /**
   * The browser already said ru.cryptopro.nmcades is not registered: the real extension then answers
   * nothing at all (tests/simulator/README.md), so a short wait only confirms the silence.
   */
  hostMissing: 800,
};

type Win = Window & typeof globalThis & { cadesplugin?: unknown; cpcsp_chrome_nmcades?: unknown };

/** Marks the temporary `cadesplugin` a probe defines, so another probe in the same tab sees no site loader. */
const STAND = Symbol.for('ep-doctor.cadesplugin-stand');

const FIREFOX_BRIDGE = /^(moz|safari)-extension:\/\/[a-zA-Z0-9/_-]+\/nmcades_plugin_api\.js$/;

/** The URL a Firefox CryptoPro extension announces in its `cadesplugin_loaded` message, if well-formed. */
export function firefoxBridgeUrl(message: string): string | null {
  const at = message.indexOf('url:');
  if (!message.startsWith('cadesplugin_loaded') || at < 0) return null;
  const url = message.slice(at + 4);
  return FIREFOX_BRIDGE.test(url) ? url : null;
}

function isBridge(value: unknown): value is Bridge {
  return typeof value === 'object' && value !== null && typeof (value as Bridge).CreatePluginObject === 'function';
}

function loadScript(win: Win, src: string, ms: number): Promise<boolean> {
  return new NativePromise<boolean>((resolve) => {
    const script = win.document.createElement('script');
    const timer = setTimeout(() => done(false), ms);
    function done(loaded: boolean): void {
      clearTimeout(timer);
      resolve(loaded);
    }
    script.onload = () => done(true);
    script.onerror = () => done(false);
    script.src = src;
    (win.document.head ?? win.document.documentElement).appendChild(script);
  });
}

/** Posts `request` to the page and resolves with the first string message `accept` takes, or null. */
function ask<T>(win: Win, request: string, accept: (message: string) => T | null, ms: number): Promise<T | null> {
  return new NativePromise<T | null>((resolve) => {
    const listener = (event: MessageEvent): void => {
      if (event.source !== win || typeof event.data !== 'string') return;
      const value = accept(event.data);
      if (value !== null) finish(value);
    };
    const timer = setTimeout(() => finish(null), ms);
    function finish(value: T | null): void {
      clearTimeout(timer);
      win.removeEventListener('message', listener);
      resolve(value);
    }
    win.addEventListener('message', listener);
    win.postMessage(request, '*');
  });
}

const prefixed = (prefix: string) => (message: string) => (message.startsWith(prefix) ? message.slice(prefix.length).slice(0, 100) : null);

async function settle(promise: Promise<unknown>, ms: number): Promise<{ state: 'resolved' | 'rejected' | 'pending'; message?: string }> {
  try {
    await withTimeout(promise, ms, 'cadesplugin');
    return { state: 'resolved' };
  } catch (error) {
    return error instanceof Timeout ? { state: 'pending' } : { state: 'rejected', message: callError(error).message };
  }
}

/**
 * How long the page's oldest unanswered plug-in request has waited (ms), from the watch ep-doctor's
 * page hook keeps on platform pages (src/content/plugin-silence.ts); null elsewhere.
 */
export function pageSilence(win: Window): number | null {
  try {
    const read = (win as unknown as Record<symbol, unknown>)[Symbol.for(PLUGIN_SILENCE_KEY)];
    const value = typeof read === 'function' ? (read as () => unknown)() : null;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

/** How long the probe waits for the plug-in's first answer, and from when the silence is counted. */
export function firstAnswerWait(nativeHost: ProbeOptions['nativeHost'], pageSilentMs: number | null, now: number): { ms: number; since: number } {
  if (nativeHost === 'missing') return { ms: TIMEOUTS.hostMissing, since: now };
  if (pageSilentMs === null) return { ms: TIMEOUTS.firstAnswer, since: now };
  return { ms: Math.round(Math.min(TIMEOUTS.firstAnswer, Math.max(TIMEOUTS.ownWait, TIMEOUTS.silence - pageSilentMs))), since: now - pageSilentMs };
}

/**
 * Reaches the plug-in: the site's own `cadesplugin` when it loaded fine, otherwise the CryptoPro
 * extension's bridge the way the vendor loader does it (script of each known id, echo handshake,
 * `CreatePluginObject`), which also gives the exact error the site's loader hid behind
 * «Плагин недоступен». A site loader that is still waiting is not waited for: the probe asks the
 * plug-in itself, and counts the loader's wait as silence already seen. The temporary global
 * `cadesplugin` the bridge needs has no LOG_LEVEL_DEBUG, so a site loader that runs later does not
 * skip itself; `cleanup` removes it. `identity` settles when the extension's version and id are read.
 */
export async function connect(win: Win, extensionIds: readonly string[], report: ProbeReport, options: ProbeOptions): Promise<{ create: CreateObject | null; cleanup: () => void; identity: Promise<void> }> {
  const found = win.cadesplugin;
  const page = typeof found === 'object' && found !== null && STAND in found ? undefined : found;
  let cleanup = (): void => undefined;
  const none = (): { create: null; cleanup: () => void; identity: Promise<void> } => ({ create: null, cleanup, identity: NativePromise.resolve() });
  if (page !== undefined) {
    if (!(page instanceof NativePromise) || typeof (page as { CreateObjectAsync?: unknown }).CreateObjectAsync !== 'function') {
      report.loader = { state: 'invalid' };
      return none();
    }
    report.loader = await settle(page, TIMEOUTS.pageLoaderGrace);
    if (report.loader.state === 'resolved') {
      report.path = 'page';
      report.bridge.source = 'page';
      const pageCreate = (page as unknown as { CreateObjectAsync: CreateObject }).CreateObjectAsync.bind(page);
      // The site already sent requests, so the extension answers these now.
      return { create: pageCreate, cleanup, identity: identify(win, report) };
    }
  }
  // Only a loader still waiting for its first answers says the plug-in is silent; old requests of a
  // loaded page may have been lost with a host that exited (the extension starts a new one on demand).
  const pageSilentMs = report.loader.state === 'pending' ? pageSilence(win) : null;

  let bridge = isBridge(win.cpcsp_chrome_nmcades) ? win.cpcsp_chrome_nmcades : null;
  if (bridge !== null) report.bridge.source = 'page';
  if (found === undefined) {
    const stand = { current_log_level: 2, set: () => undefined, [STAND]: true };
    Object.defineProperty(win, 'cadesplugin', { value: stand, configurable: true, writable: true });
    cleanup = () => {
      if (win.cadesplugin === stand) delete win.cadesplugin;
    };
  }
  if (bridge === null) {
    for (const id of extensionIds) {
      const loaded = await loadScript(win, `chrome-extension://${id}/${CRYPTOPRO_BRIDGE}`, TIMEOUTS.script);
      report.bridge.tried.push({ id, loaded });
      if (loaded && isBridge(win.cpcsp_chrome_nmcades)) {
        bridge = win.cpcsp_chrome_nmcades;
        report.bridge.source = 'loaded';
        report.bridge.extensionId = id;
        break;
      }
    }
  }
  if (bridge === null && /firefox/i.test(win.navigator.userAgent)) {
    const url = await ask(win, 'cadesplugin_echo_request', firefoxBridgeUrl, TIMEOUTS.handshake);
    if (url !== null && (await loadScript(win, url, TIMEOUTS.script)) && isBridge(win.cpcsp_chrome_nmcades)) {
      bridge = win.cpcsp_chrome_nmcades;
      report.bridge.source = 'firefox';
    }
  }
  if (bridge === null) return none();

  const loaded = await ask(win, 'cadesplugin_echo_request', (m) => (m.includes('cadesplugin_loaded') ? true : null), TIMEOUTS.handshake);
  report.bridge.handshake = loaded === true ? 'ok' : 'timeout';
  if (loaded !== true) return none();
  const wait = firstAnswerWait(options.nativeHost, pageSilentMs, performance.now());
  // The first request goes out now; the 1.3.x extension answers version and id requests only after it.
  const creating = withTimeout(bridge.CreatePluginObject(), wait.ms, 'CreatePluginObject');
  const identity = identify(win, report);
  try {
    const root = await creating;
    report.path = 'bridge';
    return { create: (progId) => root.CreateObjectAsync(progId), cleanup, identity };
  } catch (error) {
    const timedOut = error instanceof Timeout;
    report.about = { ok: false, error: callError(error), timedOut, ...(timedOut ? { silentMs: Math.round(performance.now() - wait.since) } : {}) };
    return { create: null, cleanup, identity };
  }
}

/** The extension's version and id (1.3.x answers both; 1.2.x neither). */
async function identify(win: Win, report: ProbeReport): Promise<void> {
  const [version, id] = await NativePromise.all([
    ask(win, 'cadesplugin_extension_version_request', prefixed('cadesplugin_extension_version_response:'), TIMEOUTS.identity),
    ask(win, 'cadesplugin_extension_id_request', prefixed('cadesplugin_extension_id_response:'), TIMEOUTS.identity),
  ]);
  report.bridge.extensionVersion = version;
  if (id !== null && /^[a-p]{32}$/.test(id)) report.bridge.extensionId = id;
}
