import { CRYPTOPRO_BRIDGE } from '../extension-ids';
import { callError, Timeout, withTimeout } from './call';
import { protocolClient, type ProtocolClient } from './client';
import type { ProbeOptions, ProbeReport } from './report';

/** A plug-in object: every property read and method call answers a Promise (research §1.3). */
export type PluginObject = Record<string, unknown>;
export type CreateObject = (progId: string) => Promise<PluginObject>;

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

/** The probe runs in ep-doctor's isolated world: its own JavaScript globals, the page's DOM and window. */
type Win = Window & typeof globalThis;

/** Posts `request` and resolves with what `accept` makes of the string messages that follow, or null. */
function ask<T>(win: Win, request: string, accept: (message: string) => T | null, ms: number): Promise<T | null> {
  return new Promise<T | null>((resolve) => {
    const listener = (event: MessageEvent): void => {
      if (event.source !== win || !event.isTrusted || typeof event.data !== 'string') return;
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

/** The echo handshake: the CryptoPro content script answers `cadesplugin_loaded` when it is there (in Firefox with its bridge's address). */
function handshake(win: Win): Promise<string | null> {
  return ask(win, 'cadesplugin_echo_request', (message) => (message.startsWith('cadesplugin_loaded') ? message.slice(0, 200) : null), TIMEOUTS.handshake);
}

/** The add-on's answer in Firefox: `cadesplugin_loaded` + `url:` + its bridge at its per-install moz-extension:// address. */
const FIREFOX_ANSWER = /^cadesplugin_loadedurl:(moz-extension:\/\/[0-9a-f-]{36}\/nmcades_plugin_api\.js)$/;

/**
 * Whether a Firefox handshake answer came from an installed add-on: the page can post the same string,
 * but only an installed add-on serves the bridge at the address it names (fetched from our world).
 */
async function firefoxAnswerGenuine(answer: string): Promise<boolean> {
  const url = FIREFOX_ANSWER.exec(answer)?.[1];
  if (url === undefined) return false;
  try {
    const response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUTS.script) });
    return response.ok;
  } catch {
    return false;
  }
}

/** How long the probe waits for the plug-in's first answer, and from when the silence is counted. */
export function firstAnswerWait(nativeHost: ProbeOptions['nativeHost'], pageSilentMs: number | null, now: number): { ms: number; since: number } {
  if (nativeHost === 'missing') return { ms: TIMEOUTS.hostMissing, since: now };
  if (pageSilentMs === null) return { ms: TIMEOUTS.firstAnswer, since: now };
  return { ms: Math.round(Math.min(TIMEOUTS.firstAnswer, Math.max(TIMEOUTS.ownWait, TIMEOUTS.silence - pageSilentMs))), since: now - pageSilentMs };
}

export interface Connection {
  create: CreateObject | null;
  client: ProtocolClient | null;
  /** Settles when the extension's version and id are read. */
  identity: Promise<void>;
}

/**
 * Reaches the plug-in the way the vendor loader does — the CryptoPro extension whose bridge is there
 * (options.bridges: fetched from our isolated world, then its script put into the page by the
 * background), the echo handshake, `init` — but speaks the protocol itself, from ep-doctor's isolated
 * world (client.ts): the page's `cadesplugin`, bridge and natives are never used, so nothing the page
 * replaced can steer the check. What the page's own loader did (options.page, read in the page's
 * world) only tells how long the plug-in has already been silent, and whether the site's own attempt
 * failed. Never throws.
 */
export async function connect(win: Win, report: ProbeReport, options: ProbeOptions): Promise<Connection> {
  const none = (): Connection => ({ create: null, client: null, identity: Promise.resolve() });
  report.loader = options.page?.loader ?? { state: 'absent' };
  // Only a loader still waiting for its first answers says the plug-in is silent; old requests of a
  // loaded page may have been lost with a host that exited (the extension starts a new one on demand).
  const pageSilentMs = report.loader.state === 'pending' ? (options.page?.silentMs ?? null) : null;

  const firefox = /firefox/i.test(win.navigator.userAgent);
  report.bridge.tried = (options.bridges ?? []).slice(0, 10);
  const extensionId = report.bridge.tried.find((b) => b.loaded)?.id ?? null;
  if (!firefox && extensionId === null) return none();
  report.bridge.source = firefox ? 'firefox' : 'loaded';
  report.bridge.extensionId = extensionId;

  // The 1.3.x content script answers only a page whose scripts include its bridge. The background put
  // one into the page's world; this copy from ours (which the browser does not run) is there even if
  // the page got in the way of that one.
  const element = extensionId === null ? null : win.document.createElement('script');
  if (element !== null) {
    element.src = `chrome-extension://${extensionId}/${CRYPTOPRO_BRIDGE}`;
    (win.document.head ?? win.document.documentElement).appendChild(element);
  }
  const answered = await handshake(win);
  element?.remove();
  report.bridge.handshake = answered === null ? 'timeout' : 'ok';
  // In Firefox nothing else shows the add-on is there: an answer naming no bridge it serves is the page's.
  if (firefox && answered !== null && !(await firefoxAnswerGenuine(answered))) {
    report.tampered.push('an echo answer no add-on sent');
    return none();
  }
  if (answered === null) {
    if (firefox) report.bridge.source = null;
    // Our step in the page's world did not come back: the page may have kept the extension from answering.
    if (options.page === undefined) report.tampered.push('the page blocked the bridge script');
    return none();
  }
  const client = protocolClient(win, extensionId === null ? ['nmcades'] : [`nmcades_${extensionId}`, 'nmcades']);
  const wait = firstAnswerWait(options.nativeHost, pageSilentMs, performance.now());
  // The first request goes out now; the 1.3.x extension answers version and id requests only after it.
  const creating = withTimeout(client.start(), wait.ms, 'init');
  const identity = identify(win, report);
  try {
    const create = await creating;
    report.path = 'bridge';
    return { create, client, identity };
  } catch (error) {
    const timedOut = error instanceof Timeout;
    report.about = { ok: false, error: callError(error), timedOut, ...(timedOut ? { silentMs: Math.round(performance.now() - wait.since) } : {}) };
    return { create: null, client, identity };
  }
}

/** The extension's version and id (1.3.x answers both; 1.2.x neither). */
async function identify(win: Win, report: ProbeReport): Promise<void> {
  const [version, id] = await Promise.all([
    ask(win, 'cadesplugin_extension_version_request', prefixed('cadesplugin_extension_version_response:'), TIMEOUTS.identity),
    ask(win, 'cadesplugin_extension_id_request', prefixed('cadesplugin_extension_id_response:'), TIMEOUTS.identity),
  ]);
  report.bridge.extensionVersion = version;
  if (id !== null && /^[a-p]{32}$/.test(id)) report.bridge.extensionId = id;
}
