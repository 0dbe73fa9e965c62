import type { CallError } from './report';

const CODE = /\(?(0x[0-9a-f]{8})\)?/i;

/** A rejected plug-in call (an Error with "… (0x…)", or the loader's bare string) as data. */
export function callError(error: unknown): CallError {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  const text = raw.slice(0, 500);
  const code = CODE.exec(text)?.[1] ?? null;
  return { code: code === null ? null : `0x${code.slice(2).toUpperCase()}`, message: text.slice(0, 300) };
}

export class Timeout extends Error {
  constructor(readonly label: string, readonly ms: number) {
    super(`${label}: no answer in ${ms} ms`);
  }
}

/** Settles with `promise`, or rejects with Timeout after `ms`. Uses the engine's own Promise. */
export function withTimeout<T>(promise: PromiseLike<T> | T, ms: number, label: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout(label, ms)), ms);
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Counts plug-in round trips (the bench compares the probe with the raw protocol), names unanswered
 * ones, and notes the CryptoPro content script's own «Lost connection to extension» answer (it posts it
 * when its extension was reloaded or updated under the page: research/cryptopro-plugin.md).
 */
export const counter = { calls: 0, timedOut: [] as string[], connectionLost: false };
export const LOST_CONNECTION = /Lost connection to extension/i;

/** One plug-in read or call: `await`ed with a timeout; the error kept instead of thrown. */
export async function attempt<T>(fn: () => PromiseLike<T> | T, ms: number, label: string): Promise<{ ok: true; value: T } | { ok: false; error: CallError; timedOut: boolean }> {
  counter.calls++;
  try {
    return { ok: true, value: await withTimeout(fn(), ms, label) };
  } catch (error) {
    if (error instanceof Timeout && counter.timedOut.length < 50) counter.timedOut.push(label);
    const failure = callError(error);
    if (LOST_CONNECTION.test(failure.message)) counter.connectionLost = true;
    return { ok: false, error: failure, timedOut: error instanceof Timeout };
  }
}
