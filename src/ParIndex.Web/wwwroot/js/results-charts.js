// Draws the charts of the public results pages from the tables beside them (the tables are the
// data and stay readable without JavaScript). Chart.js is vendored under lib/chartjs.
(function () {
  'use strict';

  function rows(table) {
    return Array.prototype.map.call(table.querySelectorAll('tbody tr[data-value]'), function (tr) {
      return { label: tr.getAttribute('data-short-label') || tr.getAttribute('data-label'), value: parseFloat(tr.getAttribute('data-value')) };
    });
  }

  // A radar axis's label in lines of about 18 characters, broken at spaces: long field titles
  // on one line are cut off at the chart's edges.
  function wrap(label, width) {
    var lines = [];
    String(label).split(' ').forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + ' ' + word).length <= (width || 18)) { lines[last] += ' ' + word; } else { lines.push(word); }
    });
    return lines;
  }

  function draw() {
    if (typeof Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
      if (canvas.getAttribute('data-drawn')) { return; }
      var table = document.getElementById(canvas.getAttribute('data-chart-for'));
      if (!table) { return; }
      var data = rows(table);
      var kind = table.getAttribute('data-chart');
      var dataset = {
        label: table.getAttribute('data-chart-label') || '',
        data: data.map(function (d) { return d.value; }),
        backgroundColor: kind === 'radar' ? 'rgba(176, 30, 35, 0.2)' : 'rgba(176, 30, 35, 0.75)',
        borderColor: 'rgb(176, 30, 35)'
      };
      var percent = function (v) { return String(v).replace('.', ',') + '%'; };
      // A bar per unit, every unit named: the chart is as tall as its bars need, and on a narrow
      // screen (a phone) the names wrap onto lines of about 16 characters instead of being cut
      // off at the left edge or skipped.
      var narrow = kind !== 'radar' && canvas.parentNode.clientWidth < 560;
      if (kind !== 'radar') {
        canvas.parentNode.style.height = (Math.max(data.length, 3) * (narrow ? 38 : 28) + 48) + 'px';
      }
      new Chart(canvas, {
        type: kind === 'radar' ? 'radar' : 'bar',
        data: { labels: data.map(function (d) { return kind === 'radar' ? wrap(d.label) : (narrow ? wrap(d.label, 16) : d.label); }), datasets: [dataset] },
        // No animation: the chart is final when the page is (screenshots, printing, reduced motion).
        options: kind === 'radar'
          ? { animation: false, scales: { r: { min: 0, max: 100, ticks: { callback: percent } } },
              plugins: { tooltip: { callbacks: { label: function (c) { return percent(c.raw); } } } } }
          : { animation: false, indexAxis: 'y', maintainAspectRatio: false,
              scales: { x: { min: 0, max: 100, ticks: { callback: percent } }, y: { ticks: { autoSkip: false, font: { size: narrow ? 11 : 12 } } } },
              plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return percent(c.raw); } } } } }
      });
      canvas.setAttribute('data-drawn', 'true');
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener('enhancedload', draw);
  } else {
    document.addEventListener('DOMContentLoaded', function () {
      if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', draw); }
    });
  }
  if (document.readyState !== 'loading') { draw(); }
})();
