// Charts of a week's page, drawn with ECharts from the archived summary.json (the numbers of the PDF).
(function () {
  'use strict';

  function sum(rows, key, value) {
    var totals = {};
    rows.forEach(function (row) {
      var k = key(row);
      totals[k] = (totals[k] || 0) + value(row);
    });
    return totals;
  }

  // A count with thousands separators, as the tables above and the documents write it.
  function grouped(count) {
    return Number(count).toLocaleString('en-US');
  }

  // No animation for a reader who asked for reduced motion (and for a screenshot that must show the final charts).
  var animate = !(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);

  // The charts still drawing; #charts gets data-rendered="true" once every one has finished (animation included).
  var drawing = 0;
  var holderOfCharts = null;

  function chart(element, option) {
    var c = echarts.init(element, null, { renderer: 'canvas' });
    var finished = false;
    drawing++;
    c.on('finished', function () {
      if (!finished) {
        finished = true;
        drawing--;
        if (drawing === 0 && holderOfCharts) { holderOfCharts.setAttribute('data-rendered', 'true'); }
      }
    });
    option.animation = animate;
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  }

  // The report's one vendor order (summary.json's story.vendorOrder, by this week's losses over both sources), so
  // that the charts list vendors as the email, the PDF and the workbook do; an older summary.json without a story
  // falls back to the given totals.
  function inReportOrder(summary, rows, names, totals) {
    var order = (summary.story && summary.story.vendorOrder) || [];
    var rank = {};
    rows.forEach(function (r) {
      var i = order.indexOf(r.vendor);
      rank[r.vendorName] = i < 0 ? order.length : i;
    });
    return names.sort(function (a, b) {
      return (rank[a] - rank[b]) || ((totals[b] || 0) - (totals[a] || 0)) || a.localeCompare(b);
    });
  }

  function vendorCharts(summary, holder) {
    var sources = {};
    summary.vendors.forEach(function (v) { sources[v.source] = v.sourceName; });
    // every chart's element first, then the charts: each is drawn at its final width in the row
    var elements = {};
    Object.keys(sources).forEach(function (source) {
      var element = document.createElement('div');
      element.className = 'chart';
      element.id = 'vendor-chart-' + source;
      holder.appendChild(element);
      elements[source] = element;
    });
    Object.keys(sources).forEach(function (source) {
      var rows = summary.vendors.filter(function (v) { return v.source === source; });
      var thisWeek = sum(rows, function (v) { return v.vendorName; }, function (v) { return v.thisWeek; });
      var lastWeek = sum(rows, function (v) { return v.vendorName; }, function (v) { return v.lastWeek; });
      var vendors = inReportOrder(summary, rows, Object.keys(thisWeek), thisWeek);
      chart(elements[source], {
        title: { text: sources[source], left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { top: 24, data: [summary.header.week, summary.header.previousWeek] },
        grid: { top: 60, left: 60, right: 16, bottom: 40 },
        xAxis: { type: 'category', data: vendors, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value' },
        series: [
          { name: summary.header.week, type: 'bar', data: vendors.map(function (v) { return thisWeek[v]; }) },
          { name: summary.header.previousWeek, type: 'bar', data: vendors.map(function (v) { return lastWeek[v] || 0; }) }
        ]
      });
    });
  }

  function trendChart(summary, element) {
    var weeks = Array.from(new Set(summary.trend.map(function (t) { return t.week; }))).sort();
    var vendors = inReportOrder(summary, summary.trend,
      Array.from(new Set(summary.trend.map(function (t) { return t.vendorName; }))), {});
    var series = vendors.map(function (vendor) {
      var byWeek = sum(summary.trend.filter(function (t) { return t.vendorName === vendor; }),
        function (t) { return t.week; }, function (t) { return t.count; });
      return { name: vendor, type: 'line', data: weeks.map(function (w) { return byWeek[w] || 0; }) };
    });
    chart(element, {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { top: 48, left: 60, right: 16, bottom: 32 },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value' },
      series: series
    });
  }

  function codes(summary, element, table) {
    var statuses = ['NEW', 'RESOLVED', 'REGRESSED'];
    var counts = sum(summary.codes.filter(function (c) { return statuses.indexOf(c.status) >= 0; }),
      function (c) { return c.status; }, function () { return 1; });
    chart(element, {
      tooltip: { renderMode: 'richText' },
      grid: { top: 16, left: 60, right: 16, bottom: 32 },
      xAxis: { type: 'category', data: statuses },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: statuses.map(function (s) { return counts[s] || 0; }) }]
    });
    var body = table.querySelector('tbody');
    summary.codes.filter(function (c) { return statuses.indexOf(c.status) >= 0; }).forEach(function (c) {
      var tr = document.createElement('tr');
      [c.status, c.sourceName, c.vendorName, String(c.errCode), c.errInfo, grouped(c.thisWeek), grouped(c.lastWeek)]
        .forEach(function (text, column) {
          var td = document.createElement('td');
          td.textContent = text;
          if (column >= 5) { td.className = 'num'; }
          tr.appendChild(td);
        });
      body.appendChild(tr);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var holder = document.getElementById('charts');
    if (!holder || typeof echarts === 'undefined') { return; }
    fetch(holder.getAttribute('data-summary-url'), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (summary) {
        // held until every chart is set, so that the first to finish does not count as all
        drawing++;
        holderOfCharts = holder;
        vendorCharts(summary, document.getElementById('vendor-charts'));
        trendChart(summary, document.getElementById('trend-chart'));
        codes(summary, document.getElementById('codes-chart'), document.getElementById('codes-table'));
        drawing--;
        if (drawing === 0) { holder.setAttribute('data-rendered', 'true'); }
      });
  });
}());
