/** The early-warning API as /konsol/stabilitas uses it, on lib/api.ts's request. */
import { queryString, request } from "../../lib/api.ts";

export type StabilityLevel = "normal" | "waspada" | "siaga" | "krisis";
export const STABILITY_LEVELS: readonly StabilityLevel[] = ["normal", "waspada", "siaga", "krisis"];

export interface Bilingual {
  id: string;
  en: string;
}

export interface StabilityAlert {
  id: string;
  commodityCode: string;
  commodityName: string;
  regionCode: string;
  marketId: string | null;
  placeName: string;
  priceLevel: "producer" | "wholesale" | "retail";
  level: StabilityLevel;
  asOf: string | null;
  reason: Bilingual;
  findings: { indicator: string; level: StabilityLevel }[];
  raisedAt: string;
  clearedAt: string | null;
}

export type MethodResult = { eligible: boolean; reason?: Bilingual } & Record<string, unknown>;

export interface SeriesIndicators {
  commodityCode: string;
  regionCode: string;
  marketId: string | null;
  placeName: string;
  priceLevel: string;
  asOf: string | null;
  level: StabilityLevel;
  reason: Bilingual;
  findings: { indicator: string; level: StabilityLevel; clause: Bilingual }[];
  indicators: Record<string, MethodResult>;
  computedAt: string;
}

export interface AlertFilters {
  commodity?: string;
  region?: string;
  level?: string;
  date?: string;
}

export interface Subscription {
  id: string;
  commodityCode: string | null;
  regionCode: string | null;
  minLevel: StabilityLevel;
  createdAt: string;
}

export interface SubscriptionBody {
  commodityCode: string | null;
  regionCode: string | null;
  minLevel: Exclude<StabilityLevel, "normal">;
}

export const stabilityApi = {
  subscriptions: () => request<{ items: Subscription[] }>("GET", "/api/v1/stability/subscriptions"),
  subscribe: (body: SubscriptionBody) =>
    request<Subscription>("POST", "/api/v1/stability/subscriptions", body),
  unsubscribe: (id: string) =>
    request<void>("DELETE", `/api/v1/stability/subscriptions/${encodeURIComponent(id)}`),
  alerts: (f: AlertFilters) =>
    request<{ items: StabilityAlert[]; nextOffset: number | null }>(
      "GET",
      `/api/v1/stability/alerts${queryString({ ...f })}`,
    ),
  indicators: (commodity: string, region: string) =>
    request<{ items: SeriesIndicators[] }>(
      "GET",
      `/api/v1/stability/indicators${queryString({ commodity, region })}`,
    ),
  commodities: () =>
    request<{ items: { code: string; name: string; nameEn: string }[] }>("GET", "/api/v1/commodities"),
};
