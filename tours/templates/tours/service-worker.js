{% load static %}// The tours' service worker (tours.views.service_worker). A visitor's "Save for offline"
// (static/js/offline.js) puts a tour's page and files into the cache OFFLINE_CACHE; here every GET of
// the site goes to the network first and, when the network fails or takes longer than a few seconds
// (roaming at the site), is answered from that cache. What was saved is refreshed when the network
// answers; nothing else is ever stored.
importScripts("{% static 'vendor/workbox/workbox-sw.js' %}");
workbox.setConfig({ modulePathPrefix: "{% static 'vendor/workbox/' %}", debug: false });

const OFFLINE_CACHE = "hue-heritage-offline";
// Where media files come from when not from this site (settings.MEDIA_ORIGINS: S3, its CDN).
const MEDIA_ORIGINS = {{ media_origins|safe }};

const onlySaved = {
  // Workbox offers each network response to the cache: keep it only in place of a saved one.
  cacheWillUpdate: async ({ request, response }) => {
    if (!response || response.status !== 200) return null;
    const cache = await caches.open(OFFLINE_CACHE);
    return (await cache.match(request)) ? response : null;
  },
};

workbox.routing.registerRoute(
  ({ request, url }) =>
    request.method === "GET" &&
    ((url.origin === self.location.origin && !url.pathname.startsWith("/admin/")) || MEDIA_ORIGINS.includes(url.origin)),
  new workbox.strategies.NetworkFirst({ cacheName: OFFLINE_CACHE, networkTimeoutSeconds: 6, plugins: [onlySaved] }),
);

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
