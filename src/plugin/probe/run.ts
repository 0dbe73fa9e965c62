import { attempt, counter, Timeout, withTimeout } from './call';
import { connect, type Connection, type CreateObject } from './connect';
import { readAbout, readLicenses, readProviders, readReaders, readStore, signTest } from './read';
import type { ProbeOptions, ProbeReport } from './report';

export function emptyReport(): ProbeReport {
  return {
    v: 1,
    tampered: [],
    loader: { state: 'absent' },
    bridge: { tried: [], source: null, handshake: 'skipped', extensionId: null, extensionVersion: null },
    path: 'none',
    about: { ok: false },
    providers: [],
    licenses: [],
    stores: { my: { opened: false, certificates: [] }, container: { opened: false, certificates: [] } },
    readers: null,
    calls: 0,
    timings: { total: 0, connect: 0, read: 0 },
  };
}

/** The whole quick probe ends by then with what it has read; a test signature may wait for the PIN. */
export const PROBE_DEADLINE_MS = { quick: 20_000, sign: 140_000 };
/**
 * After the last read: a page that answers in the plug-in's name is fast, the real extension behind it
 * is slower (its native part may only now be starting), and its answers reveal the forgery as second
 * answers from a second sender. So the probe waits until every request has an answer and then for a
 * quiet spell with no answer at all, within a bound.
 */
const SETTLE_MS = { quiet: 100, most: 1000 };
/**
 * The plug-in probe, run in ep-doctor's isolated world (connect.ts): reaches the CryptoPro plug-in the
 * way the page does and reads what it can without a PIN prompt — or, in `sign` mode, makes one test
 * signature. Never throws: every failure is in the report. Answers that someone else posted (a second
 * answer to a request, a second sender), or a plug-in that answers although the browser says its native
 * part is not registered, mark the report as tampered: the background then says «проверка невозможна».
 */
export async function runProbe(win: Window & typeof globalThis, options: ProbeOptions): Promise<ProbeReport> {
  const started = performance.now();
  const report = emptyReport();
  counter.calls = 0;
  counter.timedOut = [];
  counter.connectionLost = false;
  let connection: Connection | null = null;
  try {
    await withTimeout(
      work(win, options, report, started, (c) => (connection = c)),
      PROBE_DEADLINE_MS[options.mode],
      'probe',
    );
  } catch (error) {
    // Past the deadline the report keeps what was read so far.
    if (error instanceof Timeout) report.incomplete = true;
  } finally {
    const open = connection as Connection | null;
    if (open !== null) {
      const client = open.client;
      if (client !== null) {
        await settle(client);
        const forged = client.forgery();
        client.stop();
        if (forged !== null) report.tampered.push(forged.slice(0, 60));
      }
    }
  }
  if (options.nativeHost === 'missing' && report.path !== 'none') report.tampered.push('plug-in answers without a registered native host');
  return finish(report, started);
}

/** Waits until every request has its answer and no more answers come for a moment (bounded). */
async function settle(client: NonNullable<Connection['client']>): Promise<void> {
  // A plug-in that never answered has nothing on its way.
  if (client.counts().answered === 0) return;
  const until = performance.now() + SETTLE_MS.most;
  let last = client.counts().answered;
  let quietSince = performance.now();
  while (performance.now() < until && client.forgery() === null) {
    await new Promise((r) => setTimeout(r, 20));
    const { sent, answered } = client.counts();
    if (answered !== last) {
      last = answered;
      quietSince = performance.now();
    } else if (answered >= sent && performance.now() - quietSince >= SETTLE_MS.quiet) return;
  }
}

async function work(win: Window & typeof globalThis, options: ProbeOptions, report: ProbeReport, started: number, onConnect: (connection: Connection) => void): Promise<void> {
  const connection = await connect(win, report, options);
  onConnect(connection);
  report.timings.connect = Math.round(performance.now() - started);
  const { create, identity } = connection;
  try {
    if (create === null) return;
    const readStart = performance.now();
    if (options.mode === 'sign' && options.thumbprint !== undefined && options.testContent !== undefined) {
      await signTest(create, options.thumbprint, options.testContent, report);
    } else {
      const about = await readAbout(create, report);
      if (about !== null) {
        const [my, container] = await Promise.all([readStore(create, 'my'), readStore(create, 'container'), readProviders(about, report), readLicenses(create, report), readReaders(create, report)]);
        report.stores = { my, container };
      }
    }
    report.timings.read = Math.round(performance.now() - readStart);
    // A slow IsValid() is the CA's CRL/OCSP endpoints, judged per certificate (interpret-certificates.ts).
    const unanswered = [...new Set(counter.timedOut)].filter((label) => label !== 'IsValid');
    if ((unanswered.length > 0 || counter.connectionLost) && report.about.ok && connection.client !== null) {
      await checkAlive(create, connection.client, report);
      if (report.lost === undefined && unanswered.length > 0) report.slow = unanswered.slice(0, 10);
    }
  } finally {
    await identity;
  }
}

/** How long a fresh request may take once others went unanswered: a live plug-in answers in milliseconds. */
const LIVENESS_MS = 1500;

/**
 * Some reads went unanswered after the plug-in had answered others: a slow token or CRL fetch, or a
 * connection cut mid-check. One fresh request tells them apart: an answer (even an error) means the
 * plug-in is there and only slow; none, or the content script's «Lost connection to extension», means
 * the connection is gone.
 */
async function checkAlive(create: CreateObject, client: NonNullable<Connection['client']>, report: ProbeReport): Promise<void> {
  const alive = await attempt(() => create('CAdESCOM.About'), LIVENESS_MS, 'liveness');
  if (!counter.connectionLost && (alive.ok || !alive.timedOut)) return;
  const { sent, answered } = client.counts();
  report.lost = { answered, unanswered: sent - answered };
}

function finish(report: ProbeReport, started: number): ProbeReport {
  report.calls = counter.calls;
  report.timings.total = Math.round(performance.now() - started);
  return report;
}
