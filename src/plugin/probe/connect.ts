import { CRYPTOPRO_BRIDGE } from '../extension-ids';
import { callError, Timeout, withTimeout } from './call';
import { NativePromise } from './intrinsics';
import type { ProbeReport } from './report';

/** A plug-in object: every property read and method call answers a Promise (research §1.3). */
export type PluginObject = Record<string, unknown>;
export type CreateObject = (progId: string) => Promise<PluginObject>;

interface Bridge {
  CreatePluginObject(): Promise<{ CreateObjectAsync: CreateObject }>;
}

export const TIMEOUTS = {
  /** How long a site loader still loading gets before the probe uses its own bridge. */
  pageLoader: 2500,
  script: 1500,
  handshake: 1500,
  /** Extensions before 1.3 do not answer version and id requests. */
  identity: 800,
  /** Creating CAdESCOM.About: beyond this the plug-in counts as not answering (the loader waits 20 s). */
  about: 6000,
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
 * Reaches the plug-in: the site's own `cadesplugin` when it loaded fine, otherwise the CryptoPro
 * extension's bridge the way the vendor loader does it (script of each known id, echo handshake,
 * `CreatePluginObject`), which also gives the exact error the site's loader hid behind
 * «Плагин недоступен». The temporary global `cadesplugin` the bridge needs has no LOG_LEVEL_DEBUG, so a
 * site loader that runs later does not skip itself; `cleanup` removes it.
 */
export async function connect(win: Win, extensionIds: readonly string[], report: ProbeReport): Promise<{ create: CreateObject | null; cleanup: () => void }> {
  const found = win.cadesplugin;
  const page = typeof found === 'object' && found !== null && STAND in found ? undefined : found;
  let cleanup = (): void => undefined;
  if (page !== undefined) {
    if (!(page instanceof NativePromise) || typeof (page as { CreateObjectAsync?: unknown }).CreateObjectAsync !== 'function') {
      report.loader = { state: 'invalid' };
      return { create: null, cleanup };
    }
    report.loader = await settle(page, TIMEOUTS.pageLoader);
    if (report.loader.state === 'resolved') {
      report.path = 'page';
      report.bridge.source = 'page';
      const pageCreate = (page as unknown as { CreateObjectAsync: CreateObject }).CreateObjectAsync.bind(page);
      await identify(win, report, false);
      return { create: pageCreate, cleanup };
    }
  }

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
  if (bridge === null) return { create: null, cleanup };

  const handshake = await identify(win, report, true);
  if (!handshake) return { create: null, cleanup };
  try {
    const root = await withTimeout(bridge.CreatePluginObject(), TIMEOUTS.about, 'CreatePluginObject');
    report.path = 'bridge';
    return { create: (progId) => root.CreateObjectAsync(progId), cleanup };
  } catch (error) {
    report.about = { ok: false, error: callError(error), timedOut: error instanceof Timeout };
    return { create: null, cleanup };
  }
}

/** The echo handshake (only when the probe brought the bridge), the extension's version and id. */
async function identify(win: Win, report: ProbeReport, withHandshake: boolean): Promise<boolean> {
  const [loaded, version, id] = await NativePromise.all([
    withHandshake ? ask(win, 'cadesplugin_echo_request', (m) => (m.includes('cadesplugin_loaded') ? true : null), TIMEOUTS.handshake) : NativePromise.resolve(null),
    ask(win, 'cadesplugin_extension_version_request', prefixed('cadesplugin_extension_version_response:'), TIMEOUTS.identity),
    ask(win, 'cadesplugin_extension_id_request', prefixed('cadesplugin_extension_id_response:'), TIMEOUTS.identity),
  ]);
  report.bridge.handshake = withHandshake ? (loaded === true ? 'ok' : 'timeout') : 'skipped';
  report.bridge.extensionVersion = version;
  if (id !== null && /^[a-p]{32}$/.test(id)) report.bridge.extensionId = id;
  return !withHandshake || loaded === true;
}
