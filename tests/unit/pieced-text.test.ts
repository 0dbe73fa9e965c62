import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, piecedText } from '@/src/content/pieced-text';

describe('piecedText', () => {
  it('slices like the joined string, across any number of pieces, empty ones included', () => {
    const pieces = ['Набор ', '', 'ключей не ', 'с', 'уществует (0x80090016)', '', 'конец'];
    const whole = pieces.join('');
    const text = piecedText(pieces);
    expect(text.length).toBe(whole.length);
    for (let from = 0; from <= whole.length; from++) {
      for (let to = from; to <= whole.length + 3; to++) expect(text.slice(from, to), `${from}…${to}`).toBe(whole.slice(from, to));
    }
  });

  it('a single piece is sliced directly', () => {
    expect(piecedText(['Сертификат отозван']).slice(11, 18)).toBe('отозван');
  });
});

describe('lastAtOrBefore', () => {
  it('finds the piece an offset falls in', () => {
    const starts = [0, 5, 5, 9];
    expect([0, 4, 5, 8, 9, 100].map((o) => lastAtOrBefore(starts, o))).toEqual([0, 0, 2, 2, 3, 3]);
  });
});
