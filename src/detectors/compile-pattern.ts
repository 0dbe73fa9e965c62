/** Longest whitespace run between two words, and longest `…` gap: a match has a bounded length. */
export const MAX_SPACES = 40;
export const MAX_GAP = 80;

const SPECIAL = /[\\^$.*+?()[\]{}|/]/;
const QUOTES = '"«»“”„‘’\'';
const DASHES = '-‐‑‒–—';

/**
 * Turns a text written as it appears on a page into a regular-expression source that tolerates what
 * platforms do to it: any case (the matcher uses the `i` flag), ё/е, any quote style or none,
 * non-breaking, repeated or missing spaces and line breaks (text split across inline elements loses
 * or gains spaces), and dashes of any kind. `…` (or `...`) stands for a gap of up to
 * 80 characters that never crosses a NUL (the separator of texts scanned together).
 */
export function compilePattern(text: string): string {
  const source = text.trim().replace(/\.\.\./g, '…');
  let out = '';
  let pendingSpace = false;
  for (const ch of source) {
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      out += `\\s{0,${MAX_SPACES}}`;
      pendingSpace = false;
    }
    if (ch === '…') out += `[^\\0]{0,${MAX_GAP}}?`;
    else if (ch === 'е' || ch === 'ё' || ch === 'Е' || ch === 'Ё') out += '[её]';
    else if (QUOTES.includes(ch)) out += `[${QUOTES}]?`;
    else if (DASHES.includes(ch)) out += `[${DASHES}]`;
    else if (SPECIAL.test(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}
