/**
 * A page loader in the style of CryptoPro's cadesplugin_api.js 2.4.x, written for the simulator from the
 * protocol notes (research/cryptopro-plugin.md §1.2): defines window.cadesplugin as a Promise with
 * constants and CreateObjectAsync, probes the extension bridge of each known id, does the echo
 * handshake, creates CAdESCOM.About, and rejects with the vendor's texts on failure or timeout.
 */
(function () {
  if (window.cadesplugin && window.cadesplugin.LOG_LEVEL_DEBUG) return;
  // The vendor's Chrome order (MV2, then MV3), then the simulator's extension.
  var ids = ['iifchhfnnmpdbibifmljnfjhpififfog', 'pfhgbfnnjiafkhfdkmpiflachepdcjod', 'eilpabjfkacfjocaocphfabokgjeehee'];
  var resolvePlugin, rejectPlugin, pluginObject;
  var cadesplugin = new Promise(function (resolve, reject) {
    resolvePlugin = resolve;
    rejectPlugin = reject;
  });
  var constants = {
    LOG_LEVEL_DEBUG: 4, LOG_LEVEL_INFO: 2, LOG_LEVEL_ERROR: 1,
    CAPICOM_CURRENT_USER_STORE: 2, CAPICOM_MY_STORE: 'My', CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED: 2,
    CAPICOM_CERTIFICATE_FIND_SHA1_HASH: 0, CAPICOM_CERTIFICATE_FIND_TIME_VALID: 9,
    CAPICOM_ENCODE_BASE64: 0, CADESCOM_CONTAINER_STORE: 100, CADESCOM_CADES_BES: 1, CADESCOM_BASE64_TO_BINARY: 1,
  };
  Object.assign(cadesplugin, constants, {
    current_log_level: 2,
    set: function (object) { pluginObject = object; },
    CreateObjectAsync: function (name) { return pluginObject.CreateObjectAsync(name); },
    ReleasePluginObjects: function () { return window.cpcsp_chrome_nmcades.ReleasePluginObjects(); },
    getLastError: function (error) { return (error && error.message) || String(error); },
    async_spawn: function (generator) {
      var iterator = generator.apply(null, Array.prototype.slice.call(arguments, 1));
      function step(value) {
        var next = iterator.next(value);
        return next.done ? Promise.resolve(next.value) : Promise.resolve(next.value).then(step, function (e) { return iterator.throw(e); });
      }
      return step();
    },
  });
  window.cadesplugin = cadesplugin;

  var timer = setTimeout(function () { rejectPlugin('Истекло время ожидания загрузки плагина'); }, window.cadesplugin_load_timeout || 20000);
  function fail(message) {
    clearTimeout(timer);
    rejectPlugin(message);
  }

  function handshake() {
    function listener(event) {
      if (event.source !== window || typeof event.data !== 'string' || event.data.indexOf('cadesplugin_loaded') < 0) return;
      window.removeEventListener('message', listener);
      window.cpcsp_chrome_nmcades.check_chrome_plugin(function () {
        clearTimeout(timer);
        resolvePlugin();
      }, fail);
    }
    window.addEventListener('message', listener);
    window.postMessage('cadesplugin_echo_request', '*');
  }

  function load(index) {
    if (index >= ids.length) return fail('Плагин недоступен');
    var script = document.createElement('script');
    script.src = 'chrome-extension://' + ids[index] + '/nmcades_plugin_api.js';
    script.onload = handshake;
    script.onerror = function () { load(index + 1); };
    (document.head || document.documentElement).appendChild(script);
  }
  load(0);
})();
