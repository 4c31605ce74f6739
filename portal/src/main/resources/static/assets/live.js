// Applies live updates (server-sent events from /api/public/v1/live) to the open page without reloading it.
(function () {
  'use strict';
  if (!document.body || document.body.dataset.live !== 'true' || !window.EventSource) {
    return;
  }
  var lang = document.documentElement.lang || 'zh';
  var seen = {};

  function inLanguage(update, field) {
    var suffix = lang === 'en' ? 'En' : lang === 'ug' ? 'Ug' : 'Zh';
    return update[field + suffix] || update[field + 'Zh'];
  }

  function nameOf(update) {
    return inLanguage(update, 'name');
  }

  function hourText(iso) {
    // Beijing time, as the server renders it.
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return d.toISOString().substring(0, 16).replace('T', ' ');
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  function applyAqi(u) {
    var id = CSS.escape(u.stationId);
    var found = false;
    each('circle[data-station="' + id + '"]', function (c) {
      c.setAttribute('fill', u.colour);
      var t = c.querySelector('title');
      if (t) { t.textContent = t.textContent.replace(/AQI \d+$/, '') .trim() + ' AQI ' + u.aqi; }
      found = true;
    });
    each('[data-aqi-for="' + id + '"]', function (el) { el.textContent = u.aqi; found = true; });
    each('[data-cat-for="' + id + '"]', function (el) {
      el.style.background = u.colour;
      el.style.color = u.textColour;
      if (!el.querySelector('[data-aqi-for]')) { el.textContent = nameOf(u); }
    });
    each('[data-hour-for="' + id + '"]', function (el) { el.textContent = hourText(u.hour); });
    // A new hour has just arrived: the station's value is no longer stale.
    each('[data-stale-for="' + id + '"]', function (el) { el.parentNode.removeChild(el); });
    each('[data-primary-for="' + id + '"]', function (el) { el.textContent = u.primary || '—'; });
    if (found) {
      var announcer = document.getElementById('live-announcer');
      if (announcer) { announcer.textContent = u.stationId + ' AQI ' + u.aqi; }
    }
  }

  function applyAlert(a) {
    var box = document.getElementById('live-alerts');
    if (!box) { return; }
    var article = document.createElement('article');
    article.className = 'alert live level-' + (a.level || '') + (a.drill ? ' drill' : '');
    var h = document.createElement('h3');
    h.textContent = (box.dataset.label || '') + ': ' + (inLanguage(a, 'county') || a.county || '') + ' · '
        + (inLanguage(a, 'level') || a.level || '') + (a.drill ? ' · ' + (box.dataset.drill || 'drill') : '');
    var p = document.createElement('p');
    p.textContent = a.basis || '';
    article.appendChild(h);
    article.appendChild(p);
    box.insertBefore(article, box.firstChild);
  }

  function handler(apply) {
    return function (e) {
      if (e.lastEventId && seen[e.lastEventId]) { return; }
      if (e.lastEventId) { seen[e.lastEventId] = true; }
      try { apply(JSON.parse(e.data)); } catch (err) { /* a malformed update is skipped, the stream goes on */ }
    };
  }

  var source = new EventSource('/api/public/v1/live');
  source.addEventListener('aqi', handler(applyAqi));
  source.addEventListener('alert', handler(applyAlert));
  source.addEventListener('open', function () { document.body.dataset.liveConnected = 'true'; });
  window.addEventListener('pagehide', function () { source.close(); });
}());
