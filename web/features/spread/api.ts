/** The corridor-spread API as the stability dashboard uses it, on lib/api.ts's request. */
import { queryString, request } from "../../lib/api.ts";

export interface Bilingual {
  id: string;
  en: string;
}

export type FreightPer = "truck" | "kg" | "tonne_km";
export const FREIGHT_PER: readonly FreightPer[] = ["truck", "kg", "tonne_km"];

export interface FreightComponentInput {
  label: string;
  rp: number;
  per: FreightPer;
  km?: number;
  source: string;
}

export interface FreightComponent extends FreightComponentInput {
  rpPerKg: number;
  assumption: boolean;
}

export interface FreightRoute {
  route: string;
  name: string;
  payloadKg: number;
  rpPerKg: number;
  components: FreightComponent[];
  assumptions: boolean;
  updatedBy: string | null;
  updatedAt: string;
}

export interface SpreadSide {
  level: "producer" | "wholesale" | "retail";
  price: number;
  date: string;
  basis: "province" | "markets";
  markets: string[];
}

export interface SpreadItem {
  commodityCode: string;
  commodityName: string;
  commodityNameEn: string;
  status: "computed" | "missing";
  lampung: SpreadSide | null;
  jakarta: SpreadSide | null;
  freight: { roro: number | null; ferry: number | null; cheapestRoute: string | null };
  netByRoute: Record<string, number> | null;
  netSpreadRp: number | null;
  netSpreadPct: number | null;
  flagged: boolean;
  reason: Bilingual;
}

export interface SpreadAnswer {
  asOf: string;
  thresholdPct: number;
  maxAgeDays: number;
  routes: FreightRoute[];
  items: SpreadItem[];
}

export interface FreightUpdate {
  name?: string;
  payloadKg: number;
  components: FreightComponentInput[];
}

export const spreadApi = {
  spread: (date?: string) => request<SpreadAnswer>("GET", `/api/v1/spread${queryString({ date })}`),
  freight: () => request<{ items: FreightRoute[] }>("GET", "/api/v1/spread/freight"),
  updateFreight: (route: string, body: FreightUpdate) =>
    request<FreightRoute>("PUT", `/api/v1/spread/freight/${encodeURIComponent(route)}`, body),
};
