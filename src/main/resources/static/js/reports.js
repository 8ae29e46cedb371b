// /reports: draws each <canvas data-chart="name"> with Chart.js from the page's JSON block (labels and axis titles
// already in the page's language). The numbers are also in the table beside each chart.
(function () {
  'use strict';
  var source = document.getElementById('report-charts');
  if (!source || typeof Chart === 'undefined') {
    return;
  }
  var charts = JSON.parse(source.textContent);
  var reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // the page's own (web) font: a canvas does not fall back to it, and Hangul labels need it on machines without a
  // Korean system font
  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 13;
  (document.fonts ? document.fonts.ready : Promise.resolve()).then(draw);

  function draw() {
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec = charts[canvas.getAttribute('data-chart')];
      if (!spec) {
        return;
      }
      new Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets },
        options: {
          maintainAspectRatio: false,
          animation: reduceMotion ? false : undefined,
          scales: {
            x: { title: { display: true, text: spec.x } },
            y: { beginAtZero: true, title: { display: true, text: spec.y } }
          }
        }
      });
    });
  }
})();
