/**
 * Page-world bridge of the simulated CryptoPro extension, written from the protocol notes
 * (research/cryptopro-plugin.md §1.3): objects come back with property and method lists and become
 * proxies whose every property read and method call is a Promise; `propset_<Name>` writes.
 * Like the vendor's, it reads the global `cadesplugin` on every call.
 */
(function () {
  // Loaded twice (the site's loader and a probe), the first bridge stays: one request counter per page.
  if (window.cpcsp_chrome_nmcades) return;
  var id = /^chrome-extension:\/\/([a-p]{32})\//.exec((document.currentScript && document.currentScript.src) || '');
  var destination = 'nmcades_' + (id ? id[1] : '');
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

  function toWire(value) {
    if (value && typeof value === 'object' && value.__nmcades_objid !== undefined) return { type: 'object', value: value.__nmcades_objid };
    if (value instanceof Date) return { type: 'string', value: value.toISOString() };
    if (typeof value === 'function') return { type: 'number', value: callbacks.push(value) - 1 };
    if (typeof value === 'number') return { type: 'number', value: value };
    if (typeof value === 'boolean') return { type: 'boolean', value: value };
    return { type: 'string', value: value === undefined || value === null ? '' : String(value) };
  }

  function fromWire(data) {
    if (data.retval === undefined) return data.value;
    var retval = data.retval;
    switch (retval.type) {
      case 'object':
        return proxy(retval.value, retval.properties || [], retval.methods || []);
      case 'number':
        return parseInt(retval.value, 10);
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
    check_chrome_plugin: function (onLoaded, onError) {
      CreatePluginObject()
        .then(function (plugin) {
          return plugin.CreateObjectAsync('CAdESCOM.About').then(function () {
            cadesplugin.set(plugin);
            onLoaded();
          });
        })
        .catch(function () { onError('Плагин недоступен'); });
    },
    ReleasePluginObjects: function () { return send({ type: 'reset', url: document.URL }); },
  };
})();
