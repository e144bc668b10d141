/**
 * Every error a client can see has a stable code, an HTTP status and a title in both languages.
 * Modules add their own catalogues with `defineErrors`; the problem handler looks codes up here.
 */
export interface ErrorSpec {
  status: number;
  title: { id: string; en: string };
}

const catalogue = new Map<string, ErrorSpec>();

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, spec] of Object.entries(specs)) {
    catalogue.set(code, spec);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorSpec(code: string): ErrorSpec | undefined {
  return catalogue.get(code);
}

export function allErrorCodes(): string[] {
  return [...catalogue.keys()];
}

export interface FieldError {
  /** JSON pointer-ish path of the offending field, e.g. `body/email`. */
  field: string;
  /** In English; the problem handler swaps in the Indonesian wording when the caller prefers it. */
  message: string;
  /** The Indonesian wording, when it is known at the point the error is made. */
  messageId?: string;
}

const indonesianWording = new Map<string, string>();

/**
 * A validation message with its Indonesian wording: returns the English text (for zod, for logs)
 * and remembers the translation for problem responses in Bahasa Indonesia.
 */
export function bilingual(en: string, id: string): string {
  indonesianWording.set(en, id);
  return en;
}

export function indonesianFor(en: string): string | undefined {
  return indonesianWording.get(en);
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    detail?: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    const spec = catalogue.get(code);
    if (!spec) throw new Error(`Unknown error code ${code}: add it to a defineErrors catalogue`);
    super(detail ?? spec.title.en);
    this.status = spec.status;
  }
}

export const HttpErrors = defineErrors({
  "request.malformed_json": { status: 400, title: { id: "JSON tidak valid", en: "Malformed JSON" } },
  "request.validation": {
    status: 400,
    title: { id: "Data yang dikirim tidak valid", en: "The request is not valid" },
  },
  "request.bad_request": { status: 400, title: { id: "Permintaan tidak valid", en: "Bad request" } },
  "route.not_found": { status: 404, title: { id: "Alamat tidak ditemukan", en: "Not found" } },
  "resource.not_found": { status: 404, title: { id: "Data tidak ditemukan", en: "Resource not found" } },
  "request.method_not_allowed": {
    status: 405,
    title: { id: "Metode tidak diizinkan", en: "Method not allowed" },
  },
  "request.body_too_large": {
    status: 413,
    title: { id: "Data yang dikirim terlalu besar", en: "Request body too large" },
  },
  "request.unsupported_media_type": {
    status: 415,
    title: { id: "Jenis konten tidak didukung", en: "Unsupported media type" },
  },
  "request.rate_limited": {
    status: 429,
    title: { id: "Terlalu banyak permintaan, coba lagi nanti", en: "Too many requests" },
  },
  "auth.unauthenticated": {
    status: 401,
    title: { id: "Silakan masuk terlebih dahulu", en: "Authentication required" },
  },
  "auth.forbidden": {
    status: 403,
    title: { id: "Anda tidak berhak melakukan ini", en: "Not allowed" },
  },
  "service.starting": {
    status: 503,
    title: { id: "Layanan sedang dipersiapkan", en: "Service is starting" },
  },
  "server.internal": {
    status: 500,
    title: { id: "Terjadi kesalahan di server", en: "Internal server error" },
  },
});
