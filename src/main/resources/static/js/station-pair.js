// Pairing page: keeps the device credential the server just issued in this browser's IndexedDB, creates the
// station's at-rest key (see station-store.js), forgets any earlier pairing's data, and opens the station.
(function () {
  'use strict';
  var pairing = document.getElementById('station-pairing');
  if (!pairing) {
    return;
  }
  // the pairing page loads only this script: fetch the shared storage code first
  if (!window.KcStationStore) {
    var script = document.createElement('script');
    script.src = '/js/station-store.js';
    script.onload = pair;
    document.head.appendChild(script);
  } else {
    pair();
  }

  function pair() {
  var store = window.KcStationStore;
  var credential = {
    token: pairing.getAttribute('data-device-token'),
    gate: pairing.getAttribute('data-gate'),
    lane: pairing.getAttribute('data-lane'),
    name: pairing.getAttribute('data-device-name'),
    pairedAt: new Date().toISOString()
  };
  store.clearAll()
    .then(function () { return store.newKey(); })
    .then(function (key) { return store.put('key', key); })
    .then(function () { return store.put('credential', credential); })
    .then(function () {
      pairing.removeAttribute('data-device-token');
      window.location.replace('/station/');
    });
  }
})();
