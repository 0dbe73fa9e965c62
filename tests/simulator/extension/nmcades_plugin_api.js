/**
 * Page-world bridge of the simulated CryptoPro extension, written from the protocol notes
 * (research/cryptopro-plugin.md §1.3): objects come back with property and method lists and become
 * proxies whose every property read and method call is a Promise; `propset_<Name>` writes.
 * Like the vendor's, it reads the global `cadesplugin` on every call.
 */
(function () {
  // Loaded twice (the site's loader and a probe), the first bridge stays: one request counter per page.
  if (window.cpcsp_chrome_nmcades) return;
  // The 1.2 generation speaks the old protocol (no extension id in the destination); launch.ts sets this per scenario.
  var OLD_PROTOCOL = false;
  var id = /^chrome-extension:\/\/([a-p]{32})\//.exec((document.currentScript && document.currentScript.src) || '');
  var destination = OLD_PROTOCOL ? 'nmcades' : 'nmcades_' + (id ? id[1] : '');
  var requestId = 1;
  var waiting = {};
  var callbacks = [];

  window.addEventListener('message', function (event) {
    if (event.source !== window) return;
    var message = event.data;
    if (!message || typeof message !== 'object' || !message.tabid || !message.data) return;
    var entry = waiting[message.data.requestid];
    if (!entry) return;
    if (message.data.type === 'result') {
      delete waiting[message.data.requestid];
      entry.resolve(fromWire(message.data));
    } else if (message.data.type === 'error') {
      delete waiting[message.data.requestid];
      // As the vendor's bridge does: the promise rejects with the reply's data object itself.
      entry.reject(message.data);
    }
  });

  function send(fields) {
    if (cadesplugin.current_log_level === cadesplugin.LOG_LEVEL_DEBUG && cadesplugin.LOG_LEVEL_DEBUG !== undefined) console.log('nmcades →', fields);
    requestId += 1;
    var message = Object.assign({ destination: destination, requestid: requestId }, fields);
    return new Promise(function (resolve, reject) {
      waiting[message.requestid] = { resolve: resolve, reject: reject };
      window.postMessage(message, '*');
    });
  }

  // Arguments travel as the published bridge sends them: a Date as its UTC ISO text, a plug-in object
  // as its id, a function as a callback number, anything else as {type: typeof, value} — so undefined
  // arrives as type "undefined" with no value, a plain object as type "object" with no id, a boolean
  // unchanged, and null throws (typeof null is "object" and it has no id to read).
  function toWire(value) {
    if (typeof value === 'object') {
      if (value instanceof Date) return { type: 'string', value: value.toISOString() };
      return { type: 'object', value: value.__nmcades_objid };
    }
    if (typeof value === 'function') {
      var known = callbacks.indexOf(value);
      return { type: 'number', value: known >= 0 ? known : callbacks.push(value) - 1 };
    }
    return { type: typeof value, value: value };
  }

  function fromWire(data) {
    if (data.retval === undefined) return data.value;
    var retval = data.retval;
    switch (retval.type) {
      case 'object':
        return proxy(retval.value, retval.properties || [], retval.methods || []);
      case 'number':
        return parseInt(retval.value, 10);
      case 'boolean':
        return Boolean(retval.value);
      case 'OK':
        return undefined;
      default:
        return retval.value;
    }
  }

  function proxy(objid, properties, methods) {
    var object = {};
    Object.defineProperty(object, '__nmcades_objid', { value: objid });
    properties.forEach(function (name) {
      Object.defineProperty(object, name, { enumerable: true, get: function () { return send({ objid: objid, get_property: name }); } });
      object['propset_' + name] = function (value) { return send({ objid: objid, set_property: name, params: [toWire(value)] }); };
    });
    methods.forEach(function (name) {
      object[name] = function () { return send({ objid: objid, method: name, params: Array.prototype.map.call(arguments, toWire) }); };
    });
    return object;
  }

  function CreatePluginObject() {
    return send({ type: 'init', url: document.URL }).then(function (root) {
      return {
        CreateObjectAsync: function (name) {
          return send({ objid: root, method: 'CreateObject', params: [{ type: 'string', value: name }] });
        },
      };
    });
  }

  window.cpcsp_chrome_nmcades = {
    CreatePluginObject: CreatePluginObject,
    // As the published bridge does: through the page loader's async_spawn, which hands the callbacks to
    // the generator as one array — a loader that spreads them breaks here, as it breaks the real one.
    check_chrome_plugin: function (onLoaded, onError) {
      if (typeof cadesplugin === 'undefined') return;
      cadesplugin.async_spawn(function* (args) {
        try {
          var plugin = yield CreatePluginObject();
          yield plugin.CreateObjectAsync('CAdESCOM.About');
          cadesplugin.set(plugin);
          args[0]();
        } catch {
          args[1]('Плагин недоступен');
        }
      }, onLoaded, onError);
    },
    // The host answers a reset with value 0.
    ReleasePluginObjects: function () { return send({ type: 'reset', url: document.URL }).then(function (value) { return value == 0; }); },
  };
})();
