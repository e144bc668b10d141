import { addDays } from "../../../lib/dates";
/**
 * Capacity bookings: space a tenant reserves in a zone for a range of days (both ends included).
 * On no day may the confirmed bookings of a zone together exceed its mass or its pallet places. Pure.
 */

export interface Span {
  fromDate: string;
  toDate: string;
}

export interface Load {
  kg: number;
  pallets: number;
}

export interface Capacity {
  capacityKg: number;
  palletPlaces: number;
}

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The earlier and the later of two ISO dates (strings: Math.min does not apply). */
export const earlierDay = (a: string, b: string): string => [a, b].sort()[0] as string;
export const laterDay = (a: string, b: string): string => [a, b].sort()[1] as string;

export { addDays };

/** Days from `from` to `to`, both included (empty when `to` is before `from`). */
export function daysOf(span: Span): string[] {
  const out: string[] = [];
  for (let t = toTime(span.fromDate); t <= toTime(span.toDate); t += DAY_MS) out.push(toDay(t));
  return out;
}

export function spanDays(span: Span): number {
  return Math.floor((toTime(span.toDate) - toTime(span.fromDate)) / DAY_MS) + 1;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.fromDate <= b.toDate && b.fromDate <= a.toDate;
}

/** The booked load of each day of `span`, from the bookings that cover it. */
export function dailyLoad(bookings: readonly (Span & Load)[], span: Span): Map<string, Load> {
  const load = new Map<string, Load>(daysOf(span).map((d) => [d, { kg: 0, pallets: 0 }]));
  for (const b of bookings) {
    if (!overlaps(b, span)) continue;
    for (const day of daysOf({
      fromDate: laterDay(b.fromDate, span.fromDate),
      toDate: earlierDay(b.toDate, span.toDate),
    })) {
      const l = load.get(day) as Load;
      l.kg += b.kg;
      l.pallets += b.pallets;
    }
  }
  return load;
}

/** Consecutive days folded into ranges: [1,2,3,5] → 1–3, 5. */
export function dayRanges(days: readonly string[]): Span[] {
  const ranges: Span[] = [];
  for (const day of [...days].sort()) {
    const last = ranges.at(-1);
    if (last && addDays(last.toDate, 1) === day) last.toDate = day;
    else ranges.push({ fromDate: day, toDate: day });
  }
  return ranges;
}

export function rangeText(ranges: readonly Span[]): string {
  return ranges.map((r) => (r.fromDate === r.toDate ? r.fromDate : `${r.fromDate}–${r.toDate}`)).join(", ");
}

export type BookingCheck =
  | { ok: true }
  | {
      ok: false;
      /** The days the request would overfill, as ranges. */
      days: Span[];
      /** The least room left on those days, before the request. */
      freeKg: number;
      freePallets: number;
    };

/** Whether `request` fits in the zone beside the confirmed `bookings` on every day it covers. */
export function checkBooking(
  zone: Capacity,
  bookings: readonly (Span & Load)[],
  request: Span & Load,
): BookingCheck {
  const load = dailyLoad(bookings, request);
  const over: string[] = [];
  let freeKg = Number.POSITIVE_INFINITY;
  let freePallets = Number.POSITIVE_INFINITY;
  for (const [day, l] of load) {
    if (l.kg + request.kg > zone.capacityKg || l.pallets + request.pallets > zone.palletPlaces) {
      over.push(day);
      freeKg = Math.min(freeKg, Math.max(0, zone.capacityKg - l.kg));
      freePallets = Math.min(freePallets, Math.max(0, zone.palletPlaces - l.pallets));
    }
  }
  return over.length ? { ok: false, days: dayRanges(over), freeKg, freePallets } : { ok: true };
}

/** Days on which bookings already exceed a (lowered) capacity. */
export function overbookedDays(zone: Capacity, bookings: readonly (Span & Load)[], span: Span): string[] {
  return [...dailyLoad(bookings, span)]
    .filter(([, l]) => l.kg > zone.capacityKg || l.pallets > zone.palletPlaces)
    .map(([day]) => day);
}
