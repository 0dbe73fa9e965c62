import type { HintTitles } from '../core/hint-titles';
import type { Lang } from '../core/localized';

const SEVERITY = new Set(['error', 'warning', 'info']);

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The titles key as the background writes it, for this version and language. Only our background
 * writes storage.local, but a key left by another version (or a damaged one) must not put wrong words
 * in the first paint: anything else is refused, and the popup waits for the full pack instead.
 */
export function looksLikeHintTitles(value: unknown, version: string, lang: Lang): value is HintTitles {
  if (!isRecord(value) || value['version'] !== version || value['lang'] !== lang) return false;
  const { problems, platforms } = value;
  if (!isRecord(problems) || !isRecord(platforms)) return false;
  const problemOk = (entry: unknown) => isRecord(entry) && typeof entry['title'] === 'string' && SEVERITY.has(entry['severity'] as string);
  const platformOk = (entry: unknown) => isRecord(entry) && typeof entry['name'] === 'string';
  return Object.values(problems).every(problemOk) && Object.values(platforms).every(platformOk);
}
