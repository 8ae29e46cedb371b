// Live numbers (checkpoint.live): the element with data-live-source names the stream; each "counts" event puts its
// values into the elements data-live="<name>", shows or hides those data-live-shown="<name>" (hidden at 0), and
// shows the data-live-stale notes once something the page lists beside the numbers has changed (the rows, or the
// slot: data-live-slot). Without this script the page reloads itself (noscript refresh in the layout).
(function () {
  'use strict';
  var region = document.querySelector('[data-live-source]');
  if (!region || !window.EventSource || window.kcLiveNumbers) {
    return; // one stream a page, also where a page includes a panel that brings this script too
  }
  window.kcLiveNumbers = true;
  var slotPanel = document.querySelector('[data-live-slot]');
  var stream = new EventSource(region.getAttribute('data-live-source'));

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  stream.addEventListener('counts', function (event) {
    var counts = JSON.parse(event.data);
    var changed = false;
    each('[data-live]', function (element) {
      var value = counts[element.getAttribute('data-live')];
      if (value !== undefined && value !== null && element.textContent !== String(value)) {
        element.textContent = String(value);
        changed = true;
      }
    });
    each('[data-live-shown]', function (element) {
      var value = counts[element.getAttribute('data-live-shown')];
      if (value !== undefined && value !== null) {
        element.hidden = value === 0;
      }
    });
    if (slotPanel && (counts.slot || '') !== slotPanel.getAttribute('data-live-slot')) {
      changed = true;
    }
    if (changed) {
      each('[data-live-stale]', function (element) { element.hidden = false; });
    }
  });
  // The stream is gone for good (signed out, session ended): reload, which shows the sign-in page if that is why.
  stream.addEventListener('error', function () {
    if (stream.readyState === EventSource.CLOSED) {
      window.setTimeout(function () { window.location.reload(); }, 30000);
    }
  });
})();
