import { addDays } from "../../../lib/dates";

export { addDays };

export interface PricePoint {
  date: string;
  price: number;
}

/** One place's accepted prices at one level, ascending by date. */
export interface PlaceSeries {
  name: string;
  /**
   * A province-wide figure (no market: e.g. Panel Harga's province average) rather than one market or
   * regency.
   */
  provinceWide: boolean;
  points: PricePoint[];
}

export interface SideFigure {
  /** Whole rupiah per kg. */
  price: number;
  date: string;
  /** "province": the province-wide series; "markets": the mean of the places priced that day. */
  basis: "province" | "markets";
  /** The places the figure is made of (the province's name for a province-wide series). */
  markets: string[];
}

function latestWithin(points: PricePoint[], from: string, to: string): PricePoint | null {
  let found: PricePoint | null = null;
  for (const p of points) if (p.date >= from && p.date <= to && (!found || p.date > found.date)) found = p;
  return found;
}

/**
 * One side's price on `asOf`: only prices dated from `asOf − maxAgeDays` to `asOf` count.
 * Two candidates: the province-wide series' latest price, and the mean over the places (markets, farm
 * gates, regencies) priced on the latest day any of them was priced. The more recent wins; on the
 * same day the province-wide series wins (it is the official average over more markets). Null when
 * nothing is recent enough — a figure is never carried forward beyond the window.
 */
export function sideFigure(series: PlaceSeries[], asOf: string, maxAgeDays: number): SideFigure | null {
  const from = addDays(asOf, -maxAgeDays);
  let province: SideFigure | null = null;
  for (const s of series.filter((x) => x.provinceWide)) {
    const p = latestWithin(s.points, from, asOf);
    if (p && (!province || p.date > province.date)) {
      province = { price: p.price, date: p.date, basis: "province", markets: [s.name] };
    }
  }
  const latest = series
    .filter((s) => !s.provinceWide)
    .map((s) => ({ name: s.name, point: latestWithin(s.points, from, asOf) }))
    .filter((x): x is { name: string; point: PricePoint } => x.point !== null);
  let markets: SideFigure | null = null;
  if (latest.length) {
    const day = latest.map((x) => x.point.date).sort()[latest.length - 1] as string;
    const sameDay = latest.filter((x) => x.point.date === day).sort((a, b) => a.name.localeCompare(b.name));
    const mean = sameDay.reduce((sum, x) => sum + x.point.price, 0) / sameDay.length;
    markets = { price: Math.round(mean), date: day, basis: "markets", markets: sameDay.map((x) => x.name) };
  }
  if (province && markets) return markets.date > province.date ? markets : province;
  return province ?? markets;
}

/** The latest date of any price on or before `asOf` (to say how old the data is when it is too old). */
export function latestDate(series: PlaceSeries[], asOf: string): string | null {
  let latest: string | null = null;
  for (const s of series)
    for (const p of s.points) if (p.date <= asOf && (!latest || p.date > latest)) latest = p.date;
  return latest;
}
