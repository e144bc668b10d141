/**
 * In-app notifications (GET /api/v1/notifications) and what this device has seen of them. The API
 * keeps no read state, so "seen up to" (the newest creation time shown on the inbox) is kept in
 * localStorage per account: it holds a timestamp, nothing else.
 */
import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { request } from "../../lib/api.ts";

export interface AppNotification {
  id: string;
  kind: string;
  title: { id: string; en: string };
  body: { id: string; en: string };
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface NotificationsPage {
  items: AppNotification[];
  nextOffset: number | null;
}

/** The first page, used by the console's count and the inbox alike. */
export const FIRST_PAGE = 50;

export function fetchNotifications(offset = 0, limit = FIRST_PAGE): Promise<NotificationsPage> {
  return request<NotificationsPage>("GET", `/api/v1/notifications?limit=${limit}&offset=${offset}`);
}

export function useNotifications(userId: string) {
  return useQuery({
    queryKey: ["notifications", userId],
    queryFn: () => fetchNotifications(),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

const seenKey = (userId: string) => `lumbung.notifications.seenUpTo.${userId}`;
const listeners = new Set<() => void>();

export function seenUpTo(userId: string): string | null {
  try {
    return localStorage.getItem(seenKey(userId));
  } catch {
    return null;
  }
}

export function markSeen(userId: string, createdAt: string): void {
  const before = seenUpTo(userId);
  if (before && before >= createdAt) return;
  try {
    localStorage.setItem(seenKey(userId), createdAt);
  } catch {
    // The count just stays as it was.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

export function useSeenUpTo(userId: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => seenUpTo(userId),
    () => null,
  );
}

/** Notifications newer than what was seen (ISO timestamps of one format compare as strings). */
export function unreadOf(items: AppNotification[], seen: string | null): number {
  return seen ? items.filter((n) => n.createdAt > seen).length : items.length;
}

/** The stability dashboard filtered on the notification's series, when it names one. */
export function stabilityLinkOf(n: AppNotification): string | null {
  const { commodityCode, regionCode } = n.payload;
  if (typeof commodityCode !== "string" || typeof regionCode !== "string") return null;
  const q = new URLSearchParams({ commodity: commodityCode, region: regionCode });
  return `/konsol/stabilitas?${q.toString()}`;
}
