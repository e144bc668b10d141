/*
 * Lumbung's service worker: the app shell opens without a signal after one visit.
 *
 * - On install it precaches the app shell: index.html, the icons and manifest, and the build files the
 *   citizen home loads first (the list is written into BUILD below by vite.config.ts at build time; in
 *   development it is empty and the worker is not registered at all).
 * - Hashed build files (/assets/*) never change, so they are served from the cache once fetched
 *   (cache first).
 * - Page navigations go to the network first; only when it cannot be reached is the cached app shell
 *   (index.html) served, so a deployment is seen at once.
 * - Nothing from the API (or any other machine path) is cached, except two public, personal-data-free
 *   reads the home shows: the price board and the public news list. Those go to the network first and
 *   fall back to the last copy only when offline, so they are never stale online.
 */
// Replaced at build time by vite.config.ts (lumbungServiceWorker): a version and the files to precache.
const BUILD = { version: "dev", precache: [] };

const SHELL_CACHE = `lumbung-shell-${BUILD.version}`;
const ASSET_CACHE = "lumbung-assets-v1";
const DATA_CACHE = "lumbung-public-data-v1";
const SHELL = "/index.html";
const STATIC_FILES = [
  "/icon.svg",
  "/icon-maskable.svg",
  "/icon-192.png",
  "/icon-512.png",
  "/icon-maskable-512.png",
  "/manifest.webmanifest",
];
// Old builds' chunks pile up in the asset cache; keep the most recent few hundred.
const MAX_ASSETS = 300;
// The same machine paths the server answers with problem+json (src/http/web.ts).
const MACHINE_PREFIXES = [
  "/api/",
  "/oauth/",
  "/partner/",
  "/epcis/",
  "/open311/",
  "/health",
  "/openapi.json",
  "/docs",
];
// Public reads without personal data that the home shows, kept for offline use.
const PUBLIC_DATA = ["/api/v1/public/prices/board", "/api/v1/news"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll([SHELL, ...STATIC_FILES.filter((f) => !f.endsWith(".png"))]);
      // PNG icons and build files: best effort, one missing file must not stop the worker.
      await Promise.all(
        STATIC_FILES.filter((f) => f.endsWith(".png")).map((f) => shell.add(f).catch(() => {})),
      );
      const assets = await caches.open(ASSET_CACHE);
      await Promise.all(
        BUILD.precache.map(async (url) => {
          if (!(await assets.match(url))) await assets.add(url).catch(() => {});
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  const keep = new Set([SHELL_CACHE, ASSET_CACHE, DATA_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith("lumbung-") && !keep.has(n)).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function trimAssets(cache) {
  const keys = await cache.keys();
  const extra = keys.length - MAX_ASSETS;
  for (let i = 0; i < extra; i++) await cache.delete(keys[i]);
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await trimAssets(cache);
  }
  return response;
}

async function networkFirstPage(request) {
  try {
    const response = await fetch(request);
    const html = (response.headers.get("content-type") || "").includes("text/html");
    if (response.ok && html) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (cacheName && response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (PUBLIC_DATA.includes(url.pathname)) {
    event.respondWith(networkFirst(request, DATA_CACHE));
    return;
  }
  if (MACHINE_PREFIXES.some((p) => url.pathname.startsWith(p))) return;
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirstPage(request));
  } else if (STATIC_FILES.includes(url.pathname)) {
    event.respondWith(networkFirst(request, null));
  }
});

// The page tells us which build files it loaded before this worker took control, so they are
// cached too; the answer lets the page say it is ready to work offline.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "cache-assets" || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  const urls = data.urls.filter((u) => typeof u === "string" && u.startsWith("/assets/"));
  event.waitUntil(
    caches
      .open(ASSET_CACHE)
      .then(async (cache) => {
        for (const u of urls) {
          if (!(await cache.match(u))) await cache.add(u);
        }
        await trimAssets(cache);
      })
      .then(
        () => port?.postMessage({ ok: true }),
        () => port?.postMessage({ ok: false }),
      ),
  );
});
