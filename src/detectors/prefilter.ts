import { MAX_GAP, MAX_SPACES } from './compile-pattern';
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

/** Codes: `0x…`, a word followed by a hex code, or a signed decimal. */
const CODE_TRIGGERS = ['0x[0-9a-f]{8}', '(?:код|code)[^0-9a-f]{0,30}[0-9a-f]{8}', '-[12][0-9]{9}'];

export function createPrefilter(signals: readonly TextSignal[]): Prefilter {
  const triggers = [...new Set(signals.map((s) => triggerOf(s.text)))].filter((t) => t.length > 0);
  const regex = new RegExp([...triggers, ...CODE_TRIGGERS].join('|'), 'gi');
  // A match begins at most its own length before its trigger: its characters, up to MAX_SPACES per
  // space, MAX_GAP per gap (…); codes need 60 characters of context before them.
  const longest = (s: TextSignal): number => s.text.length + (s.text.match(/\s+/g)?.length ?? 0) * MAX_SPACES + (s.text.match(/…|\.\.\./g)?.length ?? 0) * MAX_GAP;
  const reach = Math.max(120, ...signals.map(longest));
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
