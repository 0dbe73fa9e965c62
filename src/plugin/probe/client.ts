import type { CreateObject, PluginObject } from './connect';

/**
 * The CryptoPro page protocol (tests/simulator/README.md, "Protocol as implemented"), spoken by ep-doctor
 * itself from its own isolated world: requests go out with `window.postMessage` exactly as the vendor's
 * bridge posts them, and the CryptoPro content script — which listens to the window, whatever world
 * posted — relays them. Nothing of the page's world is used, so a page cannot wrap, filter or replace
 * what the check sends or how it reads the answers; it can only post look-alike answers of its own,
 * and the real content script answers every request exactly once, so a second answer, or answers from
 * two senders, mark the results as forged.
 */
export interface ProtocolClient {
  /**
   * `init` to every destination the extension may listen on (1.3.x: `nmcades_<id>`; 1.2.x, 1.3.8,
   * Firefox: `nmcades`): the one answered first is the protocol spoken from then on. Nothing the page
   * posts decides it, and a look-alike answer to it is caught like any other.
   */
  start(): Promise<CreateObject>;
  /** How the page's messages looked: a forgery when not null. */
  forgery(): string | null;
  /** Requests sent, answers received. */
  counts(): { sent: number; answered: number };
  stop(): void;
}

interface Wire {
  type: string;
  value?: unknown;
}

interface Reply {
  type?: unknown;
  requestid?: unknown;
  value?: unknown;
  message?: unknown;
  retval?: { type?: unknown; value?: unknown; properties?: unknown; methods?: unknown };
}

/** Ids far above the page bridge's own counter (which starts at 2): our answers never settle its requests. */
const FIRST_ID = 1_000_000_000;
const MAX_MEMBERS = 200;

const OBJID = Symbol('objid');

/** An argument as the published bridge encodes it (a plug-in object by its id, a Date as UTC ISO text). */
function toWire(value: unknown): Wire {
  if (value instanceof Date) return { type: 'string', value: value.toISOString() };
  if (typeof value === 'object' && value !== null && OBJID in value) return { type: 'object', value: (value as Record<symbol, unknown>)[OBJID] };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { type: typeof value, value };
  throw new TypeError(`the probe sends only strings, numbers, booleans, dates and plug-in objects, not ${typeof value}`);
}

const names = (list: unknown): string[] => (Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string' && /^[A-Za-z_][\w]{0,60}$/.test(n)).slice(0, MAX_MEMBERS) : []);

export function protocolClient(win: Window, destinations: readonly string[]): ProtocolClient {
  let destination = destinations[0] ?? 'nmcades';
  let next = FIRST_ID + Math.floor(Math.random() * 1_000_000) * 1000;
  const waiting = new Map<number, { resolve(reply: Reply): void; reject(error: unknown): void; to: string }>();
  /** Per request of ours: how many answers came, and from which senders (tabids). */
  const answers = new Map<number, { count: number; tabids: Set<string> }>();
  const sent = new Set<number>();

  const listener = (event: MessageEvent): void => {
    if (event.source !== win) return;
    const message = event.data as { tabid?: unknown; data?: Reply } | null;
    if (message === null || typeof message !== 'object' || message.tabid === undefined || typeof message.data !== 'object' || message.data === null) return;
    const id = Number(message.data.requestid);
    if (!sent.has(id)) return;
    const seen = answers.get(id) ?? { count: 0, tabids: new Set<string>() };
    seen.count++;
    seen.tabids.add(String(message.tabid).slice(0, 100));
    answers.set(id, seen);
    const entry = waiting.get(id);
    if (entry === undefined) return;
    if (message.data.type === 'result') {
      waiting.delete(id);
      entry.resolve(message.data);
    } else if (message.data.type === 'error') {
      waiting.delete(id);
      // As the vendor's bridge does: the request fails with the reply's data, «<text> (0x…)».
      entry.reject({ message: typeof message.data.message === 'string' ? message.data.message.slice(0, 500) : 'error' });
    }
  };
  win.addEventListener('message', listener);

  function send(fields: Record<string, unknown>, to = destination): Promise<Reply> {
    const requestid = (next += 1);
    sent.add(requestid);
    return new Promise<Reply>((resolve, reject) => {
      waiting.set(requestid, { resolve, reject, to });
      win.postMessage({ destination: to, requestid, ...fields }, '*');
    });
  }

  function decode(reply: Reply): unknown {
    const retval = reply.retval;
    if (retval === undefined || retval === null || typeof retval !== 'object') return reply.value;
    switch (retval.type) {
      case 'object':
        return proxy(Number(retval.value), names(retval.properties), names(retval.methods));
      case 'number':
        return parseInt(String(retval.value), 10);
      case 'boolean':
        return Boolean(retval.value);
      case 'string':
        return typeof retval.value === 'string' ? retval.value : String(retval.value);
      default:
        return undefined;
    }
  }

  function proxy(objid: number, properties: string[], methods: string[]): PluginObject {
    const object: PluginObject = Object.create(null) as PluginObject;
    Object.defineProperty(object, OBJID, { value: objid });
    for (const name of properties) {
      Object.defineProperty(object, name, { enumerable: true, get: () => send({ objid, get_property: name }).then(decode) });
      object[`propset_${name}`] = (value: unknown) => send({ objid, set_property: name, params: [toWire(value)] }).then(decode);
    }
    for (const name of methods) object[name] = (...args: unknown[]) => send({ objid, method: name, params: args.map(toWire) }).then(decode);
    return object;
  }

  return {
    async start() {
      const url = win.document.URL;
      const attempts = destinations.map((to) => send({ type: 'init', url }, to).then((reply) => ({ reply, to })));
      const inits = [...waiting].slice(-attempts.length).map(([id, entry]) => ({ id, to: entry.to }));
      const { reply: root, to } = await Promise.any(attempts).catch((error: unknown) => {
        throw error instanceof AggregateError ? error.errors[0] : error;
      });
      destination = to;
      // The other destination's init is nobody's: no answer is owed, none is counted.
      for (const init of inits) {
        if (init.to === to) continue;
        waiting.delete(init.id);
        sent.delete(init.id);
        answers.delete(init.id);
      }
      const objid = Number(root.value);
      return (progId: string) => send({ objid, method: 'CreateObject', params: [{ type: 'string', value: progId }] }).then(decode) as Promise<PluginObject>;
    },
    forgery() {
      const senders = new Set<string>();
      let total = 0;
      for (const [id, seen] of answers) {
        if (!sent.has(id)) continue;
        total += seen.count;
        seen.tabids.forEach((t) => senders.add(t));
        if (seen.count > 1) return `request ${id} answered ${seen.count} times`;
      }
      return senders.size > 1 ? `plug-in replies from ${senders.size} different senders (${total} replies)` : null;
    },
    counts: () => {
      let answered = 0;
      for (const [id, seen] of answers) if (sent.has(id)) answered += seen.count;
      return { sent: sent.size, answered };
    },
    stop() {
      win.removeEventListener('message', listener);
      waiting.clear();
    },
  };
}
