import { addDays, dayNumber } from "./dates";
import { mad, median } from "./stats";
import type { DailyPoint, Ineligible } from "./types";

/** "Same weeks": observations within this many days of the same calendar date in an earlier year. */
export const SEASONAL_WINDOW_DAYS = 14;
export const SEASONAL_MIN_COMPARATORS = 10;
export const SEASONAL_MIN_SIGMA_SHARE = 0.01;
/** 1.4826·MAD estimates σ for normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;

export type SeasonalZResult =
  | Ineligible
  | {
      eligible: true;
      date: string;
      price: number;
      median: number;
      mad: number;
      z: number;
      comparators: number;
    };

/** Same month-day `years` earlier; 29 February falls back to 28 February. */
function sameDayYearsBefore(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) - years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, "0")}-${md === "02-29" && !leap ? "02-28" : md}`;
}

/**
 * Robust seasonal z-score of the latest price: (x − median)/(1.4826·MAD) against prices of the same weeks in
 * earlier years. Median and MAD make one past spike unable to mask or fake an anomaly.
 */
export function seasonalZ(daily: readonly DailyPoint[], at?: string): SeasonalZResult {
  const series = at ? daily.filter((p) => p.date <= at) : daily;
  const last = series[series.length - 1];
  if (!last) return { eligible: false, reason: { id: "Belum ada data harga", en: "No price data yet" } };
  const firstDay = dayNumber((series[0] as DailyPoint).date);
  const comparators: number[] = [];
  for (let k = 1; ; k++) {
    const centre = dayNumber(sameDayYearsBefore(last.date, k));
    if (centre + SEASONAL_WINDOW_DAYS < firstDay) break;
    for (const p of series) {
      const d = dayNumber(p.date);
      if (Math.abs(d - centre) <= SEASONAL_WINDOW_DAYS) comparators.push(p.price);
    }
  }
  if (comparators.length < SEASONAL_MIN_COMPARATORS) {
    return {
      eligible: false,
      reason: {
        id: `Belum cukup data pada minggu yang sama di tahun-tahun sebelumnya (${comparators.length} hari, minimal ${SEASONAL_MIN_COMPARATORS})`,
        en: `Not enough prices in the same weeks of earlier years (${comparators.length} days, at least ${SEASONAL_MIN_COMPARATORS} needed)`,
      },
    };
  }
  const m = median(comparators);
  const spread = mad(comparators, m);
  const dev = last.price - m;
  // Administered and sticky prices (rice) often have a MAD of zero or a few rupiah, which would turn a 1%
  // move into hundreds of σ. A spread under 1% of the median is below a meaningful price step.
  const scale = Math.max(MAD_TO_SIGMA * spread, SEASONAL_MIN_SIGMA_SHARE * Math.abs(m), 1e-12);
  const z = Math.abs(dev) < 1e-9 * Math.max(1, Math.abs(m)) ? 0 : dev / scale;
  return {
    eligible: true,
    date: last.date,
    price: last.price,
    median: m,
    mad: spread,
    z,
    comparators: comparators.length,
  };
}

export type ChangeResult =
  | Ineligible
  | {
      eligible: true;
      days: number;
      from: string;
      fromPrice: number;
      to: string;
      toPrice: number;
      change: number;
    };

/**
 * Relative change of the latest price over `days`, against the last price on or before that many days
 * earlier; a base more than a week older than intended is too stale to stand for it.
 */
export function priceChange(daily: readonly DailyPoint[], days: number, at?: string): ChangeResult {
  const series = at ? daily.filter((p) => p.date <= at) : daily;
  const last = series[series.length - 1];
  if (!last) return { eligible: false, reason: { id: "Belum ada data harga", en: "No price data yet" } };
  const target = addDays(last.date, -days);
  let base: DailyPoint | undefined;
  for (let i = series.length - 1; i >= 0; i--) {
    const p = series[i] as DailyPoint;
    if (p.date <= target) {
      base = p;
      break;
    }
  }
  if (!base || dayNumber(target) - dayNumber(base.date) > 7) {
    return {
      eligible: false,
      reason: {
        id: `Tidak ada harga sekitar ${days} hari sebelumnya (${target})`,
        en: `No price around ${days} days earlier (${target})`,
      },
    };
  }
  return {
    eligible: true,
    days,
    from: base.date,
    fromPrice: base.price,
    to: last.date,
    toPrice: last.price,
    change: (last.price - base.price) / base.price,
  };
}

export interface ReferenceCeiling {
  kind: "HET" | "HAP" | "HPP";
  max: number;
  min: number | null;
  source: string;
  effectiveFrom: string;
}

export type GapResult =
  | Ineligible
  | {
      eligible: true;
      kind: ReferenceCeiling["kind"];
      ceiling: number;
      price: number;
      gap: number;
      source: string;
    };

/** Gap of the latest price to the reference ceiling in force (HET or the top of the HAP range). */
export function referenceGap(price: number | undefined, reference: ReferenceCeiling | null): GapResult {
  if (price === undefined)
    return { eligible: false, reason: { id: "Belum ada data harga", en: "No price data yet" } };
  if (!reference) {
    return {
      eligible: false,
      reason: {
        id: "Tidak ada HET/HAP yang berlaku untuk komoditas, zona dan tanggal ini",
        en: "No HET/HAP applies to this commodity, zone and date",
      },
    };
  }
  return {
    eligible: true,
    kind: reference.kind,
    ceiling: reference.max,
    price,
    gap: (price - reference.max) / reference.max,
    source: reference.source,
  };
}
