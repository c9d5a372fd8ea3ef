// Maps (heritage_tags.map_of): Leaflet draws the points a list on the page gives (its items'
// data-lat, data-lng, data-number and first link), the route between them in order when asked, and the
// Citadel's outline from the project's GeoJSON, over tiles only when settings name a tile server. The
// list stays the content: without JavaScript, or if Leaflet fails, the page is whole without the map.
(function () {
  "use strict";

  function pointsOf(list) {
    return Array.from(list.querySelectorAll("[data-lat][data-lng]")).map(function (item) {
      var link = item.querySelector("a");
      return {
        latlng: [parseFloat(item.dataset.lat), parseFloat(item.dataset.lng)],
        number: item.dataset.number || "",
        label: (link || item).textContent.trim(),
        href: link ? link.getAttribute("href") : null,
      };
    }).filter(function (point) { return !isNaN(point.latlng[0]) && !isNaN(point.latlng[1]); });
  }

  function markerIcon(point) {
    var span = document.createElement("span");
    span.textContent = point.number;
    return L.divIcon({ className: "map-marker" + (point.number ? "" : " map-marker--dot"), html: span, iconSize: [28, 28] });
  }

  function draw(container) {
    var list = document.getElementById(container.dataset.points);
    var points = list ? pointsOf(list) : [];
    if (!points.length) return;
    container.hidden = false;
    var latlngs = points.map(function (point) { return point.latlng; });
    var map = L.map(container, { scrollWheelZoom: false });
    // The view first: Leaflet adds layers (and makes the markers' elements) once the map has one.
    map.fitBounds(L.latLngBounds(latlngs).pad(0.15), { maxZoom: 17 });
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, { attribution: container.dataset.attribution || "", maxZoom: 19 }).addTo(map);
    } else {
      container.classList.add("map--plain");
    }
    if (container.dataset.outline) {
      fetch(container.dataset.outline)
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (outline) {
          if (outline) L.geoJSON(outline, { interactive: false, className: "map-outline" }).addTo(map);
        })
        .catch(function () {});
    }
    if ("route" in container.dataset && latlngs.length > 1) {
      L.polyline(latlngs, { interactive: false, className: "map-route" }).addTo(map);
    }
    var links = !("noLinks" in container.dataset);
    points.forEach(function (point) {
      var marker = L.marker(point.latlng, {
        icon: markerIcon(point), title: point.label, keyboard: links, interactive: links,
      });
      marker.addTo(map);
      if (links && point.href) {
        var go = function () { window.location.assign(point.href); };
        marker.on("click", go);
        // Leaflet makes the marker a focusable button; Enter and Space press it here.
        marker.getElement().addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            go();
          }
        });
      }
    });
  }

  if (window.L) document.querySelectorAll(".map[data-points]").forEach(draw);
})();
