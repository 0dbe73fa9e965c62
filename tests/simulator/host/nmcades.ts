import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ResolvedScenario } from '../resolve';
import { objectFactory, PluginFault, type PluginObject, type Value } from './objects';
import { encodeFrame, frameReader } from '../../../src/host/wire';

/**
 * The simulated `nmcades` native host (tests/simulator/README.md, "Protocol as implemented"). Chrome
 * starts it for the simulated CryptoPro extension; it answers the page protocol the extension relays:
 * init, CreateObject, get_property, set_property, method calls and reset, from a resolved scenario.
 */
const scenarioPath = process.argv[2];
if (scenarioPath === undefined) throw new Error('usage: nmcades <resolved-scenario.json> [origin]');
const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8')) as ResolvedScenario;
const factory = objectFactory(scenario);

interface Param {
  type: string;
  value?: unknown;
}
interface PageMessage {
  requestid?: number;
  type?: string;
  objid?: number;
  method?: string;
  get_property?: string;
  set_property?: string;
  params?: Param[];
}

const ROOT = 1;
const objects = new Map<number, PluginObject>();
let nextId = 2;

function send(message: unknown): void {
  process.stdout.write(encodeFrame(message));
}

function reply(tabid: string, requestid: number, data: Record<string, unknown>): void {
  const message = { tabid, data: { requestid, ...data } };
  const text = JSON.stringify(message);
  if (text.length <= scenario.chunkSize) return send(message);
  // Large replies go out in parts, as the real host sends them; the extension joins and parses them.
  const parts = text.match(new RegExp(`[^]{1,${scenario.chunkSize}}`, 'g')) ?? [];
  parts.forEach((part, i) => send({ tabid, requestid, partial: i === parts.length - 1 ? -1 : i + 1, part }));
}

function encode(value: Value): Record<string, unknown> {
  if (value === null || value === undefined) return { type: 'OK' };
  if (typeof value === 'object') {
    const id = nextId++;
    objects.set(id, value);
    return { type: 'object', value: id, properties: Object.keys(value.properties), methods: Object.keys(value.methods) };
  }
  return { type: typeof value, value };
}

function decode(param: Param | undefined): Value {
  if (param === undefined) return null;
  if (param.type === 'object') return objects.get(Number(param.value)) ?? null;
  return param.value as Value;
}

function target(objid: number | undefined): PluginObject {
  const found = objid === undefined ? undefined : objects.get(objid);
  if (found === undefined) throw new PluginFault('0x80070057');
  return found;
}

function call(message: PageMessage): Value {
  const args = (message.params ?? []).map(decode);
  if (message.objid === ROOT) {
    if (message.method !== 'CreateObject') throw new PluginFault('0x80070057');
    if (scenario.siteAccess === 'denied') throw new PluginFault('0x000004C7');
    return factory.create(String(args[0]));
  }
  const object = target(message.objid);
  if (message.get_property !== undefined) {
    const property = object.properties[message.get_property];
    if (property === undefined) throw new PluginFault('0x80070057');
    return property.get();
  }
  if (message.set_property !== undefined) {
    const property = object.properties[message.set_property];
    if (property?.set === undefined) throw new PluginFault('0x80070057');
    property.set(args[0] ?? null);
    return null;
  }
  const method = message.method === undefined ? undefined : object.methods[message.method];
  if (method === undefined) throw new PluginFault('0x80070057');
  return method(...args);
}

/** What the plug-in was asked to do, one JSON line per call, for tests that must see it (`<scenario>.calls`). */
function record(data: PageMessage | undefined): void {
  if (data === undefined || (data.method === undefined && data.set_property === undefined)) return;
  const params = (data.params ?? []).map((p) => (typeof p.value === 'string' ? p.value.slice(0, 200) : p.value));
  appendFileSync(`${scenarioPath}.calls`, `${JSON.stringify({ member: data.method ?? `set ${data.set_property}`, params })}\n`);
}

function handle(raw: unknown): void {
  if (scenario.host === 'hangs') return;
  const { tabid, data } = raw as { tabid: string; data: PageMessage };
  record(data);
  const member = data?.method ?? (data?.set_property === undefined ? '' : `set ${data.set_property}`);
  if (member === scenario.hostExitsOn && !existsSync(exitMarker)) {
    writeFileSync(exitMarker, String(process.pid));
    process.exit(3);
  }
  if (scenario.brokenReplies.includes(member)) {
    // Partial frames as the real host sends them, the joined text cut short: not JSON.
    send({ tabid, requestid: Number(data?.requestid), partial: 1, part: '{"tabid":"' });
    send({ tabid, requestid: Number(data?.requestid), partial: -1, part: `${tabid}","data":{` });
    return;
  }
  const delay = scenario.replyDelays[member] ?? 0;
  if (delay > 0) setTimeout(() => answer(tabid, data), delay);
  else answer(tabid, data);
}

function answer(tabid: string, data: PageMessage): void {
  const requestid = Number(data?.requestid);
  if (data?.type === 'init') return reply(tabid, requestid, { type: 'result', value: ROOT });
  if (data?.type === 'reset') {
    objects.clear();
    return reply(tabid, requestid, { type: 'result', value: 0 });
  }
  try {
    reply(tabid, requestid, { type: 'result', retval: encode(call(data)) });
  } catch (error) {
    const message = error instanceof PluginFault ? error.message : `Непредвиденная ошибка: ${(error as Error).message} (0x8000FFFF)`;
    reply(tabid, requestid, { type: 'error', message });
  }
}

/**
 * `hostExitsAfter`: the first process the browser starts exits after answering that many requests (a
 * crash mid-session); the marker file makes the next process — the extension starts one on the next
 * request — behave normally.
 */
const exitMarker = `${scenarioPath}.exited`;
const exitAfter = scenario.hostExitsAfter !== null && !existsSync(exitMarker) ? scenario.hostExitsAfter : null;
let handled = 0;

function handleCounted(raw: unknown): void {
  handle(raw);
  handled++;
  if (exitAfter !== null && handled >= exitAfter) {
    writeFileSync(exitMarker, String(process.pid));
    process.exit(3);
  }
}

// `hostStartDelayMs`: a slow first start (seconds on Windows); requests wait, none is lost.
const readyAt = Date.now() + scenario.hostStartDelayMs;
const read = frameReader((message) => {
  const wait = readyAt - Date.now();
  if (wait > 0) setTimeout(() => handleCounted(message), wait);
  else handleCounted(message);
});
process.stdin.on('data', (chunk: Buffer) => read(chunk));
process.stdin.on('end', () => process.exit(0));
