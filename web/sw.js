// Service worker: after the first visit every file of the site is kept in a versioned cache, so the
// page and the search work offline. build-site.mjs fills in VERSION (a hash of all files) and ASSETS.
const VERSION = '@version';
const ASSETS = ['@assets'];
const CACHE = `kzprof-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kzprof-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Cache first (the cache is versioned, a new build installs a new one); pages ignore the query string,
// which only carries the widget's state (?q=…&code=…&lang=…).
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const isPage = req.mode === 'navigate';
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(req, { ignoreSearch: isPage });
    if (hit) return hit;
    try {
      return await fetch(req);
    } catch (e) {
      if (isPage) {
        const index = await cache.match('./', { ignoreSearch: true });
        if (index) return index;
      }
      throw e;
    }
  }));
});
