/**
 * In-app notifications (GET /api/v1/notifications) with their read state, kept on the server so it
 * follows the person across devices, and where they receive notifications beyond the app.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "../../lib/api.ts";

export interface AppNotification {
  id: string;
  kind: string;
  title: { id: string; en: string };
  body: { id: string; en: string };
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsPage {
  items: AppNotification[];
  nextOffset: number | null;
  /** All the person's unread notifications, not only this page's. */
  unread: number;
}

/** The first page, used by the bell's count and the inbox alike. */
export const FIRST_PAGE = 50;

export function fetchNotifications(offset = 0, limit = FIRST_PAGE): Promise<NotificationsPage> {
  return request<NotificationsPage>("GET", `/api/v1/notifications?limit=${limit}&offset=${offset}`);
}

export function markRead(ids?: string[]): Promise<{ marked: number; unread: number }> {
  return request("POST", "/api/v1/notifications/read", ids ? { ids } : {});
}

export function useNotifications(userId: string) {
  return useQuery({
    queryKey: ["notifications", userId],
    queryFn: () => fetchNotifications(),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

/** Marks read (the given ids, or all) and refreshes every view of the inbox and the bell. */
export function useMarkRead(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markRead(ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications", userId] }),
  });
}

/** The page a notification is about: its `payload.link` (an app path), else the stability dashboard. */
export function linkOf(n: AppNotification): string | null {
  const { link } = n.payload;
  if (typeof link === "string" && link.startsWith("/") && !link.startsWith("//")) return link;
  return stabilityLinkOf(n);
}

/** The stability dashboard filtered on the notification's series, when it names one. */
export function stabilityLinkOf(n: AppNotification): string | null {
  const { commodityCode, regionCode } = n.payload;
  if (typeof commodityCode !== "string" || typeof regionCode !== "string") return null;
  const q = new URLSearchParams({ commodity: commodityCode, region: regionCode });
  return `/konsol/stabilitas?${q.toString()}`;
}

export type Channel = "sms" | "whatsapp" | "email";
export const CHANNELS: readonly Channel[] = ["whatsapp", "sms", "email"];

export interface Preference {
  channel: Channel;
  address: string;
  enabled: boolean;
  updatedAt: string;
  provider: string | null;
}

export interface Preferences {
  items: Preference[];
  channels: { channel: Channel; provider: string | null; simulated: boolean }[];
}

export function usePreferencesQuery(userId: string) {
  return useQuery({
    queryKey: ["notifications", userId, "preferences"],
    queryFn: () => request<Preferences>("GET", "/api/v1/notifications/preferences"),
  });
}

export function useSavePreference(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (p: { channel: Channel; address: string; enabled: boolean }) =>
      request<Preference>("PUT", `/api/v1/notifications/preferences/${p.channel}`, {
        address: p.address,
        enabled: p.enabled,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications", userId, "preferences"] }),
  });
}
