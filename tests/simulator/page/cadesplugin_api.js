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
 * - rejects with the vendor's texts: «Плагин недоступен», «Истекло время ожидания загрузки плагина»;
 * - in Firefox (told by the user agent, as the vendor's does) it guesses no script address: it posts the
 *   echo, takes the bridge's moz-extension:// address from the `cadesplugin_loaded…url:` answer (and
 *   refuses any other kind of address), loads it, then asks for CAdESCOM.About; when nothing answered by
 *   the load timeout it shows the «необходимо расширение для браузера» overlay (`#cadesplugin_ovr`,
 *   unless `cadesplugin_skip_extension_install`) and rejects with the timeout text.
 */
(function () {
  var JSModuleVersion = '2.4.1';
  var generation = JSModuleVersion.split('.').slice(0, 2).join('.');
  if (generation === '2.4' ? window.cadesplugin && window.cadesplugin.LOG_LEVEL_DEBUG : window.cadesplugin) return;

  var MV2 = 'iifchhfnnmpdbibifmljnfjhpififfog';
  var MV3 = 'pfhgbfnnjiafkhfdkmpiflachepdcjod';
  var ids = generation === '2.4' ? [MV2, MV3] : [MV2];
  var firefox = /firefox\/\d+/i.test(navigator.userAgent);
  var firefoxBridgeLoaded = false;

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

  var timer = setTimeout(function () {
    if (firefox && !firefoxBridgeLoaded) showMissingExtension();
    rejectPlugin('Истекло время ожидания загрузки плагина');
  }, window.cadesplugin_load_timeout || 20000);
  function fail(message) {
    clearTimeout(timer);
    rejectPlugin(message);
  }

  function checkPlugin() {
    window.cpcsp_chrome_nmcades.check_chrome_plugin(function () {
      clearTimeout(timer);
      resolvePlugin();
    }, fail);
  }

  function handshake() {
    function listener(event) {
      if (event.source !== window || typeof event.data !== 'string' || event.data.indexOf('cadesplugin_loaded') < 0) return;
      window.removeEventListener('message', listener);
      if (!firefox) return checkPlugin();
      var url = event.data.slice(event.data.indexOf('url:') + 4);
      if (!/^(moz|safari)-extension:\/\/[a-zA-Z0-9/_-]+\/nmcades_plugin_api\.js$/.test(url)) return fail('Плагин недоступен');
      var script = document.createElement('script');
      script.src = url;
      script.onload = function () {
        firefoxBridgeLoaded = true;
        checkPlugin();
      };
      script.onerror = function () { fail('Плагин недоступен'); };
      (document.head || document.documentElement).appendChild(script);
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
  function showMissingExtension() {
    if (window.cadesplugin_skip_extension_install) return;
    var overlay = document.createElement('div');
    overlay.id = 'cadesplugin_ovr';
    overlay.style.cssText = 'position: fixed; left: 0; top: 0; width: 100%; height: 100%; background-color: rgba(0,0,0,0.7)';
    var item = document.createElement('div');
    item.id = 'cadesplugin_ovr_item';
    item.style.cssText = 'position: relative; max-width: 400px; margin: 100px auto; background-color: #fff; border: 2px solid #000; padding: 10px; text-align: center';
    var close = document.createElement('button');
    close.id = 'cadesplugin_close_install';
    close.textContent = 'X';
    var text = document.createElement('p');
    text.textContent = 'Для работы КриптоПро ЭЦП Browser plugin на данном сайте необходимо расширение для браузера. Убедитесь, что оно у Вас включено или установите его.';
    var link = document.createElement('a');
    link.href = 'https://www.cryptopro.ru/sites/default/files/products/cades/extensions/firefox_cryptopro_extension_latest.xpi';
    link.textContent = 'Скачать расширение';
    var linkLine = document.createElement('p');
    linkLine.appendChild(link);
    item.append(close, text, linkLine);
    overlay.appendChild(item);
    overlay.addEventListener('click', function () { overlay.style.visibility = 'hidden'; });
    document.body.appendChild(overlay);
  }

  if (firefox) handshake();
  else load(0);
})();
