/** The supply API as the stability dashboard's supply section uses it, on lib/api.ts's request. */
import { queryString, request } from "../../lib/api.ts";

export interface Bilingual {
  id: string;
  en: string;
}

export interface SupplyPlan {
  commodityCode: string;
  regionCode: string;
  dailyDemandKg: number;
  targetCoverDays: number;
  inflowIndex: number[];
  lampungSupplyKg: number[];
  demandElasticity: number;
  source: string;
  updatedAt: string;
}

export interface Holding {
  source: "warehouse" | "report";
  siteCode: string | null;
  siteName: string;
  organisationId: string;
  organisationName: string;
  kg: number;
  asOf: string;
  lots: { epc: string; kg: number; expiryDate: string | null }[];
}

export interface InboundShipment {
  id: string;
  number: string;
  status: string;
  shipperOrganisationId: string;
  originName: string;
  destinationName: string;
  eta: string | null;
  plannedDeparture: string | null;
  kg: number;
}

export interface OutlookWeek {
  weekStart: string;
  arrivalsKg: number;
  marketBalanceKg: number;
  lampungSupplyKg: number;
  stockKg: number;
  coverDays: number;
  gapKg: number;
  lean: boolean;
}

export interface SupplyPosition {
  commodityCode: string;
  commodityName: string;
  regionCode: string;
  regionName: string;
  asOf: string;
  plan: SupplyPlan | null;
  stock: { totalKg: number; holdings: Holding[] };
  inTransit: { totalKg: number; shipments: InboundShipment[] };
  lampung: { declaredLotsKg: number; declaredLots: number; warehouseKg: number; expectedKg: number };
  coverDays: number | null;
  outlook: OutlookWeek[];
  leanGap: { firstWeek: string; weeks: number; maxGapKg: number } | null;
  notes: Bilingual[];
}

export type PlanBody = Omit<SupplyPlan, "commodityCode" | "regionCode" | "updatedAt">;

export const supplyApi = {
  position: (commodity: string, region: string) =>
    request<SupplyPosition>("GET", `/api/v1/supply/position${queryString({ commodity, region })}`),
  setPlan: (commodity: string, region: string, body: PlanBody) =>
    request<SupplyPlan>(
      "PUT",
      `/api/v1/supply/plans/${encodeURIComponent(commodity)}/${encodeURIComponent(region)}`,
      body,
    ),
};
