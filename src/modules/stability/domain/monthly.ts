import { daysInMonth, monthFromIndex, monthIndex } from "./dates";
import type { DailyPoint, MonthlyPoint } from "./types";

/** A month needs this many priced days before its mean stands for the month. */
export const MIN_DAYS_PER_MONTH = 8;

/**
 * Monthly means of a daily series, one entry per calendar month from the first to the last observation
 * (gaps included as null), so month positions line up for trend and seasonal terms.
 */
export function monthlyMeans(daily: readonly DailyPoint[], minDays = MIN_DAYS_PER_MONTH): MonthlyPoint[] {
  if (daily.length === 0) return [];
  const sums = new Map<number, { sum: number; days: number }>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const p of daily) {
    if (!Number.isFinite(p.price) || p.price <= 0) continue;
    const i = monthIndex(p.date.slice(0, 7));
    first = Math.min(first, i);
    last = Math.max(last, i);
    const s = sums.get(i) ?? { sum: 0, days: 0 };
    s.sum += p.price;
    s.days += 1;
    sums.set(i, s);
  }
  const out: MonthlyPoint[] = [];
  for (let i = first; i <= last; i++) {
    const s = sums.get(i);
    const month = monthFromIndex(i);
    const needed = Math.min(minDays, daysInMonth(month));
    out.push({ month, price: s && s.days >= needed ? s.sum / s.days : null, days: s?.days ?? 0 });
  }
  return out;
}
