/*
 * Lumbung's service worker: just enough for the enumerator form to open without a signal.
 *
 * - Hashed build files (/assets/*) never change, so they are served from the cache once fetched.
 * - Page navigations go to the network first; only when it cannot be reached is the cached app shell
 *   (index.html) served, so a deployment is seen at once.
 * - Nothing from the API (or any other machine path) is ever cached or answered here: prices, sessions
 *   and personal data stay between the browser and the server.
 */
const SHELL_CACHE = "lumbung-shell-v1";
const ASSET_CACHE = "lumbung-assets-v1";
const SHELL = "/index.html";
const STATIC_FILES = ["/icon.svg", "/icon-maskable.svg", "/manifest.webmanifest"];
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

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll([SHELL, ...STATIC_FILES]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  const keep = new Set([SHELL_CACHE, ASSET_CACHE]);
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

async function networkFirstStatic(request) {
  try {
    return await fetch(request);
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
  if (MACHINE_PREFIXES.some((p) => url.pathname.startsWith(p))) return;
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirstPage(request));
  } else if (STATIC_FILES.includes(url.pathname)) {
    event.respondWith(networkFirstStatic(request));
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
