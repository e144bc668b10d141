/**
 * Registers web/public/sw.js (production builds only: Vite's dev server serves modules the worker
 * must not cache) and tells it which build files this page already loaded, so the enumerator form
 * opens without a signal after one visit. When the worker has them, `<html data-offline-ready>` is set
 * and an `offline-ready` event fires on window.
 */
export const OFFLINE_READY_EVENT = "lumbung:offline-ready";

export function isOfflineReady(): boolean {
  return document.documentElement.dataset.offlineReady === "true";
}

function loadedAssets(): string[] {
  const urls = new Set<string>();
  for (const entry of performance.getEntriesByType("resource")) {
    const url = new URL(entry.name, location.href);
    if (url.origin === location.origin && url.pathname.startsWith("/assets/")) urls.add(url.pathname);
  }
  for (const el of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
    "script[src], link[href]",
  )) {
    const raw = el instanceof HTMLScriptElement ? el.src : el.href;
    const url = new URL(raw, location.href);
    if (url.origin === location.origin && url.pathname.startsWith("/assets/")) urls.add(url.pathname);
  }
  return [...urls];
}

function askToCache(worker: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(Boolean((event.data as { ok?: boolean })?.ok));
    worker.postMessage({ type: "cache-assets", urls: loadedAssets() }, [channel.port2]);
  });
}

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const start = async () => {
    try {
      await navigator.serviceWorker.register("/sw.js");
      const registration = await navigator.serviceWorker.ready;
      if (!registration.active) return;
      if (await askToCache(registration.active)) {
        document.documentElement.dataset.offlineReady = "true";
        window.dispatchEvent(new Event(OFFLINE_READY_EVENT));
      }
    } catch {
      // Without the worker the app still works online; only the offline start is lost.
    }
  };
  if (document.readyState === "complete") void start();
  else window.addEventListener("load", () => void start(), { once: true });
}
