// CST Workbench's service worker, written into dist/ by tools/sw.py at each build: it keeps
// this build's files so the app starts with no network at all. A new build has a new version,
// so the browser installs it in the background; it takes over at the next start (no
// skipWaiting), so a running workshop never switches versions half way.
const VERSION = '__VERSION__';
// The phone page (join.html) registers this worker as sw.js?phone: it keeps the phone page's
// own files only, so a phone never downloads the facilitator's app.
const PHONE = new URL(self.location.href).searchParams.has('phone');
const FILES = PHONE ? __PHONE_FILES__ : __FILES__;
const CACHE = `cst-workbench-${PHONE ? 'phone-' : ''}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cst-workbench-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === 'navigate') {
        const page = (await cache.match(PHONE ? './join.html' : './')) || (await cache.match('./'));
        if (page) return page;
      }
      return fetch(request);
    }),
  );
});
