/** Recommendations and the intervention ledger, as the stability dashboard uses them. */
import { queryString, request } from "../../lib/api.ts";

export interface Bilingual {
  id: string;
  en: string;
}

export type RecommendationKind = "release_stock" | "ship_forward" | "buy_at_harvest";
export type RecommendationStatus = "open" | "approved" | "rejected" | "superseded";

export interface PlannedShipment {
  shipperOrganisationId: string;
  shipperName: string;
  /** null: the shipper's farm. */
  originSiteCode: string | null;
  originName: string;
  receiverName: string;
  destinationSiteCode: string;
  destinationName: string;
  route: "direct" | "roro";
  departureDate: string;
  kg: number;
  lines: { epc: string; kg: number }[];
}

export interface Recommendation {
  id: string;
  kind: RecommendationKind;
  status: RecommendationStatus;
  commodityCode: string;
  commodityName: string;
  regionCode: string;
  regionName: string;
  quantityKg: number;
  startDate: string;
  endDate: string;
  plan: {
    shipments: PlannedShipment[];
    markets: { siteCode: string; name: string; kg: number; priceNow: number | null }[];
    advise: { number: string; plannedDeparture: string | null; kg: number }[];
    sources: { declaredLotsKg: number; expectedKg: number };
  };
  costRp: number;
  cost: { method: Bilingual; perKgRp: number | null } | null;
  expectedEffect: { pct: number | null; supplySharePct: number; days: number; method: Bilingual };
  reasons: Bilingual[];
  basis: { priceNow: number | null; priceTarget: number | null; targetKind: string | null; neededKg: number };
  updatedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
}

export interface PriceWindow {
  from: string;
  to: string;
  meanRp: number | null;
  days: number;
}

export interface Intervention {
  id: string;
  kind: RecommendationKind;
  commodityName: string;
  regionName: string;
  quantityKg: number;
  effectiveDate: string;
  priceBefore: PriceWindow;
  priceAfter: PriceWindow;
  measuredEffectPct: number | null;
  measurementComplete: boolean;
  expectedEffectPct: number | null;
  created: { type: "shipment"; id: string; number: string; destinationName: string; kg: number }[];
  approvedByName: string;
  approvedAt: string;
  note: string | null;
}

export interface Scope {
  commodity?: string;
  region?: string;
}

export const interventionsApi = {
  recommendations: (scope: Scope & { status?: string }) =>
    request<{ items: Recommendation[]; nextOffset: number | null }>(
      "GET",
      `/api/v1/stability/recommendations${queryString({ ...scope })}`,
    ),
  refresh: (body: { commodityCode?: string; regionCode?: string }) =>
    request<{ groups: number; open: number }>("POST", "/api/v1/stability/recommendations/refresh", body),
  approve: (id: string, note: string) =>
    request<Intervention>(
      "POST",
      `/api/v1/stability/recommendations/${encodeURIComponent(id)}/approve`,
      note ? { note } : {},
    ),
  reject: (id: string, note: string) =>
    request<Recommendation>("POST", `/api/v1/stability/recommendations/${encodeURIComponent(id)}/reject`, {
      note,
    }),
  ledger: (scope: Scope) =>
    request<{ items: Intervention[]; nextOffset: number | null }>(
      "GET",
      `/api/v1/stability/interventions${queryString({ ...scope })}`,
    ),
};
