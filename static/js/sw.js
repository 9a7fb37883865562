// The judge's offline service worker, served as /sw.js with scope /judge: the app shell
// (styles, scripts, icon, manifest) is kept and refreshed in the background; the judge's pages
// are fetched from the network first and kept, so a sheet opened or prepared once
// ("Siapkan untuk luring") opens without a network. Nothing but GET requests of this origin
// is touched: saves, syncs and uploads always go to the server (the page keeps them in
// IndexedDB until they arrive).
"use strict";
var SHELL = "juara-shell-v1";
var PAGES = "juara-pages";
var ASSETS = [
  "/static/css/app.css", "/static/js/confirm.js", "/static/js/forms.js",
  "/static/js/judging.js", "/static/js/offline.js", "/static/js/sheet-sync.js",
  "/static/favicon.svg", "/manifest.webmanifest"
];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (c) { return c.addAll(ASSETS); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("juara-shell-") === 0 && k !== SHELL; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function shell(request) {
  return caches.open(SHELL).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      var fresh = fetch(request).then(function (res) {
        if (res.ok) { cache.put(request, res.clone()); }
        return res;
      });
      if (hit) { fresh.catch(function () { /* offline: the kept copy serves */ }); }
      return hit || fresh;
    });
  });
}

function page(request) {
  var url = new URL(request.url);
  var key = url.pathname + url.search;
  return fetch(request).then(function (res) {
    // Only a real page of the judge is kept (not a login redirect nor an error page).
    if (res.ok && !res.redirected && res.type === "basic") {
      var copy = res.clone();
      caches.open(PAGES).then(function (c) { return c.put(key, copy); });
    }
    return res;
  }).catch(function () {
    return caches.open(PAGES).then(function (c) {
      return c.match(key).then(function (hit) { return hit || c.match(url.pathname, { ignoreSearch: true }); });
    }).then(function (hit) {
      return hit || new Response(
        "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
        "<title>Luring</title><p>Halaman ini belum disiapkan untuk luring. / This page was not prepared for offline use.</p>" +
        "<p><a href='/judge/sheets'>Lembar penilaian saya</a></p>",
        { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(shell(request));
  } else if (request.mode === "navigate" && url.pathname.indexOf("/judge") === 0) {
    event.respondWith(page(request));
  }
});
