// "Save for offline" on a tour page (the tours' service worker: tours/views.py). First it lists what
// it would store, the page, everything the page loaded (styles, scripts, images) and what the server
// adds (low-resolution panoramas, audio, the 360° viewer's code: #tour-offline), and how large that
// is; then, when asked, it stores it in the cache the service worker answers from without network.
(function () {
  "use strict";

  var CACHE = "hue-heritage-offline"; // the same name in tours/templates/tours/service-worker.js
  var section = document.getElementById("offline");
  var listed = document.getElementById("tour-offline");
  if (!section || !listed || !("serviceWorker" in navigator) || !("caches" in window)) return;

  var words = section.dataset;
  var check = section.querySelector("[data-offline-check]");
  var confirm = section.querySelector("[data-offline-save]");
  var status = section.querySelector("[data-offline-status]");

  function pageFiles() {
    var urls = [window.location.pathname];
    document.querySelectorAll("link[rel=stylesheet][href], script[src]").forEach(function (element) {
      urls.push(element.getAttribute("href") || element.getAttribute("src"));
    });
    document.querySelectorAll("img").forEach(function (image) { urls.push(image.currentSrc || image.src); });
    JSON.parse(listed.textContent).forEach(function (url) { urls.push(url); });
    var seen = new Set();
    return urls
      .map(function (url) { return new URL(url, window.location.href); })
      .filter(function (url) { return url.origin === window.location.origin; })
      .map(function (url) { return url.pathname + url.search; })
      .filter(function (url) { if (seen.has(url)) return false; seen.add(url); return true; });
  }

  function sizeOf(url) {
    return fetch(url, { method: "HEAD" })
      .then(function (response) { return parseInt(response.headers.get("Content-Length") || "0", 10); })
      .catch(function () { return 0; });
  }

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 });
  }

  var files = [];
  section.hidden = false;
  check.hidden = false;
  check.addEventListener("click", function () {
    files = pageFiles();
    status.textContent = words.measuring;
    Promise.all(files.map(sizeOf)).then(function (sizes) {
      var total = sizes.reduce(function (sum, size) { return sum + size; }, 0);
      status.textContent = words.summary.replace("%(files)s", files.length).replace("%(size)s", megabytes(total));
      confirm.hidden = false;
      confirm.focus();
    });
  });

  confirm.addEventListener("click", function () {
    confirm.hidden = true;
    status.textContent = words.saving;
    navigator.serviceWorker
      .register(section.dataset.worker, { scope: "/" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { return caches.open(CACHE); })
      .then(function (cache) { return cache.addAll(files); })
      .then(function () { status.textContent = words.saved; })
      .catch(function () { status.textContent = words.failed; confirm.hidden = false; });
  });
})();
