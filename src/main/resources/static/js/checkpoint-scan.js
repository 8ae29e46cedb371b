// Scan station: play the accept/refuse sound for the result on screen and keep the scan field focused, so a
// handheld scanner (which types the token and Enter) can go on without a click. The page works without this file.
(function () {
  'use strict';
  var field = document.getElementById('token');
  var result = document.getElementById('scan-result');

  if (result) {
    var sound = document.getElementById('sound-' + result.getAttribute('data-sound'));
    if (sound) {
      var played = sound.play();
      if (played && played.catch) {
        played.catch(function () { /* the browser blocked sound until the first interaction */ });
      }
    }
  }

  if (!field) {
    return;
  }
  field.value = '';
  field.focus();
  // Refocus when focus falls back to the page (not when the officer uses another control, e.g. the override).
  document.addEventListener('focusout', function () {
    window.setTimeout(function () {
      var active = document.activeElement;
      if (!active || active === document.body) {
        field.focus();
      }
    }, 0);
  });
  document.addEventListener('click', function (event) {
    if (event.target === document.body || event.target === document.documentElement) {
      field.focus();
    }
  });
  // A scanner sends Enter: the form submits natively. Trim stray whitespace the scanner may add before it.
  field.form.addEventListener('submit', function () {
    field.value = field.value.trim();
  });
})();
