import type { ProblemId } from '../core/problem-ids';
import { createMatcher, type Matcher } from '../detectors/matcher';
import { GENERIC_TEXT_SIGNALS } from '../detectors/text-signals';

export interface PluginError {
  /** `0x8009200B` when the message carries one. */
  code: string | null;
  /** The message without its ` (0x…)` tail, bounded. */
  message: string;
  problems: ProblemId[];
}

let matcher: Matcher | null = null;

/**
 * A plug-in or loader failure ("… (0x8009200B)", «Плагин недоступен», «Истекло время ожидания…»)
 * → the catalog's problems, with the same signals the page detectors use. A code decides over the text
 * around it (the text is the OS's wording of the same code).
 */
export function pluginError(raw: unknown): PluginError {
  const text = (typeof raw === 'string' ? raw : raw instanceof Error ? raw.message : typeof raw === 'object' && raw !== null && 'message' in raw ? String((raw as { message: unknown }).message) : String(raw)).slice(0, 2000);
  matcher ??= createMatcher(GENERIC_TEXT_SIGNALS);
  const signals = matcher.find(text, 20);
  const codes = signals.filter((s) => s.source === 'code');
  const chosen = codes.length > 0 ? codes : signals;
  return {
    code: codes[0]?.code ?? null,
    message: text.replace(/\s*\(?0x[0-9a-f]{8}\)?\s*$/i, '').trim().slice(0, 500),
    problems: [...new Set(chosen.map((s) => s.problem))],
  };
}
