import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, leanGapOf, mondayOf, type OutlookPlan, projectOutlook } from "./outlook";

const flat = (v: number) => Array.from({ length: 12 }, () => v);
const plan = (over: Partial<OutlookPlan> = {}): OutlookPlan => ({
  dailyDemandKg: 1000,
  targetCoverDays: 10,
  inflowIndex: flat(1),
  lampungSupplyKg: flat(0),
  ...over,
});

describe("weeks", () => {
  it("start on the Monday of today's week", () => {
    expect(mondayOf("2025-10-15")).toBe("2025-10-13"); // a Wednesday
    expect(mondayOf("2025-10-13")).toBe("2025-10-13");
    expect(mondayOf("2025-10-19")).toBe("2025-10-13"); // Sunday ends the week
    const weeks = projectOutlook({ today: "2025-10-15", stockKg: 0, arrivals: [], plan: plan() });
    expect(weeks).toHaveLength(16);
    expect(weeks.map((w) => w.weekStart).slice(0, 3)).toEqual(["2025-10-13", "2025-10-20", "2025-10-27"]);
  });
});

describe("projectOutlook", () => {
  it("keeps stock constant in a balanced market without arrivals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }),
        (stock, demand, date) => {
          const today = date.toISOString().slice(0, 10);
          const weeks = projectOutlook({
            today,
            stockKg: stock,
            arrivals: [],
            plan: plan({ dailyDemandKg: demand }),
          });
          return weeks.every((w) => w.stockKg === stock && w.marketBalanceKg === 0);
        },
      ),
    );
  });

  it("raises cover in the week an arrival is due, and keeps it after", () => {
    const weeks = projectOutlook({
      today: "2025-10-13",
      stockKg: 5000,
      arrivals: [{ day: "2025-10-22", kg: 3000 }],
      plan: plan(),
    });
    expect(weeks.map((w) => [w.arrivalsKg, w.stockKg, w.coverDays]).slice(0, 3)).toEqual([
      [0, 5000, 5],
      [3000, 8000, 8],
      [0, 8000, 8],
    ]);
    expect(weeks[0]?.gapKg).toBe(5000);
    expect(weeks[1]?.gapKg).toBe(2000);
  });

  it("counts overdue arrivals in week 1 and leaves out those after week 16", () => {
    const weeks = projectOutlook({
      today: "2025-10-15",
      stockKg: 0,
      arrivals: [
        { day: "2025-10-01", kg: 100 },
        { day: "2026-12-01", kg: 999 },
      ],
      plan: plan(),
    });
    expect(weeks[0]?.arrivalsKg).toBe(100);
    expect(weeks.reduce((s, w) => s + w.arrivalsKg, 0)).toBe(100);
  });

  it("draws stock down in lean months by (index − 1) × demand a day, counting only days from today", () => {
    const index = flat(1);
    index[9] = 0.9; // October
    const weeks = projectOutlook({
      today: "2025-10-15", // Wednesday: five days left in week 1
      stockKg: 10_000,
      arrivals: [],
      plan: plan({ inflowIndex: index }),
    });
    expect(weeks[0]).toMatchObject({ marketBalanceKg: -500, stockKg: 9500, lean: true });
    expect(weeks[1]).toMatchObject({ marketBalanceKg: -700, stockKg: 8800, lean: true });
    // 27 Oct–2 Nov: five October days, two November days (balanced).
    expect(weeks[2]).toMatchObject({ marketBalanceKg: -500, stockKg: 8300, lean: true });
    expect(weeks[3]).toMatchObject({ marketBalanceKg: 0, stockKg: 8300, lean: false });
  });

  it("never projects stock below zero, and a harvest refills from zero", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(
          fc.record({ offset: fc.integer({ min: -30, max: 140 }), kg: fc.integer({ min: 0, max: 100_000 }) }),
        ),
        (inflow, stock, arrivals) => {
          const weeks = projectOutlook({
            today: "2025-11-30",
            stockKg: stock,
            arrivals: arrivals.map((a) => ({ day: addDays("2025-11-30", a.offset), kg: a.kg })),
            plan: plan({ inflowIndex: inflow, dailyDemandKg: 10_000 }),
          });
          return weeks.every((w) => w.stockKg >= 0 && w.coverDays >= 0 && w.gapKg >= 0);
        },
      ),
    );
  });

  it("spreads Lampung's monthly supply over the days of the month", () => {
    const supply = flat(0);
    supply[10] = 30_000; // November: 1,000 kg a day
    const weeks = projectOutlook({
      today: "2025-11-03",
      stockKg: 0,
      arrivals: [],
      plan: plan({ lampungSupplyKg: supply }),
    });
    expect(weeks[0]?.lampungSupplyKg).toBe(7000);
    // 24–30 Nov
    expect(weeks[3]?.lampungSupplyKg).toBe(7000);
    // 1–7 Dec
    expect(weeks[4]?.lampungSupplyKg).toBe(0);
  });
});

describe("leanGapOf", () => {
  it("names the first week short of target, how many are, and the largest gap", () => {
    const index = flat(1);
    index[11] = 0.5; // December
    const weeks = projectOutlook({
      today: "2025-11-24",
      stockKg: 12_000,
      arrivals: [{ day: "2026-01-14", kg: 20_000 }],
      plan: plan({ inflowIndex: index }),
    });
    const gap = leanGapOf(weeks);
    expect(gap?.firstWeek).toBe("2025-12-01");
    expect(gap?.weeks).toBe(6);
    // 12,000 − 31 × 500 → 0 by the end of December: the whole 10-day target is missing.
    expect(gap?.maxGapKg).toBe(10_000);
    expect(
      leanGapOf(projectOutlook({ today: "2025-11-24", stockKg: 50_000, arrivals: [], plan: plan() })),
    ).toBeNull();
  });
});
