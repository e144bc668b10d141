/**
 * A contract's delivery schedule and its progress. Pure: periods are calendar weeks counted from the
 * start date or calendar months; each is due on its last day; deliveries count in the period of the
 * day (WIB) they were received.
 */

export interface Period {
  index: number;
  start: string;
  end: string;
  due: string;
}

export interface PeriodProgress extends Period {
  committedGrams: number;
  deliveredGrams: number;
  /** Delivered on or before the due date, up to what was committed. */
  onTimeGrams: number;
  state: "upcoming" | "open" | "met" | "short";
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function lastDayOfMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** At most this many periods: five years of weeks. */
export const MAX_PERIODS = 260;

export function periodsOf(startDate: string, endDate: string, period: "week" | "month"): Period[] {
  const out: Period[] = [];
  let start = startDate;
  while (start <= endDate && out.length < MAX_PERIODS) {
    const natural = period === "week" ? addDays(start, 6) : lastDayOfMonth(start);
    const end = natural < endDate ? natural : endDate;
    out.push({ index: out.length + 1, start, end, due: end });
    start = addDays(end, 1);
  }
  return out;
}

export function progressOf(
  periods: Period[],
  committedGrams: number,
  deliveries: { day: string; grams: number }[],
  today: string,
): PeriodProgress[] {
  return periods.map((p) => {
    const inPeriod = deliveries.filter((d) => d.day >= p.start && d.day <= p.end);
    const deliveredGrams = inPeriod.reduce((s, d) => s + d.grams, 0);
    const onTimeGrams = Math.min(
      committedGrams,
      inPeriod.filter((d) => d.day <= p.due).reduce((s, d) => s + d.grams, 0),
    );
    const state =
      deliveredGrams >= committedGrams
        ? "met"
        : today < p.start
          ? "upcoming"
          : today <= p.due
            ? "open"
            : "short";
    return { ...p, committedGrams, deliveredGrams, onTimeGrams, state };
  });
}
