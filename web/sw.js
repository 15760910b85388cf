// sw.js — offline: after one visit the explainer works with the network off. Install precaches the site with
// cache.addAll (whole responses, so the wasm keeps application/wasm and still compiles while streaming); requests are
// answered from the cache first, then the network. build-wasm.sh stamps the build id below, so a new build installs
// a new cache and the old one is dropped on activation.
'use strict';
const kBuild = '__EXPLAINER_BUILD__';
const kCache = 'explainer-' + kBuild;
const kFiles = ['./', 'index.html', 'zh/', 'style.css', 'page.js', 'textview.js', 'history.js', 'files.js', 'ime.js',
  'explainer.js', 'explainer.wasm', 'explainer.data', 'favicon.svg', 'manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(kCache).then((cache) => cache.addAll(kFiles)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('explainer-') && k !== kCache).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // A page under any query (?embed=1, ?content=...) is its cached page (the Chinese one at zh/), else the main one.
  const lookup = request.mode === 'navigate'
    ? caches.match(request, { cacheName: kCache, ignoreSearch: true }).then((hit) => hit || caches.match('./', { cacheName: kCache }))
    : caches.match(request, { cacheName: kCache });
  event.respondWith(lookup.then((hit) => hit || fromNetwork(request)));
});

// Anything else (?content= files): the network first, keeping a copy for the next offline visit.
async function fromNetwork(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      caches.open(kCache).then((cache) => cache.put(request, copy)).catch(() => {});
    }
    return response;
  } catch (e) {
    const hit = await caches.match(request, { cacheName: kCache });
    if (hit) return hit;
    throw e;
  }
}
