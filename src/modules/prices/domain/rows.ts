import { PRICE_LEVELS, type PriceLevel } from "../prices.tables";
import type { CsvRecord } from "./csv";

export interface ParsedRow {
  line: number;
  commodityCode: string;
  regionCode: string;
  marketId: string | null;
  level: PriceLevel;
  date: string;
  price: number;
}

export interface RowError {
  line: number;
  column: string;
  reason: string;
}

export interface Lookups {
  /** Commodity code by a normalised code, name or alias. */
  commodity(text: string): string | null;
  /** Region code by a code or normalised name; regencies only under `province` when given. */
  region(text: string, province?: string): string | null;
  market(text: string): { id: string; regionCode: string; level: PriceLevel } | null;
}

export type CsvFormat = "lumbung" | "panel-harga";

export const MAX_PRICE = 100_000_000;

/** Lowercase letters and digits only, with the abbreviations Panel Harga uses spelt out. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/\bd\.\s*i\.?\s*/g, "daerah istimewa ")
    .replace(/\bdki\b/g, "daerah khusus ibukota")
    .replace(/\bkab\.?\s/g, "kabupaten ")
    .replace(/\badm\.?\s/g, "administrasi ")
    .replace(/[^a-z0-9]+/g, "");
}

const LEVEL_WORDS: Record<string, PriceLevel> = {
  producer: "producer",
  produsen: "producer",
  petani: "producer",
  wholesale: "wholesale",
  grosir: "wholesale",
  pedagangbesar: "wholesale",
  retail: "retail",
  eceran: "retail",
  konsumen: "retail",
};

function parseLevel(text: string): PriceLevel | null {
  return LEVEL_WORDS[normaliseName(text)] ?? null;
}

function validDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2100 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD`, or `YYYY-MM` for a monthly figure (stored on the first of the month). */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  return m ? validDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1) : null;
}

/** Panel Harga's `dd/mm/yyyy`, or `mm/yyyy` for its monthly tables. */
export function parsePanelDate(text: string): string | null {
  const t = text.trim();
  const daily = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (daily) return validDate(Number(daily[3]), Number(daily[2]), Number(daily[1]));
  const monthly = /^(\d{1,2})\/(\d{4})$/.exec(t);
  return monthly ? validDate(Number(monthly[2]), Number(monthly[1]), 1) : null;
}

/** Rupiah as published: `10600`, `10600.0` or `10.600` (Indonesian thousands dots). Rounded to whole rupiah. */
export function parsePrice(text: string): number | null {
  const t = text.trim().replace(/^rp\.?\s*/i, "");
  let value: number;
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) value = Number(t.replace(/\./g, ""));
  else if (/^\d+(\.\d+)?$/.test(t)) value = Number(t);
  else return null;
  const rounded = Math.round(value);
  return rounded >= 1 && rounded <= MAX_PRICE ? rounded : null;
}

const LUMBUNG_COLUMNS = ["date", "commodity", "region", "market", "level", "price"];
const PANEL_COLUMNS = ["tanggal", "komoditas", "provinsi", "kabupatenkota", "pasar", "harga", "tingkat"];

export function detectFormat(header: string[]): CsvFormat | null {
  const names = header.map((h) => normaliseName(h));
  if (names.includes("tanggal") && names.includes("harga")) return "panel-harga";
  if (names.includes("date") && names.includes("price")) return "lumbung";
  return null;
}

/**
 * Turns CSV records into observations, collecting every row it cannot map with its line and reason.
 * Empty Panel Harga prices are days with no published figure, counted, not errors.
 */
export function parseRows(
  records: Iterable<CsvRecord>,
  lookups: Lookups,
): { format: CsvFormat | null; rows: ParsedRow[]; errors: RowError[]; noPrice: number } {
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  let noPrice = 0;
  let format: CsvFormat | null = null;
  let col: Record<string, number> = {};
  let headerSeen = false;
  for (const rec of records) {
    if (!headerSeen) {
      headerSeen = true;
      format = detectFormat(rec.fields);
      if (!format) {
        errors.push({
          line: rec.line,
          column: "header",
          reason: `unknown header: expected ${LUMBUNG_COLUMNS.join(",")} or Panel Harga's Tanggal,Komoditas,Provinsi,Harga`,
        });
        return { format, rows, errors, noPrice };
      }
      const known = format === "lumbung" ? LUMBUNG_COLUMNS : PANEL_COLUMNS;
      col = {};
      rec.fields.forEach((h, i) => {
        const n = normaliseName(h);
        if (known.includes(n)) col[n] = i;
      });
      const required =
        format === "lumbung" ? ["date", "commodity", "price"] : ["tanggal", "komoditas", "provinsi", "harga"];
      const missing = required.filter((r) => col[r] === undefined);
      if (missing.length) {
        errors.push({ line: rec.line, column: "header", reason: `missing column(s): ${missing.join(", ")}` });
        return { format, rows, errors, noPrice };
      }
      continue;
    }
    const get = (name: string) => {
      const i = col[name];
      return i === undefined ? "" : (rec.fields[i] ?? "").trim();
    };
    const fail = (column: string, reason: string) => errors.push({ line: rec.line, column, reason });
    if (format === "lumbung") {
      const row = lumbungRow(get, lookups, fail);
      if (row) rows.push({ line: rec.line, ...row });
    } else {
      if (get("harga") === "") {
        noPrice++;
        continue;
      }
      const row = panelRow(get, lookups, fail);
      if (row) rows.push({ line: rec.line, ...row });
    }
  }
  if (!headerSeen) errors.push({ line: 1, column: "header", reason: "the file is empty" });
  return { format, rows, errors, noPrice };
}

type Getter = (name: string) => string;
type Fail = (column: string, reason: string) => void;

function lumbungRow(get: Getter, lookups: Lookups, fail: Fail): Omit<ParsedRow, "line"> | null {
  let ok = true;
  const bad = (column: string, reason: string) => {
    ok = false;
    fail(column, reason);
  };
  const date = parseIsoDate(get("date"));
  if (!date) bad("date", `not a date (YYYY-MM-DD or YYYY-MM): "${get("date")}"`);
  const commodityCode = lookups.commodity(get("commodity"));
  if (!commodityCode) bad("commodity", `unknown commodity "${get("commodity")}"`);
  const marketText = get("market");
  const market = marketText ? lookups.market(marketText) : null;
  if (marketText && !market) bad("market", `unknown market "${marketText}"`);
  let regionCode: string | null = market?.regionCode ?? null;
  const regionText = get("region");
  if (regionText) {
    const r = lookups.region(regionText);
    if (!r) bad("region", `unknown region "${regionText}"`);
    else if (market && !market.regionCode.startsWith(r))
      bad("region", `market ${marketText} is not in region ${r}`);
    else if (!market) regionCode = r;
  } else if (!market) bad("region", "give a region or a market");
  const levelText = get("level");
  const level = levelText ? parseLevel(levelText) : (market?.level ?? "retail");
  if (!level) bad("level", `unknown level "${levelText}" (one of ${PRICE_LEVELS.join(", ")})`);
  const price = parsePrice(get("price"));
  if (price === null) bad("price", `not a whole rupiah amount between 1 and ${MAX_PRICE}: "${get("price")}"`);
  if (!ok || !date || !commodityCode || !regionCode || !level || price === null) return null;
  return { date, commodityCode, regionCode, marketId: market?.id ?? null, level, price };
}

function panelRow(get: Getter, lookups: Lookups, fail: Fail): Omit<ParsedRow, "line"> | null {
  let ok = true;
  const bad = (column: string, reason: string) => {
    ok = false;
    fail(column, reason);
  };
  const date = parsePanelDate(get("tanggal"));
  if (!date) bad("Tanggal", `not a date (dd/mm/yyyy or mm/yyyy): "${get("tanggal")}"`);
  const commodityCode = lookups.commodity(get("komoditas"));
  if (!commodityCode) bad("Komoditas", `unknown commodity "${get("komoditas")}"`);
  const province = lookups.region(get("provinsi"));
  if (!province || province.includes(".")) bad("Provinsi", `unknown province "${get("provinsi")}"`);
  let regionCode = province;
  const regencyText = get("kabupatenkota");
  if (regencyText && province) {
    const r = lookups.region(regencyText, province);
    if (!r) bad("Kabupaten/Kota", `unknown regency or city "${regencyText}" in ${get("provinsi")}`);
    else regionCode = r;
  }
  const marketText = get("pasar");
  const market = marketText ? lookups.market(marketText) : null;
  if (marketText && !market) bad("Pasar", `unknown market "${marketText}"`);
  else if (market && regionCode && !market.regionCode.startsWith(regionCode)) {
    bad("Pasar", `market "${marketText}" is not in ${regencyText || get("provinsi")}`);
  }
  const levelText = get("tingkat");
  const level = levelText ? parseLevel(levelText) : (market?.level ?? "retail");
  if (!level) bad("Tingkat", `unknown level "${levelText}"`);
  const price = parsePrice(get("harga"));
  if (price === null) bad("Harga", `not a rupiah amount between 1 and ${MAX_PRICE}: "${get("harga")}"`);
  if (!ok || !date || !commodityCode || !regionCode || !level || price === null) return null;
  return {
    date,
    commodityCode,
    regionCode: market?.regionCode ?? regionCode,
    marketId: market?.id ?? null,
    level,
    price,
  };
}
