import type { ProblemId } from '../core/problem-ids';
import { CODE_SOURCES, CODE_PROBLEMS, hexFromSignedDecimal, problemForCode } from './code-signals';
import { compilePattern } from './compile-pattern';
import { createPrefilter } from './prefilter';
import type { TextSignal } from './text-signals';

export interface Signal {
  problem: ProblemId;
  source: 'text' | 'code';
  /** `0x8009200B` for code signals. */
  code?: string;
  /** Offset of the match in the scanned text, and its length. */
  index: number;
  length: number;
}

export interface Matcher {
  /** Every signal in `text`, in order; at most `limit`. */
  find(text: string, limit?: number): Signal[];
}

type Slot = { kind: 'text'; problem: ProblemId } | { kind: 'prefixed' | 'afterWord' | 'signedDecimal' };

/** Texts longer than this go through the prefilter first. */
const PREFILTER_FROM = 4000;

/** Words that make a bare signed decimal a code rather than an amount or an id. */
const CODE_CONTEXT = /(?:код|code|ошибк|error|hresult)[^]{0,40}$/i;

/**
 * Compiles every text and code signal into ONE regular expression, built once per page, so a scan is
 * a single pass over the text whatever the number of signals. Each alternative is one capture group;
 * the group that matched tells which signal it was.
 */
export function createMatcher(texts: readonly TextSignal[]): Matcher {
  const slots: Slot[] = [];
  const sources: string[] = [];
  for (const signal of texts) {
    slots.push({ kind: 'text', problem: signal.problem });
    sources.push(`(${compilePattern(signal.text)})`);
  }
  for (const kind of ['prefixed', 'afterWord', 'signedDecimal'] as const) {
    slots.push({ kind });
    // The code sources carry their own capture group; wrap without capturing to keep one group each.
    sources.push(`(?:${CODE_SOURCES[kind]})`);
  }
  const regex = new RegExp(sources.join('|'), 'gi');

  function classify(match: RegExpExecArray, text: string): Signal | null {
    const slotIndex = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    const slot = slots[slotIndex];
    if (slot === undefined) return null;
    const base = { index: match.index, length: match[0].length };
    if (slot.kind === 'text') return { ...base, problem: slot.problem, source: 'text' };
    const captured = match[slotIndex + 1] ?? '';
    let hex: string | null = captured;
    if (slot.kind === 'signedDecimal') {
      hex = hexFromSignedDecimal(captured);
      const known = hex !== null && CODE_PROBLEMS[hex] !== undefined;
      if (hex === null || (!known && !CODE_CONTEXT.test(text.slice(Math.max(0, match.index - 60), match.index)))) {
        return null;
      }
    }
    const problem = problemForCode(hex);
    return problem === null ? null : { ...base, problem, source: 'code', code: `0x${hex.toUpperCase()}` };
  }

  /** All signals in `text`, in order, with offsets shifted by `offset`. */
  function scan(text: string, offset: number, limit: number, found: Signal[]): void {
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while (found.length < limit && (match = regex.exec(text)) !== null) {
      if (match[0].length === 0) regex.lastIndex++;
      const signal = classify(match, text);
      if (signal !== null) found.push({ ...signal, index: signal.index + offset });
    }
  }

  const prefilter = createPrefilter(texts);
  return {
    find(text, limit = 50) {
      const found: Signal[] = [];
      if (text.length <= PREFILTER_FROM) {
        scan(text, 0, limit, found);
        return found;
      }
      // Windows are disjoint and ordered, so signals come out in order and never twice.
      for (const [start, end] of prefilter.windows(text)) {
        scan(text.slice(start, end), start, limit, found);
        if (found.length >= limit) break;
      }
      return found;
    },
  };
}

/** How far after a generic step text («Ошибка при подписании данных») the same message may go on. */
const SAME_MESSAGE_CHARS = 200;

/**
 * A library's generic step text followed by the plug-in's own words or code («Ошибка при подписании данных:
 * Внутренняя ошибка. (0x8007065B)») is one message: the specific signal speaks, the generic one is dropped.
 */
export function withoutGenericBesideSpecific(found: readonly Signal[]): Signal[] {
  return found.filter((signal, i) => {
    if (signal.problem !== 'unknown-signing-error' || signal.source !== 'text') return true;
    const end = signal.index + signal.length + SAME_MESSAGE_CHARS;
    // Signals come in text order: only the few that start within reach are looked at.
    for (let j = i + 1; j < found.length && found[j]!.index <= end; j++) if (found[j]!.problem !== 'unknown-signing-error') return false;
    return true;
  });
}
