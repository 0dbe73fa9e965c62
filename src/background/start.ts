import { browser } from 'wxt/browser';
import { handleMessage, tellTab } from './handle-message';
import { writeDetectPack } from './detect-pack';
import { writeHintPacks } from './hint-packs';
import { closeInterruptedChecks, removeCheck } from './check/store';
import { startExpiry } from './expiry';
import { resetTabFindings } from './tab-findings';
import { forgetTlsFailure, watchTlsFailures } from './tls-watch';

export function startBackground(): void {
  void closeInterruptedChecks(Date.now(), tellTab);
  // What content scripts read from storage: the compiled detectors and the hint texts.
  const writePacks = (): void => {
    void writeDetectPack();
    void writeHintPacks();
  };
  browser.runtime.onInstalled.addListener(writePacks);
  browser.runtime.onStartup.addListener(writePacks);
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
  startExpiry();
}
