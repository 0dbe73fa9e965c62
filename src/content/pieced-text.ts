/** A text kept in the pieces it was read in: slices come from the pieces, the whole is never copied. */
export interface PiecedText {
  readonly length: number;
  /** Like String.prototype.slice with 0 ≤ from ≤ to. */
  slice(from: number, to: number): string;
}

/** Index of the last start at or before `offset` (starts ascending, the first 0). */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function piecedText(pieces: readonly string[]): PiecedText {
  const starts: number[] = [];
  let length = 0;
  for (const piece of pieces) {
    starts.push(length);
    length += piece.length;
  }
  return {
    length,
    slice(from, to) {
      const end = Math.min(to, length);
      let out = '';
      for (let i = lastAtOrBefore(starts, from); i < pieces.length && starts[i]! < end; i++) {
        out += pieces[i]!.slice(Math.max(0, from - starts[i]!), end - starts[i]!);
      }
      return out;
    },
  };
}
