import { browser } from 'wxt/browser';
import { handleMessage, tellTab } from './handle-message';
import { writeDetectPack } from './detect-pack';
import { writeHintPacks } from './hint-packs';
import { closeInterruptedChecks, removeCheck } from './check/store';
import { startExpiry } from './expiry';
import { refreshOrgPolicy } from './org-policy';
import { syncExtraHosts, watchExtraHostPermissions } from './extra-hosts';
import { resetTabFindings } from './tab-findings';
import { forgetTlsFailure, watchTlsFailures } from './tls-watch';

export function startBackground(): void {
  void closeInterruptedChecks(Date.now(), tellTab);
  // What content scripts read from storage: the compiled detectors and the hint texts.
  const writePacks = (): void => {
    void writeDetectPack();
    void refreshOrgPolicy().then(
      (policy) => {
        void writeHintPacks();
        void syncExtraHosts(policy);
      },
      writeHintPacks,
    );
  };
  // An organisation's policy changed while the browser runs: its contact goes into the hints at once.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') writePacks();
  });
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
  watchExtraHostPermissions();
  startExpiry();
}
