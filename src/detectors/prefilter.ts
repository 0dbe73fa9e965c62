import type { TextSignal } from './text-signals';

/**
 * A cheap first pass for long texts: every signal contains a "trigger" (its longest word, or the
 * start of a code), and a match can only sit within `reach` characters of a trigger. One simple
 * alternation finds the triggers; the full matcher then reads only the windows around them. On a
 * 5 MB registry page that is a few hits instead of millions of characters.
 */
export interface Prefilter {
  /** [start, end) windows around triggers, merged and in order. */
  windows(text: string): [number, number][];
}

/** The longest letter run of a signal text, lower-cased; е and ё match each other. */
export function triggerOf(text: string): string {
  const words = text.toLowerCase().split(/[^a-zа-яё0-9]+/i);
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
  return longest.replace(/[её]/g, '[её]');
}

/** Codes: `0x…`, a word that introduces a code, or a signed decimal. */
const CODE_TRIGGERS = ['0x[0-9a-f]{8}', 'код', 'code', '-[12][0-9]{9}'];

export function createPrefilter(signals: readonly TextSignal[]): Prefilter {
  const triggers = [...new Set(signals.map((s) => triggerOf(s.text)))].filter((t) => t.length > 0);
  const regex = new RegExp([...triggers, ...CODE_TRIGGERS].join('|'), 'gi');
  // A match begins at most its own length before its trigger: text length, gaps (…) of up to 80
  // characters, extra spaces; codes need 60 characters of context before them.
  const reach = Math.max(120, ...signals.map((s) => s.text.length * 2 + (s.text.match(/…|\.\.\./g)?.length ?? 0) * 80));
  return {
    windows(text) {
      const out: [number, number][] = [];
      regex.lastIndex = 0;
      let hit: RegExpExecArray | null;
      while ((hit = regex.exec(text)) !== null) {
        const start = Math.max(0, hit.index - reach);
        const end = Math.min(text.length, hit.index + hit[0].length + reach);
        const last = out[out.length - 1];
        if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
        else out.push([start, end]);
      }
      return out;
    },
  };
}
