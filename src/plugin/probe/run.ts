import { counter, Timeout, withTimeout } from './call';
import { connect } from './connect';
import { NativePromise, tamperedNatives } from './intrinsics';
import { readAbout, readLicenses, readProviders, readReaders, readStore, signTest } from './read';
import type { ProbeOptions, ProbeReport } from './report';
import { watchReplies } from './reply-watch';

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

/**
 * The page-world probe: reaches the CryptoPro plug-in the way the page does and reads what it can
 * without a PIN prompt (or, in `sign` mode, makes one test signature). Never throws: every failure is
 * in the report. Stops before touching the plug-in when the page replaced the natives it needs.
 */
/** The whole quick probe ends by then with what it has read; a test signature may wait for the PIN. */
export const PROBE_DEADLINE_MS = { quick: 20_000, sign: 140_000 };

export async function runProbe(win: Window & typeof globalThis, extensionIds: readonly string[], options: ProbeOptions): Promise<ProbeReport> {
  const started = performance.now();
  const report = emptyReport();
  counter.calls = 0;
  report.tampered = tamperedNatives(win);
  if (report.tampered.length > 0) return finish(report, started);

  const watch = watchReplies(win);
  let cleanup = (): void => undefined;
  try {
    await withTimeout(work(win, extensionIds, options, report, started, (c) => (cleanup = c)), PROBE_DEADLINE_MS[options.mode], 'probe');
  } catch (error) {
    // A page whose `cadesplugin` throws on access, or cannot be shadowed, is no place to check from;
    // past the deadline the report keeps what was read so far.
    if (error instanceof Timeout) report.incomplete = true;
    else report.loader = { state: 'invalid', message: String((error as Error)?.message ?? error).slice(0, 200) };
  } finally {
    cleanup();
    const forged = watch.stop();
    if (forged !== null) report.tampered.push(`forged replies: ${forged}`.slice(0, 60));
  }
  return finish(report, started);
}

async function work(win: Window & typeof globalThis, extensionIds: readonly string[], options: ProbeOptions, report: ProbeReport, started: number, onCleanup: (cleanup: () => void) => void): Promise<void> {
  const { create, cleanup, identity } = await connect(win, extensionIds, report, options);
  onCleanup(cleanup);
  report.timings.connect = Math.round(performance.now() - started);
  try {
    if (create === null) return;
    const readStart = performance.now();
    if (options.mode === 'sign' && options.thumbprint !== undefined) {
      await signTest(create, options.thumbprint, report);
    } else {
      const about = await readAbout(create, report);
      if (about !== null) {
        const [my, container] = await NativePromise.all([
          readStore(create, 'my'),
          readStore(create, 'container'),
          readProviders(about, report),
          readLicenses(create, report),
          readReaders(create, report),
        ]);
        report.stores = { my, container };
      }
    }
    report.timings.read = Math.round(performance.now() - readStart);
  } finally {
    await identity;
  }
}

function finish(report: ProbeReport, started: number): ProbeReport {
  report.calls = counter.calls;
  report.timings.total = Math.round(performance.now() - started);
  return report;
}
