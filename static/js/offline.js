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

  // Files come from this site and from the media storage's origins (S3: it answers CORS for the site).
  var origins = [window.location.origin].concat((section.dataset.mediaOrigins || "").split(" ").filter(Boolean));

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
      .filter(function (url) { return origins.indexOf(url.origin) !== -1; })
      .map(function (url) { return url.origin === window.location.origin ? url.pathname + url.search : url.href; })
      .filter(function (url) { if (seen.has(url)) return false; seen.add(url); return true; });
  }

  // Another origin's file is fetched again with CORS: the copy the page's <img> left in the browser's
  // cache was fetched without it, and a cached answer without CORS headers would be refused.
  function request(url) {
    return url.charAt(0) === "/" ? url : new Request(url, { mode: "cors", cache: "reload" });
  }

  function sizeOf(url) {
    return fetch(url, { method: "HEAD", mode: "cors", cache: "no-store" })
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
      .then(function (cache) { return cache.addAll(files.map(request)); })
      .then(function () { status.textContent = words.saved; })
      .catch(function () { status.textContent = words.failed; confirm.hidden = false; });
  });
})();
