/**
 * Open311 GeoReport v2 over Lapor: pure translation rules (no I/O). The wire names are the spec's
 * (http://wiki.open311.org/GeoReport_v2); Lapor's own shapes are described structurally here so this
 * module depends on nothing but what it reads.
 */

export interface Bilingual {
  id: string;
  en: string;
}
export type Lang = "id" | "en";

export type AttributeDatatype =
  | "string"
  | "number"
  | "datetime"
  | "text"
  | "singlevaluelist"
  | "multivaluelist";

export interface LaporAttribute {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  description: Bilingual;
  order: number;
  values?: { key: string; name: Bilingual }[];
}

export interface LaporCategoryLike {
  code: string;
  group: string;
  name: Bilingual;
  description: Bilingual;
  agency: { code: string; name: string };
  stageHours: Record<string, number>;
  attributes: LaporAttribute[];
  keywords?: string[];
}

export interface LaporHistoryLike {
  at: string | Date;
  action: string;
  toState: string | null;
  actor: { role: string; name: string | null; agency: { code: string; name: string } | null };
  note: string | null;
}

export interface LaporPublicReportLike {
  id: string;
  number?: string;
  category: { code: string; name: Bilingual };
  description: string;
  latitude: number;
  longitude: number;
  address: string | null;
  state: string;
  agency: { code: string; name: string };
  createdAt: string | Date;
  updatedAt: string | Date;
  stageDueAt: string | Date | null;
  overdue: boolean;
  photos: { url: string }[];
  closedAt?: string | Date | null;
  history?: LaporHistoryLike[];
}

// ---------------------------------------------------------------------------------------------------
// Errors: the spec's array of { code, description }; code is the HTTP status, as in the spec's examples.

export interface Open311Error {
  code: number;
  description: string;
}

/** A failure to answer in the spec's shape. Descriptions carry both languages, Bahasa first. */
export class Open311Failure extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 503,
    readonly errors: Bilingual[],
  ) {
    super(errors.map((e) => e.en).join("; "));
  }
  body(): Open311Error[] {
    return this.errors.map((e) => ({ code: this.status, description: bilingualText(e) }));
  }
}

export function bilingualText(t: Bilingual): string {
  return t.id === t.en ? t.id : `${t.id} / ${t.en}`;
}

const bad = (id: string, en: string): Bilingual => ({ id, en });

// ---------------------------------------------------------------------------------------------------
// Status: Open311 knows open and closed; Lapor's rich state goes to status_notes.

export const CLOSED_STATES = new Set(["selesai", "ditolak"]);

export function open311Status(r: Pick<LaporPublicReportLike, "state" | "closedAt">): "open" | "closed" {
  return CLOSED_STATES.has(r.state) || r.closedAt ? "closed" : "open";
}

const STATE_TEXT: Record<string, (agency: string) => Bilingual> = {
  menunggu: (a) => ({ id: `Menunggu diterima ${a}`, en: `Waiting for ${a} to accept` }),
  koordinasi: (a) => ({ id: `Dikoordinasikan oleh ${a}`, en: `Being coordinated by ${a}` }),
  disposisi: (a) => ({ id: `Didisposisikan ke ${a}`, en: `Disposed to ${a}` }),
  proses: (a) => ({ id: `Sedang dikerjakan oleh ${a}`, en: `In progress at ${a}` }),
  menunggu_validasi: (a) => ({
    id: `Diselesaikan oleh ${a}, menunggu konfirmasi pelapor`,
    en: `Resolved by ${a}, awaiting the reporter's confirmation`,
  }),
  selesai: () => ({ id: "Selesai, dikonfirmasi", en: "Done and confirmed" }),
  ditolak: (a) => ({ id: `Ditolak oleh ${a}`, en: `Rejected by ${a}` }),
  dibuka_kembali: (a) => ({
    id: `Dibuka kembali oleh pelapor, ditangani ${a}`,
    en: `Reopened by the reporter, handled by ${a}`,
  }),
};

/**
 * `disposisi — Didisposisikan ke Kecamatan Kedaton / Disposed to Kecamatan Kedaton`, then "terlambat /
 * overdue" when the stage ran over, then the latest agency note of the public history.
 */
export function statusNotes(r: LaporPublicReportLike): string {
  const text = STATE_TEXT[r.state]?.(r.agency.name) ?? { id: r.state, en: r.state };
  let out = `${r.state} — ${bilingualText(text)}`;
  if (r.overdue) out += " (terlambat / overdue)";
  const note = [...(r.history ?? [])]
    .reverse()
    .find((h) => h.note && (h.actor.role === "agency" || h.actor.role === "admin"));
  if (note?.note) out += `. Catatan / Note: ${note.note}`;
  return out;
}

export function serviceNotice(
  category: Pick<LaporCategoryLike, "agency" | "stageHours"> | undefined,
): string {
  if (!category) return "";
  const hours = category.stageHours.menunggu;
  const first = typeof hours === "number" ? hours : null;
  return bilingualText({
    id: `Ditangani ${category.agency.name}${first !== null ? `; diterima paling lambat ${first} jam` : ""}. Tiap tahap punya tenggat yang bisa dipantau publik.`,
    en: `Handled by ${category.agency.name}${first !== null ? `; accepted within ${first} hours` : ""}. Every stage has a public deadline.`,
  });
}

const iso = (d: string | Date | null | undefined): string | null =>
  d === null || d === undefined ? null : new Date(d).toISOString();

export interface Open311Request {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** A public Lapor report as an Open311 request. Never a reporter, a contact or a private note. */
export function toOpen311Request(
  r: LaporPublicReportLike,
  opts: { lang: Lang; origin: string; category?: LaporCategoryLike },
): Open311Request {
  const photo = r.photos[0];
  return {
    service_request_id: r.id,
    status: open311Status(r),
    status_notes: statusNotes(r),
    service_name: r.category.name[opts.lang],
    service_code: r.category.code,
    description: r.description,
    agency_responsible: r.agency.name,
    service_notice: opts.category ? serviceNotice(opts.category) : null,
    requested_datetime: iso(r.createdAt) as string,
    updated_datetime: iso(r.updatedAt),
    expected_datetime: iso(r.stageDueAt),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.latitude,
    long: r.longitude,
    media_url: photo ? absoluteUrl(opts.origin, photo.url) : null,
  };
}

export function absoluteUrl(origin: string, url: string): string {
  if (/^https?:\/\//.test(url)) return url;
  return `${origin.replace(/\/$/, "")}${url.startsWith("/") ? "" : "/"}${url}`;
}

// ---------------------------------------------------------------------------------------------------
// Services and service definitions.

export function toOpen311Service(c: LaporCategoryLike, lang: Lang) {
  return {
    service_code: c.code,
    service_name: c.name[lang],
    description: c.description[lang],
    metadata: c.attributes.length > 0,
    type: "realtime" as const,
    keywords: (c.keywords?.length ? c.keywords : [c.group, c.code]).join(","),
    group: c.group,
  };
}

const DATATYPE_TEXT: Record<AttributeDatatype, Bilingual> = {
  string: { id: "Teks singkat", en: "Short text" },
  number: { id: "Angka", en: "A number" },
  datetime: { id: "Tanggal dan jam (ISO 8601)", en: "Date and time (ISO 8601)" },
  text: { id: "Teks panjang", en: "Long text" },
  singlevaluelist: { id: "Pilih satu kunci dari values", en: "One key from values" },
  multivaluelist: {
    id: "Satu atau lebih kunci dari values (attribute[kode][]=kunci)",
    en: "One or more keys from values (attribute[code][]=key)",
  },
};

export function toServiceDefinition(c: LaporCategoryLike, lang: Lang) {
  return {
    service_code: c.code,
    attributes: [...c.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: DATATYPE_TEXT[a.datatype][lang],
        order: a.order,
        description: a.description[lang],
        values: (a.values ?? []).map((v) => ({ key: v.key, name: v.name[lang] })),
      })),
  };
}

// ---------------------------------------------------------------------------------------------------
// GET requests.json: the filters and their defaults.

export const MAX_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY = 86_400_000;

/** A W3C / ISO 8601 date-time (`2026-11-30T10:00:00+07:00`, `…Z`) or a date alone (00:00 UTC). */
export function parseW3cDate(raw: string): Date | null {
  const s = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(s))
    return null;
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s.replace(" ", "T"));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function splitList(raw: string | undefined): string[] {
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export interface RequestsQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  page?: string;
  page_size?: string;
}

export interface RequestsFilter {
  ids?: string[];
  categoryCodes?: string[];
  status?: "open" | "closed";
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/**
 * The spec's search: service_request_id (comma list) overrides every other filter; otherwise
 * service_code (comma list), status (open, closed or both) and a window of at most 90 days
 * (default: the last 90 days). `page`/`page_size` page through more than one answer (an extension).
 */
export function requestsFilter(q: RequestsQuery, now: Date): RequestsFilter {
  const errors: Bilingual[] = [];
  const pageSize = q.page_size === undefined ? MAX_RESULTS : Number(q.page_size);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_RESULTS)
    errors.push(
      bad("page_size harus bilangan bulat 1–1000", "page_size must be a whole number from 1 to 1000"),
    );
  const page = q.page === undefined ? 1 : Number(q.page);
  if (!Number.isInteger(page) || page < 1 || page > 100_000)
    errors.push(bad("page harus bilangan bulat ≥ 1", "page must be a whole number ≥ 1"));
  const ids = splitList(q.service_request_id);
  if (ids.length > MAX_RESULTS)
    errors.push(bad("paling banyak 1000 service_request_id", "at most 1000 service_request_id values"));
  if (ids.some((id) => id.length > 100))
    errors.push(bad("service_request_id tidak valid", "invalid service_request_id"));
  if (errors.length) throw new Open311Failure(400, errors);
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  if (ids.length) return { ids, ...paging };

  const statuses = splitList(q.status?.toLowerCase());
  if (statuses.some((s) => s !== "open" && s !== "closed"))
    errors.push(bad("status harus open atau closed", "status must be open or closed"));
  const start = q.start_date === undefined ? undefined : parseW3cDate(q.start_date);
  const end = q.end_date === undefined ? undefined : parseW3cDate(q.end_date);
  if (start === null)
    errors.push(bad("start_date bukan tanggal W3C/ISO 8601", "start_date is not a W3C/ISO 8601 date-time"));
  if (end === null)
    errors.push(bad("end_date bukan tanggal W3C/ISO 8601", "end_date is not a W3C/ISO 8601 date-time"));
  const codes = splitList(q.service_code);
  if (codes.some((c) => c.length > 100)) errors.push(bad("service_code tidak valid", "invalid service_code"));
  if (errors.length) throw new Open311Failure(400, errors);

  let from: Date;
  let to: Date;
  if (start && end) {
    from = start;
    to = end;
  } else if (start) {
    from = start;
    to = new Date(start.getTime() + MAX_WINDOW_DAYS * DAY);
  } else if (end) {
    to = end;
    from = new Date(end.getTime() - MAX_WINDOW_DAYS * DAY);
  } else {
    to = now;
    from = new Date(now.getTime() - MAX_WINDOW_DAYS * DAY);
  }
  if (from > to)
    throw new Open311Failure(400, [bad("start_date setelah end_date", "start_date is after end_date")]);
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY)
    throw new Open311Failure(400, [
      bad("rentang tanggal paling lama 90 hari", "the date range may not span more than 90 days"),
    ]);
  return {
    ...(codes.length ? { categoryCodes: codes } : {}),
    ...(statuses.length === 1 ? { status: statuses[0] as "open" | "closed" } : {}),
    from,
    to,
    ...paging,
  };
}

// ---------------------------------------------------------------------------------------------------
// POST requests.json: the form, as the spec names its fields.

export interface CreateRequestInput {
  apiKey: string | null;
  serviceCode: string;
  latitude: number;
  longitude: number;
  address: string | null;
  description: string;
  /** attribute[code]=value, typed by the service definition. */
  rawAttributes: Record<string, string[]>;
  contact: Record<string, string>;
  mediaUrlIgnored: boolean;
}

const CONTACT_FIELDS = ["email", "first_name", "last_name", "phone", "device_id", "account_id"] as const;

function scalar(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return scalar(v[v.length - 1]);
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

function strings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return [String(v)];
  return [];
}

/**
 * Reads the spec's form (or the same fields as JSON). `attribute[code]=v` keys arrive flat from a
 * form; `attribute[code][]=v` repeats for a multivaluelist; JSON may also send `attribute: {code: v}`.
 * `api_key` may be in the body or the query string.
 */
export function parseCreateRequest(
  body: Record<string, unknown>,
  query: Record<string, unknown> = {},
): CreateRequestInput {
  const errors: Bilingual[] = [];
  const apiKey = scalar(body.api_key) ?? scalar(query.api_key) ?? null;
  const serviceCode = scalar(body.service_code)?.trim() ?? "";
  if (!serviceCode) errors.push(bad("service_code wajib diisi", "service_code is required"));

  const latRaw = scalar(body.lat)?.trim();
  const longRaw = scalar(body.long)?.trim();
  const address = scalar(body.address_string)?.trim() || null;
  const lat = latRaw ? Number(latRaw) : Number.NaN;
  const long = longRaw ? Number(longRaw) : Number.NaN;
  if (!latRaw && !longRaw) {
    errors.push(
      address
        ? bad(
            "lat dan long wajib: Lumbung belum bisa menempatkan address_string saja di peta",
            "lat and long are required: Lumbung cannot place an address_string alone on the map",
          )
        : bad("lokasi wajib: lat dan long", "a location is required: lat and long"),
    );
  } else if (
    !Number.isFinite(lat) ||
    lat < -90 ||
    lat > 90 ||
    !Number.isFinite(long) ||
    long < -180 ||
    long > 180
  ) {
    errors.push(bad("lat dan long harus koordinat WGS84", "lat and long must be WGS84 coordinates"));
  }
  if (address && address.length > 500)
    errors.push(
      bad("address_string paling panjang 500 karakter", "address_string is at most 500 characters"),
    );

  const description = scalar(body.description)?.trim() ?? "";
  if (description.length < 10)
    errors.push(
      bad("description wajib, minimal 10 karakter", "description is required, at least 10 characters"),
    );
  else if (description.length > 2000)
    errors.push(bad("description paling panjang 2000 karakter", "description is at most 2000 characters"));

  const rawAttributes: Record<string, string[]> = {};
  const add = (code: string, values: string[]) => {
    rawAttributes[code] = [...(rawAttributes[code] ?? []), ...values];
  };
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\][]{1,100})\](\[\])?$/.exec(key);
    if (m?.[1]) add(m[1], strings(value));
  }
  if (body.attribute && typeof body.attribute === "object" && !Array.isArray(body.attribute)) {
    for (const [code, value] of Object.entries(body.attribute as Record<string, unknown>))
      add(code, strings(value));
  }

  const contact: Record<string, string> = {};
  for (const f of CONTACT_FIELDS) {
    const v = scalar(body[f])?.trim();
    if (!v) continue;
    if (v.length > 200)
      errors.push(bad(`${f} paling panjang 200 karakter`, `${f} is at most 200 characters`));
    else contact[f] = v;
  }
  if (contact.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email))
    errors.push(bad("email tidak valid", "email is not valid"));

  if (errors.length) throw new Open311Failure(400, errors);
  return {
    apiKey,
    serviceCode,
    latitude: lat,
    longitude: long,
    address,
    description,
    rawAttributes,
    contact,
    mediaUrlIgnored: Boolean(scalar(body.media_url)),
  };
}

/** Checks attribute values against the service definition and types them (number, list of keys). */
export function typedAttributes(
  raw: Record<string, string[]>,
  definition: LaporAttribute[],
): Record<string, string | number | string[]> {
  const errors: Bilingual[] = [];
  const out: Record<string, string | number | string[]> = {};
  const known = new Map(definition.map((a) => [a.code, a]));
  for (const code of Object.keys(raw)) {
    if (!known.has(code))
      errors.push(
        bad(
          `attribute[${code}] tidak dikenal untuk layanan ini`,
          `attribute[${code}] is not defined for this service`,
        ),
      );
  }
  for (const a of definition) {
    const values = (raw[a.code] ?? []).map((v) => v.trim()).filter((v) => v !== "");
    if (values.length === 0) {
      if (a.required)
        errors.push(bad(`attribute[${a.code}] wajib diisi`, `attribute[${a.code}] is required`));
      continue;
    }
    const keys = new Set((a.values ?? []).map((v) => v.key));
    const last = values[values.length - 1] as string;
    switch (a.datatype) {
      case "number": {
        const n = Number(last);
        if (!Number.isFinite(n))
          errors.push(bad(`attribute[${a.code}] harus angka`, `attribute[${a.code}] must be a number`));
        else out[a.code] = n;
        break;
      }
      case "datetime": {
        const d = parseW3cDate(last);
        if (!d)
          errors.push(
            bad(
              `attribute[${a.code}] harus tanggal ISO 8601`,
              `attribute[${a.code}] must be an ISO 8601 date-time`,
            ),
          );
        else out[a.code] = d.toISOString();
        break;
      }
      case "singlevaluelist":
        if (!keys.has(last))
          errors.push(
            bad(
              `attribute[${a.code}]: pilihan "${last}" tidak dikenal`,
              `attribute[${a.code}]: unknown value "${last}"`,
            ),
          );
        else out[a.code] = last;
        break;
      case "multivaluelist": {
        const wrong = values.filter((v) => !keys.has(v));
        if (wrong.length)
          errors.push(
            bad(
              `attribute[${a.code}]: pilihan tidak dikenal ${wrong.join(", ")}`,
              `attribute[${a.code}]: unknown values ${wrong.join(", ")}`,
            ),
          );
        else out[a.code] = [...new Set(values)];
        break;
      }
      default:
        if (last.length > (a.datatype === "text" ? 2000 : 200))
          errors.push(bad(`attribute[${a.code}] terlalu panjang`, `attribute[${a.code}] is too long`));
        else out[a.code] = last;
    }
  }
  if (errors.length) throw new Open311Failure(400, errors);
  return out;
}
