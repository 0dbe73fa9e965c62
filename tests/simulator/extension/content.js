// @ts-check
/**
 * Content script of the simulated CryptoPro extension. It behaves as the published extension was seen
 * to behave (tests/simulator/README.md, "Observed"), in our own code:
 * - 1.3.x: answers the echo only when its own bridge script is on the page (`cadesplugin_echo_request`
 *   → `cadesplugin_echo_request_<id>` → `cadesplugin_loaded`; also once at start, for a loader that
 *   echoed before the script ran), relays `nmcades_<id>` requests through a runtime port named with a
 *   random tabid, and installs its version and id answers with each port it opens — after the page's
 *   first request, and once more after every reconnect (so each request then gets one more answer);
 * - 1.2.x (the MV2 generation, `generation: "1.2"` in config.js): answers every echo (and once at
 *   start), relays `nmcades` requests (no id), and never answers version or id requests;
 * - in Firefox (the published add-on is of the 1.2 generation), as its content script checks the user
 *   agent: `cadesplugin_loaded` carries `url:` and the bridge's moz-extension:// address, whose UUID
 *   differs per install, so the page's loader learns where to load it from;
 * - both: when the background drops the port (native host missing or exited) nothing is posted to
 *   the page — its pending requests simply never get an answer — and the next request opens a new port.
 */
(() => {
  const ID = chrome.runtime.id;
  const config = /** @type {{ generation?: string }} */ (/** @type {any} */ (globalThis).EP_DOCTOR_SIMULATOR ?? {});
  const OLD = config.generation === '1.2';
  const DESTINATION = OLD ? 'nmcades' : `nmcades_${ID}`;
  const BRIDGE = chrome.runtime.getURL('nmcades_plugin_api.js');
  const LOADED = /firefox/i.test(navigator.userAgent) ? `cadesplugin_loadedurl:${BRIDGE}` : 'cadesplugin_loaded';
  const tabid = crypto.randomUUID();
  /** @type {chrome.runtime.Port | null} */
  let port = null;
  let identityAnswers = 0;
  let echoing = false;

  const bridgeOnPage = () => Array.from(document.scripts).some((s) => s.src === BRIDGE);
  const toPage = (/** @type {unknown} */ message) => window.postMessage(message, '*');

  function connect() {
    const opened = chrome.runtime.connect({ name: tabid });
    opened.onMessage.addListener((message) => {
      const type = message?.data?.type;
      if (type === 'result' || type === 'error') toPage(message);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
    });
    if (!OLD) identityAnswers++;
    return opened;
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window) return;
    const data = event.data;
    if (typeof data === 'string') {
      if (data === 'cadesplugin_echo_request') {
        if (OLD) return toPage(LOADED);
        if (!bridgeOnPage()) return;
        echoing = true;
        return toPage(`cadesplugin_echo_request_${ID}`);
      }
      if (echoing && data === `cadesplugin_echo_request_${ID}`) return toPage('cadesplugin_loaded');
      for (let i = 0; i < identityAnswers; i++) {
        if (data === 'cadesplugin_extension_version_request') toPage(`cadesplugin_extension_version_response:${chrome.runtime.getManifest().version}`);
        else if (data === 'cadesplugin_extension_id_request') toPage(`cadesplugin_extension_id_response:${ID}`);
      }
      return;
    }
    if (data === null || typeof data !== 'object' || data.destination !== DESTINATION) return;
    try {
      port ??= connect();
      port.postMessage({ tabid, data });
    } catch {
      toPage({ tabid, data: { type: 'error', requestid: data.requestid, message: 'Lost connection to extension' } });
    }
  });

  if (OLD) toPage(LOADED);
  else if (bridgeOnPage()) {
    echoing = true;
    toPage(`cadesplugin_echo_request_${ID}`);
  }
})();
