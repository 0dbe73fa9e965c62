// @ts-check
/**
 * Background of the simulated CryptoPro extension: one native port per content port (whose name is the
 * page load's random tabid), replies relayed back, partial replies joined first. As the published
 * extension does (tests/simulator/README.md, "Observed"): when the native port fails to open (no host
 * registered) or closes (the host exited), it only disconnects that content port — no error reaches
 * the page — and the content script's next request opens a new pair of ports, i.e. a new host process.
 */
chrome.runtime.onConnect.addListener((port) => {
  /** @type {chrome.runtime.Port | null} */
  let native = null;
  /** @type {Map<number, string>} */
  const parts = new Map();

  function openNative() {
    const opened = chrome.runtime.connectNative('ru.cryptopro.nmcades');
    opened.onMessage.addListener((message) => {
      if (message && message.partial !== undefined) {
        const joined = (parts.get(message.requestid) ?? '') + String(message.part);
        if (message.partial !== -1) return void parts.set(message.requestid, joined);
        parts.delete(message.requestid);
        return void relay(JSON.parse(joined));
      }
      relay(message);
    });
    opened.onDisconnect.addListener(() => {
      void chrome.runtime.lastError;
      native = null;
      port.disconnect();
    });
    return opened;
  }

  /** @param {unknown} message */
  function relay(message) {
    try {
      port.postMessage(message);
    } catch {
      // the page is gone
    }
  }

  port.onMessage.addListener((message) => {
    try {
      native ??= openNative();
      native.postMessage(message);
    } catch {
      port.disconnect();
    }
  });
  port.onDisconnect.addListener(() => native?.disconnect());
});
