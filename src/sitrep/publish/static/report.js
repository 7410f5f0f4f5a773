// Sitrep report: map points, control as of a day, event list, provenance table.
// Data comes from <script type="application/json" id="report-data">. Untrusted text is only
// ever set with textContent; links are made only for http(s) URLs.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var SVGNS = "http://www.w3.org/2000/svg";
  var PAGE = 25; // rows per page in the tables
  var SAFE = /^https?:\/\//i;

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function sv(tag, attrs) {
    var n = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    return n;
  }
  function fmt(v) { return v === null || v === undefined ? "—" : Number(v).toLocaleString("en"); }
  function sentenceCell(row) {
    // The sentence with the figure (offsets a..b, relative to the sentence) highlighted.
    var s = DATA.sentences[row.s] || "", td = el("td", "sentence");
    var a = row.a, b = row.b;
    if (!(a >= 0 && b >= a && b <= s.length)) { td.textContent = s; return td; }
    td.appendChild(document.createTextNode(s.slice(0, a)));
    td.appendChild(el("mark", null, s.slice(a, b)));
    td.appendChild(document.createTextNode(s.slice(b)));
    return td;
  }
  function articleCell(row) {
    var td = el("td", "article"), art = DATA.articles[row.doc] || [null, row.outlet, row.pub, null];
    var title = art[0] || row.doc;
    if (art[3] && SAFE.test(art[3])) {
      var a = el("a", null, title);
      a.href = art[3]; a.rel = "noopener noreferrer nofollow"; a.target = "_blank";
      td.appendChild(a);
    } else {
      td.appendChild(el("span", "title", title));
    }
    td.appendChild(el("div", "muted", [art[1] || row.outlet || "unknown outlet", art[2] || "undated", row.doc].join(" · ")));
    return td;
  }

  // -- a filtered, paginated table ---------------------------------------------------------
  function Table(rows, tbody, pager, counter, match, render) {
    this.rows = rows; this.tbody = tbody; this.pager = pager; this.counter = counter;
    this.match = match; this.render = render; this.page = 0;
  }
  Table.prototype.draw = function () {
    var self = this, hits = this.rows.filter(this.match);
    var pages = Math.max(1, Math.ceil(hits.length / PAGE));
    if (this.page >= pages) this.page = pages - 1;
    while (this.tbody.firstChild) this.tbody.removeChild(this.tbody.firstChild);
    hits.slice(this.page * PAGE, (this.page + 1) * PAGE).forEach(function (r) { self.tbody.appendChild(self.render(r)); });
    this.counter.textContent = hits.length.toLocaleString("en") + " of " + this.rows.length.toLocaleString("en") + " rows";
    while (this.pager.firstChild) this.pager.removeChild(this.pager.firstChild);
    if (pages < 2) return;
    var prev = el("button", null, "‹ Previous"), next = el("button", null, "Next ›");
    prev.type = next.type = "button";
    prev.disabled = this.page === 0; next.disabled = this.page >= pages - 1;
    prev.addEventListener("click", function () { self.page -= 1; self.draw(); });
    next.addEventListener("click", function () { self.page += 1; self.draw(); });
    this.pager.appendChild(prev);
    this.pager.appendChild(el("span", "muted", "page " + (this.page + 1) + " of " + pages));
    this.pager.appendChild(next);
  };
  function val(id) { var n = document.getElementById(id); return n ? n.value : ""; }
  function onInput(ids, table) {
    ids.forEach(function (id) {
      var n = document.getElementById(id);
      if (n) n.addEventListener("input", function () { table.page = 0; table.draw(); });
    });
  }

  // -- provenance ------------------------------------------------------------------------
  function claimRow(c) {
    var tr = el("tr");
    var fig = c.v !== null ? fmt(c.v) : (c.lo !== null || c.hi !== null ? fmt(c.lo) + "–" + fmt(c.hi) : "—");
    var td = el("td", "n fig", fig);
    if (c.qual) td.appendChild(el("div", "muted", c.qual));
    tr.appendChild(td);
    var what = el("td", null, c.q + " · " + c.cat + (c.sub ? " (" + c.sub + ")" : ""));
    if (c.hist) what.appendChild(el("span", "badge badge-scope", "historical"));
    if (c.unv) what.appendChild(el("span", "badge badge-partisan", "unverified"));
    if (c.asof) what.appendChild(el("div", "muted", "as of " + c.asof));
    tr.appendChild(what);
    var who = el("td", null, c.src || "no claimant");
    who.appendChild(el("div", "muted", c.kind));
    tr.appendChild(who);
    tr.appendChild(sentenceCell(c));
    tr.appendChild(articleCell(c));
    tr.appendChild(el("td", "rule", c.rule));
    return tr;
  }
  var pvTable = null;
  if (document.getElementById("pv-table")) {
    var cats = {};
    DATA.claims.forEach(function (c) { cats[c.cat] = true; });
    var catSel = document.getElementById("pv-category");
    Object.keys(cats).sort().forEach(function (c) { var o = el("option", null, c); o.value = c; catSel.appendChild(o); });
    pvTable = new Table(DATA.claims, document.querySelector("#pv-table tbody"), document.getElementById("pv-pager"),
      document.getElementById("pv-count"), function (c) {
        var q = val("pv-quantity"), cat = val("pv-category"), who = val("pv-claimant"), s = val("pv-search").toLowerCase();
        return (!q || c.q === q) && (!cat || c.cat === cat) && (!who || c.src === who) &&
          (!s || (DATA.sentences[c.s] || "").toLowerCase().indexOf(s) >= 0);
      }, claimRow);
    onInput(["pv-quantity", "pv-category", "pv-claimant", "pv-search"], pvTable);
    pvTable.draw();
    Array.prototype.forEach.call(document.querySelectorAll("button[data-quantity]"), function (b) {
      b.addEventListener("click", function () {
        document.getElementById("pv-quantity").value = b.getAttribute("data-quantity");
        document.getElementById("pv-category").value = b.getAttribute("data-category");
        pvTable.page = 0; pvTable.draw();
        document.getElementById("provenance").scrollIntoView();
      });
    });
  }

  // -- events ----------------------------------------------------------------------------
  function eventRow(e) {
    var tr = el("tr");
    tr.appendChild(el("td", "nowrap", e.date || "undated"));
    var t = el("td", "nowrap");
    var sw = el("span", "swatch"); sw.style.background = DATA.type_colors[e.type] || "#999";
    t.appendChild(sw); t.appendChild(document.createTextNode(e.type.replace(/_/g, " ")));
    tr.appendChild(t);
    tr.appendChild(el("td", null, e.place || "—"));
    tr.appendChild(el("td", null, [e.a1, e.a2].filter(Boolean).join(" vs ") || "—"));
    tr.appendChild(el("td", null, e.win || ""));
    tr.appendChild(sentenceCell(e));
    tr.appendChild(articleCell(e));
    return tr;
  }
  if (document.getElementById("ev-table")) {
    var evTable = new Table(DATA.events, document.querySelector("#ev-table tbody"), document.getElementById("ev-pager"),
      document.getElementById("ev-count"), function (e) {
        var t = val("ev-type"), s = val("ev-search").toLowerCase();
        var hay = [e.place, e.a1, e.a2, e.outlet, e.win].join(" ").toLowerCase();
        return (!t || e.type === t) && (!s || hay.indexOf(s) >= 0);
      }, eventRow);
    onInput(["ev-type", "ev-search"], evTable);
    evTable.draw();
  }

  // -- map -------------------------------------------------------------------------------
  var layer = document.getElementById("point-layer");
  if (layer) {
    var M = DATA.map, slider = document.getElementById("day"), label = document.getElementById("day-label");
    var control = document.getElementById("control-layer"), showControl = document.getElementById("show-control");
    var last = M.days.length - 1;
    slider.max = String(Math.max(last, 0)); slider.value = String(Math.max(last, 0));
    if (last < 1) slider.disabled = true;
    var scale = Math.max(1, document.getElementById("map-svg").viewBox.baseVal.width / 900);
    var clear = function (n) { while (n.firstChild) n.removeChild(n.firstChild); };
    var marker = function (p) {
      var shape = DATA.types[p[2]] || "circle", color = DATA.sides[p[3]] || DATA.sides.unknown;
      var r = (5.5 + Math.min(9, 2.4 * Math.log(1 + p[5]))) * scale, g;
      if (shape === "circle") g = sv("circle", { cx: p[0], cy: p[1], r: r });
      else g = sv("path", { d: DATA.shapes[shape], transform: "translate(" + p[0] + "," + p[1] + ") scale(" + r + ")" });
      g.setAttribute("class", "ev-marker");
      g.setAttribute("fill", color);
      var title = sv("title");
      title.textContent = (p[6] || "unnamed place") + ": " + p[5] + " × " + p[2].replace(/_/g, " ") + " (" + p[3] + ")" + (p[4] >= 0 ? ", latest " + M.days[p[4]] : "");
      g.appendChild(title);
      return g;
    };
    var typeIndex = {};
    Object.keys(DATA.types).forEach(function (t, i) { typeIndex[t] = i; });
    var nTypes = Math.max(1, Object.keys(DATA.types).length);
    var draw = function () {
      var day = Number(slider.value);
      label.textContent = M.days.length ? M.days[day] : "all dates (undated events)";
      clear(layer); clear(control);
      // Sum the groups up to the day per place/type/side; each type sits at its own angle
      // around the place, so types at one place do not hide each other.
      var buckets = {}, order = [], shown = 0;
      M.points.forEach(function (p) {
        if (M.days.length && p[4] > day) return;
        var k = [p[0], p[1], p[2], p[3]].join("|");
        if (!buckets[k]) { buckets[k] = p.slice(); buckets[k][5] = 0; buckets[k][4] = -1; order.push(k); }
        buckets[k][5] += p[5]; buckets[k][4] = Math.max(buckets[k][4], p[4]); shown += p[5];
      });
      order.forEach(function (k) {
        var p = buckets[k].slice(), angle = 2 * Math.PI * (typeIndex[p[2]] || 0) / nTypes;
        p[0] = p[0] + 11 * Math.cos(angle); p[1] = p[1] + 11 * Math.sin(angle);
        layer.appendChild(marker(p));
      });
      if (showControl.checked) {
        M.control.forEach(function (c) {
          var holder = null;
          c[3].forEach(function (ch) { if (ch[0] <= day) holder = ch[1]; });
          if (!holder) return;
          var ring = sv("circle", { cx: c[0], cy: c[1], r: 18 * scale, "class": "control-ring", stroke: DATA.sides[holder] || DATA.sides.unknown });
          var t = sv("title"); t.textContent = (c[2] || "place") + " held by " + holder + " as of " + M.days[day];
          ring.appendChild(t); control.appendChild(ring);
          var lbl = sv("text", { x: c[0] + 20 * scale, y: c[1] + 4, "class": "control-label" });
          lbl.textContent = c[2] || ""; control.appendChild(lbl);
        });
      }
      document.getElementById("map-count").textContent = shown.toLocaleString("en") + " of " + M.n_events.toLocaleString("en") + " events on the map (" + M.n_located.toLocaleString("en") + " located)";
    };
    slider.addEventListener("input", draw);
    showControl.addEventListener("change", draw);
    draw();
  }
})();
