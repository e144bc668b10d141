import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { LotsService } from "../lots";
import type { ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";
import type { WarehouseService } from "../warehouse";

export interface SupplyDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  identity: IdentityService;
  lots: LotsService;
  warehouse: WarehouseService;
  shipments: ShipmentsService;
}

/** One lot (or container) of a holding, FEFO order: what a release would pick. */
export interface HoldingLot {
  epc: string;
  kg: number;
  expiryDate: string | null;
}

/** Stock one organisation holds in one place. */
export interface Holding {
  source: "warehouse" | "report";
  /** Shared warehouse site code; null for reported stock held elsewhere. */
  siteCode: string | null;
  siteName: string;
  organisationId: string;
  organisationName: string;
  kg: number;
  /** Date of the balance (today for the ledger) or of the report. */
  asOf: string;
  /** Ledger stock only (available, not on hold), FEFO order. Empty for reported stock. */
  lots: HoldingLot[];
}

export interface InboundShipment {
  id: string;
  number: string;
  status: string;
  shipperOrganisationId: string;
  originName: string;
  destinationName: string;
  /** ISO timestamp; null when unknown. */
  eta: string | null;
  plannedDeparture: string | null;
  kg: number;
}

export interface OutlookWeek {
  /** Monday (WIB) of the week, yyyy-mm-dd. */
  weekStart: string;
  arrivalsKg: number;
  /** (inflow index − 1) × demand × 7: what the market adds to (or takes from) the buffer that week. */
  marketBalanceKg: number;
  /** Lampung partners' supply that week by the harvest profile (available to buy, not counted in stock). */
  lampungSupplyKg: number;
  /** Projected stock at the end of the week. */
  stockKg: number;
  coverDays: number;
  /** Kilograms short of the target cover at the end of the week (0 when at or above it). */
  gapKg: number;
  /** In the lean season: the market brings in less than demand that month (inflow index < 1). */
  lean: boolean;
}

export interface SupplyPlanView {
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

export interface SupplyPosition {
  commodityCode: string;
  commodityName: string;
  /** Province code. */
  regionCode: string;
  regionName: string;
  asOf: string;
  plan: SupplyPlanView | null;
  stock: { totalKg: number; holdings: Holding[] };
  inTransit: { totalKg: number; shipments: InboundShipment[] };
  lampung: {
    /** Harvest lots declared in the last 30 days that no shipment carries yet. */
    declaredLotsKg: number;
    declaredLots: number;
    /** Available stock of the commodity in Lampung's shared warehouse(s). */
    warehouseKg: number;
    /** Sum of the harvest profile over the outlook's 16 weeks. */
    expectedKg: number;
  };
  /** Stock now ÷ daily demand; null (with `notes`) when no demand is configured. */
  coverDays: number | null;
  outlook: OutlookWeek[];
  /** The weeks below target cover, when any. */
  leanGap: { firstWeek: string; weeks: number; maxGapKg: number } | null;
  /** Why a figure is missing, bilingual. */
  notes: { id: string; en: string }[];
}

export function createSupplyService(deps: SupplyDeps) {
  void deps;
  return {
    /** The supply position and 16-week outlook of a commodity in a province. */
    async position(commodityCode: string, regionCode: string): Promise<SupplyPosition> {
      throw new Error(`supply.position(${commodityCode}, ${regionCode}) is being written`);
    },
  };
}

export type SupplyService = ReturnType<typeof createSupplyService>;
