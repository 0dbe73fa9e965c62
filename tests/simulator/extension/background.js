// @ts-check
/**
 * Background of the simulated CryptoPro extension: one native port per page load (the content script's
 * port name is its random tabid), replies relayed back, partial replies joined first — as the vendor's
 * MV3 background does (research/cryptopro-plugin.md §1.1, §1.3).
 */
chrome.runtime.onConnect.addListener((port) => {
  /** @type {chrome.runtime.Port} */
  let native;
  try {
    native = chrome.runtime.connectNative('ru.cryptopro.nmcades');
  } catch (error) {
    port.postMessage({ type: 'native-lost', message: String(/** @type {Error} */ (error).message) });
    return;
  }
  /** @type {Map<number, string>} */
  const parts = new Map();
  native.onMessage.addListener((message) => {
    if (message && message.partial !== undefined) {
      const joined = (parts.get(message.requestid) ?? '') + String(message.part);
      if (message.partial !== -1) return void parts.set(message.requestid, joined);
      parts.delete(message.requestid);
      return void port.postMessage(JSON.parse(joined));
    }
    port.postMessage(message);
  });
  native.onDisconnect.addListener(() => {
    const message = chrome.runtime.lastError?.message ?? 'Native host has exited.';
    try {
      port.postMessage({ type: 'native-lost', message });
    } catch {
      // the page is gone
    }
  });
  port.onMessage.addListener((message) => native.postMessage(message));
  port.onDisconnect.addListener(() => native.disconnect());
});
