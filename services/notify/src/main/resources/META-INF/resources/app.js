// Live alerts page: connects to notify's /ws/alerts with the analyst's token (kept in
// localStorage, or taken from ?token= once) and shows each pushed alert, newest first.
(function () {
  'use strict';

  var MAX_ROWS = 500;
  var STORAGE_KEY = 'protect.token';
  var SEVERITY = { 0: 'Unknown', 1: 'Informational', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical', 6: 'Fatal', 99: 'Other' };

  var form = document.getElementById('connect');
  var tokenInput = document.getElementById('token');
  var statusEl = document.getElementById('status');
  var feed = document.getElementById('feed');
  var counts = { count: 0, malicious: 0, suspicious: 0, benign: 0 };
  var socket = null;
  var retryTimer = null;

  function setStatus(kind, text) {
    statusEl.className = 'status ' + kind;
    statusEl.textContent = text;
  }

  function cell(text, className) {
    var td = document.createElement('td');
    if (className) { td.className = className; }
    td.textContent = text;
    return td;
  }

  function render(alert) {
    var empty = document.getElementById('empty');
    if (empty) { empty.remove(); }
    var tr = document.createElement('tr');
    tr.className = 'new';
    tr.dataset.eventId = alert.eventId;
    tr.appendChild(cell(new Date(alert.time).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'), 'nowrap'));

    var sevTd = document.createElement('td');
    sevTd.className = 'nowrap';
    var sev = document.createElement('span');
    sev.className = 'sev sev-' + alert.severityId;
    sev.textContent = alert.severity || SEVERITY[alert.severityId] || 'Unknown';
    sevTd.appendChild(sev);
    tr.appendChild(sevTd);

    var verdict = document.createElement('td');
    verdict.className = 'nowrap';
    var label = document.createElement('span');
    label.className = 'label label-' + alert.label;
    label.textContent = alert.label;
    var prob = document.createElement('span');
    prob.className = 'prob';
    prob.textContent = ' ' + Math.round(alert.probability * 100) + '%';
    verdict.appendChild(label);
    verdict.appendChild(prob);
    tr.appendChild(verdict);

    var title = cell(alert.title);
    var cls = document.createElement('div');
    cls.className = 'muted';
    cls.textContent = 'class ' + alert.classUid + ' · ' + alert.eventId;
    title.appendChild(cls);
    tr.appendChild(title);
    tr.appendChild(cell((alert.srcIp || '?') + ' → ' + (alert.dstIp || '?')));
    tr.appendChild(cell(alert.riskScore == null ? '–' : String(alert.riskScore)));

    feed.insertBefore(tr, feed.firstChild);
    while (feed.children.length > MAX_ROWS) { feed.removeChild(feed.lastChild); }

    counts.count++;
    if (counts.hasOwnProperty(alert.label)) { counts[alert.label]++; }
    Object.keys(counts).forEach(function (k) { document.getElementById(k).textContent = counts[k]; });
  }

  function connect(token) {
    clearTimeout(retryTimer);
    if (socket) { socket.onclose = null; socket.close(); }
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    setStatus('connecting', 'connecting…');
    socket = new WebSocket(scheme + location.host + '/ws/alerts?token=' + encodeURIComponent(token));
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.eventId) {
        render(message);
      } else if (message.connected) {
        document.getElementById('tenant').textContent = message.tenantId;
        setStatus('online', 'live');
      }
    };
    socket.onclose = function (event) {
      if (event.code === 1008) {
        // The token was refused: reconnecting with it would be refused again.
        setStatus('offline', event.reason || 'token refused');
        return;
      }
      setStatus('offline', 'disconnected, retrying…');
      retryTimer = setTimeout(function () { connect(token); }, 3000);
    };
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var token = tokenInput.value.trim();
    if (!token) { return; }
    localStorage.setItem(STORAGE_KEY, token);
    connect(token);
  });

  // A token in the address (?token=) is taken once, remembered, and removed from the address bar.
  var fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    history.replaceState(null, '', location.pathname);
  }
  var saved = localStorage.getItem(STORAGE_KEY);
  if (saved) {
    tokenInput.value = saved;
    connect(saved);
  }
})();
