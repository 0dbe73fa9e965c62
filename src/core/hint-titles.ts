import type { Lang } from './localized';
import type { ProblemId, Severity } from './problem-ids';

/**
 * The few words the popup's first paint needs — each problem's title and severity, each platform's
 * name — in one language. The background writes it next to the hint pack (`hint-pack:<lang>`, 120 KB),
 * so the popup shows a stored result with its titles without reading the whole pack first.
 * A hint pack has this shape too, so wherever titles are read the full pack can stand in.
 */
export interface HintTitles {
  /** The extension version that wrote it: titles of another version are not trusted. */
  version: string;
  lang: Lang;
  problems: Partial<Record<ProblemId, { severity: Severity; title: string }>>;
  platforms: Record<string, { name: string }>;
}

/** Where the background keeps the titles of each UI language in storage.local. */
export const hintTitlesKey = (lang: Lang): string => `hint-titles:${lang}`;
