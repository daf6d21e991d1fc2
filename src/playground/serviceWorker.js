/*
 * The offline app's service worker (dist/sw.js). The build writes the list of the app's
 * files and a version into it (see webpack.config.js, OfflineAppPlugin); it is plain
 * JavaScript because a service worker is a script of its own, run by the browser apart
 * from the page.
 *
 * On install it keeps every file of the app in a cache named by the version; on activate
 * it drops the caches of earlier versions and takes charge of the open pages. A request
 * for one of the app's files is answered from the cache, so the app opens and works with
 * no network; anything else goes to the network as usual. Nothing is ever sent anywhere:
 * the worker only reads its own origin's files.
 */
/* eslint-disable */
"use strict";

const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `chitieu-${VERSION}`;
const PAGE = "index.html";

/** A file's address under the folder the app is served from (`/chitieu/` on an intranet). */
const url = (file) => new URL(file, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map(url)))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("chitieu-") && key !== CACHE).map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  // The app's folder itself (`/chitieu/`) is its page.
  const wanted = request.url.split(/[?#]/)[0] === self.registration.scope ? url(PAGE) : request.url;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(wanted, { ignoreSearch: true }).then((hit) => hit || fetch(request))
    )
  );
});
