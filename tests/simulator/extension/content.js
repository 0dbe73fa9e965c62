// @ts-check
/**
 * Content script of the simulated CryptoPro extension (the 1.3.x protocol): answers the loader's
 * handshake strings only when its own bridge script is on the page, and relays `nmcades_<id>` messages
 * to the background through a port named with a random tabid.
 */
(() => {
  const ID = chrome.runtime.id;
  const DESTINATION = `nmcades_${ID}`;
  const BRIDGE = chrome.runtime.getURL('nmcades_plugin_api.js');
  const tabid = crypto.randomUUID();
  /** @type {chrome.runtime.Port | null} */
  let port = null;
  /** @type {string | null} */
  let lost = null;
  /** @type {Set<number>} */
  const pending = new Set();

  const bridgeOnPage = () => Array.from(document.scripts).some((s) => s.src === BRIDGE);
  const toPage = (/** @type {unknown} */ message) => window.postMessage(message, '*');

  /** @param {string} message */
  function fail(message) {
    lost = message;
    for (const requestid of pending) toPage({ tabid, data: { type: 'error', requestid, message } });
    pending.clear();
  }

  function connect() {
    const opened = chrome.runtime.connect({ name: tabid });
    opened.onMessage.addListener((message) => {
      if (message && message.type === 'native-lost') return fail(message.message);
      pending.delete(message?.data?.requestid);
      toPage(message);
    });
    opened.onDisconnect.addListener(() => fail('Lost connection to extension'));
    return opened;
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window) return;
    const data = event.data;
    if (typeof data === 'string') {
      if (!bridgeOnPage()) return;
      if (data === 'cadesplugin_echo_request') {
        toPage(`cadesplugin_echo_request_${ID}`);
        toPage('cadesplugin_loaded');
      } else if (data === 'cadesplugin_extension_version_request') {
        toPage(`cadesplugin_extension_version_response:${chrome.runtime.getManifest().version}`);
      } else if (data === 'cadesplugin_extension_id_request') {
        toPage(`cadesplugin_extension_id_response:${ID}`);
      }
      return;
    }
    if (data === null || typeof data !== 'object' || data.destination !== DESTINATION) return;
    if (lost !== null) return toPage({ tabid, data: { type: 'error', requestid: data.requestid, message: lost } });
    port ??= connect();
    pending.add(data.requestid);
    port.postMessage({ tabid, data });
  });
})();
