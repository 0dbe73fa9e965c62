import { arch, homedir, platform } from 'node:os';
import { CAPABILITIES, inventory } from './inventory';
import { HOST_VERSION, HostRequest, MAX_REPLY_BYTES, type HostReply } from './protocol';
import { encodeFrame, frameReader } from './wire';

export interface HostEnvironment {
  platform: NodeJS.Platform;
  home: string;
  /** Prefix for system paths: tests and the fake install tree use it; empty in real use. */
  root: string;
  /** Environment variables (Windows folders: SystemRoot, ProgramFiles, LOCALAPPDATA); default: the process's. */
  vars?: Readonly<Record<string, string | undefined>>;
}

/**
 * This computer. Tests point the host at a fake install tree with `--test-root=DIR` on its command
 * line — never through the environment, which anything that starts the browser passes on: a browser
 * starts a native host with only its caller's origin, so a real install can never get that argument.
 * (The home folder is the user's, `$HOME` included, as every program has it.)
 */
export function realEnvironment(argv: readonly string[]): HostEnvironment {
  const root = argv.find((a) => a.startsWith(TEST_ROOT))?.slice(TEST_ROOT.length) ?? '';
  return { platform: platform(), home: homedir(), root };
}

export const TEST_ROOT = '--test-root=';

/** The reply to one request. */
export async function answer(raw: unknown, env: HostEnvironment): Promise<HostReply> {
  const parsed = HostRequest.safeParse(raw);
  const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 40) : '';
  if (!parsed.success) return { id, type: 'error', error: `bad request: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.slice(0, 300) };
  const request = parsed.data;
  if (request.type === 'hello') return { id: request.id, type: 'hello', version: HOST_VERSION, os: env.platform, arch: arch(), capabilities: [...CAPABILITIES] };
  return fit({ id: request.id, type: 'inventory', checks: await inventory(request, env), truncated: false });
}

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
