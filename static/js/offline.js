// Tours saved for offline use (the tours' service worker: tours/views.py).
//
// On a tour page, "Save for offline…" first lists what it would store, the page, everything the page
// loaded (styles, scripts, images) and what the server adds (low-resolution panoramas, audio, the
// 360° viewer's code: #tour-offline), and how large that is; then, when asked, it stores it in the
// cache the service worker answers from without network. A saved tour says so and can be removed.
// On the tours' index, #offline-saved lists the tours saved on this device, each with its size and
// a button that removes it.
//
// Which tours are saved, with their files and size, is kept in localStorage beside the cache:
// removing a tour deletes its files but those another saved tour still uses (styles, scripts).
(function () {
  "use strict";

  var CACHE = "hue-heritage-offline"; // the same name in tours/templates/tours/service-worker.js
  var SAVED = "hue-heritage-offline-tours";
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    // The section shows from the first paint wherever scripts run (site.css): not here, then.
    var unsupported = document.getElementById("offline");
    if (unsupported) unsupported.hidden = true;
    return;
  }

  function savedTours() {
    try {
      return JSON.parse(window.localStorage.getItem(SAVED) || "{}");
    } catch (error) {
      return {};
    }
  }

  function remember(path, entry) {
    var tours = savedTours();
    tours[path] = entry;
    window.localStorage.setItem(SAVED, JSON.stringify(tours));
  }

  // Delete the tour's files that no other saved tour uses, then forget the tour.
  function removeTour(path) {
    var tours = savedTours();
    var entry = tours[path];
    delete tours[path];
    var kept = new Set();
    Object.keys(tours).forEach(function (other) {
      tours[other].files.forEach(function (url) { kept.add(url); });
    });
    var unused = entry ? entry.files.filter(function (url) { return !kept.has(url); }) : [path];
    return caches
      .open(CACHE)
      .then(function (cache) { return Promise.all(unused.map(function (url) { return cache.delete(url); })); })
      .then(function () { window.localStorage.setItem(SAVED, JSON.stringify(tours)); });
  }

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 });
  }

  // --- A tour page -----------------------------------------------------------------------------

  function tourPage(section, listed) {
    var words = section.dataset;
    var check = section.querySelector("[data-offline-check]");
    var confirm = section.querySelector("[data-offline-save]");
    var remove = section.querySelector("[data-offline-remove]");
    var status = section.querySelector("[data-offline-status]");
    var path = window.location.pathname;

    // Files come from this site and from the media storage's origins (S3: it answers CORS for the site).
    var origins = [window.location.origin].concat((words.mediaOrigins || "").split(" ").filter(Boolean));

    function pageFiles() {
      var urls = [path];
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

    // Another origin's file is fetched again with CORS: the copy the page's <img> left in the
    // browser's cache was fetched without it, and a cached answer without CORS headers would be refused.
    function request(url) {
      return url.charAt(0) === "/" ? url : new Request(url, { mode: "cors", cache: "reload" });
    }

    function sizeOf(url) {
      return fetch(url, { method: "HEAD", mode: "cors", cache: "no-store" })
        .then(function (response) { return parseInt(response.headers.get("Content-Length") || "0", 10); })
        .catch(function () { return 0; });
    }

    // Images further down the page load when scrolled to: load them now, so that each picture has
    // chosen the file it shows on this device (AVIF or WebP, its width), the one to store.
    function imagesLoaded() {
      return Promise.all(
        Array.prototype.map.call(document.images, function (image) {
          image.loading = "eager";
          return image.decode().catch(function () {});
        }),
      );
    }

    function showSaved() {
      var entry = savedTours()[path];
      remove.hidden = !entry;
      if (entry) status.textContent = words.saved;
    }

    var files = [];
    var total = 0;
    showSaved();

    check.addEventListener("click", function () {
      status.textContent = words.measuring;
      imagesLoaded()
        .then(function () {
          files = pageFiles();
          return Promise.all(files.map(sizeOf));
        })
        .then(function (sizes) {
          total = sizes.reduce(function (sum, size) { return sum + size; }, 0);
          status.textContent = words.summary.replace("%(files)s", files.length).replace("%(size)s", megabytes(total));
          confirm.hidden = false;
          confirm.focus();
        });
    });

    confirm.addEventListener("click", function () {
      confirm.hidden = true;
      status.textContent = words.saving;
      navigator.serviceWorker
        .register(words.worker, { scope: "/" })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function () { return caches.open(CACHE); })
        .then(function (cache) { return cache.addAll(files.map(request)); })
        .then(function () {
          remember(path, { title: words.title, files: files, bytes: total });
          showSaved();
        })
        .catch(function () { status.textContent = words.failed; confirm.hidden = false; });
    });

    remove.addEventListener("click", function () {
      removeTour(path).then(function () {
        remove.hidden = true;
        status.textContent = words.removed;
        check.focus();
      });
    });
  }

  // --- The tours' index: the tours saved on this device ------------------------------------------

  function savedList(section) {
    var words = section.dataset;
    var list = section.querySelector("ul");
    var status = section.querySelector("[data-offline-status]");

    function draw() {
      var tours = savedTours();
      var paths = Object.keys(tours).sort(function (a, b) { return tours[a].title.localeCompare(tours[b].title); });
      list.replaceChildren();
      paths.forEach(function (path) {
        var entry = tours[path];
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = path;
        link.textContent = entry.title;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--quiet";
        button.textContent = words.remove;
        button.setAttribute("aria-label", words.removeLabel.replace("%(title)s", entry.title));
        button.addEventListener("click", function () {
          removeTour(path).then(function () {
            status.textContent = words.removed.replace("%(title)s", entry.title);
            draw();
          });
        });
        item.append(link, " · " + words.size.replace("%(size)s", megabytes(entry.bytes)) + " ", button);
        list.append(item);
      });
      section.hidden = paths.length === 0 && !status.textContent;
    }

    draw();
  }

  var section = document.getElementById("offline");
  var listed = document.getElementById("tour-offline");
  if (section && listed) tourPage(section, listed);
  var saved = document.getElementById("offline-saved");
  if (saved) savedList(saved);
})();
