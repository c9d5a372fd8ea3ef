// The panorama editor (tours/panels.py): a click on the flat, equirectangular preview sets the yaw
// and pitch of the hotspot being edited (the one whose fields were used last, else the last one),
// or of the initial view when one of its fields was used last. Yaw runs from -180° at the left edge
// to 180° at the right, pitch from 90° at the top to -90° at the bottom. Markers show where each
// hotspot is and follow its fields.
(function () {
  "use strict";

  var HOTSPOT_FIELD = /^hotspots-(\d+)-/;
  var current = null; // "initial" or a hotspot form's prefix "hotspots-N"

  function round(value) {
    return Math.round(value * 100) / 100;
  }

  function hotspotPrefixes() {
    return Array.from(document.querySelectorAll('input[name$="-yaw"][name^="hotspots-"]'))
      .filter(function (input) {
        var deleted = document.querySelector('input[name="' + input.name.replace(/-yaw$/, "-DELETE") + '"]');
        return !(deleted && deleted.value === "1");
      })
      .map(function (input) { return input.name.replace(/-yaw$/, ""); });
  }

  function fieldsOf(target) {
    if (target === "initial") {
      return { yaw: document.querySelector('[name="initial_yaw"]'), pitch: document.querySelector('[name="initial_pitch"]') };
    }
    return { yaw: document.querySelector('[name="' + target + '-yaw"]'), pitch: document.querySelector('[name="' + target + '-pitch"]') };
  }

  function set(input, value) {
    input.value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function drawMarkers(frame) {
    frame.querySelectorAll(".hotspot-placement__marker").forEach(function (marker) { marker.remove(); });
    hotspotPrefixes().forEach(function (prefix, index) {
      var fields = fieldsOf(prefix);
      var yaw = parseFloat(fields.yaw.value), pitch = parseFloat(fields.pitch.value);
      if (isNaN(yaw) || isNaN(pitch)) return;
      var marker = document.createElement("span");
      marker.className = "hotspot-placement__marker";
      marker.textContent = String(index + 1);
      marker.setAttribute("aria-hidden", "true");
      marker.style.cssText = "position:absolute;transform:translate(-50%,-50%);min-width:1.5em;padding:0 .2em;" +
        "text-align:center;border-radius:1em;background:#7a1712;color:#fff;font-weight:700;pointer-events:none;" +
        "left:" + ((yaw + 180) / 360) * 100 + "%;top:" + ((90 - pitch) / 180) * 100 + "%";
      frame.append(marker);
    });
  }

  function init(panel) {
    var image = panel.querySelector("[data-placement-image]");
    var frame = image.parentElement;
    var status = panel.querySelector("[data-placement-status]");
    var form = panel.closest("form");

    form.addEventListener("focusin", function (event) {
      var name = event.target.name || "";
      var match = name.match(HOTSPOT_FIELD);
      if (match) current = "hotspots-" + match[1];
      else if (/^initial_/.test(name)) current = "initial";
    });
    form.addEventListener("input", function () { drawMarkers(frame); });
    // Hotspots added or removed by the inline panel (not the markers drawn here, which would loop).
    new MutationObserver(function (mutations) {
      if (mutations.some(function (mutation) { return !frame.contains(mutation.target); })) drawMarkers(frame);
    }).observe(form, { childList: true, subtree: true });

    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      var yaw = round(((event.clientX - box.left) / box.width) * 360 - 180);
      var pitch = round(90 - ((event.clientY - box.top) / box.height) * 180);
      var prefixes = hotspotPrefixes();
      var target = current === "initial" || prefixes.indexOf(current) >= 0 ? current : prefixes[prefixes.length - 1];
      if (!target) {
        status.textContent = panel.dataset.noHotspot;
        return;
      }
      var fields = fieldsOf(target);
      set(fields.yaw, yaw);
      set(fields.pitch, pitch);
      var which = target === "initial"
        ? panel.dataset.initialLabel
        : panel.dataset.hotspotLabel.replace("%(number)s", String(prefixes.indexOf(target) + 1));
      status.textContent = which + ": " + panel.dataset.position.replace("%(yaw)s", yaw).replace("%(pitch)s", pitch);
      drawMarkers(frame);
    });
    drawMarkers(frame);
  }

  function start() {
    document.querySelectorAll("[data-hotspot-placement]").forEach(init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
