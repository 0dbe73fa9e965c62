import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFrame, frameReader } from '@/src/host/wire';
import { resolveScenario } from '../../simulator/resolve';
import { parseScenario, Scenario } from '../../simulator/scenario';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let hostFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nmcades-test-'));
  hostFile = path.join(dir, 'nmcades.mjs');
  await build({ entryPoints: [path.join(ROOT, 'tests/simulator/host/nmcades.ts')], bundle: true, platform: 'node', format: 'esm', outfile: hostFile, logLevel: 'error' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the simulated nmcades with a scenario and talks the wire protocol to it, as the extension does. */
async function host(raw: Record<string, unknown>) {
  const scenario = Scenario.parse({ expect: [], description: 'test', ...raw });
  const file = path.join(dir, `s-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(await resolveScenario('t', scenario)));
  const start = () => spawn(process.execPath, [hostFile, file, 'chrome-extension://x/'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let child = start();
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const frames: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.on('data', frameReader((m) => {
    frames.push(m as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  }));
  let id = 1;
  /** Sends one page message and returns the reply's data, joining partial replies like the extension. */
  const call = async (data: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const requestid = ++id;
    child.stdin.write(encodeFrame({ tabid: 'tab-1', data: { destination: 'nmcades_x', requestid, ...data } }));
    for (;;) {
      const parts = frames.filter((f) => f['requestid'] === requestid && f['partial'] !== undefined);
      const whole = frames.find((f) => (f['data'] as { requestid?: number } | undefined)?.requestid === requestid);
      if (whole !== undefined) return whole['data'] as Record<string, unknown>;
      if (parts.some((p) => p['partial'] === -1)) return (JSON.parse(parts.map((p) => String(p['part'])).join('')) as { data: Record<string, unknown> }).data;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  /** The browser starting the host again (the extension does on the next request after an exit). */
  const restart = () => {
    child = start();
    child.stdout.on('data', frameReader((m) => {
      frames.push(m as Record<string, unknown>);
      waiters.splice(0).forEach((w) => w());
    }));
  };
  return { call, frames, exited, restart, close: () => child.kill() };
}

describe('wire framing', () => {
  it('round-trips frames split anywhere', () => {
    const got: unknown[] = [];
    const read = frameReader((m) => got.push(m));
    const bytes = Buffer.concat([encodeFrame({ a: 'привет' }), encodeFrame([1, 2, 3])]);
    for (let i = 0; i < bytes.length; i += 3) read(bytes.subarray(i, i + 3));
    expect(got).toEqual([{ a: 'привет' }, [1, 2, 3]]);
  });

  it('refuses an absurd frame length', () => {
    const read = frameReader(() => undefined, 1024);
    const header = Buffer.alloc(4);
    header.writeUInt32LE(10_000, 0);
    expect(() => read(header)).toThrow(/frame/);
  });
});

describe('the simulated nmcades', () => {
  it('answers init, CreateObject, properties, methods with objects, set_property and reset', async () => {
    const h = await host({ certificates: [{ name: 'head' }] });
    try {
      expect(await h.call({ type: 'init', url: 'https://x/' })).toMatchObject({ type: 'result', value: 1 });
      const about = await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] });
      expect(about).toMatchObject({ type: 'result', retval: { type: 'object', properties: expect.arrayContaining(['PluginVersion', 'Version']), methods: expect.arrayContaining(['CSPVersion', 'CSPName']) } });
      const aboutId = (about['retval'] as { value: number }).value;
      const version = await h.call({ objid: aboutId, get_property: 'PluginVersion' });
      const versionId = (version['retval'] as { value: number }).value;
      expect(await h.call({ objid: versionId, method: 'toString', params: [] })).toMatchObject({ retval: { type: 'string', value: '2.0.15700' } });
      expect(await h.call({ objid: aboutId, method: 'CSPName', params: [{ type: 'number', value: 80 }] })).toMatchObject({ retval: { value: 'Crypto-Pro GOST R 34.10-2012 Cryptographic Service Provider' } });
      expect(await h.call({ objid: aboutId, method: 'CSPVersion', params: [{ type: 'string', value: '' }, { type: 'number', value: 75 }] })).toMatchObject({ type: 'error', message: expect.stringMatching(/\(0x80090017\)$/) });
      const store = (await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.Store' }] }))['retval'] as { value: number };
      expect(await h.call({ objid: store.value, method: 'Open', params: [{ type: 'number', value: 2 }, { type: 'string', value: 'My' }, { type: 'number', value: 0 }] })).toMatchObject({ retval: { type: 'OK' } });
      const certs = (await h.call({ objid: store.value, get_property: 'Certificates' }))['retval'] as { value: number };
      expect(await h.call({ objid: certs.value, get_property: 'Count' })).toMatchObject({ retval: { type: 'number', value: 1 } });
      const cert = (await h.call({ objid: certs.value, method: 'Item', params: [{ type: 'number', value: 1 }] }))['retval'] as { value: number };
      const exported = await h.call({ objid: cert.value, method: 'Export', params: [{ type: 'number', value: 0 }] });
      expect(String((exported['retval'] as { value: string }).value)).toMatch(/^[A-Za-z0-9+/=\n]+$/);
      expect(await h.call({ objid: cert.value, method: 'Export', params: [{ type: 'number', value: 1 }] })).toMatchObject({ type: 'error', message: expect.stringContaining('0x80070057') });
      // CAPICOM CheckFlag: the status object re-evaluates Result.
      const status = (await h.call({ objid: cert.value, method: 'IsValid', params: [] }))['retval'] as { value: number };
      expect(await h.call({ objid: status.value, get_property: 'Result' })).toMatchObject({ retval: { type: 'boolean', value: true } });
      expect(await h.call({ objid: status.value, set_property: 'CheckFlag', params: [{ type: 'number', value: 1 }] })).toMatchObject({ retval: { type: 'OK' } });
      expect(await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAPICOM.Signer' }] })).toMatchObject({ type: 'error', message: expect.stringContaining('0x80040154') });
      // The published bridge reads a reset's `value` and takes 0 as success.
      expect(await h.call({ type: 'reset', url: 'https://x/' })).toMatchObject({ type: 'result', value: 0 });
      expect(await h.call({ objid: cert.value, get_property: 'Thumbprint' })).toMatchObject({ type: 'error' });
    } finally {
      h.close();
    }
  });

  it('has the members the real plug-in has: HashedData (GOST R 34.11-2012), CPAttribute, signer attributes, ContentEncoding, PublicKey(), CPLicense.Type', async () => {
    const h = await host({ certificates: [{ name: 'head' }] });
    const create = async (progId: string) => ((await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: progId }] }))['retval'] as { value: number; properties: string[]; methods: string[] });
    try {
      await h.call({ type: 'init', url: 'https://x/' });
      const hash = await create('CAdESCOM.HashedData');
      await h.call({ objid: hash.value, set_property: 'Algorithm', params: [{ type: 'number', value: 101 }] });
      // CADESCOM_BASE64_TO_BINARY: the bytes themselves (the default, UCS-2LE, would hash the text's UTF-16 form).
      await h.call({ objid: hash.value, set_property: 'DataEncoding', params: [{ type: 'number', value: 1 }] });
      const m1 = Buffer.from('012345678901234567890123456789012345678901234567890123456789012', 'latin1').toString('base64');
      await h.call({ objid: hash.value, method: 'Hash', params: [{ type: 'string', value: m1 }] });
      // The standard's own example M1 → H256 (GOST R 34.11-2012, appendix A).
      expect(await h.call({ objid: hash.value, get_property: 'Value' })).toMatchObject({ retval: { type: 'string', value: '9D151EEFD8590B89DAA6BA6CB74AF9275DD051026BB149A452FD84E5E57B5500' } });
      const attribute = await create('CADESCOM.CPAttribute');
      expect(attribute.properties).toEqual(expect.arrayContaining(['Name', 'Value', 'ValueEncoding']));
      const signer = await create('CAdESCOM.CPSigner');
      const attributes = (await h.call({ objid: signer.value, get_property: 'AuthenticatedAttributes2' }))['retval'] as { value: number };
      expect(await h.call({ objid: attributes.value, method: 'Add', params: [{ type: 'object', value: attribute.value }] })).toMatchObject({ retval: { type: 'OK' } });
      expect(await h.call({ objid: attributes.value, get_property: 'Count' })).toMatchObject({ retval: { value: 1 } });
      expect((await create('CAdESCOM.CadesSignedData')).properties).toContain('ContentEncoding');
      const license = await create('CAdESCOM.CPLicense');
      expect(license.methods).toContain('Type');
      const store = await create('CAdESCOM.Store');
      await h.call({ objid: store.value, method: 'Open', params: [{ type: 'number', value: 2 }, { type: 'string', value: 'My' }, { type: 'number', value: 0 }] });
      const certs = (await h.call({ objid: store.value, get_property: 'Certificates' }))['retval'] as { value: number };
      const cert = (await h.call({ objid: certs.value, method: 'Item', params: [{ type: 'number', value: 1 }] }))['retval'] as { value: number };
      const key = (await h.call({ objid: cert.value, method: 'PublicKey', params: [] }))['retval'] as { value: number };
      const algorithm = (await h.call({ objid: key.value, get_property: 'Algorithm' }))['retval'] as { value: number };
      expect(await h.call({ objid: algorithm.value, get_property: 'Value' })).toMatchObject({ retval: { value: '1.2.643.7.1.1.1.1' } });
      // Arguments as the published bridge encodes undefined: type "undefined", no value.
      const store2 = await create('CAdESCOM.Store');
      expect(await h.call({ objid: store2.value, method: 'Open', params: [{ type: 'undefined' }] })).toMatchObject({ retval: { type: 'OK' } });
    } finally {
      h.close();
    }
  });

  it('a slow first start delays every answer, loses none', async () => {
    const h = await host({ hostStartDelayMs: 400 });
    try {
      const started = Date.now();
      const [init, about] = await Promise.all([h.call({ type: 'init', url: 'https://x/' }), h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] })]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
      expect(init).toMatchObject({ type: 'result', value: 1 });
      expect(about).toMatchObject({ type: 'result', retval: { type: 'object' } });
    } finally {
      h.close();
    }
  });

  it('hostExitsAfter: the first process exits after that many answers, the next one works', async () => {
    const h = await host({ hostExitsAfter: 2 });
    try {
      await h.call({ type: 'init', url: 'https://x/' });
      await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] });
      expect(await h.exited).toBe(3);
      h.restart();
      // A fresh process knows the root object without a new init, as the extension's next request expects.
      expect(await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] })).toMatchObject({ type: 'result' });
      expect(await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] })).toMatchObject({ type: 'result' });
    } finally {
      h.close();
    }
  });

  it('splits a large reply into partial messages that join back into the same reply', async () => {
    const h = await host({ certificates: [{ name: 'head' }], chunkSize: 64 });
    try {
      await h.call({ type: 'init', url: 'https://x/' });
      const about = await h.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] });
      expect(about).toMatchObject({ type: 'result', retval: { type: 'object' } });
      expect(h.frames.filter((f) => f['partial'] !== undefined).length).toBeGreaterThan(2);
      expect(h.frames.some((f) => f['partial'] === -1)).toBe(true);
    } finally {
      h.close();
    }
  });

  it('refuses the site when access was denied, and injects failures per member', async () => {
    const denied = await host({ siteAccess: 'denied' });
    try {
      await denied.call({ type: 'init', url: 'https://x/' });
      expect(await denied.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] })).toMatchObject({ type: 'error', message: expect.stringContaining('(0x000004C7)') });
    } finally {
      denied.close();
    }
    const failing = await host({ failures: { 'About.CSPName': '0x8009001D' } });
    try {
      await failing.call({ type: 'init', url: 'https://x/' });
      const about = (await failing.call({ objid: 1, method: 'CreateObject', params: [{ type: 'string', value: 'CAdESCOM.About' }] }))['retval'] as { value: number };
      expect(await failing.call({ objid: about.value, method: 'CSPName', params: [{ type: 'number', value: 80 }] })).toMatchObject({ type: 'error', message: expect.stringContaining('0x8009001D') });
    } finally {
      failing.close();
    }
  });
});

describe('scenario files', () => {
  const dirOf = path.join(ROOT, 'tests/simulator/scenarios');
  it.each(readdirSync(dirOf).filter((f) => f.endsWith('.json')))('%s is valid and states what it must produce', (file) => {
    const parsed = parseScenario(readFileSync(path.join(dirOf, file), 'utf8'));
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
  });

  it.each([
    ['{', /^not JSON/],
    ['{"description":"x"}', /^expect: /],
    ['{"description":"x","expect":["no-such-id"]}', /^expect\.0: /],
    ['{"description":"x","expect":[],"host":"sometimes"}', /^host: /],
    ['{"description":"x","expect":[],"certificates":[{"name":"a"},{"name":"a"}]}', /^certificates: .*unique/],
    ['{"description":"x","expect":[],"failures":{"About.CSPName":"bad"}}', /^failures\.About\.CSPName: /],
    ['{"description":"x","expect":[],"surprise":1}', /surprise/],
    ['{"description":"x","expect":[],"extension":{"generation":"1.1"}}', /^extension\.generation: /],
    ['{"description":"x","expect":[],"loader":"2.2"}', /^loader: /],
    ['{"description":"x","expect":[],"hostStartDelayMs":-1}', /^hostStartDelayMs: /],
    ['{"description":"x","expect":[],"hostExitsAfter":0}', /^hostExitsAfter: /],
  ])('%s → an error naming the field', (json, message) => {
    const parsed = parseScenario(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
