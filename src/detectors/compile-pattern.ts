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
  return patternTokens(text).join('');
}

/**
 * compilePattern's source as one regex piece per character of the text (letters lower-cased: the
 * matcher is case-insensitive), so that signals sharing a beginning can share its pieces.
 */
export function patternTokens(text: string): string[] {
  const source = text.trim().replace(/\.\.\./g, '…');
  const out: string[] = [];
  let pendingSpace = false;
  const GAP = `[^\\0]{0,${MAX_GAP}}?`;
  for (const ch of source) {
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    // The gap takes the spaces around it: spaces of their own beside it would make the engine retry the
    // whole gap once per space it gives back.
    if (pendingSpace && ch !== '…' && out[out.length - 1] !== GAP) out.push(`\\s{0,${MAX_SPACES}}`);
    pendingSpace = false;
    if (ch === '…') out.push(GAP);
    else if (ch === 'е' || ch === 'ё' || ch === 'Е' || ch === 'Ё') out.push('[её]');
    else if (QUOTES.includes(ch)) out.push(`[${QUOTES}]?`);
    else if (DASHES.includes(ch)) out.push(`[${DASHES}]`);
    else if (SPECIAL.test(ch)) out.push(`\\${ch}`);
    else out.push(ch.toLowerCase());
  }
  return out;
}
