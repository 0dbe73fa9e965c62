import type { Browser } from 'wxt/browser';
import { ContentToBackground } from '../core/messages';
import { writeHintPacks } from './hint-packs';
import { addTabFindings, resetTabFindings } from './tab-findings';

type Sender = Browser.runtime.MessageSender;

/**
 * The background's message table. Content scripts run next to untrusted pages, so every message is
 * parsed; the tab and frame come from the browser (sender), never from the message.
 */
export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const parsed = ContentToBackground.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'bad-message' };
  const message = parsed.data;
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'content→bg:need-hint-pack':
      await writeHintPacks();
      return { ok: true };
    case 'content→bg:findings':
      if (tabId === undefined) return { ok: false, error: 'no-tab' };
      if (message.start === true && sender.frameId === 0) await resetTabFindings(tabId);
      await addTabFindings(tabId, topFrameUrl(message.pageUrl, sender), message.platformId, message.findings);
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
