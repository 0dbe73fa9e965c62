import { arch, homedir, platform } from 'node:os';
import { clockCheck } from './checks/clock';
import { cryptoproInventory, type CryptoproInventory } from './checks/cryptopro';
import { rootsCheck } from './checks/roots';
import { tokensCheck, unixSmartCard } from './checks/tokens';
import { manifestsCheck } from './manifests';
import { HOST_VERSION, HostRequest, MAX_REPLY_BYTES, type HostCheck, type HostReply } from './protocol';
import { runTool } from './run-tool';
import { encodeFrame, frameReader } from './wire';

const CHECK_MS = 5000;

export interface HostEnvironment {
  platform: NodeJS.Platform;
  home: string;
  /** Prefix for system paths: tests and the fake install tree use it; empty in real use. */
  root: string;
}

export function realEnvironment(): HostEnvironment {
  return { platform: platform(), home: process.env['EP_DOCTOR_HOST_HOME'] ?? homedir(), root: process.env['EP_DOCTOR_HOST_ROOT'] ?? '' };
}

/** One read-only check with its own time bound: a hung check is reported, not waited for. */
async function bounded(name: string, run: () => HostCheck | Promise<HostCheck>): Promise<HostCheck> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve()
        .then(run)
        .then((check) => ({ ...check, ms: Date.now() - started })),
      new Promise<HostCheck>((resolve) => {
        timer = setTimeout(() => resolve({ name, status: 'timeout', ms: CHECK_MS, detail: `no result in ${CHECK_MS} ms`, problems: [], facts: {} }), CHECK_MS);
      }),
    ]);
  } catch (error) {
    return { name, status: 'error', ms: Date.now() - started, detail: String((error as Error).message ?? error).slice(0, 300), problems: [], facts: {} };
  } finally {
    clearTimeout(timer);
  }
}

/** The reply to one request. */
export async function answer(raw: unknown, env: HostEnvironment): Promise<HostReply> {
  const parsed = HostRequest.safeParse(raw);
  const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 40) : '';
  if (!parsed.success) return { id, type: 'error', error: `bad request: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.slice(0, 300) };
  const request = parsed.data;
  if (request.type === 'hello') return { id: request.id, type: 'hello', version: HOST_VERSION, os: env.platform, arch: arch(), capabilities: CAPABILITIES };
  return fit({ id: request.id, type: 'inventory', checks: await inventory(request, env), truncated: false });
}

const CAPABILITIES = ['inventory', 'native-host-manifests', 'cryptopro-csp', 'root-certificates', 'tokens', 'clock'];

/**
 * Every read-only check, each bounded on its own. The root and token checks build on what the
 * CryptoPro one found (personal certificates, containers), so they follow it; the rest run alongside.
 */
async function inventory(request: Extract<HostRequest, { type: 'inventory' }>, env: HostEnvironment): Promise<HostCheck[]> {
  // Set when the CryptoPro check finishes in time; a timed-out one leaves the dependent checks without it.
  let found: CryptoproInventory | null = null;
  const cryptopro = bounded('cryptopro-csp', async () => {
    const result = await cryptoproInventory({ platform: env.platform, root: env.root, needsGostTls: request.gostTls });
    found = result;
    return result.check;
  });
  const dependent = cryptopro.then(() => {
    const csp = found as CryptoproInventory | null;
    const certmgr = csp?.certmgr ?? null;
    return Promise.all([
      certmgr === null ? skipped('root-certificates', 'certmgr is not installed') : bounded('root-certificates', () => rootsCheck({ certmgr, run: runTool, personal: csp?.personal ?? [] })),
      bounded('tokens', () => tokensCheck({ containers: csp?.containers ?? null, smartCard: unixSmartCard(env.platform, env.root) })),
    ]);
  });
  const [manifests, clock, csp1, [roots, tokens]] = await Promise.all([
    bounded('native-host-manifests', () => manifestsCheck({ ...env, browser: request.browser })),
    bounded('clock', () => clockCheck({ platform: env.platform, root: env.root, now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, server: request.server ?? null })),
    cryptopro,
    dependent,
  ]);
  return [manifests, csp1, roots, tokens, clock];
}

const skipped = (name: string, detail: string): HostCheck => ({ name, status: 'skipped', ms: 0, detail, problems: [], facts: {} });

/** Under the browser's 1 MB limit: facts go first, then whole checks, and the reply says so. */
export function fit(reply: HostReply): HostReply {
  if (reply.type !== 'inventory' || Buffer.byteLength(JSON.stringify(reply)) <= MAX_REPLY_BYTES) return reply;
  const lean = { ...reply, truncated: true, checks: reply.checks.map((c) => ({ ...c, facts: {} })) };
  while (lean.checks.length > 0 && Buffer.byteLength(JSON.stringify(lean)) > MAX_REPLY_BYTES) lean.checks.pop();
  return lean;
}

/** The native-messaging loop: one frame in, one frame out, until the browser closes stdin. */
export function serve(env: HostEnvironment, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): void {
  let queue = Promise.resolve();
  const read = frameReader((message) => {
    queue = queue.then(async () => {
      output.write(encodeFrame(await answer(message, env)));
    });
  }, MAX_REPLY_BYTES);
  input.on('data', (chunk: Buffer) => {
    try {
      read(chunk);
    } catch {
      output.write(encodeFrame({ id: '', type: 'error', error: 'bad frame' }));
      process.exit(1);
    }
  });
  input.on('end', () => void queue.then(() => process.exit(0)));
}
