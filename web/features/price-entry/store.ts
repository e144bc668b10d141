/**
 * The device's copy of the queue and of the lists the form needs, in localStorage so they survive a
 * reload without a signal. Only prices, market and commodity codes and the recorder's user id are
 * kept: no password, token or cookie (the session stays in the httpOnly cookie).
 */
import { useSyncExternalStore } from "react";
import { type Commodity, type DeviceQueue, EMPTY_QUEUE, type Market, prune } from "./model.ts";

const QUEUE_KEY = "lumbung.priceEntry.queue.v1";
const LOOKUPS_KEY = "lumbung.priceEntry.lookups.v1";

export interface Lookups {
  markets: Market[];
  commodities: Commodity[];
  savedAt: string;
}

function readJson<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function readQueue(): DeviceQueue {
  const stored = readJson<DeviceQueue>(QUEUE_KEY);
  if (stored?.version !== 1 || !Array.isArray(stored.entries)) return EMPTY_QUEUE;
  return prune(stored, new Date());
}

let current: DeviceQueue | null = null;
const listeners = new Set<() => void>();

export function getQueue(): DeviceQueue {
  current ??= readQueue();
  return current;
}

/** Applies a change and writes it through; false when the device refused to store it (full, private mode). */
export function updateQueue(change: (queue: DeviceQueue) => DeviceQueue): boolean {
  const next = change(getQueue());
  let stored = true;
  try {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(next));
  } catch {
    stored = false;
  }
  current = next;
  for (const listener of listeners) listener();
  return stored;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the app changed the queue.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== QUEUE_KEY) return;
    current = readQueue();
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useDeviceQueue(): DeviceQueue {
  return useSyncExternalStore(subscribe, getQueue, getQueue);
}

export function readLookups(): Lookups | null {
  const stored = readJson<Lookups>(LOOKUPS_KEY);
  return stored && Array.isArray(stored.markets) && Array.isArray(stored.commodities) ? stored : null;
}

export function saveLookups(lookups: Lookups): void {
  try {
    localStorage.setItem(LOOKUPS_KEY, JSON.stringify(lookups));
  } catch {
    // Only the offline start is lost.
  }
}
