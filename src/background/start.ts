import { browser } from 'wxt/browser';
import { handleMessage } from './handle-message';
import { writeHintPacks } from './hint-packs';
import { resetTabFindings } from './tab-findings';

export function startBackground(): void {
  browser.runtime.onInstalled.addListener(() => void writeHintPacks());
  browser.runtime.onStartup.addListener(() => void writeHintPacks());
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, () => sendResponse({ ok: false, error: 'failed' }));
    return true;
  });
  // A new document in the tab starts with no findings; its content scripts report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void resetTabFindings(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void resetTabFindings(tabId));
}
