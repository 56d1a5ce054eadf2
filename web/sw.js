// Service worker: keeps the files the page uses, so that the page and the search work offline after the
// first visit. build-site.mjs fills in VERSION and FILES: each file the page uses with its sha384 (the same
// hashes the widget checks its data and wasm against), nothing else (the single-file offline page is a
// download, not a precache).
//
// Why it is built this way (issue 12, defect 3):
// - Updates: the browser compares sw.js with the server's on every visit. Any change to the page, the data
//   or the code changes the hashes here, so a new worker installs, fills a new cache, takes over at once and
//   tells the pages, whose widget then loads the new list and says so.
// - Nothing unverified is cached: every file is checked against its hash before it goes into the cache.
//   A copy from the browser's HTTP cache is used only if its hash is right (then it IS the file, however
//   stale the HTTP cache); otherwise the file is fetched again bypassing the HTTP cache (cache: 'reload').
//   A file that still does not match (a deploy half uploaded, a truncated response) fails the install: the
//   previous worker and its complete set stay, and the next visit tries again.
// - A cached copy is checked again before it is served; one that fails is fetched again and replaced.
const VERSION = '@version';
const FILES = { '@files': '' };
const CACHE = `kzprof-${VERSION}`;
const PAGE = './';

const url = (f) => new URL(f, self.registration.scope).href;
/** What the pages' widgets are told: each file's full URL and hash. */
const filesMessage = () => ({ kzprof: 'files', version: VERSION,
  files: Object.fromEntries(Object.entries(FILES).map(([f, h]) => [url(f), h])) });

async function sha384(response) {
  const digest = await crypto.subtle.digest('SHA-384', await response.clone().arrayBuffer());
  return `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}

/** The response if it is complete and has the expected hash, else null. */
async function verified(response, f) {
  if (!response || !response.ok || response.type === 'opaque' || response.redirected) return null;
  return (await sha384(response)) === FILES[f] ? response : null;
}

/** The verified file: the old cache, then the HTTP cache, then the server bypassing the HTTP cache. */
async function fetchVerified(f, caches_ = []) {
  for (const c of caches_) {
    const ok = await verified(await c.match(url(f)), f);
    if (ok) return ok;
  }
  for (const mode of ['force-cache', 'reload']) {
    try {
      const ok = await verified(await fetch(url(f), { cache: mode, credentials: 'same-origin' }), f);
      if (ok) return ok;
    } catch { /* offline or refused: try the next way, then fail */ }
  }
  throw new Error(`kzprof service worker: ${f} does not match its hash`);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const oldKeys = (await caches.keys()).filter((k) => k.startsWith('kzprof-') && k !== CACHE);
    const old = await Promise.all(oldKeys.map((k) => caches.open(k)));
    const files = await Promise.all(Object.keys(FILES).map(async (f) => [f, await fetchVerified(f, old)]));
    const cache = await caches.open(CACHE);
    await Promise.all(files.map(([f, res]) => cache.put(url(f), res)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith('kzprof-') && k !== CACHE).map((k) => caches.delete(k)));
    await self.clients.claim();
    // The pages' widgets compare these hashes with the ones they loaded and fetch what changed.
    for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(filesMessage());
  })());
});

// A widget that finds its built-in hash for the data outdated asks which file this worker holds.
self.addEventListener('message', (event) => {
  if (event.data?.kzprof !== 'files?' || !event.ports?.[0]) return;
  event.ports[0].postMessage(filesMessage());
});

/** The cached file, checked; a copy that fails its check is fetched again (and replaced when right). */
async function serve(f, request) {
  const cache = await caches.open(CACHE);
  const ok = await verified(await cache.match(url(f)), f);
  if (ok) return ok;
  try {
    const fresh = await fetchVerified(f);
    await cache.put(url(f), fresh.clone());
    return fresh;
  } catch {
    return fetch(request); // the page's own checks then report what is wrong
  }
}

// Pages ignore the query string, which only carries the widget's state (?q=…&code=…&lang=…).
self.addEventListener('fetch', (event) => {
  const req = event.request;
  const u = new URL(req.url);
  if (req.method !== 'GET' || u.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  let f = u.pathname.startsWith(scope.pathname) ? u.pathname.slice(scope.pathname.length) : null;
  if (req.mode === 'navigate' && (f === '' || f === 'index.html')) f = PAGE;
  else if (req.mode !== 'navigate' && u.search) f = null; // a file with a query is not ours
  if (f !== null && f in FILES) { event.respondWith(serve(f, req)); return; }
  if (req.mode === 'navigate') {
    // Another page of the site: the network; offline, the main page rather than the browser's error.
    event.respondWith(fetch(req).catch(async (e) => (await caches.match(url(PAGE))) ?? Promise.reject(e)));
  }
});
