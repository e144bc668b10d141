/**
 * Every call the web shell makes to the Lumbung API. The web app relies on the
 * httpOnly session cookie set by the server (`credentials: "same-origin"`), never
 * on a token kept in JavaScript.
 *
 * Errors are RFC 9457 problem+json; they are thrown as `ApiError`.
 */

export const PERSONAS = [
  "admin",
  "warga",
  "koperasi",
  "farmer",
  "umkm",
  "bumd",
  "hub_operator",
  "warehouse_operator",
  "carrier",
  "processor",
  "dinas",
  "partner",
] as const;
export type Persona = (typeof PERSONAS)[number];

export interface User {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  isAdmin: boolean;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
}

export interface Membership {
  organisationId: string;
  name: string;
  kind: string;
  role: string;
}

export interface Session {
  user: User;
  persona: Persona;
  organisation: Organisation | null;
  role: string | null;
  /** Every organisation the user belongs to (the server may omit it). */
  memberships?: Membership[];
}

export interface LoginResponse extends Session {
  token: string;
}

export interface LoginRequest {
  identifier: string;
  password: string;
}

export interface RegisterRequest {
  name: string;
  email?: string;
  phone?: string;
  password: string;
}

export type ReferencePriceKind = "HET" | "HAP" | "HPP";
export type PriceLevel = "consumer" | "producer";

export interface ReferencePrice {
  kind: ReferencePriceKind;
  level: PriceLevel;
  zone: string | null;
  min: number | null;
  max: number;
  unit: string;
  effectiveFrom: string;
  source: string;
}

export interface Commodity {
  code: string;
  name: string;
  nameEn: string;
  category: string;
  unit: string;
  referencePrices: ReferencePrice[];
}

export interface Site {
  id: string;
  code: string;
  name: string;
  kind: "hub" | "warehouse" | "market" | "farm" | "mill" | "port";
  regionCode: string;
  regionName: string;
  address: string;
  latitude: number;
  longitude: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorLabel: string | null;
  action: string;
  method: string | null;
  path: string | null;
  status: number | null;
  ip: string | null;
  requestId: string | null;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: string;
  regionCode: string | null;
}

export interface ListResponse<T> {
  items: T[];
}

export interface AuditPage extends ListResponse<AuditEntry> {
  nextCursor: string | null;
}

/** A Kemendagri region (village, regency) by code and name. */
export interface RegionRef {
  code: string;
  name: string;
}

/** A harvest lot the traced food came from (public view: organisations, never people). */
export interface TraceOrigin {
  lot: string;
  quantity: number | null;
  uom: string | null;
  /** "YYYY-MM-DD" */
  harvestDate: string | null;
  grade: string | null;
  village: RegionRef | null;
  regency: RegionRef | null;
  /** The koperasi or farmer organisation. */
  producer: string | null;
  /** Integer rupiah per kg. */
  farmGatePricePerKg: number | null;
}

/** One recorded step of the journey (an EPCIS event), oldest first. */
export interface TraceStep {
  eventTime: string;
  eventTimeZoneOffset: string;
  /** The CBV business step ("shipping"), or the URI as sent when not a standard one. */
  step: string | null;
  disposition: string | null;
  /** An EPC URI of the place (usually an SGLN). */
  place: string | null;
  temperatures: number[];
}

export interface TraceLastSeen {
  eventTime: string;
  bizStep: string | null;
  disposition: string | null;
  location: string | null;
  owner: string | null;
}

/** `GET /api/v1/public/trace`: what anyone who scans the QR on a label may see. */
export interface PublicTrace {
  epc: string;
  kind: string;
  origins: TraceOrigin[];
  journey: TraceStep[];
  current: TraceLastSeen | null;
}

/** `GET /health`; `demo: true` (when the server runs with demo accounts) shows the demo-account hint. */
export interface Health {
  status: string;
  version?: string;
  demo?: boolean;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: unknown;
}

/** Field name → message, normalised from the `errors` member of a problem. */
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldErrors;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = normaliseFieldErrors(problem.errors);
  }
}

function fieldName(raw: unknown): string | null {
  if (Array.isArray(raw)) return raw.length > 0 ? raw.map(String).join(".") : null;
  if (typeof raw !== "string" || raw === "") return null;
  // JSON pointers ("/password", "#/body/password") and dotted paths ("body.password").
  const parts = raw.replace(/^#?\//, "").split(/[/.]/);
  const trimmed = parts[0] === "body" ? parts.slice(1) : parts;
  return trimmed.join(".") || null;
}

/**
 * Accepts the shapes a problem's `errors` member is commonly given:
 * `[{ path|pointer|field|name, message|detail }]` or `{ field: message | message[] }`.
 */
export function normaliseFieldErrors(errors: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (Array.isArray(errors)) {
    for (const entry of errors) {
      if (typeof entry !== "object" || entry === null) continue;
      const e = entry as Record<string, unknown>;
      const name = fieldName(e.path ?? e.pointer ?? e.field ?? e.name ?? e.instancePath);
      const message = e.message ?? e.detail ?? e.title;
      if (name && typeof message === "string" && !(name in out)) out[name] = message;
    }
  } else if (typeof errors === "object" && errors !== null) {
    for (const [key, value] of Object.entries(errors)) {
      const name = fieldName(key);
      const message = Array.isArray(value) ? value.find((v) => typeof v === "string") : value;
      if (name && typeof message === "string") out[name] = message;
    }
  }
  return out;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && "status" in body && "title" in body;
}

/**
 * One JSON call to Lumbung's API with the session cookie: the parsed answer, or an ApiError built
 * from the problem+json the server sent (or from the network failure). Features build on this.
 */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    // Problem titles come back in the language the person reads the app in.
    "Accept-Language": document.documentElement.lang === "en" ? "en" : "id",
    ...extraHeaders,
  };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body instanceof Blob) {
    // A file goes as it is (a CSV import), labelled with its own type.
    headers["Content-Type"] = body.type || "application/octet-stream";
    init.body = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({
      type: "about:blank",
      title: "Network error",
      status: 0,
      code: "network",
    });
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }

  if (!response.ok) {
    if (isProblem(parsed)) {
      throw new ApiError({ ...parsed, code: parsed.code ?? `http.${response.status}` });
    }
    throw new ApiError({
      type: "about:blank",
      title: response.statusText || "Error",
      status: response.status,
      code: `http.${response.status}`,
    });
  }
  return parsed as T;
}

/** `?a=1&b=2` from the parameters that have a value ("" and undefined are left out), or "". */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const api = {
  login: (body: LoginRequest) => request<LoginResponse>("POST", "/api/v1/auth/login", body),
  logout: () => request<void>("POST", "/api/v1/auth/logout"),
  register: (body: RegisterRequest) => request<LoginResponse>("POST", "/api/v1/auth/register", body),
  /** The current session, or `null` when not signed in. */
  me: async (): Promise<Session | null> => {
    try {
      return await request<Session>("GET", "/api/v1/auth/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  commodities: () => request<ListResponse<Commodity>>("GET", "/api/v1/commodities"),
  sites: () => request<ListResponse<Site>>("GET", "/api/v1/sites"),
  audit: (limit = 50) => request<AuditPage>("GET", `/api/v1/audit?limit=${limit}`),
  organisations: () => request<ListResponse<OrganisationSummary>>("GET", "/api/v1/organisations"),
  health: () => request<Health>("GET", "/health"),
  /** Public, no sign-in: `epc` is an EPC URI or a GS1 Digital Link URI. */
  publicTrace: (epc: string) =>
    request<PublicTrace>("GET", `/api/v1/public/trace?epc=${encodeURIComponent(epc)}`),
};

/** Strip the token from a login/register response: the web app keeps only the session. */
export function toSession({ token: _token, ...session }: LoginResponse): Session {
  return session;
}

export function isOperator(persona: Persona): boolean {
  return persona !== "warga";
}
