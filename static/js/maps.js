// Greenlight: maps drawn with Leaflet (served from static/vendor/leaflet, never a CDN).
//
// - The idea form: a longitude field marked `data-map-picker` gets a map after its field;
//   a click or tap on the map (or dragging the pin) fills latitude and longitude, and typing
//   in the fields moves the pin. Without this script, or without tiles, the fields are all.
// - A challenge's ideas: `[data-idea-map]` reads the ideas from the JSON element it names
//   and places a pin with a link for each. The same ideas are listed on the page.
(function () {
  "use strict";
  if (!window.L) return;
  var L = window.L;
  // The pin's images by their full URLs (in production their names carry a content hash,
  // so Leaflet cannot derive them from one folder).
  var script = document.querySelector("script[data-leaflet-icon]");
  if (script) {
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      iconUrl: script.getAttribute("data-leaflet-icon"),
      iconRetinaUrl: script.getAttribute("data-leaflet-icon-2x"),
      shadowUrl: script.getAttribute("data-leaflet-shadow"),
    });
  }

  function tiles(map, url, attribution) {
    L.tileLayer(url, { attribution: attribution || "", maxZoom: 19 }).addTo(map);
    map.attributionControl.setPrefix(false);
  }

  function center(text) {
    var parts = (text || "0,0").split(",").map(Number);
    return L.latLng(parts[0], parts[1]);
  }

  function rounded(value) {
    return (Math.round(value * 1e6) / 1e6).toFixed(6);
  }

  function picker(longitude) {
    var form = longitude.form;
    var latitude = form && form.querySelector("[data-map-latitude]");
    if (!latitude) return;
    var holder = document.createElement("div");
    holder.className = "map map--picker";
    holder.setAttribute("role", "group");
    holder.setAttribute("aria-label", longitude.getAttribute("data-map-label") || "Map");
    var field = longitude.closest(".field") || longitude.parentNode;
    field.parentNode.insertBefore(holder, field.nextSibling);

    var start = center(longitude.getAttribute("data-map-center"));
    var zoom = Number(longitude.getAttribute("data-map-zoom")) || 13;
    var map = L.map(holder, { scrollWheelZoom: false });
    tiles(map, longitude.getAttribute("data-map-tiles"), longitude.getAttribute("data-map-attribution"));
    var pin = null;

    function current() {
      var lat = parseFloat(latitude.value);
      var lng = parseFloat(longitude.value);
      if (isNaN(lat) || isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
      return L.latLng(lat, lng);
    }

    function place(latlng) {
      if (!pin) {
        pin = L.marker(latlng, { draggable: true, keyboard: false }).addTo(map);
        pin.on("dragend", function () {
          fill(pin.getLatLng());
        });
      } else {
        pin.setLatLng(latlng);
      }
    }

    function fill(latlng) {
      latitude.value = rounded(latlng.lat);
      longitude.value = rounded(latlng.lng);
      [latitude, longitude].forEach(function (input) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }

    var known = current();
    map.setView(known || start, zoom);
    if (known) place(known);
    map.on("click", function (event) {
      place(event.latlng);
      fill(event.latlng);
    });
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("input", function () {
        var latlng = current();
        if (latlng) {
          place(latlng);
          map.panTo(latlng);
        }
      });
    });
  }

  function ideaMap(holder) {
    var data = document.getElementById(holder.getAttribute("data-idea-map"));
    if (!data) return;
    var ideas = JSON.parse(data.textContent);
    var map = L.map(holder, { scrollWheelZoom: false });
    tiles(map, holder.getAttribute("data-map-tiles"), holder.getAttribute("data-map-attribution"));
    var bounds = [];
    ideas.forEach(function (idea) {
      var latlng = L.latLng(idea.lat, idea.lng);
      var link = document.createElement("a");
      link.href = idea.url;
      link.textContent = idea.title;
      L.marker(latlng, { title: idea.title, alt: idea.title }).addTo(map).bindPopup(link);
      bounds.push(latlng);
    });
    if (bounds.length > 1) map.fitBounds(L.latLngBounds(bounds), { padding: [30, 30], maxZoom: 16 });
    else map.setView(bounds[0] || center(holder.getAttribute("data-map-center")), 15);
  }

  document.querySelectorAll("input[data-map-picker]").forEach(picker);
  document.querySelectorAll("[data-idea-map]").forEach(ideaMap);
})();
