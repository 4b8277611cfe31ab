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
  // Long names (audience groups) on several short lines, so they fit beside bars at 360 px.
  function wrap(label) {
    var lines = [], line = "";
    String(label).split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > 18) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) lines.push(line);
    return lines;
  }
  function draw(id, chart, type, horizontal) {
    var canvas = document.getElementById(id);
    // A chart of one bar says nothing the totals do not: a province's own view skips it.
    if (!canvas || !chart || chart.labels.length < (horizontal ? 2 : 1)) {
      if (canvas) canvas.closest("figure").hidden = true;
      return;
    }
    if (horizontal) {
      // One bar pair per row: the chart grows with the number of provinces, readable at 360 px.
      canvas.parentElement.style.height = Math.max(240, chart.labels.length * 44 + 90) + "px";
    }
    new window.Chart(canvas, {
      type: type,
      data: {
        labels: horizontal ? chart.labels.map(wrap) : chart.labels,
        datasets: datasets(chart, type === "line"),
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom" } },
        scales: horizontal
          ? { x: { beginAtZero: true }, y: { ticks: { autoSkip: false } } }
          : { x: { ticks: { autoSkip: true } }, y: { beginAtZero: true } },
      },
    });
  }
  section.hidden = false;
  draw("chart-province", data.province, "bar", true);
  draw("chart-audience", data.audience, "bar", true);
  draw("chart-monthly", data.monthly, "line", false);
})();
