// sw.js — offline: after one visit the explainer works with the network off. Install precaches the site with
// cache.addAll (whole responses, so the wasm keeps application/wasm and still compiles while streaming). The app's
// own files answer from the cache first; build-wasm.sh stamps the build id below, so a new build installs a new
// cache and the old one is dropped on activation. Content (the bundled article, explainer.data, and ?content= files)
// comes from the network first, so an author's correction reaches readers who came before; its cached copy answers
// only when the network cannot.
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

const kContent = ['explainer.data'];  // precached for offline, but never answered from the cache first
const kShell = new Set(kFiles.filter((f) => !kContent.includes(f)).map((f) => new URL(f, self.location.href).href));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // A page under any query (?embed=1, ?content=...) is its cached page (the Chinese one at zh/), else the main one.
  if (request.mode === 'navigate') {
    event.respondWith(caches.match(request, { cacheName: kCache, ignoreSearch: true })
      .then((hit) => hit || caches.match('./', { cacheName: kCache })).then((hit) => hit || fromNetwork(request)));
  } else if (kShell.has(url.origin + url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: kCache }).then((hit) => hit || fromNetwork(request)));
  } else {
    event.respondWith(fromNetwork(request));
  }
});

// The network, revalidating any HTTP-cached copy, and a copy kept for the next offline visit; the cache when offline.
async function fromNetwork(request) {
  try {
    const response = await fetch(request.mode === 'navigate' ? request : new Request(request, { cache: 'no-cache' }));
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
