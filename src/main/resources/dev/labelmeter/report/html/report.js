(function () {
  'use strict';

  var BLUE = '#2563eb';
  var BLUE_LIGHT = 'rgba(37, 99, 235, 0.25)';
  var ORANGE = '#ea580c';
  var GREEN = '#16a34a';
  var GREY = '#94a3b8';
  var PALETTE = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#ca8a04', '#db2777',
    '#64748b', '#dc2626', '#4f46e5'];

  var charts = [];

  function readData() {
    var block = document.getElementById('chart-data');
    return block ? JSON.parse(block.textContent) : {};
  }

  function hours(value) {
    return value === null || value === undefined ? 'n/a' : value.toFixed(2);
  }

  // Axis labels are logins from the server: shorten long ones so the plot keeps its width.
  function shortLabel(text) {
    var s = String(text);
    return s.length > 24 ? s.slice(0, 23) + '\u2026' : s;
  }

  function draw(id, config) {
    var canvas = document.getElementById('chart-' + id);
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    charts.push(new Chart(canvas, config));
  }

  function drawTrend(trend) {
    draw('trend', {
      data: {
        labels: trend.dates,
        datasets: [
          { type: 'bar', label: 'Images finished', data: trend.imagesFinished,
            backgroundColor: BLUE_LIGHT, borderColor: BLUE, borderWidth: 1, yAxisID: 'images',
            order: 2 },
          { type: 'line', label: 'Active hours', data: trend.activeHours, borderColor: ORANGE,
            backgroundColor: ORANGE, yAxisID: 'hours', tension: 0, order: 1 },
          { type: 'line', label: 'Platform hours', data: trend.platformHours, borderColor: GREEN,
            backgroundColor: GREEN, borderDash: [6, 4], yAxisID: 'hours', tension: 0,
            order: 1 }
        ]
      },
      options: {
        scales: {
          hours: { type: 'linear', position: 'left', beginAtZero: true,
            title: { display: true, text: 'hours' } },
          images: { type: 'linear', position: 'right', beginAtZero: true,
            grid: { drawOnChartArea: false }, title: { display: true, text: 'images' } }
        }
      }
    });
  }

  function drawLabelerRates(rates) {
    draw('labelerRates', {
      type: 'bar',
      data: {
        labels: rates.logins,
        datasets: [
          { label: 'This window', data: rates.current, backgroundColor: BLUE },
          { label: 'Previous window', data: rates.previous, backgroundColor: GREY }
        ]
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'images per active hour' } },
          y: { ticks: { callback: function (v) { return shortLabel(this.getLabelForValue(v)); } } }
        },
        plugins: { tooltip: { callbacks: {
          label: function (ctx) { return ctx.dataset.label + ': ' + hours(ctx.raw); }
        } } }
      }
    });
  }

  function drawStatuses(statuses) {
    draw('statuses', {
      type: 'doughnut',
      data: {
        labels: statuses.statuses,
        datasets: [{ label: 'Jobs', data: statuses.jobs,
          backgroundColor: statuses.statuses.map(function (_, i) {
            return PALETTE[i % PALETTE.length];
          }) }]
      },
      options: { plugins: { legend: { position: window.innerWidth < 600 ? 'bottom' : 'right' } } }
    });
  }

  function heatColour(value, max) {
    if (!(value > 0) || !(max > 0)) {
      return 'rgba(148, 163, 184, 0.15)';
    }
    return 'rgba(37, 99, 235, ' + (0.15 + 0.85 * value / max).toFixed(3) + ')';
  }

  function heatMatrix(heat) {
    var matrix = heat.logins.map(function () {
      return heat.dates.map(function () { return null; });
    });
    heat.cells.forEach(function (c) { matrix[c[1]][c[0]] = c[2]; });
    return matrix;
  }

  // One floating bar per cell: each labeler is a dataset whose bars span its row, so the cells
  // fill the grid like a heatmap without a plugin.
  function drawHeatmap(heat) {
    var rows = heat.logins.length;
    var matrix = heatMatrix(heat);
    draw('heatmap', {
      type: 'bar',
      data: {
        labels: heat.dates,
        datasets: heat.logins.map(function (login, y) {
          return {
            label: login,
            data: heat.dates.map(function () { return [y - 0.47, y + 0.47]; }),
            backgroundColor: function (ctx) {
              return heatColour(matrix[y][ctx.dataIndex], heat.max);
            },
            grouped: false,
            barPercentage: 1,
            categoryPercentage: 0.97
          };
        })
      },
      options: {
        scales: {
          x: { grid: { display: false } },
          y: { type: 'linear', reverse: true, min: -0.5, max: rows - 0.5,
            grid: { display: false },
            afterBuildTicks: function (axis) {
              axis.ticks = heat.logins.map(function (_, i) { return { value: i }; });
            },
            ticks: { autoSkip: false, callback: function (v) { return shortLabel(heat.logins[v]); } } }
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: {
            label: function (ctx) {
              var y = ctx.datasetIndex;
              return heat.logins[y] + ', ' + heat.dates[ctx.dataIndex] + ': '
                + hours(matrix[y][ctx.dataIndex]) + ' h';
            }
          } }
        }
      }
    });
  }

  function drawCharts(data) {
    if (typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.animation = false;
    Chart.defaults.responsive = true;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    if (data.trend) { drawTrend(data.trend); }
    if (data.labelerRates) { drawLabelerRates(data.labelerRates); }
    if (data.statuses) { drawStatuses(data.statuses); }
    if (data.heatmap) { drawHeatmap(data.heatmap); }
    window.addEventListener('beforeprint', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
    window.addEventListener('afterprint', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  function isMissing(cell) {
    return cell.classList.contains('missing');
  }

  function compareCells(a, b, numeric) {
    if (numeric) {
      return parseFloat(a.getAttribute('data-value')) - parseFloat(b.getAttribute('data-value'));
    }
    return a.textContent.localeCompare(b.textContent, undefined, { numeric: true });
  }

  function sortTable(table, column, header) {
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var numeric = header.getAttribute('data-type') === 'num';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var indexed = rows.map(function (row, i) { return { row: row, i: i }; });
    indexed.sort(function (p, q) {
      var a = p.row.cells[column];
      var b = q.row.cells[column];
      var missingA = isMissing(a);
      var missingB = isMissing(b);
      if (missingA || missingB) {
        return missingA === missingB ? p.i - q.i : (missingA ? 1 : -1);
      }
      var order = compareCells(a, b, numeric);
      return (ascending ? order : -order) || p.i - q.i;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.setAttribute('aria-sort', 'none');
    });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    indexed.forEach(function (entry) { body.appendChild(entry.row); });
  }

  function makeSortable(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.addEventListener('click', function () { sortTable(table, column, header); });
    });
  }

  document.querySelectorAll('table.sortable').forEach(makeSortable);
  drawCharts(readData());
})();
