// The statistics dashboard's charts: Chart.js (served from our own static files) draws the
// numbers of the tables, read from the json_script block. The tables stay the source; without
// JavaScript, or if Chart.js fails to load, the charts' section stays hidden.
(function () {
  "use strict";
  var source = document.getElementById("report-charts");
  var section = document.querySelector(".report-charts");
  if (!source || !section || typeof window.Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var colours = ["#0b4f8a", "#a61b1b", "#1e6b34"];
  var font = { family: "'Be Vietnam Pro', 'Segoe UI', Roboto, Arial, sans-serif" };
  window.Chart.defaults.font = Object.assign(window.Chart.defaults.font || {}, font);
  window.Chart.defaults.color = "#1b1f24";
  window.Chart.defaults.animation = false;

  function datasets(chart, line) {
    return chart.series.map(function (series, n) {
      return {
        label: series.label,
        data: series.data,
        backgroundColor: colours[n % colours.length],
        borderColor: colours[n % colours.length],
        borderWidth: line ? 2 : 0,
        tension: 0.2,
        pointRadius: line ? 3 : 0,
      };
    });
  }
  function draw(id, chart, type, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas || !chart || !chart.labels.length) {
      if (canvas) canvas.closest("figure").hidden = true;
      return;
    }
    if (horizontal) {
      // One bar pair per row: the chart grows with the number of provinces, readable at 360 px.
      canvas.parentElement.style.height = Math.max(240, chart.labels.length * 34 + 80) + "px";
    }
    new window.Chart(canvas, {
      type: type,
      data: { labels: chart.labels, datasets: datasets(chart, type === "line") },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom" } },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } },
      },
    });
  }
  section.hidden = false;
  draw("chart-province", data.province, "bar", true);
  draw("chart-audience", data.audience, "bar", true);
  draw("chart-monthly", data.monthly, "line", false);
})();
