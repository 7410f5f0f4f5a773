// Sitrep map: the events on an offline basemap with Leaflet and Leaflet.markercluster.
// Used by the HTML report (inlined) and the web app (served from /static). Data comes from
// <script type="application/json" id="map-data"> (publish/mapdata.py: map_view). Untrusted
// text (sentences, places, claimants) is only ever set with textContent.
(function () {
  "use strict";
  var holder = document.getElementById("map-data");
  var box = document.getElementById("leaflet-map");
  if (!holder || !box || typeof L === "undefined") return;
  var M = JSON.parse(holder.textContent);
  if (!M.bounds) return;
  var SENTENCES = M.sentences || [];
  var SIDES = M.sides || {};
  var SHAPES = M.shapes || {};
  var TYPES = M.types || {};
  var F = {};
  M.fields.forEach(function (f, i) { F[f] = i; });
  var SVGNS = "http://www.w3.org/2000/svg";

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function glyph(type, color, size) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", size); svg.setAttribute("height", size);
    svg.setAttribute("viewBox", "-1.3 -1.3 2.6 2.6");
    var shape = TYPES[type] || "circle", g;
    if (shape === "circle" || !SHAPES[shape]) {
      g = document.createElementNS(SVGNS, "circle"); g.setAttribute("r", "0.95");
    } else {
      g = document.createElementNS(SVGNS, "path"); g.setAttribute("d", SHAPES[shape]);
    }
    g.setAttribute("fill", color); g.setAttribute("stroke", "#fff"); g.setAttribute("stroke-width", "0.22");
    svg.appendChild(g);
    return svg;
  }

  var map = L.map(box, { preferCanvas: true, zoomSnap: 0.25, minZoom: 2, maxZoom: 14, worldCopyJump: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  var canvas = L.canvas({ padding: 0.5 });
  var bm = M.basemap;
  if (bm) {
    map.attributionControl.addAttribution(bm.source.replace(/[<>&]/g, ""));
    var sea = L.rectangle([[-89, -360], [89, 360]], { renderer: canvas, stroke: false, fillColor: "#dce9f2", fillOpacity: 1, interactive: false });
    sea.addTo(map);
    if (bm.land.length) L.polygon(bm.land, { renderer: canvas, color: "#9aa7b3", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1, interactive: false }).addTo(map);
    if (bm.lakes.length) L.polygon(bm.lakes, { renderer: canvas, color: "#8fb3cc", weight: 0.6, fillColor: "#dce9f2", fillOpacity: 1, interactive: false }).addTo(map);
    if (bm.rivers.length) L.polyline(bm.rivers, { renderer: canvas, color: "#7fa7c9", weight: 1, interactive: false }).addTo(map);
    if (bm.admin1.length) L.polyline(bm.admin1, { renderer: canvas, color: "#a6a0b8", weight: 0.8, dashArray: "3 3", interactive: false }).addTo(map);
    if (bm.borders.length) L.polyline(bm.borders, { renderer: canvas, color: "#6d6585", weight: 1.4, dashArray: "6 3", interactive: false }).addTo(map);
    var labelLayer = L.layerGroup().addTo(map);
    var drawLabels = function () {
      labelLayer.clearLayers();
      var z = map.getZoom(), view = map.getBounds(), cities = 0;
      // Cities come most populous first: a few at a country's scale, more as one zooms in.
      var maxCities = z < 6 ? 8 : z < 7.5 ? 16 : z < 9 ? 28 : 1000;
      bm.labels.forEach(function (lb) {
        if (lb[3] === "admin1" && z < 7) return; // province names once zoomed in
        if (lb[3] === "city" && ++cities > maxCities) return;
        if (!view.contains([lb[0], lb[1]])) return;
        var span = el("span", "map-label map-label-" + lb[3], lb[2]);
        L.marker([lb[0], lb[1]], { icon: L.divIcon({ className: "map-label-icon", html: span, iconSize: null }),
          interactive: false, keyboard: false }).addTo(labelLayer);
      });
    };
    map.on("zoomend moveend", drawLabels);
  }
  map.fitBounds(M.bounds, { padding: [12, 12] });
  if (bm && bm.clip) {
    // The basemap covers this area only: keep the view inside it.
    map.setMaxBounds(bm.clip);
    map.setMinZoom(Math.max(2, map.getBoundsZoom(bm.clip, true)));
  }

  function popup(m) {
    var div = el("div", "map-popup");
    var head = el("p", "map-popup-head");
    head.appendChild(el("strong", null, m[F.type].replace(/_/g, " ")));
    head.appendChild(document.createTextNode(" · " + (m[F.place] || "unnamed place") + " · " + (m[F.date] || "undated")));
    div.appendChild(head);
    if (m[F.precision] === 2 || m[F.precision] === 3) {
      div.appendChild(el("p", "map-popup-approx", (m[F.precision] === 2 ? "Approximate: near " : "Approximate: in the province of ") +
        (m[F.anchor] || "a named place") + " (geo precision " + m[F.precision] + ")"));
    }
    if (m[F.actors]) div.appendChild(el("p", null, m[F.actors]));
    div.appendChild(el("blockquote", null, SENTENCES[m[F.sentence]] || ""));
    div.appendChild(el("p", "map-popup-meta", "Claimant: " + (m[F.source] || "none given") + " · " +
      (m[F.outlet] || "outlet unknown") + " · " + m[F.doc]));
    return div;
  }

  var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 36, spiderfyOnMaxZoom: true,
    iconCreateFunction: function (c) {
      var n = c.getChildCount();
      var span = el("span", "map-cluster-count", n.toLocaleString("en"));
      var size = n < 10 ? 30 : n < 100 ? 36 : 44;
      return L.divIcon({ html: span, className: "map-cluster", iconSize: L.point(size, size) });
    } });
  var rings = L.layerGroup(), control = L.layerGroup();
  map.addLayer(cluster); rings.addTo(map); control.addTo(map);
  (M.rings || []).forEach(function (r) {
    L.circle([r[0], r[1]], { radius: r[2], color: "#555", weight: 1, dashArray: "4 4", fill: false, interactive: false }).addTo(rings);
  });

  var slider = document.getElementById("map-day"), label = document.getElementById("map-day-label");
  var showControl = document.getElementById("map-control"), counter = document.getElementById("map-count");
  var last = M.days.length - 1;
  if (slider) {
    slider.max = String(Math.max(last, 0)); slider.value = String(Math.max(last, 0));
    if (last < 1) slider.disabled = true;
  }
  function draw() {
    var day = slider ? Number(slider.value) : last;
    if (label) label.textContent = M.days.length ? M.days[day] : "all dates";
    cluster.clearLayers(); control.clearLayers();
    var batch = [];
    M.markers.forEach(function (m) {
      if (M.days.length && m[F.day] > day) return;
      var approx = m[F.precision] === 2 || m[F.precision] === 3;
      var color = SIDES[m[F.side]] || SIDES.unknown || "#777";
      var icon = L.divIcon({ html: glyph(m[F.type], color, 18), className: "map-marker" + (approx ? " map-marker-approx" : ""),
        iconSize: L.point(18, 18) });
      var mk = L.marker([m[F.lat], m[F.lon]], { icon: icon, title: m[F.type].replace(/_/g, " ") + " · " + (m[F.place] || "") });
      mk.bindPopup(function () { return popup(m); }, { maxWidth: 360 });
      batch.push(mk);
    });
    cluster.addLayers(batch);
    if (!showControl || showControl.checked) {
      M.control.forEach(function (c) {
        var holder = null;
        c[3].forEach(function (ch) { if (ch[0] <= day) holder = ch[1]; });
        if (!holder) return;
        var ring = L.circleMarker([c[0], c[1]], { radius: 16, color: SIDES[holder] || "#777", weight: 3, fill: false });
        ring.bindTooltip((c[2] || "place") + " held by " + holder + " as of " + M.days[day]);
        ring.addTo(control);
      });
    }
    if (counter) counter.textContent = batch.length.toLocaleString("en") + " of " + M.n_events.toLocaleString("en") +
      " events on the map (" + M.n_located.toLocaleString("en") + " located" +
      (M.n_events > M.n_shown ? ", " + (M.n_events - M.n_shown).toLocaleString("en") + " earlier ones listed under History" : "") + ")";
    box.setAttribute("data-markers", String(batch.length));
  }
  if (slider) slider.addEventListener("input", draw);
  if (showControl) showControl.addEventListener("change", draw);
  draw();
  window.sitrepMap = map;
})();
