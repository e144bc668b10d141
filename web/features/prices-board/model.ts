/** The public board and series answers (src/modules/prices), as the page reads them. */
export type BoardLevel = "producer" | "wholesale" | "retail";

export interface BoardEntry {
  commodityCode: string;
  regionCode: string;
  provinceCode: string;
  provinceName: string;
  market: { code: string; name: string } | null;
  level: BoardLevel;
  aggregate: boolean;
  marketsCount: number;
  date: string;
  price: number;
  change: { day: number | null; week: number | null; month: number | null };
  reference: { kind: string; min: number | null; max: number; zone: string | null } | null;
  referenceGapPct: number | null;
}

export interface Board {
  date: string;
  commodities: { code: string; name: string; nameEn: string; unit: string }[];
  entries: BoardEntry[];
}

export interface Series {
  points: { date: string; price: number }[];
  references: { kind: string; min: number | null; max: number; effectiveFrom: string }[];
}

/** The two ends of the corridor, shown side by side. */
export const PROVINCES = ["18", "31"] as const;

export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in Jakarta, as YYYY-MM-DD. */
export function todayWIB(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(now);
}

/**
 * The series a province's chart follows: its region-level figure (Panel Harga) when there is one,
 * else its first market, so the line always matches a row the board shows.
 */
export function chartSeriesOf(entries: BoardEntry[]): BoardEntry | null {
  const own = entries.filter((e) => !e.aggregate);
  return own.find((e) => e.market === null) ?? own[0] ?? null;
}

/** Points scaled into a width × height box with the y range padded to include the reference band. */
export function chartGeometry(
  lines: { date: string; price: number }[][],
  band: { min: number; max: number } | null,
  from: string,
  to: string,
  width: number,
  height: number,
) {
  const prices = lines.flat().map((p) => p.price);
  if (band) prices.push(band.min, band.max);
  const lo = Math.min(...prices) * 0.95;
  const hi = Math.max(...prices) * 1.05;
  const t0 = Date.parse(from);
  const span = Math.max(1, Date.parse(to) - t0);
  const x = (date: string) => ((Date.parse(date) - t0) / span) * width;
  const y = (price: number) => height - ((price - lo) / Math.max(1, hi - lo)) * height;
  return {
    paths: lines.map((pts) => pts.map((p) => `${x(p.date).toFixed(1)},${y(p.price).toFixed(1)}`).join(" ")),
    band: band ? { y: y(band.max), h: Math.max(2, y(band.min) - y(band.max)) } : null,
    lo,
    hi,
  };
}
