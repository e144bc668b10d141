/**
 * Entry check for typing slips (an extra zero, a dropped digit). A price is held when it is at least
 * RATIO times, or at most 1/RATIO of, the median of the same series' accepted prices over the previous
 * WINDOW_DAYS, given at least MIN_POINTS of them. A ratio against the median is robust to the odd bad point
 * already in the window, and ×3 is wider than any real day-to-day move in the series Lumbung follows (chili
 * doubles over a season, not overnight), yet catches ×10 and ÷10 slips.
 */
export const OUTLIER_RATIO = 3;
export const OUTLIER_WINDOW_DAYS = 60;
export const OUTLIER_MIN_POINTS = 3;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export type OutlierVerdict = { held: false } | { held: true; median: number; ratio: number; points: number };

export function checkOutlier(price: number, recent: number[]): OutlierVerdict {
  if (recent.length < OUTLIER_MIN_POINTS) return { held: false };
  const med = median(recent);
  if (med <= 0) return { held: false };
  const ratio = price / med;
  if (ratio >= OUTLIER_RATIO || ratio <= 1 / OUTLIER_RATIO) {
    return { held: true, median: med, ratio: Math.round(ratio * 100) / 100, points: recent.length };
  }
  return { held: false };
}

export { addDays } from "../../../lib/dates";
