// Application form: when the trip's dates or vehicle change, fetch the slot choices for the new dates (a page
// fragment rendered by the server; GET, changes nothing) and swap them in. Without this script the choices follow
// the dates after the next save or submit.
(function () {
  'use strict';
  var form = document.querySelector('form.app-form');
  var choices = document.getElementById('slot-choices');
  if (!form || !choices) {
    return;
  }
  var url = form.getAttribute('data-slots-url');
  var latest = 0;

  function value(name) {
    var field = form.querySelector('[name="' + name + '"]');
    return field ? field.value : '';
  }

  function chosen(name) {
    var field = form.querySelector('input[name="' + name + '"]:checked');
    return field ? field.value : '';
  }

  function refresh() {
    var asked = ++latest; // a date typed digit by digit changes several times: only the last answer counts
    choices.setAttribute('aria-busy', 'true'); // screen readers wait for the new choices
    var params = new URLSearchParams({
      entryDate: value('entryDate'), returnDate: value('returnDate'), vehiclePlate: value('vehiclePlate'),
      vehicleId: value('vehicleId'),
      northboundSlot: chosen('northboundSlot'), southboundSlot: chosen('southboundSlot')
    });
    fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + params.toString(), {credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (asked !== latest) {
          return;
        }
        choices.removeAttribute('aria-busy');
        if (html === null) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('slot-choices');
        if (fresh) {
          choices.replaceChildren.apply(choices, Array.prototype.slice.call(fresh.childNodes));
        }
      })
      .catch(function () {
        if (asked === latest) {
          choices.removeAttribute('aria-busy'); // offline: the choices follow the dates on the next save
        }
      });
  }

  ['entryDate', 'returnDate', 'vehiclePlate', 'vehicleId'].forEach(function (name) {
    var field = form.querySelector('[name="' + name + '"]');
    if (field) {
      field.addEventListener('change', refresh);
    }
  });
})();
