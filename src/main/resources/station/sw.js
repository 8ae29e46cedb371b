// The scan station's service worker (scope /station/): keeps the shell, its scripts, styles, fonts, sounds and
// the QR library so that the station reloads while the link is cut. It never touches the API or any data: those
// requests go straight to the network (the page keeps its data in IndexedDB, encrypted).
'use strict';
// The page's scripts, styles and fonts have content-hashed names; the page itself puts the ones it loaded into
// this cache (station.js, keepShell), and whatever else it fetches later is kept here as it goes.
var CACHE = 'kc-station-shell-v1';
var SHELL = ['/station/', '/station/manifest.webmanifest', '/img/station-icon-192.png', '/img/station-icon-512.png'];
/** Static paths kept as they are fetched (e.g. the KRDS icons the style sheet names). */
var STATIC = /^\/(css|js|krds|vendor|img|audio)\//;
/** How long the network may take before the cached copy answers (a cut line may hang rather than fail). */
var NETWORK_MS = 2000;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function cached(request) {
  return caches.open(CACHE).then(function (cache) { return cache.match(request, { ignoreSearch: true }); });
}

/** The network's answer (kept in the cache), or the cached copy when the network fails or is too slow. */
function networkFirst(request) {
  var network = fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  });
  var timeout = new Promise(function (resolve) { setTimeout(resolve, NETWORK_MS); });
  return Promise.race([network.catch(function () { return null; }), timeout]).then(function (response) {
    if (response) {
      return response;
    }
    return cached(request).then(function (copy) { return copy || network; });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === '/station/' || url.pathname === '/station/manifest.webmanifest' || STATIC.test(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});
