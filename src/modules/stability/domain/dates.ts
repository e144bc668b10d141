/** Calendar arithmetic on ISO dates (YYYY-MM-DD) and months (YYYY-MM), in UTC so no time zone leaks in. */

export { addDays, dayNumber, isoFromDayNumber } from "../../../lib/dates";

/** Months since year 0, so consecutive months differ by one. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(i: number): string {
  const y = Math.floor(i / 12);
  const m = (i % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

export function daysInMonth(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
