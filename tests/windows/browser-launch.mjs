// @ts-check
/**
 * Runs under Wine's Windows Node (node.exe): starts ep-doctor-host the way a browser on Windows does
 * and talks native messaging to it.
 * - chrome: Chromium's launcher (native_process_launcher_win.cc) makes two named pipes and starts
 *   `cmd.exe /d /s /c ""host.exe" <origin> --parent-window=0 > \\.\pipe\…out < \\.\pipe\…in"`.
 * - firefox: Firefox starts the program directly with pipes for stdin and stdout, passing the
 *   manifest's path and the add-on id.
 * Usage: node.exe browser-launch.mjs chrome|firefox HOST.EXE ARG REQUESTS.json OUT.json
 * Each request is sent after the previous reply; OUT.json gets {replies: [{ms, reply}], exit, stderr}.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const [mode, exe, arg, requestsFile, outFile] = process.argv.slice(2);
if (outFile === undefined) throw new Error('usage: browser-launch.mjs chrome|firefox HOST.EXE ARG REQUESTS.json OUT.json');
const requests = JSON.parse(fs.readFileSync(/** @type {string} */ (requestsFile), 'utf8'));
const started = Date.now();
/** @type {{ ms: number, reply: unknown }[]} */
const replies = [];
let stderr = '';

function frame(/** @type {unknown} */ message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

function finish(/** @type {number | null} */ exit) {
  fs.writeFileSync(/** @type {string} */ (outFile), JSON.stringify({ replies, exit, stderr }));
  process.exit(0);
}

/** Reads frames from the host, sends the next request after each reply, ends when all are answered. */
function talk(/** @type {NodeJS.WritableStream} */ input, /** @type {NodeJS.ReadableStream} */ output) {
  let pending = Buffer.alloc(0);
  let next = 0;
  const send = () => {
    if (next < requests.length) input.write(frame(requests[next++]));
    else input.end();
  };
  output.on('data', (/** @type {Buffer} */ chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readUInt32LE(0);
      if (pending.length < 4 + length) return;
      replies.push({ ms: Date.now() - started, reply: JSON.parse(pending.subarray(4, 4 + length).toString('utf8')) });
      pending = pending.subarray(4 + length);
      send();
    }
  });
  send();
}

setTimeout(() => finish(null), 60_000).unref();

if (mode === 'firefox') {
  const child = spawn(/** @type {string} */ (exe), [/** @type {string} */ (arg), 'ep-doctor@ep-doctor.dev'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  child.stderr.on('data', (/** @type {Buffer} */ d) => (stderr += d.toString()));
  talk(child.stdin, child.stdout);
  child.on('exit', (code) => setTimeout(() => finish(code), 50));
} else {
  const id = `${process.pid}.${Date.now()}`;
  const inName = `\\\\.\\pipe\\chrome.nativeMessaging.in.${id}`;
  const outName = `\\\\.\\pipe\\chrome.nativeMessaging.out.${id}`;
  /** @type {net.Socket | undefined} */
  let toHost;
  /** @type {net.Socket | undefined} */
  let fromHost;
  const ready = () => {
    if (toHost !== undefined && fromHost !== undefined) talk(toHost, fromHost);
  };
  const inServer = net.createServer((s) => ((toHost = s), ready()));
  const outServer = net.createServer((s) => ((fromHost = s), ready()));
  inServer.listen(inName, () => outServer.listen(outName, () => {
    const command = `""${exe}" ${arg} --parent-window=0 > ${outName} < ${inName}"`;
    const child = spawn(process.env['ComSpec'] ?? 'C:\\windows\\system32\\cmd.exe', ['/d', '/s', '/c', command], { windowsVerbatimArguments: true, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    child.stderr.on('data', (/** @type {Buffer} */ d) => (stderr += d.toString()));
    child.on('exit', (code) => setTimeout(() => finish(code), 50));
  }));
}
