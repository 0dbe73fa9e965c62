import { describe, expect, it } from 'vitest';
import { CODE_PROBLEMS } from '@/src/detectors/code-signals';
import { compileDetector } from '@/src/detectors/compile-detector';
import { compilePattern } from '@/src/detectors/compile-pattern';
import { CODE_SLOTS, matcherFromCompiled } from '@/src/detectors/compiled-detector';
import { CODE_SOURCES } from '@/src/detectors/code-signals';
import { createMatcher } from '@/src/detectors/matcher';
import { GENERIC_TEXT_SIGNALS, type TextSignal } from '@/src/detectors/text-signals';
import { PLATFORM_MATCHES } from '@/src/platforms';

/**
 * The detector's signals are one alternation factored by their common beginnings (compile-detector.ts).
 * It must find exactly what one group per signal, in the signals' order, finds: the same signals at the
 * same places, the first-listed signal winning where two match at one place.
 */
const SIGNALS: readonly TextSignal[] = [...GENERIC_TEXT_SIGNALS, ...PLATFORM_MATCHES.flatMap((p) => p.texts)];

function flatMatcher(texts: readonly TextSignal[]) {
  const compiled = compileDetector(texts);
  const codes = CODE_SLOTS.map((slot) => `(?:${CODE_SOURCES[slot.slice(1) as keyof typeof CODE_SOURCES]})`);
  return matcherFromCompiled({ ...compiled, source: [...texts.map((t) => `(${compilePattern(t.text)})`), ...codes].join('|'), slots: [...texts.map((t) => t.problem), ...CODE_SLOTS] }, CODE_PROBLEMS);
}

/** A seeded generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the factored alternation', () => {
  const factored = createMatcher(SIGNALS);
  const flat = flatMatcher(SIGNALS);
  const next = random(17);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const noise = ['', ' ', '  ', '\n', ': ', '. ', 'Ошибка ', 'код 0x80090016 ', 'Сертификат ', 'не ', 'abc ', '«', '»', '1A2B3C4D5E6F7A8B9C0D1A2B3C4D5E6F7A8B9C0D '];
  const texts = Array.from({ length: 400 }, () => {
    const parts: string[] = [];
    for (let i = 0, n = 1 + Math.floor(next() * 6); i < n; i++) {
      const signal = pick(SIGNALS).text.replace('…', pick(['на', 'AB12CD34', '', '  ']));
      const words = signal.split(/\s+/);
      // Whole signals, signals cut short, and signals with a word dropped, between noise.
      const variant = pick([signal, signal.toUpperCase(), words.slice(0, -1).join(' '), words.filter((_, j) => j !== 1).join(' ')]);
      parts.push(pick(noise), variant, pick(noise));
    }
    return parts.join('');
  });

  it('400 generated texts: the same signals at the same places as the flat alternation', () => {
    let found = 0;
    for (const text of texts) {
      const expected = flat.find(text, 2000);
      expect(factored.find(text, 2000), text).toEqual(expected);
      found += expected.length;
    }
    // The texts do hold signals (most of them several), so the comparison is not of empty lists.
    expect(found).toBeGreaterThan(texts.length);
  });

  it('keeps the listed order where two signals match at one place', () => {
    const first: TextSignal[] = [{ text: 'Сертификат не найден', problem: 'cert-none-found' }, { text: 'Сертификат не найден на носителе', problem: 'key-container-missing' }];
    expect(createMatcher(first).find('Сертификат не найден на носителе')[0]?.problem).toBe('cert-none-found');
    expect(createMatcher([...first].reverse()).find('Сертификат не найден на носителе')[0]?.problem).toBe('key-container-missing');
  });
});
