// The service worker (docs/decisions.md, decision 75): a second visit takes the page and its code
// from this browser, not from the network.
//
// Served at /sw.js by server/worker.py, which writes `self.SAMENSPEL_SW = {...}` above this file:
//   version  the client's version (server/pages.py, Documents.version): the pages' and this
//            worker's; a new version is a new worker script, so the browser installs a new worker;
//   assets   every hashed URL the pages load (the bundle's chunks, style sheets, vendor scripts);
//   pages    page kind -> [a path pattern of the app's routes, the URL to fetch its document from].
//
// - install: everything of this version in one cache (`samenspel-<time>-<version>`): the assets and
//   each kind's document (all of this version, or the install fails and is tried again later).
//   Chrome compiles and keeps the code of scripts put in the cache now, so a visit does not.
// - a page (navigation matching one of `pages`): its kind's document from the cache at once, the
//   network's in the background (stale-while-revalidate): kept if of this version; another version
//   makes the browser look for the new worker.
// - a hashed asset (/static/…?v=…): from any of our caches, else the network (kept when the server
//   says it is immutable).
// - anything else (the API, the websocket, a session's images, summaries, exports, what is not GET)
//   is not touched: the browser fetches it as if there were no worker, and nothing of it is kept.
// - activate: take the open pages over; keep this version's cache and the one before (a page still
//   open on the old version loads its later chunks from it), delete older ones.

const { version: VERSION, assets: ASSETS, pages: PAGES } = self.SAMENSPEL_SW;
const PREFIX = 'samenspel-';
const VERSION_HEADER = 'x-client-version';
const ROUTES = Object.entries(PAGES).map(([kind, [pattern, url]]) => [kind, new RegExp(pattern), url]);

const stamp = (name) => Number(name.slice(PREFIX.length).split('-')[0]) || 0;
const ours = async () => (await caches.keys()).filter((n) => n.startsWith(PREFIX)).sort((a, b) => stamp(a) - stamp(b));
let mine = null; // this version's cache, once it exists (looked up once per worker start)
const own = async () => {
  if (mine) return mine;
  const name = (await ours()).find((n) => n.endsWith(`-${VERSION}`));
  if (name) mine = await caches.open(name);
  return mine;
};

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    for (const name of await ours()) if (name.endsWith(`-${VERSION}`)) await caches.delete(name); // a half-made one
    const name = `${PREFIX}${Date.now()}-${VERSION}`;
    const cache = await caches.open(name);
    try {
      await cache.addAll(ASSETS);
      const docs = await Promise.all(ROUTES.map(([, , url]) => fetch(url, { credentials: 'same-origin' })));
      if (docs.some((r) => !r.ok || r.headers.get(VERSION_HEADER) !== VERSION)) throw new Error('client version changed');
      await Promise.all(ROUTES.map(([, , url], i) => cache.put(url, docs[i])));
    } catch (err) {
      await caches.delete(name); // never a version with missing parts: the next navigation tries again
      throw err;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await ours();
    const current = names.findLast((n) => n.endsWith(`-${VERSION}`));
    const keep = new Set([current, names.filter((n) => n !== current).at(-1)]);
    await Promise.all(names.filter((n) => !keep.has(n)).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

function kindOf(url) {
  const route = ROUTES.find(([, pattern]) => pattern.test(url.pathname));
  return route ? route[2] : null;
}

async function revalidate(request, key) {
  const response = await fetch(request);
  if (!response.ok) return response;
  if (response.headers.get(VERSION_HEADER) === VERSION) {
    const cache = await own();
    if (cache) await cache.put(key, response.clone());
  } else {
    self.registration.update().catch(() => {}); // its worker has this version's code
  }
  return response;
}

function page(event, key) {
  const fresh = revalidate(event.request, key);
  event.waitUntil(fresh.catch(() => {})); // offline: the cached page, and the board says it reconnects
  return (async () => {
    const cache = await own();
    return (cache && (await cache.match(key))) || fresh;
  })();
}

async function asset(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && /\bimmutable\b/.test(response.headers.get('cache-control') || '')) {
    const cache = await own();
    if (cache) await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const key = kindOf(url);
    if (key) event.respondWith(page(event, key));
  } else if (url.pathname.startsWith('/static/') && url.searchParams.has('v')) {
    event.respondWith(asset(request));
  }
});
