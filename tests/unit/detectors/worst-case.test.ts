import { describe, expect, it } from 'vitest';
import { CODE_SOURCES } from '@/src/detectors/code-signals';
import { createMatcher } from '@/src/detectors/matcher';
import { PLATFORM_MATCHES } from '@/src/platforms';
import { GENERIC_TEXT_SIGNALS } from '@/src/detectors/text-signals';

/**
 * Every detector pattern stays linear in its input: for each, a crafted worst case of about 1 MB — the
 * pattern's own beginning repeated with the whitespace and punctuation its quantifiers accept, never
 * completed — is scanned in bounded time. The bound is a hundred times what a linear scan takes on this
 * machine; the quadratic «код» pattern it replaces needed 3 s for the first case alone.
 */
const SIZE = 1_000_000;
const BOUND_MS = 1500;

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** `seed` repeated to about SIZE characters. */
const fill = (seed: string): string => seed.repeat(Math.ceil(SIZE / seed.length)).slice(0, SIZE);

const ALL_SIGNALS = [...GENERIC_TEXT_SIGNALS, ...PLATFORM_MATCHES.flatMap((p) => p.texts)];
const matcher = createMatcher(ALL_SIGNALS);

describe('worst-case inputs for every detector pattern', () => {
  it.each([
    ['«код» then a megabyte of spaces (the reported ReDoS)', `код 12345678 z код${' '.repeat(SIZE)}`],
    ['«код ошибки» repeated with spaces and colons', fill('код ошибки :  - ')],
    ['«code error» repeated', fill('code error # ')],
    ['hex-looking digits without a prefix', fill('0x8009200 ')],
    ['minus signs and long numbers', fill('-214688562 ')],
    ['«(0x» repeated', fill('(0x(0x(0x')],
  ])('%s', (_label, text) => {
    expect(timed(() => matcher.find(text))).toBeLessThan(BOUND_MS);
  });

  // The matcher reads long texts only around prefilter hits; the content script also runs the patterns
  // on short texts directly, so each pattern must be linear on its own.
  it.each(
    Object.entries(CODE_SOURCES).flatMap(([name, source]) =>
      [`код 12345678 z код${' '.repeat(2000)}`, `code error${'\t'.repeat(500)}`, fill('код code ошибки error : = # № - ( 0x -2 '), `0x${' '.repeat(100)}`, `-${'1'.repeat(9)} `].map((seed, i) => [name, i, source, seed] as const),
    ),
  )('code pattern %s alone, worst case %i', (_name, _i, source, seed) => {
    const regex = new RegExp(source, 'giu');
    const text = fill(seed);
    expect(timed(() => [...text.matchAll(regex)])).toBeLessThan(BOUND_MS);
  });

  it.each(ALL_SIGNALS.map((s) => [s.text] as const))('text signal «%s» cut before its last word, repeated with spaces', (text) => {
    const words = text.split(/\s+/);
    const start = words.length > 1 ? words.slice(0, -1).join('   ') : text.slice(0, -1);
    expect(timed(() => matcher.find(fill(`${start}     `)))).toBeLessThan(BOUND_MS);
  });
});
