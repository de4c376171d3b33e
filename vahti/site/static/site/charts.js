/* Vahti's charts, drawn with Chart.js from what the page already holds.
 *
 * <canvas data-chart='{"kind": "indicator", "table": "values-table", ...}'>: the values
 * come from the page's data table (the chart and the table cannot disagree), the goals
 * from the goals table; the attribute adds the trend line, the unit and legend texts.
 * <canvas data-chart='{"kind": "small", "values": [[date, value], ...], ...}'>: a small
 * chart that carries its few values itself.
 *
 * Without JavaScript (or without Chart.js) nothing is drawn and the tables and texts
 * stand alone; a drawn chart's figure gets the class "chart--drawn". */
(function () {
  "use strict";

  if (!window.Chart) {
    return;
  }
  var lang = document.documentElement.lang || "fi";
  var ownPalette = ["#0a5c36", "#0a4f8a", "#9c4f1f", "#6a3d9a", "#8a6d00", "#00727d", "#555b5e", "#b3261e"];
  var palette, goalColour, trendColour;
  var ownDefaults = { color: window.Chart.defaults.color, borderColor: window.Chart.defaults.borderColor };
  var forcedColours = window.matchMedia && window.matchMedia("(forced-colors: active)");
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /* A system colour as this browser resolves it: a canvas is painted, not styled, so
     forced colours (Windows' contrast themes) reach it only through us. */
  function systemColour(keyword) {
    var probe = document.createElement("span");
    probe.style.color = keyword;
    document.body.appendChild(probe);
    var colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }

  /* Our palette, or in forced colours the system's: text and lines in CanvasText, the
     series told apart by the few system colours there are (and by their labels). */
  function chooseColours() {
    if (forcedColours && forcedColours.matches) {
      var text = systemColour("CanvasText");
      palette = [text, systemColour("LinkText"), systemColour("Highlight"), systemColour("GrayText")];
      goalColour = systemColour("Highlight");
      trendColour = systemColour("GrayText");
      window.Chart.defaults.color = text;
      window.Chart.defaults.borderColor = systemColour("GrayText");
    } else {
      palette = ownPalette;
      goalColour = "#b3261e";
      trendColour = "#4d4d4d";
      window.Chart.defaults.color = ownDefaults.color;
      window.Chart.defaults.borderColor = ownDefaults.borderColor;
    }
  }

  var DAY = 86400000;
  /* Values are dated on their period's last day; a yearly value is drawn at mid-year and
     a monthly one at mid-month, so that it sits above its period's label. The same shift
     applies to every point of a chart, the trend line's included. */
  var SHIFT = { year: 182 * DAY, month: 15 * DAY, day: 0 };
  var shift = 0;

  function time(iso) {
    return Date.parse(iso + "T12:00:00Z") - shift;
  }

  /* Ticks on whole periods: mid-year for years, mid-month for months. */
  function periodTicks(resolution) {
    return function (scale) {
      if (resolution === "day") {
        return;
      }
      var start = new Date(scale.min), end = new Date(scale.max), ticks = [];
      if (resolution === "year") {
        var years = end.getUTCFullYear() - start.getUTCFullYear() + 1;
        var step = Math.max(1, Math.ceil(years / 8));
        for (var y = start.getUTCFullYear(); y <= end.getUTCFullYear(); y += step) {
          var at = Date.UTC(y, 5, 30, 12);
          if (at >= scale.min && at <= scale.max) { ticks.push({ value: at }); }
        }
      } else {
        var months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
        var every = Math.max(1, Math.ceil(months / 8));
        for (var m = 0; m < months; m += every) {
          var tick = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 16, 12);
          if (tick >= scale.min && tick <= scale.max) { ticks.push({ value: tick }); }
        }
      }
      if (ticks.length) { scale.ticks = ticks; }
    };
  }

  function formatNumber(decimals) {
    var format = new Intl.NumberFormat(lang, { maximumFractionDigits: decimals });
    return function (value) { return format.format(value); };
  }

  function formatDate(resolution) {
    var options = resolution === "year" ? { year: "numeric" }
      : resolution === "month" ? { year: "numeric", month: "short" }
      : { year: "numeric", month: "numeric", day: "numeric" };
    var format = new Intl.DateTimeFormat(lang, Object.assign({ timeZone: "UTC" }, options));
    return function (ms) { return format.format(new Date(ms)); };
  }

  function points(pairs) {
    return (pairs || []).map(function (pair) { return { x: time(pair[0]), y: pair[1] }; });
  }

  /* The table's columns as series: one per header cell marked data-series. */
  function tableSeries(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var columns = [];
    headers.forEach(function (cell, index) {
      if (cell.hasAttribute("data-series")) {
        columns.push({ index: index, name: cell.textContent.trim(), part: cell.getAttribute("data-series") === "part", data: [] });
      }
    });
    var rows = table.tBodies[0].rows;
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r];
      var x = time(row.getAttribute("data-date"));
      for (var c = 0; c < columns.length; c++) {
        var value = row.cells[columns[c].index].getAttribute("data-value");
        if (value !== null) {
          columns[c].data.push({ x: x, y: parseFloat(value) });
        }
      }
    }
    return columns;
  }

  function goalPoints(table) {
    if (!table) {
      return [];
    }
    var found = [];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (!row.hasAttribute("data-scenario")) {
        found.push({ x: time(row.getAttribute("data-date")), y: parseFloat(row.cells[1].getAttribute("data-value")) });
      }
    });
    return found;
  }

  function lineDataset(label, data, colour, extra) {
    return Object.assign({
      label: label, data: data, borderColor: colour, backgroundColor: colour,
      borderWidth: 2, pointRadius: data.length > 60 ? 0 : 3, tension: 0, spanGaps: true
    }, extra || {});
  }

  function datasets(config) {
    var sets = [];
    if (config.kind === "indicator") {
      var columns = tableSeries(document.getElementById(config.table));
      columns.forEach(function (column, index) {
        sets.push(lineDataset(column.part ? column.name : config.labels.total, column.data, palette[index % palette.length],
          column.part ? { borderWidth: 1.5 } : {}));
      });
      var goals = goalPoints(document.getElementById(config.goals));
      if (goals.length) {
        sets.push(lineDataset(config.labels.goal, goals, goalColour, { showLine: false, pointRadius: 6, pointStyle: "triangle" }));
      }
    } else {
      sets.push(lineDataset(config.labels.total, points(config.values), palette[0], { pointRadius: 0 }));
      if (config.goals.length) {
        sets.push(lineDataset(config.labels.goal, points(config.goals), goalColour, { showLine: false, pointRadius: 4, pointStyle: "triangle" }));
      }
    }
    if (config.trend) {
      sets.push(lineDataset(config.labels.trend, points(config.trend), trendColour, { borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5 }));
    }
    return sets;
  }

  function draw(canvas) {
    var config = JSON.parse(canvas.getAttribute("data-chart"));
    shift = SHIFT[config.resolution] || 0;
    var small = config.kind === "small";
    var number = formatNumber(config.decimals);
    var date = formatDate(config.resolution);
    var chart = new window.Chart(canvas, {

      type: "line",
      data: { datasets: datasets(config) },
      options: {
        parsing: false,
        normalized: true,
        animation: reducedMotion || small ? false : { duration: 300 },
        maintainAspectRatio: false,
        interaction: { mode: "nearest", intersect: false },
        plugins: {
          legend: { display: !small, labels: { usePointStyle: true } },
          tooltip: {
            enabled: !small,
            callbacks: {
              title: function (items) { return items.length ? date(items[0].parsed.x + shift) : ""; },
              label: function (item) { return item.dataset.label + ": " + number(item.parsed.y) + " " + config.unit; }
            }
          },
          decimation: { enabled: true, algorithm: "lttb", samples: 400 }
        },
        scales: {
          x: {
            type: "linear", display: !small,
            afterBuildTicks: periodTicks(config.resolution),
            ticks: { callback: function (value) { return date(value + shift); }, maxTicksLimit: 9 }
          },
          y: {
            display: !small,
            title: { display: !small, text: config.unit },
            ticks: { callback: function (value) { return number(value); } }
          }
        }
      }
    });
    if (small) {
      chart.options.events = [];
      chart.update("none");
    }
    canvas.closest(".chart").classList.add("chart--drawn");
    return chart;
  }

  function drawAll() {
    chooseColours();
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart]"), function (canvas) {
      var drawn = window.Chart.getChart(canvas);
      if (drawn) { drawn.destroy(); }
      draw(canvas);
    });
  }

  /* Switching a contrast theme on or off redraws the charts in its colours. */
  if (forcedColours && forcedColours.addEventListener) {
    forcedColours.addEventListener("change", drawAll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
