/* The handbook offline (hooks/cardkit/offline.py writes this file into the built site as
   sw.js, with BUILD filled in; assets/hb-offline.js registers it where the browser allows
   service workers: HTTPS, and 127.0.0.1 for `make preview`).

   Every page, card PDF and file the reader opens is fetched from the network as before and
   a copy is kept; without a network the copy answers. The search index of the reader's
   language is kept whole on the first visit, so that search answers offline too. A new
   build has a new BUILD.version: its worker replaces this one on the next visit, fetches
   again what the reader kept and drops the old copies, so nobody reads an old handbook,
   online or off. Nothing leaves this host: the worker answers only requests for the
   handbook's own address. */
"use strict";

// Filled in by the build: {"version": the site's hash, "search": {language: [files]}}.
var BUILD = {};
var CACHE = "handbook-" + BUILD.version;
var ROOT = new URL("./", self.location.href).href;

function older(names) {
  return names.filter(function (name) { return name.indexOf("handbook-") === 0 && name !== CACHE; });
}

/* A new build, before it takes over: what the reader kept of an older one (pages read, card
   PDFs opened, the search index) is fetched again, now from the new build, so that the
   handbook a reader takes offline is the new one, as complete as before. What the new
   build no longer has is dropped. Without a network the install fails and the older
   version stays, whole, until the next visit tries again. */
function refresh() {
  return caches.keys().then(function (names) {
    return Promise.all(older(names).map(function (name) {
      return caches.open(name).then(function (cache) { return cache.keys(); });
    }));
  }).then(function (lists) {
    var urls = [];
    lists.forEach(function (requests) {
      requests.forEach(function (request) {
        if (urls.indexOf(request.url) < 0) urls.push(request.url);
      });
    });
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return fetch(url, { cache: "no-cache" }).then(function (response) {
          if (response.ok && response.type === "basic" && !response.redirected) {
            return cache.put(url, response);
          }
        });
      }));
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(refresh().then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(older(names).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

/* A page asks for its language's search index: {"search": "de"}. Every page asks, so only
   the files not kept yet are fetched: the index is fetched once per build, not on every
   page a reader opens (about 300 KB a language). */
self.addEventListener("message", function (event) {
  var files = BUILD.search[event.data && event.data.search];
  if (!files) return;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(files.map(function (file) {
      var url = ROOT + file;
      return cache.match(url).then(function (hit) { return hit || cache.add(url); });
    }));
  }));
});

function keep(event, response) {
  if (response.status !== 200 || response.type !== "basic") return response;
  var copy = response.clone();
  var tag = copy.headers.get("ETag");
  // waitUntil: the browser may stop a worker it thinks idle before the copy is stored.
  // A kept copy with the same ETag is this very file: not written again (each page view
  // would otherwise store its stylesheets and scripts anew).
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.match(event.request).then(function (held) {
      if (tag && held && held.headers.get("ETag") === tag) return;
      return cache.put(event.request, copy);
    });
  }));
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
    return keep(event, response);
  }, function () {
    return kept(request);
  }));
});
