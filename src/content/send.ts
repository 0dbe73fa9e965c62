import { browser } from 'wxt/browser';
import type { ContentToBackground } from '../core/messages';

/** Sends to the background; a closed or restarting service worker is not the page's problem. */
export async function sendToBackground(message: ContentToBackground): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return undefined;
  }
}
