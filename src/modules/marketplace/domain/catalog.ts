/**
 * Checks a Dinas official would make on a seller's papers, and the slugs of shops and products. Pure.
 *
 * - NIB (Nomor Induk Berusaha, OSS RBA): 13 digits.
 * - SPP-IRT / P-IRT (home-industry food permit): 15 digits, often written with dots or dashes.
 * - Halal certificate of BPJPH: "ID" followed by digits (e.g. ID18110000123450123); older documents add
 *   spaces, which are ignored.
 * - A bank account number: 6–20 digits (Indonesian banks use 10–16; separators are dropped).
 */

export function normaliseNib(raw: string): string | null {
  const digits = raw.replace(/[\s.-]/g, "");
  return /^\d{13}$/.test(digits) ? digits : null;
}

export function normalisePirt(raw: string): string | null {
  const digits = raw.replace(/^(P-?IRT|SPP-?IRT)\s*(No\.?)?\s*/i, "").replace(/[\s.-]/g, "");
  return /^\d{15}$/.test(digits) ? digits : null;
}

export function normaliseHalal(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, "").toUpperCase();
  return /^ID\d{10,20}$/.test(compact) ? compact : null;
}

export function normaliseBankAccount(raw: string): string | null {
  const digits = raw.replace(/[\s.-]/g, "");
  return /^\d{6,20}$/.test(digits) ? digits : null;
}

const MAX_SLUG = 80;

/** "Keripik Pisang Cokelat — Lampung!" → "keripik-pisang-cokelat-lampung"; empty → the fallback. */
export function slugify(text: string, fallback = "produk"): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " dan ")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || fallback;
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` does not contain. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The GS1 Digital Link path of a lot's public trace page. */
export function tracePath(gtin: string, lotCode: string): string {
  return `/01/${gtin.padStart(14, "0")}/10/${encodeURIComponent(lotCode)}`;
}

/** "250 g", "1 kg", "1,5 kg": how a variant's weight reads when its name says nothing better. */
export function weightLabel(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  const kg = grams / 1000;
  return `${Number.isInteger(kg) ? kg : kg.toLocaleString("id-ID", { maximumFractionDigits: 2 })} kg`;
}
