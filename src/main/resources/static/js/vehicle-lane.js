// Vehicle lane: play the result's sound; a scanner types the vehicle pass and Enter, then the driver's pass and
// Enter: the first Enter moves to the driver's field instead of submitting. The page works without this file (the
// first Enter then submits, and the page asks for the driver's pass).
(function () {
  'use strict';
  var vehicle = document.getElementById('vehicleToken');
  var driver = document.getElementById('driverToken');
  var result = document.getElementById('scan-result');
  if (result) {
    var sound = document.getElementById('sound-' + result.getAttribute('data-sound'));
    var played = sound && sound.play();
    if (played && played.catch) {
      played.catch(function () { /* the browser blocked sound until the first interaction */ });
    }
  }
  if (!vehicle || !driver) {
    return;
  }
  (vehicle.value ? driver : vehicle).focus();
  vehicle.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && vehicle.value.trim() !== '' && driver.value.trim() === '') {
      event.preventDefault();
      driver.focus();
    }
  });
})();
