// dafu's service worker: keeps the served site usable offline once it has
// been opened (docs/deploy.md, "Offline use and installing"). The release
// build writes it as dist/sw.js (tools/post-build.mjs), after a first line
// that defines BUILD = {
//   version,   a hash of every file below: a new build is a new version
//   precache,  the files to keep, relative to this script: the app's page,
//              code, styles, manifest and icons, and the corpus files when
//              their total is under the build's budget
//   corpusOnUse, true when the corpus files were over that budget: they
//              are kept as the app loads them instead
// }.
//
// Only GET requests for the site's own files, inside the worker's scope, are
// answered; anything else goes to the network untouched. Files whose names
// carry a content hash come from the cache; the page and the corpus files
// (fixed names; each carries the build's fingerprint, which the app checks)
// come from the network while there is one, else from the cache.

/* global BUILD */
const SCOPE = new URL(self.registration.scope);
// This site's caches only: another dafu site of the same origin, at another
// path, keeps its own.
const PREFIX = `dafu ${SCOPE.href} `;
const CACHE = PREFIX + BUILD.version;
// The build's files, beside this script: names with a content hash, corpus files.
const HASHED = /^[^/]+-[0-9a-f]{16}(?:_bg)?\.(?:js|css|wasm|svg)$/;
const CORPUS = /^corpus\/[a-z]\d+\.js$/;
const KNOWN = new Set(BUILD.precache);
/**
 * Downloads at once while installing: few, so that the page's own requests
 * (a search's index shards) do not queue behind them on an HTTP/1.1 server.
 */
const PARALLEL = 2;

const fileUrl = (path) => new URL(path, self.location.href).href;

self.addEventListener('install', (event) => {
  // A new build takes over at once: its cache is complete before it does.
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

async function precache() {
  const cache = await caches.open(CACHE);
  const todo = [...BUILD.precache];
  const next = async () => {
    for (let path = todo.shift(); path !== undefined; path = todo.shift()) {
      // A fixed name is checked with the server: the browser's HTTP cache
      // may hold it from another build. A hashed name is that file.
      const response = await fetch(fileUrl(path), { cache: HASHED.test(path) ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await cache.put(fileUrl(path), response);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  if (HASHED.test(path)) {
    event.respondWith(cacheFirst(request));
  } else if (path === '' || KNOWN.has(path) || CORPUS.test(path)) {
    event.respondWith(networkFirst(event, path));
  }
});

async function cached(key) {
  const cache = await caches.open(CACHE);
  // The site's query (?embed) does not change the file; Vary: Accept-Encoding
  // does not either (the cache holds the decoded body).
  return cache.match(key, { ignoreSearch: true, ignoreVary: true });
}

async function cacheFirst(request) {
  return (await cached(request.url)) ?? fetch(request);
}

async function networkFirst(event, path) {
  try {
    const response = await fetch(event.request);
    if (BUILD.corpusOnUse && CORPUS.test(path) && response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(fileUrl(path), copy)));
    }
    return response;
  } catch (error) {
    // Offline: the page of this build (the site's address is its index.html).
    const hit = await cached(fileUrl(path === '' ? 'index.html' : path));
    if (hit) return hit;
    throw error;
  }
}
