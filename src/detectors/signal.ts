import type { ProblemId } from '../core/problem-ids';

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
  /** The longest text a signal can span: a text cut into pieces that overlap by this much loses none. */
  readonly reach: number;
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
