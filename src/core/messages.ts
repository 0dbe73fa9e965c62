import * as z from 'zod/mini';
import { MAX_EXCERPT, MAX_FINDINGS_PER_MESSAGE } from './limits';
import { PROBLEM_IDS } from './problem-ids';

/**
 * Messages between the extension's contexts. Every receiver parses with these schemas: the content
 * script runs next to page-controlled data, so nothing it sends is trusted blindly.
 * Route names say the direction: `content→bg:*`.
 */
export const Finding = z.object({
  problem: z.enum(PROBLEM_IDS),
  /** text: visible page text; code: an error code in page text; dialog: window.alert/confirm text. */
  source: z.enum(['text', 'code', 'dialog']),
  code: z.optional(z.string().check(z.regex(/^0x[0-9A-F]{8}$/))),
  /** The page's own words around the signal, whitespace-collapsed and cut to MAX_EXCERPT. */
  excerpt: z.string().check(z.maxLength(MAX_EXCERPT)),
  /** The frame's URL when the signal came from a sub-frame. */
  frameUrl: z.optional(z.string().check(z.maxLength(2048))),
  at: z.number(),
});
export type Finding = z.infer<typeof Finding>;

const PlatformId = z.nullable(z.string().check(z.maxLength(40)));

export const ContentFindings = z.object({
  type: z.literal('content→bg:findings'),
  platformId: PlatformId,
  /** The top frame's current URL (it changes with SPA navigation; the sender's URL does not). */
  pageUrl: z.optional(z.string().check(z.maxLength(4096))),
  /** Sent by the top frame at document_start: a new document, so the tab's old findings go. */
  start: z.optional(z.boolean()),
  findings: z.array(Finding).check(z.maxLength(MAX_FINDINGS_PER_MESSAGE)),
});

/** The top frame moved to another page without a reload (SPA navigation). */
export const ContentNavigated = z.object({
  type: z.literal('content→bg:navigated'),
  platformId: PlatformId,
});

/** The hint pack in storage.local is missing or from another version. */
export const ContentNeedHintPack = z.object({
  type: z.literal('content→bg:need-hint-pack'),
  lang: z.enum(['ru', 'en']),
});

/** The compiled detectors (detect-pack-format.ts) were missing or of another version. */
export const ContentNeedDetectPack = z.object({ type: z.literal('content→bg:need-detect-pack') });

/** «Проверить» in a hint, clicked by the user (the content script sends it only for trusted clicks). */
export const ContentRunCheck = z.object({ type: z.literal('content→bg:run-check') });

export const ContentToBackground = z.discriminatedUnion('type', [ContentFindings, ContentNavigated, ContentNeedHintPack, ContentNeedDetectPack, ContentRunCheck]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

/** What the background keeps per tab in storage.session. */
export const TabFindings = z.object({
  pageUrl: z.string(),
  platformId: PlatformId,
  findings: z.array(Finding),
  updatedAt: z.number(),
});
export type TabFindings = z.infer<typeof TabFindings>;

export { tabFindingsKey } from './keys';

/** From the extension's own pages (popup, report viewer): run a check of a tab, or read its last one. */
export const UiRunCheck = z.object({
  type: z.literal('ui→bg:run-check'),
  tabId: z.number(),
  kind: z.enum(['quick', 'sign']),
  thumbprint: z.optional(z.string().check(z.regex(/^[0-9A-F]{40}$/))),
});
export const UiGetCheck = z.object({ type: z.literal('ui→bg:get-check'), tabId: z.number(), kind: z.optional(z.enum(['quick', 'sign'])) });
/** The report viewer page needs the hint pack of a report's language. */
export const UiNeedHintPack = z.object({ type: z.literal('ui→bg:need-hint-pack'), lang: z.enum(['ru', 'en']) });
/** «Отменить» in the popup: the running check of the tab ends as cancelled. */
export const UiCancelCheck = z.object({ type: z.literal('ui→bg:cancel-check'), tabId: z.number() });
/** «Не напоминать» / «Напоминать» on an item of the expiry list. */
export const UiMuteExpiry = z.object({ type: z.literal('ui→bg:mute-expiry'), key: z.string().check(z.maxLength(60)), muted: z.boolean() });
export const UiToBackground = z.discriminatedUnion('type', [UiRunCheck, UiGetCheck, UiNeedHintPack, UiCancelCheck, UiMuteExpiry]);
export type UiToBackground = z.infer<typeof UiToBackground>;

/**
 * Background → the tab's content scripts: the check's state and the problems it found (ids by
 * severity). The content script checks the shape by hand (no zod in its bundle).
 */
export interface CheckToContent {
  type: 'bg→content:check';
  status: 'running' | 'done' | 'impossible' | 'interrupted' | 'failed';
  problems: string[];
  reason?: string;
}
