import { browser } from 'wxt/browser';
import { handleMessage, tellTab } from './handle-message';
import { writeHintPacks } from './hint-packs';
import { closeInterruptedChecks, removeCheck } from './check/store';
import { resetTabFindings } from './tab-findings';
import { forgetTlsFailure, watchTlsFailures } from './tls-watch';

export function startBackground(): void {
  void closeInterruptedChecks(Date.now(), tellTab);
  browser.runtime.onInstalled.addListener(() => void writeHintPacks());
  browser.runtime.onStartup.addListener(() => void writeHintPacks());
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, () => sendResponse({ ok: false, error: 'failed' }));
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void resetTabFindings(tabId);
    void forgetTlsFailure(tabId);
    void removeCheck(tabId);
  });
  watchTlsFailures();
}
