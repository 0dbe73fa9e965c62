import type { ProblemId } from '../core/problem-ids';
import { hexFromSignedDecimal, isFailureCode } from './code-values';
import type { Matcher, Signal } from './signal';

/** The three written forms of a code, in the order of their groups after the texts'. */
export const CODE_SLOTS = ['#prefixed', '#afterWord', '#signedDecimal'] as const;

/**
 * Every text and code signal compiled into ONE regular-expression source (compile-detector.ts, in the
 * background), so a scan is a single pass whatever the number of signals, and the content script
 * carries no signal text. Each alternative is one capture group; `slots[i]` says what group i+1 means.
 */
export interface CompiledDetector {
  source: string;
  /** A problem id for a text, or one of CODE_SLOTS. */
  slots: string[];
  /** Prefilter: every signal contains one of these triggers (an alternation)… */
  triggers: string;
  /** …and a match lies within this many characters of its trigger; also the longest match. */
  reach: number;
}

/** Texts longer than this go through the prefilter first. */
const PREFILTER_FROM = 4000;
/** A window the full matcher reads at once; longer merged windows (a page of triggers) go in pieces. */
const WINDOW_PIECE = 32_768;

/** Words that make a bare signed decimal a code rather than an amount or an id. */
const CODE_CONTEXT = /(?:код|code|ошибк|error|hresult)[^]{0,40}$/i;

/** The matcher for a compiled detector; `codes` maps known 8-digit hex codes to their problems. */
export function matcherFromCompiled(compiled: CompiledDetector, codes: Readonly<Record<string, ProblemId>>): Matcher {
  const regex = new RegExp(compiled.source, 'gi');
  const triggers = new RegExp(compiled.triggers, 'gi');
  const reach = compiled.reach;
  const knownCode = (hex: string): ProblemId | undefined => (Object.hasOwn(codes, hex) ? codes[hex] : undefined);

  function classify(match: RegExpExecArray, text: string): Signal | null {
    const slotIndex = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    const slot = compiled.slots[slotIndex];
    if (slot === undefined) return null;
    const base = { index: match.index, length: match[0].length };
    if (!slot.startsWith('#')) return { ...base, problem: slot as ProblemId, source: 'text' };
    const captured = (match[slotIndex + 1] ?? '').toLowerCase();
    let hex: string | null = captured;
    if (slot === '#signedDecimal') {
      hex = hexFromSignedDecimal(captured);
      if (hex === null || (knownCode(hex) === undefined && !CODE_CONTEXT.test(text.slice(Math.max(0, match.index - 60), match.index)))) return null;
    }
    const problem = knownCode(hex) ?? (isFailureCode(hex) ? 'unknown-signing-error' : null);
    return problem === null ? null : { ...base, problem, source: 'code', code: `0x${hex.toUpperCase()}` };
  }

  /** Signals starting in [from, to) of `text`, matched on text[from, to + reach), offsets shifted. */
  function scan(text: string, from: number, to: number, limit: number, found: Signal[]): void {
    const piece = from === 0 && to >= text.length ? text : text.slice(from, Math.min(text.length, to + reach));
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while (found.length < limit && (match = regex.exec(piece)) !== null) {
      if (match[0].length === 0) regex.lastIndex++;
      if (match.index >= to - from) break;
      const signal = classify(match, piece);
      if (signal !== null) found.push({ ...signal, index: signal.index + from });
    }
  }

  /** [start, end) windows around triggers, merged and in order. */
  function windows(text: string): [number, number][] {
    const out: [number, number][] = [];
    triggers.lastIndex = 0;
    let hit: RegExpExecArray | null;
    while ((hit = triggers.exec(text)) !== null) {
      if (hit[0].length === 0) triggers.lastIndex++;
      const start = Math.max(0, hit.index - reach);
      const end = Math.min(text.length, hit.index + hit[0].length + reach);
      const last = out[out.length - 1];
      if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
      else out.push([start, end]);
    }
    return out;
  }

  return {
    reach,
    find(text, limit = 50) {
      const found: Signal[] = [];
      if (text.length <= PREFILTER_FROM) {
        scan(text, 0, text.length, limit, found);
        return found;
      }
      // Windows are disjoint and ordered, so signals come out in order and never twice; a long window is
      // read in pieces that overlap by `reach`, each keeping only the signals that start in it.
      for (const [start, end] of windows(text)) {
        for (let from = start; from < end && found.length < limit; from += WINDOW_PIECE) scan(text, from, Math.min(end, from + WINDOW_PIECE), limit, found);
        if (found.length >= limit) break;
      }
      return found;
    },
  };
}
