/* The handbook offline: registers the service worker (sw.js at the site's root, written
   by the build: hooks/cardkit/static/sw.js) where the browser allows one (HTTPS, or
   127.0.0.1 for `make preview`); on plain HTTP it does nothing. It then asks the worker to
   keep the search index of the language being read. */
(function () {
  "use strict";

  if (!window.isSecureContext || !("serviceWorker" in navigator) || !document.currentScript) return;
  var worker = new URL("../sw.js", document.currentScript.src).href;
  var lang = document.documentElement.lang;
  navigator.serviceWorker.register(worker)
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) {
      if (registration.active) registration.active.postMessage({ search: lang });
    })
    .catch(function () { /* no worker: the handbook works online as before */ });
})();
