// Roster: the print button prints the muster list (the page's print CSS hides everything else).
(function () {
  'use strict';
  var button = document.getElementById('print-roster');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
})();
