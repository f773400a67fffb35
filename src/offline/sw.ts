/// <reference lib="webworker" />
// The service worker of the hosted build: the lab keeps working with the network gone after one
// visit, and never runs a stale engine after an update.
//
// Contract (the build fills in the two constants, scripts/build/offline.ts):
// - CACHE is `psync-lab-<hash of every built file>`: any change to the build (the engine inside
//   assets/sim.worker-*.js, a scenario, index.html) gives a new name, so the browser sees a new
//   sw.js, installs it, and this worker precaches exactly that build into a fresh cache.
// - install precaches every built file (bypassing the HTTP cache) and takes over at once
//   (skipWaiting); activate deletes every other psync-lab-* cache and claims the open pages. There
//   is never more than one build in the caches, and never a mix of two.
// - fetch: files under assets/ carry a content hash in their name, so the cache is always right
//   for them (cache first). Everything else (index.html, scenarios, the manifest) goes to the
//   network first and falls back to this build's copy only when the network fails: online, the
//   page is always the newest build; offline, it is the cached build, whole.
declare const self: ServiceWorkerGlobalScope;

export {}; // a module, so `self` above is this worker's own (the build emits a classic script)

/** Paths relative to the worker's scope, e.g. "index.html", "assets/index-Dt_53_Le.js". */
declare const PRECACHE: string[];
declare const CACHE: string;

const PREFIX = 'psync-lab-';
const scoped = (path: string) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map((p) => new Request(scoped(p), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      // The page of the first visit is controlled at once: a lazy chunk it loads after the network
      // went (a panel first opened offline) then comes from this build's cache, not a failed fetch.
      await self.clients.claim();
    })(),
  );
});

async function cached(request: Request): Promise<Response | undefined> {
  const cache = await caches.open(CACHE);
  // A navigation (`./?scenario=…&lang=en`) is the one page of the app, whatever its query.
  if (request.mode === 'navigate') return cache.match(scoped('index.html'));
  return cache.match(request);
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (e) {
    const hit = await cached(request);
    if (hit) return hit;
    throw e;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  return (await cached(request)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  const path = request.url.slice(self.registration.scope.length);
  event.respondWith(path.startsWith('assets/') ? cacheFirst(request) : networkFirst(request));
});
