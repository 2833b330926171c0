// Push-Loss Weekly Report console: live progress of a run and of a request (no inline scripts: the CSP forbids them).
(function () {
  'use strict';

  function poll(url, every, handle) {
    var stopped = false;
    function tick() {
      if (stopped) { return; }
      fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && handle(data) === false) { stopped = true; return; }
          setTimeout(tick, every);
        })
        .catch(function () { setTimeout(tick, every * 2); });
    }
    setTimeout(tick, every);
  }

  function runProgress() {
    var box = document.querySelector('.progress.live[data-progress-url]');
    if (!box) { return; }
    poll(box.getAttribute('data-progress-url'), 1000, function (p) {
      var done = p.windowsTotal > 0 ? Math.round(p.windowsDone * 100 / p.windowsTotal) : 0;
      document.getElementById('progress-fill').style.width = done + '%';
      document.getElementById('progress-windows').textContent = p.windowsDone + ' of ' + p.windowsTotal + ' windows';
      document.getElementById('progress-calls').textContent = p.calls + ' calls, ' + p.callsPerSecond + ' calls/s';
      var status = document.getElementById('run-status');
      if (status.textContent !== p.status) {
        status.textContent = p.status;
        status.className = 'status status-' + p.status;
      }
      if (!p.running) {
        // ended: the page shows the steps, documents and result
        window.location.reload();
        return false;
      }
      return true;
    });
  }

  function requestState() {
    var state = document.querySelector('#request-state[data-status-url]');
    if (!state) { return; }
    var seen = state.textContent + '/' + document.querySelectorAll('#request-runs tbody tr').length;
    if (state.textContent === 'DONE' || state.textContent === 'FAILED' || state.textContent === 'STOPPED') { return; }
    poll(state.getAttribute('data-status-url'), 1000, function (r) {
      var now = r.state + '/' + r.runs.length;
      var statuses = r.runs.map(function (run) { return run.status; }).join(',');
      if (now !== seen || statuses !== state.getAttribute('data-run-statuses')) {
        window.location.reload();
        return false;
      }
      return true;
    });
  }

  // widths from data attributes: the CSP allows no inline style attribute
  function bars() {
    document.querySelectorAll('[data-percent]').forEach(function (bar) {
      bar.style.width = Math.max(0, Math.min(100, Number(bar.getAttribute('data-percent')) || 0)) + '%';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    bars();
    runProgress();
    requestState();
  });
}());
