/* The handbook offline (hooks/cardkit/offline.py writes this file into the built site as
   sw.js, with BUILD filled in; assets/hb-offline.js registers it where the browser allows
   service workers: HTTPS, and 127.0.0.1 for `make preview`).

   Every page, card PDF and file the reader opens is fetched from the network as before and
   a copy is kept; without a network the copy answers. The search index of the reader's
   language is kept whole on the first visit, so that search answers offline too. A new
   build has a new BUILD.version: its worker replaces this one on the next visit and drops
   the old copies, so nobody reads an old handbook while online. Nothing leaves this host:
   the worker answers only requests for the handbook's own address. */
"use strict";

// Filled in by the build: {"version": the site's hash, "search": {language: [files]}}.
var BUILD = {};
var CACHE = "handbook-" + BUILD.version;
var ROOT = new URL("./", self.location.href).href;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("handbook-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

/* A page asks for its language's search index: {"search": "de"}. */
self.addEventListener("message", function (event) {
  var files = BUILD.search[event.data && event.data.search];
  if (!files) return;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(files.map(function (file) { return ROOT + file; }));
  }));
});

function keep(request, response) {
  if (response.status !== 200 || response.type !== "basic") return response;
  var copy = response.clone();
  caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
  return response;
}

function kept(request) {
  return caches.open(CACHE).then(function (cache) {
    // a static site: the query never changes the file (Pagefind adds ?ts= to its entry file)
    return cache.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) {
      return hit || Response.error();
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(ROOT) !== 0 || request.headers.has("range")) return;
  event.respondWith(fetch(request).then(function (response) {
    return keep(request, response);
  }, function () {
    return kept(request);
  }));
});
