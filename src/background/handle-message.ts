import { browser, type Browser } from 'wxt/browser';
import type { CheckResult } from '../core/check-result';
import { ContentToBackground, UiToBackground, type CheckToContent } from '../core/messages';
import { cancelCheck, runCheck } from './check/run-check';
import { readCheck } from './check/store';
import { writeDetectPack } from './detect-pack';
import { muteExpiry } from './expiry';
import { readOrgPolicy } from './org-policy';
import { writeHintPacks } from './hint-packs';
import { addTabFindings, resetTabFindings } from './tab-findings';

type Sender = Browser.runtime.MessageSender;

/**
 * The background's message table. Content scripts run next to untrusted pages, so every message is
 * parsed; the tab and frame come from the browser (sender), never from the message.
 */
export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  if (isExtensionPage(sender)) return handleUiMessage(raw);
  const parsed = ContentToBackground.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'bad-message' };
  const message = parsed.data;
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'content→bg:need-hint-pack':
      await writeHintPacks();
      return { ok: true };
    case 'content→bg:need-detect-pack':
      await writeDetectPack();
      return { ok: true };
    case 'content→bg:findings':
      if (tabId === undefined) return { ok: false, error: 'no-tab' };
      if (message.start === true && sender.frameId === 0) await resetTabFindings(tabId);
      await addTabFindings(tabId, topFrameUrl(message.pageUrl, sender), message.platformId, message.findings);
      return { ok: true };
    case 'content→bg:run-check':
      // The tab is the sender's; the content script sends this only for a trusted click in its hint.
      if (tabId === undefined) return { ok: false, error: 'no-tab' };
      void runCheck({ tabId, kind: 'quick' }, tellTab);
      return { ok: true };
    case 'content→bg:navigated':
      if (tabId === undefined || sender.frameId !== 0) return { ok: false, error: 'not-top-frame' };
      await resetTabFindings(tabId);
      return { ok: true };
  }
}

/**
 * The page URL of a top-frame message: the one the content script reports (SPA navigation changes it),
 * accepted only on the sender's own origin; sub-frames do not know the page URL.
 */
function topFrameUrl(reported: string | undefined, sender: Sender): string | null {
  if (sender.frameId !== 0 || sender.url === undefined) return null;
  if (reported === undefined) return sender.url;
  try {
    return new URL(reported).origin === new URL(sender.url).origin ? reported : sender.url;
  } catch {
    return sender.url;
  }
}

/** Our own pages (popup, viewer) are the only senders with our origin and no content-script frame. */
function isExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

async function handleUiMessage(raw: unknown): Promise<unknown> {
  const parsed = UiToBackground.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'bad-message' };
  const message = parsed.data;
  switch (message.type) {
    case 'ui→bg:run-check': {
      if (message.kind === 'sign' && (await readOrgPolicy()).policy.disableTestSignature === true) return { ok: false, error: 'disabled-by-policy' };
      const request = { tabId: message.tabId, kind: message.kind, ...(message.thumbprint === undefined ? {} : { thumbprint: message.thumbprint }) };
      return { ok: true, result: await runCheck(request, tellTab) };
    }
    case 'ui→bg:get-check':
      return { ok: true, result: await readCheck(message.tabId, message.kind) };
    case 'ui→bg:cancel-check':
      cancelCheck(message.tabId);
      return { ok: true };
    case 'ui→bg:need-hint-pack':
      await writeHintPacks();
      return { ok: true };
    case 'ui→bg:mute-expiry':
      return { ok: true, state: await muteExpiry(message.key, message.muted) };
  }
}

/** Hints on the page follow the check: «Проверяем…», then the cause it found. */
export function tellTab(result: CheckResult): void {
  if (result.kind !== 'quick') return;
  const message: CheckToContent = {
    type: 'bg→content:check',
    status: result.status,
    problems: [...new Set(result.problems.map((p) => p.id))],
    ...(result.reason === undefined ? {} : { reason: result.reason }),
  };
  browser.tabs.sendMessage(result.tabId, message).catch(() => undefined);
}
