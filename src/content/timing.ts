declare const __EP_DOCTOR_DEV_BUILD__: boolean | undefined;

/**
 * Test builds time every task of ours on the page's own Performance timeline (`ep-doctor:task:<name>`),
 * where the benchmark reads them; the released extension leaves no entries there.
 */
export const TIMED = typeof __EP_DOCTOR_DEV_BUILD__ !== 'undefined' && __EP_DOCTOR_DEV_BUILD__ && typeof performance.measure === 'function';

/** Entries kept before ours are cleared, so a page open for hours does not collect them for ever. */
const MAX_ENTRIES = 10_000;
let entries = 0;
const names = new Set<string>();

export function timed<T>(name: string, task: () => T): T {
  if (!TIMED) return task();
  const start = performance.now();
  try {
    return task();
  } finally {
    const entry = `ep-doctor:task:${name}`;
    performance.measure(entry, { start });
    names.add(entry);
    if (++entries >= MAX_ENTRIES) {
      for (const n of names) performance.clearMeasures(n);
      entries = 0;
    }
  }
}

/**
 * The initial scan's cost for the benchmark, in test builds: the CPU of its slices, the longest one,
 * and the wall time from start to end (`ep-doctor:initial-scan`, figures in `detail`).
 */
export function createScanTally(): { start(): void; slice(ms: number, finished: boolean): void } {
  let began = -1;
  let cpu = 0;
  let slices = 0;
  let maxSlice = 0;
  return {
    start() {
      if (TIMED) began = performance.now();
    },
    slice(ms, finished) {
      if (!TIMED || began < 0) return;
      cpu += ms;
      slices++;
      maxSlice = Math.max(maxSlice, ms);
      if (finished) {
        performance.mark('ep-doctor:initial-scan', { detail: { cpu, slices, maxSlice, wall: performance.now() - began } });
        began = -1;
      }
    },
  };
}

/** Test builds: nothing of ours is left to do (the benchmark waits for this after a change). */
export function markIdle(): void {
  if (TIMED) performance.mark('ep-doctor:idle');
}
