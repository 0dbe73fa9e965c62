import { describe, expect, it } from 'vitest';
import { CODE_PROBLEMS } from '@/src/detectors/code-signals';
import { createMatcher } from '@/src/detectors/matcher';
import { triggerOf } from '@/src/detectors/compile-detector';
import { GENERIC_TEXT_SIGNALS } from '@/src/detectors/text-signals';
import { PLATFORM_MATCHES } from '@/src/platforms';

const signals = [...GENERIC_TEXT_SIGNALS, ...PLATFORM_MATCHES.flatMap((p) => p.texts)];
const matcher = createMatcher(signals);

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const FILLER = ['Извещение № 0373200000124000017. ', 'Лот 1: поставка оборудования. ', 'код закупки 241770800012177080100100010010000244 ', 'Сертификат электронной подписи нужен для подачи заявки. ', 'Сумма: -2 146 885,21 руб. ', 'ИНН 7707083893; '];

describe('prefilter', () => {
  it('takes each signal’s longest word as its trigger', () => {
    expect(triggerOf('Плагин недоступен')).toBe('н[её]доступ[её]н');
    expect(triggerOf("Automation server can't create object")).toBe('automation');
  });

  it('finds exactly what the full scan finds, in long generated texts', () => {
    const next = random(42);
    const insertions = [...signals.map((s) => s.text.replace(/…|\.\.\./g, ' на ')), ...Object.keys(CODE_PROBLEMS).map((c) => `(0x${c.toUpperCase()})`), 'Ошибка -2146885621', 'Код ошибки: 80090016'];
    for (let round = 0; round < 30; round++) {
      const parts: string[] = [];
      while (parts.join('').length < 20_000) {
        parts.push(next() < 0.03 ? insertions[Math.floor(next() * insertions.length)]! : FILLER[Math.floor(next() * FILLER.length)]!);
      }
      const text = parts.join('');
      // Splitting the text into short pieces makes the matcher skip its prefilter.
      const direct: string[] = [];
      let offset = 0;
      for (const line of text.split(/(?<=\. )/)) {
        for (const s of matcher.find(line, 1000)) direct.push(`${s.problem}@${s.index + offset}`);
        offset += line.length;
      }
      const filtered = matcher.find(text, 1000).map((s) => `${s.problem}@${s.index}`);
      expect(filtered).toEqual(direct);
    }
  });
});
