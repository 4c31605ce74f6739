// Zoom and pan for the portal's SVG maps: the buttons, the mouse wheel and dragging change the viewBox.
// Nothing is fetched: the drawing already holds every boundary and station.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('[data-map]'), function (box) {
    var svg = box.querySelector('svg.map');
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return; }
    var b = svg.viewBox.baseVal;
    var home = { x: b.x, y: b.y, w: b.width, h: b.height };
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };
    var MAX_ZOOM = 16;

    function apply() {
      svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(1); }).join(' '));
      var k = home.w / view.w;
      svg.style.setProperty('--zoom', k.toFixed(3));
      box.setAttribute('data-zoom', k.toFixed(2));
    }

    function clamp() {
      view.x = Math.min(home.x + home.w - view.w, Math.max(home.x, view.x));
      view.y = Math.min(home.y + home.h - view.h, Math.max(home.y, view.y));
    }

    function zoom(factor, cx, cy) {
      var w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, view.w / factor));
      var h = w * home.h / home.w;
      if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
      var fx = (cx - view.x) / view.w;
      var fy = (cy - view.y) / view.h;
      view.x = cx - fx * w;
      view.y = cy - fy * h;
      view.w = w;
      view.h = h;
      clamp();
      apply();
    }

    function at(e) {
      var r = svg.getBoundingClientRect();
      return { x: view.x + (e.clientX - r.left) / r.width * view.w, y: view.y + (e.clientY - r.top) / r.height * view.h };
    }

    Array.prototype.forEach.call(box.querySelectorAll('[data-zoom-action]'), function (button) {
      button.addEventListener('click', function () {
        var action = button.getAttribute('data-zoom-action');
        if (action === 'in') { zoom(2); }
        else if (action === 'out') { zoom(0.5); }
        else { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }
      });
    });

    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var p = at(e);
      zoom(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    }, { passive: false });

    var drag = null;
    var dragged = false;
    svg.addEventListener('pointerdown', function (e) {
      drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
      dragged = false;
    });
    svg.addEventListener('pointermove', function (e) {
      if (!drag) { return; }
      var dx = e.clientX - drag.x;
      var dy = e.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      dragged = true;
      var r = svg.getBoundingClientRect();
      view.x = drag.vx - dx * view.w / r.width;
      view.y = drag.vy - dy * view.h / r.height;
      clamp();
      apply();
    });
    window.addEventListener('pointerup', function () { drag = null; });
    // A drag is not a click on the county or station under the pointer.
    svg.addEventListener('click', function (e) {
      if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; }
    }, true);
    apply();
  });
})();
