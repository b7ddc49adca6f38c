/* Disclosure Desk: the public transparency page. Reads the public JSON API only; draws its own SVG chart. */
(function () {
  'use strict';

  var API = '/api/transparency';
  var SVG = 'http://www.w3.org/2000/svg';
  var ORDER_TYPES = [
    ['COURT_ORDER', 'Court order'], ['SEARCH_WARRANT', 'Search warrant'], ['SUBPOENA', 'Subpoena'],
    ['EMERGENCY_REQUEST', 'Emergency request'], ['PRESERVATION_REQUEST', 'Preservation request'],
    ['EU_PRODUCTION_ORDER', 'EU production order'], ['EU_PRESERVATION_ORDER', 'EU preservation order']
  ];
  var number = new Intl.NumberFormat('en');
  var state = { report: null, sortKey: 'countryName', sortDir: 'ascending', published: null };

  function $(id) { return document.getElementById(id); }

  function iso(date) { return date.toISOString().slice(0, 10); }

  /** "22 Nov 2026, 19:16 UTC" */
  function when(instant) {
    var d = new Date(instant);
    return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) + ', '
      + d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC';
  }

  /** The quarters to choose from: the current one (in progress) and the twelve before it, in UTC. */
  function quarters() {
    var now = new Date();
    var year = now.getUTCFullYear();
    var q = Math.floor(now.getUTCMonth() / 3) + 1;
    var list = [];
    for (var n = 0; n < 13; n++) {
      var first = new Date(Date.UTC(year, (q - 1) * 3, 1));
      var last = new Date(Date.UTC(year, q * 3, 0));
      list.push({ id: year + '-Q' + q, label: 'Q' + q + ' ' + year + (n === 0 ? ' (in progress)' : ''),
        from: iso(first), to: iso(last) });
      q--;
      if (q === 0) { q = 4; year--; }
    }
    return list;
  }

  function fillQuarters(list) {
    var select = $('quarter');
    list.forEach(function (quarter) {
      var option = document.createElement('option');
      option.value = quarter.from + '_' + quarter.to;
      option.textContent = quarter.label;
      select.appendChild(option);
    });
  }

  function initialPeriod(list) {
    var params = new URLSearchParams(window.location.search);
    if (params.get('from') && params.get('to')) {
      return { from: params.get('from'), to: params.get('to') };
    }
    return { from: list[1].from, to: list[1].to };  // the last complete quarter
  }

  function showPeriodInForm(period) {
    var select = $('quarter');
    var value = period.from + '_' + period.to;
    var match = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    $('from').value = period.from;
    $('to').value = period.to;
    if (match) {
      select.value = value;
      $('mode-quarter').checked = true;
    } else {
      $('mode-custom').checked = true;
    }
  }

  function chosenPeriod() {
    if ($('mode-quarter').checked) {
      var parts = $('quarter').value.split('_');
      return { from: parts[0], to: parts[1] };
    }
    return { from: $('from').value, to: $('to').value };
  }

  function query(period) {
    return 'from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to);
  }

  function message(text) {
    var box = $('message');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var problems = (body.errors || []).map(function (e) { return e.field + ' ' + e.message; });
          throw new Error(problems.length ? problems.join('; ') : (body.detail || 'The server answered ' + response.status + '.'));
        }
        return body;
      });
    });
  }

  function load(period, push) {
    message('');
    var url = API + '/report?' + query(period);
    $('csv-link').href = url + '&format=csv';
    $('json-link').href = url;
    if (push) {
      history.replaceState(null, '', '?' + query(period));
    }
    fetchJson(url).then(function (report) {
      state.report = report;
      $('from').value = report.period.from;
      $('to').value = report.period.to;
      render(report);
      showPublished(report.period);
    }).catch(function (error) {
      message('This period cannot be shown: ' + error.message);
    });
  }

  function periodLabel(period) {
    var from = new Date(period.from + 'T00:00:00Z');
    var to = new Date(period.to + 'T00:00:00Z');
    var format = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
    return from.toLocaleDateString('en-GB', format) + ' – ' + to.toLocaleDateString('en-GB', format) + ' (UTC)';
  }

  function render(report) {
    var t = report.totals;
    $('period-label').textContent = '· ' + periodLabel(report.period);
    $('kpi-requests').textContent = number.format(t.requests);
    $('kpi-accounts').textContent = number.format(t.accountsSpecified);
    $('kpi-fulfilled').textContent = number.format(t.requestsFulfilled);
    $('kpi-users').textContent = number.format(t.usersAffected);
    $('kpi-percent').textContent = percent(t.percentageWhereSomeDataProduced);
    $('kpi-emergency').textContent = number.format(t.emergency.requests) + ' (' + number.format(t.emergency.requestsFulfilled) + ')';
    $('ledger-seq').textContent = report.ledger.headSeq === 0 ? 'an empty ledger'
      : 'entries 1 to ' + number.format(report.ledger.headSeq) + ', as of ' + when(report.computedAt);
    $('ledger-hash').textContent = report.ledger.headHash;
    renderCountries(report);
    renderTypes(report);
    renderChart(report);
    renderBotLines(report);
    renderModeration(report);
  }

  function percent(value) {
    return value === undefined || value === null ? '–' : value.toFixed(1) + ' %';
  }

  function sortValue(row, key) {
    if (key === 'emergencyRequests') { return row.emergency.requests; }
    if (key === 'emergencyFulfilled') { return row.emergency.requestsFulfilled; }
    if (key === 'percentageWhereSomeDataProduced') { return row[key] === undefined ? -1 : row[key]; }
    return row[key];
  }

  function sortedCountries(report) {
    var rows = report.countries.slice();
    var key = state.sortKey;
    var sign = state.sortDir === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = sortValue(a, key);
      var y = sortValue(b, key);
      if (typeof x === 'string') { return sign * x.localeCompare(y, 'en'); }
      return sign * (x - y) || a.countryName.localeCompare(b.countryName, 'en');
    });
    return rows;
  }

  function cell(tag, text, className) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (className) { el.className = className; }
    return el;
  }

  function numberCell(value) {
    return cell('td', number.format(value), value === 0 ? 'num zero' : 'num');
  }

  function countryRow(row, total) {
    var tr = document.createElement('tr');
    var name = cell(total ? 'td' : 'th', total ? 'All countries' : row.countryName);
    if (!total) {
      name.setAttribute('scope', 'row');
      name.appendChild(cell('span', row.country, 'code'));
    }
    tr.appendChild(name);
    tr.appendChild(numberCell(row.requests));
    tr.appendChild(numberCell(row.accountsSpecified));
    tr.appendChild(numberCell(row.requestsFulfilled));
    tr.appendChild(numberCell(row.usersAffected));
    tr.appendChild(cell('td', percent(row.percentageWhereSomeDataProduced), 'num'));
    tr.appendChild(numberCell(row.emergency.requests));
    tr.appendChild(numberCell(row.emergency.requestsFulfilled));
    return tr;
  }

  function renderCountries(report) {
    var table = $('countries');
    var body = table.tBodies[0];
    body.replaceChildren();
    if (report.countries.length === 0) {
      var empty = document.createElement('tr');
      empty.className = 'empty-row';
      var td = cell('td', 'No requests ended in this period.');
      td.colSpan = 8;
      empty.appendChild(td);
      body.appendChild(empty);
    }
    sortedCountries(report).forEach(function (row) { body.appendChild(countryRow(row, false)); });
    table.tFoot.replaceChildren(countryRow(report.totals, true));
    $('countries-caption').textContent = 'Requests by country, ' + periodLabel(report.period);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.dataset.key === state.sortKey) { th.setAttribute('aria-sort', state.sortDir); } else { th.removeAttribute('aria-sort'); }
    });
  }

  function renderTypes(report) {
    var table = $('types');
    var types = ORDER_TYPES.filter(function (type) { return report.totals.byOrderType[type[0]].requests > 0; });
    if (types.length === 0) { types = ORDER_TYPES.slice(0, 3); }
    var head = document.createElement('tr');
    head.appendChild(cell('th', 'Country'));
    types.forEach(function (type) { head.appendChild(cell('th', type[1], 'num')); });
    head.querySelectorAll('th').forEach(function (th) { th.setAttribute('scope', 'col'); });
    table.tHead.replaceChildren(head);
    function row(r, total) {
      var tr = document.createElement('tr');
      var name = cell(total ? 'td' : 'th', total ? 'All countries' : r.countryName);
      if (!total) { name.setAttribute('scope', 'row'); }
      tr.appendChild(name);
      types.forEach(function (type) {
        var split = r.byOrderType[type[0]];
        var td = cell('td', split.requests === 0 ? '–' : number.format(split.requestsFulfilled) + ' / ' + number.format(split.requests),
          split.requests === 0 ? 'num zero' : 'num');
        tr.appendChild(td);
      });
      return tr;
    }
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], report.countries.map(function (r) { return row(r, false); }));
    table.tFoot.replaceChildren(row(report.totals, true));
  }

  function svg(name, attributes, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { el.setAttribute(key, attributes[key]); });
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  /** Horizontal bars, two per country (fulfilled requests, users affected), the 12 countries with most fulfilled. */
  function renderChart(report) {
    var rows = report.countries.slice().sort(function (a, b) {
      return b.requestsFulfilled - a.requestsFulfilled || b.usersAffected - a.usersAffected
        || a.countryName.localeCompare(b.countryName, 'en');
    }).slice(0, 12);
    var width = 1000;
    var labelWidth = 190;
    var valueSpace = 60;
    var rowHeight = 42;
    var top = 44;
    var height = top + Math.max(1, rows.length) * rowHeight + 12;
    var max = rows.reduce(function (m, r) { return Math.max(m, r.requestsFulfilled, r.usersAffected); }, 0) || 1;
    var scale = (width - labelWidth - valueSpace) / max;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
    chart.appendChild(svg('title', { id: 'chart-title' }, 'Fulfilled requests and users affected by country'));
    var summary = rows.map(function (r) {
      return r.countryName + ': ' + r.requestsFulfilled + ' fulfilled requests, ' + r.usersAffected + ' users affected';
    }).join('; ');
    chart.appendChild(svg('desc', { id: 'chart-desc' }, rows.length ? summary + '.' : 'No requests in this period.'));

    var legend = svg('g', { 'aria-hidden': 'true' });
    legend.appendChild(svg('rect', { x: labelWidth, y: 8, width: 14, height: 14, rx: 2, class: 'bar-fulfilled' }));
    legend.appendChild(svg('text', { x: labelWidth + 20, y: 20, class: 'legend' }, 'Requests fulfilled'));
    legend.appendChild(svg('rect', { x: labelWidth + 170, y: 8, width: 14, height: 14, rx: 2, class: 'bar-users' }));
    legend.appendChild(svg('text', { x: labelWidth + 190, y: 20, class: 'legend' }, 'Users affected'));
    chart.appendChild(legend);

    if (rows.length === 0) {
      chart.appendChild(svg('text', { x: labelWidth, y: top + 26, class: 'empty' }, 'No requests ended in this period.'));
    }
    var bars = svg('g', { 'aria-hidden': 'true' });
    chart.appendChild(svg('line', { x1: labelWidth, x2: labelWidth, y1: top - 6, y2: height - 8, class: 'axis' }));
    rows.forEach(function (r, n) {
      var y = top + n * rowHeight;
      var name = r.countryName.length > 26 ? r.countryName.slice(0, 25) + '…' : r.countryName;
      bars.appendChild(svg('text', { x: labelWidth - 12, y: y + 22, 'text-anchor': 'end', class: 'label' }, name));
      [[r.requestsFulfilled, 'bar-fulfilled', 2], [r.usersAffected, 'bar-users', 20]].forEach(function (bar) {
        var w = Math.max(bar[0] > 0 ? 2 : 0, bar[0] * scale);
        bars.appendChild(svg('rect', { x: labelWidth + 1, y: y + bar[2], width: w, height: 16, rx: 2, class: bar[1] }));
        bars.appendChild(svg('text', { x: labelWidth + w + 8, y: y + bar[2] + 13, class: 'value' }, number.format(bar[0])));
      });
    });
    chart.appendChild(bars);
    $('chart').replaceChildren(chart);
  }

  /** "2 h 5 min", "3 d 4 h", "45 s"; "–" without a value. */
  function duration(seconds) {
    if (seconds === undefined || seconds === null) { return '–'; }
    var d = Math.floor(seconds / 86400);
    var h = Math.floor(seconds % 86400 / 3600);
    var m = Math.floor(seconds % 3600 / 60);
    if (d > 0) { return d + ' d ' + h + ' h'; }
    if (h > 0) { return h + ' h ' + m + ' min'; }
    if (m > 0) { return m + ' min'; }
    return seconds + ' s';
  }

  var LABELS = {
    SOURCE_ARTICLE_16: 'Notices (Art. 16)', SOURCE_TRUSTED_FLAGGER: 'Trusted flaggers (Art. 22)',
    REMOVE: 'Removed', RESTRICT: 'Restricted', NO_ACTION: 'No action',
    ILLEGAL_CONTENT: 'Illegal content (the law)', INCOMPATIBLE_CONTENT: 'Incompatible content (Terms of Service)'
  };

  function label(key) {
    if (LABELS[key]) { return LABELS[key]; }
    var words = String(key).replace(/^STATEMENT_CATEGORY_/, '').toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** The moderation KPIs, the table of figures (figure, breakdown, value) and the chart of subjects blocked per day. */
  function renderModeration(report) {
    var m = report.moderation;
    $('moderation').hidden = !m;
    $('blocked-panel').hidden = !m;
    if (!m) { return; }
    var blocked = m.actions.byType.REMOVE + m.actions.byType.RESTRICT;
    $('kpi-notices').textContent = number.format(m.notices.total);
    $('kpi-trusted').textContent = number.format(m.notices.byTrustedFlaggers);
    $('kpi-blocked').textContent = number.format(blocked);
    $('kpi-median').textContent = duration(m.actions.medianTimeToDecisionSeconds);
    $('kpi-complaints').textContent = number.format(m.complaints.received) + ' (' + number.format(m.complaints.reversed) + ')';
    $('kpi-suspensions').textContent = number.format(m.suspensions.total);

    var rows = [];
    function add(figure, breakdown, value, key) { rows.push([figure, breakdown, value, key]); }
    function count(value) { return number.format(value); }
    add('Notices received', 'Total', count(m.notices.total), 'notices-total');
    Object.keys(m.notices.bySource).forEach(function (k) { add('Notices received', label(k), count(m.notices.bySource[k]), 'notices-' + k); });
    Object.keys(m.notices.byCategory).forEach(function (k) { add('Notices by category', label(k), count(m.notices.byCategory[k])); });
    add('Decisions taken', 'Total', count(m.actions.decisions), 'decisions-total');
    Object.keys(m.actions.byType).forEach(function (k) { add('Decisions by type', label(k), count(m.actions.byType[k]), 'decisions-' + k); });
    Object.keys(m.actions.byGround).forEach(function (k) { add('Actions by ground', label(k), count(m.actions.byGround[k])); });
    Object.keys(m.actions.byCategory).forEach(function (k) { add('Actions by category', label(k), count(m.actions.byCategory[k])); });
    add('Median time from notice to decision', count(m.actions.noticesActioned) + ' notices', duration(m.actions.medianTimeToDecisionSeconds), 'median-notice');
    add('Complaints', 'Received', count(m.complaints.received), 'complaints-received');
    add('Complaints', 'Decided', count(m.complaints.decided));
    add('Complaints', 'Upheld', count(m.complaints.upheld));
    add('Complaints', 'Reversed', count(m.complaints.reversed), 'complaints-reversed');
    add('Median time to decide a complaint', 'Decided complaints', duration(m.complaints.medianTimeToDecisionSeconds));
    add('Suspensions (Art. 23)', 'Notifiers', count(m.suspensions.notifiers));
    add('Suspensions (Art. 23)', 'Accounts', count(m.suspensions.accounts));
    add('Suspensions (Art. 23)', 'Complainants', count(m.suspensions.complainants));
    add('Referrals to authorities (Art. 18)', 'Total', count(m.referrals.total));
    Object.keys(m.referrals.byCountry).forEach(function (k) {
      add('Referrals to authorities (Art. 18)', k === '--' ? 'Country unknown' : k, count(m.referrals.byCountry[k]));
    });
    var body = $('moderation-table').tBodies[0];
    body.replaceChildren.apply(body, rows.map(function (r) {
      var tr = document.createElement('tr');
      var th = cell('th', r[0]);
      th.setAttribute('scope', 'row');
      tr.appendChild(th);
      tr.appendChild(cell('td', r[1]));
      var value = cell('td', r[2], 'num');
      if (r[3]) { value.dataset.figure = r[3]; }
      tr.appendChild(value);
      return tr;
    }));
    renderBlockedChart(m.blockedPerDay);
  }

  /** Vertical bars, one per day (UTC): subjects blocked, and below the axis the blocks lifted on complaint. */
  function renderBlockedChart(days) {
    var width = 1000;
    var left = 56;
    var top = 44;
    var plot = 220;
    var below = 50;
    var height = top + plot + below + 30;
    var maxBlocked = days.reduce(function (m, d) { return Math.max(m, d.blocked); }, 0);
    var maxLifted = days.reduce(function (m, d) { return Math.max(m, d.lifted); }, 0);
    var total = days.reduce(function (s, d) { return s + d.blocked; }, 0);
    var lifted = days.reduce(function (s, d) { return s + d.lifted; }, 0);
    var step = (width - left - 10) / Math.max(1, days.length);
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': 'blocked-title blocked-desc', id: 'blocked-svg' });
    chart.appendChild(svg('title', { id: 'blocked-title' }, 'Subjects blocked per day'));
    var busiest = days.filter(function (d) { return d.blocked === maxBlocked && maxBlocked > 0; })[0];
    chart.appendChild(svg('desc', { id: 'blocked-desc' }, total === 0 ? 'No subject was blocked in this period.'
      : total + ' subjects blocked over ' + days.length + ' days, most on ' + busiest.day + ' (' + maxBlocked + '); '
        + lifted + ' blocks lifted on complaint.'));
    var legend = svg('g', { 'aria-hidden': 'true' });
    legend.appendChild(svg('rect', { x: left, y: 8, width: 14, height: 14, rx: 2, class: 'bar-fulfilled' }));
    legend.appendChild(svg('text', { x: left + 20, y: 20, class: 'legend' }, 'Subjects blocked'));
    legend.appendChild(svg('rect', { x: left + 170, y: 8, width: 14, height: 14, rx: 2, class: 'bar-users' }));
    legend.appendChild(svg('text', { x: left + 190, y: 20, class: 'legend' }, 'Blocks lifted on complaint'));
    chart.appendChild(legend);
    var axisY = top + plot;
    chart.appendChild(svg('line', { x1: left, x2: width - 10, y1: axisY, y2: axisY, class: 'axis' }));
    chart.appendChild(svg('text', { x: left - 8, y: top + 10, 'text-anchor': 'end', class: 'value' }, number.format(maxBlocked)));
    chart.appendChild(svg('text', { x: left - 8, y: axisY, 'text-anchor': 'end', class: 'value' }, '0'));
    if (total === 0 && lifted === 0) {
      chart.appendChild(svg('text', { x: left + 10, y: top + plot / 2, class: 'empty' }, 'No subject was blocked in this period.'));
    }
    var bars = svg('g', { 'aria-hidden': 'true' });
    var barWidth = Math.max(1, step * 0.8);
    days.forEach(function (d, n) {
      var x = left + n * step + (step - barWidth) / 2;
      if (d.blocked > 0) {
        var h = Math.max(2, d.blocked / (maxBlocked || 1) * plot);
        var bar = svg('rect', { x: x, y: axisY - h, width: barWidth, height: h, class: 'bar-fulfilled' });
        bar.appendChild(svg('title', {}, d.day + ': ' + d.blocked + ' blocked'));
        bars.appendChild(bar);
      }
      if (d.lifted > 0) {
        var hl = Math.max(2, d.lifted / (maxLifted || 1) * below);
        var liftedBar = svg('rect', { x: x, y: axisY + 1, width: barWidth, height: hl, class: 'bar-users' });
        liftedBar.appendChild(svg('title', {}, d.day + ': ' + d.lifted + ' lifted'));
        bars.appendChild(liftedBar);
      }
    });
    chart.appendChild(bars);
    if (days.length > 0) {
      chart.appendChild(svg('text', { x: left, y: height - 6, class: 'label' }, days[0].day));
      chart.appendChild(svg('text', { x: width - 10, y: height - 6, 'text-anchor': 'end', class: 'label' }, days[days.length - 1].day));
    }
    $('blocked-chart').replaceChildren(chart);
  }

  function renderBotLines(report) {
    var list = $('bot-lines');
    list.replaceChildren();
    report.countries.forEach(function (r) { list.appendChild(cell('li', r.botLine)); });
    if (report.countries.length === 0) { list.appendChild(cell('li', 'No requests ended in this period.')); }
  }

  function showPublished(period) {
    var note = $('published');
    note.hidden = true;
    fetchJson(API + '/reports').then(function (published) {
      var match = published.filter(function (p) { return p.from === period.from && p.to === period.to; })[0];
      if (!match) { return; }
      note.replaceChildren(
        document.createTextNode('Published report: frozen on ' + when(match.computedAt)
          + ' from ledger entries 1 to ' + number.format(match.ledgerHeadSeq) + ' (head '),
        cell('code', match.ledgerHeadHash.slice(0, 16) + '…'),
        document.createTextNode('). As published: '));
      var json = cell('a', 'JSON');
      json.href = match.json;
      var csv = cell('a', 'CSV');
      csv.href = match.csv;
      note.appendChild(json);
      note.appendChild(document.createTextNode(' · '));
      note.appendChild(csv);
      note.appendChild(document.createTextNode(' (SHA-256 of the JSON: '));
      note.appendChild(cell('code', match.sha256.slice(0, 16) + '…'));
      note.appendChild(document.createTextNode(').'));
      note.hidden = false;
    }).catch(function () { /* the live figures stand on their own */ });
  }

  function verifyLedger() {
    var status = $('ledger-status');
    fetchJson(API + '/ledger/verification').then(function (v) {
      status.className = v.intact ? 'status-ok' : 'status-bad';
      status.textContent = v.intact
        ? '✓ intact: all ' + number.format(v.entries) + ' entries (legal orders, moderation decisions and complaint outcomes) recomputed and linked'
        : '✗ broken at entry ' + v.firstBrokenSeq + ': ' + v.problem;
    }).catch(function (error) {
      status.className = 'status-bad';
      status.textContent = 'could not be checked: ' + error.message;
    });
  }

  function init() {
    var list = quarters();
    fillQuarters(list);
    var period = initialPeriod(list);
    showPeriodInForm(period);
    $('quarter').addEventListener('change', function () { $('mode-quarter').checked = true; });
    ['from', 'to'].forEach(function (id) {
      $(id).addEventListener('input', function () { $('mode-custom').checked = true; });
    });
    $('period-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = chosenPeriod();
      if (!chosen.from || !chosen.to) {
        message('Choose the first and the last day of the period.');
        return;
      }
      load(chosen, true);
    });
    Array.prototype.forEach.call($('countries').tHead.rows[0].cells, function (th) {
      th.querySelector('button').addEventListener('click', function () {
        var key = th.dataset.key;
        state.sortDir = state.sortKey === key && state.sortDir === 'descending' ? 'ascending'
          : state.sortKey === key ? 'descending' : (key === 'countryName' ? 'ascending' : 'descending');
        state.sortKey = key;
        if (state.report) { renderCountries(state.report); }
      });
    });
    load(period, false);
    verifyLedger();
  }

  init();
}());
