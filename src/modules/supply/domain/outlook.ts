import { addDays } from "../../../lib/dates";
/**
 * The supply outlook of a commodity in a province: stock now rolled forward week by week with the
 * shipments due and what the market brings in against demand. Pure; the formulas are in
 * docs/supply-outlook.md.
 */

export const OUTLOOK_WEEKS = 16;

export interface OutlookPlan {
  dailyDemandKg: number;
  targetCoverDays: number;
  /** Twelve shares of demand, January first. */
  inflowIndex: readonly number[];
  /** Twelve monthly kg, January first. */
  lampungSupplyKg: readonly number[];
}

export interface Arrival {
  /** WIB day the goods are due (ETA, else planned arrival). */
  day: string;
  kg: number;
}

export interface WeekProjection {
  weekStart: string;
  arrivalsKg: number;
  marketBalanceKg: number;
  lampungSupplyKg: number;
  stockKg: number;
  coverDays: number;
  gapKg: number;
  lean: boolean;
}

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);

export { addDays };

/** The Monday of the week a day falls in (ISO weeks: Monday first). */
export function mondayOf(day: string): string {
  const weekday = (new Date(utc(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function daysInMonth(day: string): number {
  const d = new Date(utc(day));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

const monthIndex = (day: string) => Number(day.slice(5, 7)) - 1;

/** To the gram: kilograms carry three decimals at most, so sums do not drift. */
export const roundKg = (kg: number) => Math.round(kg * 1000) / 1000;
const roundDays = (days: number) => Math.round(days * 100) / 100;

/** Stock ÷ daily demand, in days (two decimals). */
export function coverDays(stockKg: number, dailyDemandKg: number): number {
  return roundDays(stockKg / dailyDemandKg);
}

/**
 * Sixteen weeks from the Monday of `today`'s week. Days before `today` in week 1 are past: they add
 * no market balance or Lampung supply. Arrivals due before `today` (overdue, or arrived and not yet
 * received) count in week 1; arrivals due after week 16 are left out.
 */
export function projectOutlook(input: {
  today: string;
  stockKg: number;
  arrivals: readonly Arrival[];
  plan: OutlookPlan;
  weeks?: number;
}): WeekProjection[] {
  const { today, plan } = input;
  const weeks = input.weeks ?? OUTLOOK_WEEKS;
  const first = mondayOf(today);
  const out: WeekProjection[] = [];
  let stock = input.stockKg;
  for (let w = 0; w < weeks; w++) {
    const weekStart = addDays(first, 7 * w);
    const nextStart = addDays(weekStart, 7);
    let arrivals = 0;
    for (const a of input.arrivals) {
      // Overdue (or arrived and not yet received): due today.
      const due = a.day.localeCompare(today) < 0 ? today : a.day;
      if (due >= weekStart && due < nextStart) arrivals += a.kg;
    }
    let market = 0;
    let lampung = 0;
    for (let d = 0; d < 7; d++) {
      const day = addDays(weekStart, d);
      if (day < today) continue;
      const m = monthIndex(day);
      market += ((plan.inflowIndex[m] ?? 1) - 1) * plan.dailyDemandKg;
      lampung += (plan.lampungSupplyKg[m] ?? 0) / daysInMonth(day);
    }
    stock = Math.max(0, roundKg(stock + arrivals + market));
    const target = plan.targetCoverDays * plan.dailyDemandKg;
    out.push({
      weekStart,
      arrivalsKg: roundKg(arrivals),
      marketBalanceKg: roundKg(market),
      lampungSupplyKg: roundKg(lampung),
      stockKg: stock,
      coverDays: coverDays(stock, plan.dailyDemandKg),
      gapKg: roundKg(Math.max(0, target - stock)),
      // The week's Thursday decides its month (ISO's rule for which year a week belongs to).
      lean: (plan.inflowIndex[monthIndex(addDays(weekStart, 3))] ?? 1) < 1,
    });
  }
  return out;
}

/** The weeks below target cover: the first, how many, and the largest shortfall. */
export function leanGapOf(
  weeks: readonly WeekProjection[],
): { firstWeek: string; weeks: number; maxGapKg: number } | null {
  const short = weeks.filter((w) => w.gapKg > 0);
  const first = short[0];
  if (!first) return null;
  return {
    firstWeek: first.weekStart,
    weeks: short.length,
    maxGapKg: Math.max(...short.map((w) => w.gapKg)),
  };
}
