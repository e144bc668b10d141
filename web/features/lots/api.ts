/**
 * The lots API as the lot pages use it. Requests go like lib/api.ts's (session cookie, problem+json
 * thrown as ApiError, titles in the reader's language); this file adds what those helpers cannot
 * send: request headers (the Idempotency-Key of a declaration) and query strings.
 */
import { ApiError, type Problem } from "../../lib/api.ts";

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

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && "status" in body && "title" in body;
}

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": document.documentElement.lang === "en" ? "en" : "id",
    ...extraHeaders,
  };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "network" });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    if (isProblem(parsed)) throw new ApiError({ ...parsed, code: parsed.code ?? `http.${response.status}` });
    throw new ApiError({
      type: "about:blank",
      title: response.statusText || "Error",
      status: response.status,
      code: `http.${response.status}`,
    });
  }
  return parsed as T;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
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
