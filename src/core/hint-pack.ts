import * as z from 'zod/mini';
import { HINT_UI_KEYS } from './i18n';
import { PROBLEM_IDS, SEVERITIES } from './problem-ids';

/**
 * Everything a content script needs to word a hint, in one language. The background writes it to
 * storage.local; the content script reads it only when a page shows a problem. This keeps the catalog's
 * text out of the content script bundle, and a hint needs no round trip to a sleeping service worker.
 */
const Text = z.string().check(z.maxLength(4000));
const Steps = z.array(Text).check(z.maxLength(30));
const Link = z.object({ title: Text, url: z.url({ protocol: /^https?$/ }) });

export const HintProblem = z.object({
  severity: z.enum(SEVERITIES),
  title: Text,
  explanation: Text,
  steps: Steps,
});

export const HintPlatform = z.object({
  name: Text,
  remedies: z.partialRecord(z.enum(PROBLEM_IDS), z.object({ mode: z.enum(['replace', 'before', 'after']), steps: Steps })),
  links: z.array(Link).check(z.maxLength(20)),
});

export const HintPack = z.object({
  /** The extension version that wrote it: a pack from another version is rebuilt. */
  version: z.string(),
  lang: z.enum(['ru', 'en']),
  /** The hint's own words (buttons, headings) with `{name}` placeholders. */
  ui: z.record(z.enum(HINT_UI_KEYS), Text),
  /** The stylesheet of hint cards (inside their closed shadow roots) and the inline styles of their hosts. */
  style: z.object({ sheet: z.string().check(z.maxLength(20_000)), inlineHost: Text, cornerHost: Text }),
  problems: z.record(z.enum(PROBLEM_IDS), HintProblem),
  platforms: z.record(z.string(), HintPlatform),
  /** Links of hints outside the known platforms (an organisation's own platform): its support contact. */
  links: z.optional(z.array(Link).check(z.maxLength(5))),
});
export type HintPack = z.infer<typeof HintPack>;
export type HintProblem = z.infer<typeof HintProblem>;
export type HintPlatform = z.infer<typeof HintPlatform>;
