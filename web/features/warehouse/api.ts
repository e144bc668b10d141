/** The shared-warehouse API as the gudang pages use it, on lib/api.ts's request. */
import { request as call, queryString as query } from "../../lib/api.ts";

export type Role = "admin" | "operator" | "tenant";
export type StockState = "available" | "held";
export type MovementKind =
  | "receipt"
  | "putaway"
  | "move"
  | "pick"
  | "issue"
  | "adjustment"
  | "count"
  | "hold"
  | "release"
  | "destroy";

export interface Party {
  id: string;
  name: string;
}

export interface WarehouseSite {
  code: string;
  name: string;
  address: string;
  regionCode: string;
  sgln: string;
  dock: string;
  staging: string;
  operator: Party | null;
  role: Role;
}

export interface Zone {
  id: string;
  code: string;
  name: string;
  kind: "dry" | "cold";
  capacityKg: number;
  palletPlaces: number;
  sgln: string;
  today: {
    date: string;
    bookedKg: number;
    bookedPallets: number;
    freeKg: number;
    freePallets: number;
    stockKg: number | null;
  };
}

export interface Tenant {
  id: string;
  organisation: { id: string; name: string; kind: string };
  since: string;
}

export interface SiteDetail extends WarehouseSite {
  zones: Zone[];
  tenants: Tenant[];
}

export interface Balance {
  id: string;
  tenant: Party;
  location: string;
  epc: string;
  lot: string;
  commodity: { code: string; name: string } | null;
  state: StockState;
  grams: number;
  kg: number;
  expiryDate: string | null;
  firstReceivedAt: string;
  lastMovedAt: string;
}

export interface StockResponse {
  items: Balance[];
  totals: {
    grams: number;
    byCommodity: { code: string | null; name: string; kg: number; heldKg: number }[];
  };
}

export interface Booking {
  id: string;
  zone: { code: string; name: string };
  tenant: Party;
  fromDate: string;
  toDate: string;
  kg: number;
  pallets: number;
  status: "confirmed" | "cancelled";
  note: string | null;
  createdAt: string;
}

export interface PickLine extends Balance {
  zone: string;
  takeKg: number;
}

export interface PickSuggestion {
  commodity: string;
  requestedKg: number;
  lines: PickLine[];
  shortKg: number;
}

export interface Alerts {
  today: string;
  expiringWithinDays: number;
  slowAfterDays: number;
  expiring: (Balance & { daysLeft: number })[];
  slow: (Balance & { idleDays: number })[];
}

export interface CardRow {
  at: string;
  kind: MovementKind;
  epc: string;
  lot: string;
  location: string;
  state: StockState;
  reason: string | null;
  inGrams: number;
  outGrams: number;
  balanceGrams: number;
  eventId: string;
}

export interface StockCard {
  site: string;
  tenant: Party | null;
  epc: string | null;
  lot: string | null;
  commodity: { code: string; name: string } | null;
  location: string | null;
  from: string | null;
  to: string | null;
  openingGrams: number;
  closingGrams: number;
  rows: CardRow[];
}

export interface OperationResult {
  eventIds: string[];
  movements: { kind: MovementKind; location: string; deltaGrams: number }[];
}

export interface ZoneInput {
  code: string;
  name: string;
  kind: "dry" | "cold";
  capacityKg: number;
  palletPlaces: number;
}

export interface BookingInput {
  zone: string;
  tenant?: string;
  fromDate: string;
  toDate: string;
  kg: number;
  pallets: number;
  note?: string;
}

export const base = (site: string) => `/api/v1/warehouse/sites/${encodeURIComponent(site)}`;

export interface StockFilters {
  tenant?: string;
  location?: string;
  commodity?: string;
  state?: StockState;
}

export const warehouseApi = {
  sites: () => call<{ items: WarehouseSite[] }>("GET", "/api/v1/warehouse/sites"),
  site: (site: string) => call<SiteDetail>("GET", base(site)),
  createZone: (site: string, body: ZoneInput) => call<Zone>("POST", `${base(site)}/zones`, body),
  tenantCandidates: (site: string) =>
    call<{ items: { id: string; name: string; kind: string }[] }>("GET", `${base(site)}/tenant-candidates`),
  registerTenant: (site: string, organisationId: string) =>
    call<Tenant>("POST", `${base(site)}/tenants`, { organisationId }),
  removeTenant: (site: string, organisationId: string) =>
    call<void>("DELETE", `${base(site)}/tenants/${encodeURIComponent(organisationId)}`),
  stock: (site: string, f: StockFilters) =>
    call<StockResponse>(
      "GET",
      `${base(site)}/stock${query({ tenant: f.tenant, location: f.location, commodity: f.commodity, state: f.state })}`,
    ),
  bookings: (site: string) => call<{ items: Booking[] }>("GET", `${base(site)}/bookings`),
  createBooking: (site: string, body: BookingInput) => call<Booking>("POST", `${base(site)}/bookings`, body),
  cancelBooking: (site: string, id: string) =>
    call<Booking>("POST", `${base(site)}/bookings/${encodeURIComponent(id)}/cancel`),
  pickSuggestions: (site: string, q: { commodity: string; kg: number; tenant?: string }) =>
    call<PickSuggestion>("GET", `${base(site)}/pick-suggestions${query(q)}`),
  alerts: (site: string) => call<Alerts>("GET", `${base(site)}/alerts`),
  stockCard: (site: string, epc: string, tenant?: string) =>
    call<StockCard>("GET", `${base(site)}/stock-card${query({ epc, tenant })}`),
  operate: (site: string, operation: Operation, body: Record<string, unknown>) =>
    call<OperationResult>("POST", `${base(site)}/${operation}`, body),
};

export type Operation = "put-away" | "move" | "pick" | "count" | "adjust" | "hold" | "release";

/** The stock card as CSV, for a download link (the server sets the file name). */
export function stockCardCsvUrl(site: string, epc: string, lang: "id" | "en", tenant?: string): string {
  return `${base(site)}/stock-card${query({ epc, tenant, format: "csv", lang })}`;
}
