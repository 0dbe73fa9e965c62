/**
 * A page loader in the style of CryptoPro's cadesplugin_api.js, written for the simulator from the
 * protocol notes and from what the vendor's loaders were seen to do (tests/simulator/README.md,
 * "Loader generations"). The served copy has its generation in JSModuleVersion (tests/simulator/loader.ts
 * sets it per scenario), and behaves as that generation of the vendor's loader does:
 * - the early exit (2.4: only a `cadesplugin` with LOG_LEVEL_DEBUG; older: any `cadesplugin`);
 * - which extension ids it knows on Chrome: loaders before 2.4 only the MV2 extension, 2.4 the MV2 then
 *   the MV3 one (the simulated extension has the published ids);
 * - async_spawn hands the generator its extra arguments as one array, as the vendor's does (the
 *   extension's bridge relies on it);
 * - rejects with the vendor's texts: «Плагин недоступен», «Истекло время ожидания загрузки плагина».
 */
(function () {
  var JSModuleVersion = '2.4.1';
  var generation = JSModuleVersion.split('.').slice(0, 2).join('.');
  if (generation === '2.4' ? window.cadesplugin && window.cadesplugin.LOG_LEVEL_DEBUG : window.cadesplugin) return;

  var MV2 = 'iifchhfnnmpdbibifmljnfjhpififfog';
  var MV3 = 'pfhgbfnnjiafkhfdkmpiflachepdcjod';
  var ids = generation === '2.4' ? [MV2, MV3] : [MV2];

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
  function askExtension(request, prefix, callback) {
    function listener(event) {
      if (event.source !== window || typeof event.data !== 'string' || event.data.indexOf(prefix) !== 0) return;
      window.removeEventListener('message', listener);
      callback(event.data.slice(prefix.length));
    }
    window.addEventListener('message', listener);
    window.postMessage(request, '*');
  }
  Object.assign(cadesplugin, constants, {
    JSModuleVersion: JSModuleVersion,
    current_log_level: 2,
    set: function (object) { pluginObject = object; },
    CreateObjectAsync: function (name) { return pluginObject.CreateObjectAsync(name); },
    ReleasePluginObjects: function () { return window.cpcsp_chrome_nmcades.ReleasePluginObjects(); },
    getLastError: function (error) { return (error && error.message) || String(error); },
    async_spawn: function (generatorFunction) {
      var iterator = generatorFunction(Array.prototype.slice.call(arguments, 1));
      function step(method, value) {
        var next;
        try {
          next = iterator[method](value);
        } catch (error) {
          return Promise.reject(error);
        }
        return next.done ? Promise.resolve(next.value) : Promise.resolve(next.value).then(function (v) { return step('next', v); }, function (e) { return step('throw', e); });
      }
      return step('next');
    },
  });
  if (generation === '2.4') {
    cadesplugin.get_extension_version = function (callback) { askExtension('cadesplugin_extension_version_request', 'cadesplugin_extension_version_response:', callback); };
    cadesplugin.get_extension_id = function (callback) { askExtension('cadesplugin_extension_id_request', 'cadesplugin_extension_id_response:', callback); };
  }
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
