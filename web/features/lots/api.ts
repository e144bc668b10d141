/** The lots API as the lot pages use it, on lib/api.ts's request (the declaration adds an Idempotency-Key). */
import { request as call, queryString as query } from "../../lib/api.ts";

export type QuantityUnit = "kg" | "ton";

export interface Lot {
  id: string;
  organisation: { id: string; name: string };
  commodity: { code: string; name: string };
  quantity: { value: string; unit: QuantityUnit; grams: number };
  /** "YYYY-MM-DD" */
  harvestDate: string;
  village: { code: string; label: string };
  grade: string;
  /** Integer rupiah per kg, or null. */
  farmGatePrice: number | null;
  lotCode: string;
  gtin: string;
  lgtin: string;
  digitalLink: string;
  humanReadable: string;
  farm: { gln: string; sgln: string };
  eventId: string;
  declaredAt: string;
}

export interface LotPage {
  items: Lot[];
  nextCursor: string | null;
}

export interface LotFilters {
  commodity?: string;
  harvestedFrom?: string;
  harvestedTo?: string;
}

export interface Declaration {
  commodityCode: string;
  quantity: string;
  unit: QuantityUnit;
  harvestDate: string;
  villageCode: string;
  grade: string;
  farmGatePrice: number | null;
  organisationId?: string;
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export const lotsApi = {
  list: (filters: LotFilters, cursor?: string, limit = 20) =>
    call<LotPage>(
      "GET",
      `/api/v1/lots${query({
        commodity: filters.commodity,
        harvestedFrom: filters.harvestedFrom,
        harvestedTo: filters.harvestedTo,
        cursor,
        limit: String(limit),
      })}`,
    ),
  get: (id: string) => call<Lot>("GET", `/api/v1/lots/${encodeURIComponent(id)}`),
  /** The same key for a retry (a double click, a lost answer) answers with the same lot. */
  declare: (body: Declaration, idempotencyKey: string) =>
    call<Lot>("POST", "/api/v1/lots", body, { "Idempotency-Key": idempotencyKey }),
  regions: (parent: string) => call<{ items: Region[] }>("GET", `/api/v1/regions${query({ parent })}`),
};

export const qrUrl = (id: string) => `/api/v1/lots/${encodeURIComponent(id)}/qr.svg`;
export const labelUrl = (id: string) => `/api/v1/lots/${encodeURIComponent(id)}/label.pdf`;

/** The lot's Digital Link path on this site (`/01/<GTIN>/10/<lot>`): its public trace page. */
export function tracePath(lot: Pick<Lot, "gtin" | "lotCode">): string {
  return `/01/${lot.gtin}/10/${encodeURIComponent(lot.lotCode)}`;
}

/**
 * A key per declaration attempt: random, so two tabs never share one. randomUUID needs a secure
 * context (HTTPS or localhost); getRandomValues works everywhere, for a demo on a plain-HTTP LAN.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
