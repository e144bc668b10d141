import { describe, expect, it } from "vitest";
import { effectivePrice, indexOn, type ReferencePricePoint, referenceOn } from "./pricing";
import { periodsOf, progressOf } from "./schedule";

const REF: ReferencePricePoint[] = [
  {
    kind: "HPP",
    level: "producer",
    zone: null,
    min: null,
    max: 6_000,
    effectiveFrom: "2024-03-01",
    source: "A",
  },
  {
    kind: "HPP",
    level: "producer",
    zone: null,
    min: null,
    max: 6_500,
    effectiveFrom: "2025-01-15",
    source: "B",
  },
  {
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 12_500,
    effectiveFrom: "2024-06-01",
    source: "C",
  },
  {
    kind: "HET",
    level: "consumer",
    zone: "II",
    min: null,
    max: 13_100,
    effectiveFrom: "2024-06-01",
    source: "D",
  },
  {
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 13_500,
    effectiveFrom: "2025-08-22",
    source: "E",
  },
];

describe("contract price rules", () => {
  it("a fixed price is the price on any day", () => {
    expect(effectivePrice({ kind: "fixed", pricePerKg: 12_000 }, "2025-04-01", {})).toMatchObject({
      ok: true,
      pricePerKg: 12_000,
    });
  });

  it("HPP plus a margin follows the HPP in force on the day", () => {
    const rule = { kind: "reference", reference: "HPP", marginPercent: 10 } as const;
    expect(effectivePrice(rule, "2025-01-14", { referencePrices: REF })).toMatchObject({ pricePerKg: 6_600 });
    const after = effectivePrice(rule, "2025-01-15", { referencePrices: REF });
    expect(after).toMatchObject({ ok: true, pricePerKg: 7_150 });
    expect(after.ok && after.basis).toContain("HPP Rp6.500");
    expect(
      effectivePrice({ ...rule, marginPerKg: 200 }, "2025-02-01", { referencePrices: REF }),
    ).toMatchObject({
      pricePerKg: 7_350,
    });
    expect(effectivePrice(rule, "2024-01-01", { referencePrices: REF })).toEqual({
      ok: false,
      reason: "no_reference_price",
    });
  });

  it("HET applies zone I and changes on its effective date", () => {
    expect(referenceOn(REF, "HET", "2025-08-21")?.max).toBe(12_500);
    expect(referenceOn(REF, "HET", "2025-08-22")?.max).toBe(13_500);
    const rule = { kind: "reference", reference: "HET", marginPerKg: -1_000 } as const;
    expect(effectivePrice(rule, "2025-09-01", { referencePrices: REF })).toMatchObject({
      pricePerKg: 12_500,
    });
  });

  it("an indexed price is the median of markets within a week, held between floor and cap", () => {
    const series = [
      {
        market: "a",
        points: [
          { date: "2025-04-01", price: 12_000 },
          { date: "2025-04-09", price: 12_400 },
        ],
      },
      { market: "b", points: [{ date: "2025-04-08", price: 13_000 }] },
      { market: "c", points: [{ date: "2025-04-10", price: 11_000 }] },
      // Too old for the 10th: a week is 4th–10th.
      { market: "d", points: [{ date: "2025-04-02", price: 20_000 }] },
    ];
    expect(indexOn(series, "2025-04-10")).toEqual({ price: 12_400, date: "2025-04-10", markets: 3 });
    // On the 9th the 10th is not known yet and the window is 3rd–9th: markets a and b only.
    expect(indexOn(series, "2025-04-09")).toEqual({ price: 12_700, date: "2025-04-09", markets: 2 });
    expect(indexOn(series, "2025-03-01")).toBeNull();
    const index = indexOn(series, "2025-04-10");
    const rule = { kind: "indexed", level: "wholesale", province: "31", percent: 90 } as const;
    expect(effectivePrice(rule, "2025-04-10", { index })).toMatchObject({ pricePerKg: 11_160 });
    expect(effectivePrice({ ...rule, floorPerKg: 11_500 }, "2025-04-10", { index })).toMatchObject({
      pricePerKg: 11_500,
    });
    expect(
      effectivePrice({ ...rule, percent: 100, capPerKg: 12_000 }, "2025-04-10", { index }),
    ).toMatchObject({
      pricePerKg: 12_000,
    });
    expect(effectivePrice(rule, "2025-04-10", { index: null })).toEqual({
      ok: false,
      reason: "no_index_price",
    });
  });
});

describe("delivery schedule", () => {
  it("splits a contract into weeks or calendar months, each due on its last day", () => {
    expect(periodsOf("2025-04-01", "2025-04-20", "week")).toEqual([
      { index: 1, start: "2025-04-01", end: "2025-04-07", due: "2025-04-07" },
      { index: 2, start: "2025-04-08", end: "2025-04-14", due: "2025-04-14" },
      { index: 3, start: "2025-04-15", end: "2025-04-20", due: "2025-04-20" },
    ]);
    expect(periodsOf("2025-01-15", "2025-03-31", "month").map((p) => [p.start, p.due])).toEqual([
      ["2025-01-15", "2025-01-31"],
      ["2025-02-01", "2025-02-28"],
      ["2025-03-01", "2025-03-31"],
    ]);
  });

  it("counts deliveries per period against what was committed", () => {
    const periods = periodsOf("2025-04-01", "2025-04-21", "week");
    const p = progressOf(
      periods,
      10_000_000,
      [
        { day: "2025-04-03", grams: 6_000_000 },
        { day: "2025-04-07", grams: 5_000_000 },
        { day: "2025-04-10", grams: 2_000_000 },
      ],
      "2025-04-16",
    );
    expect(p.map((x) => [x.deliveredGrams, x.onTimeGrams, x.state])).toEqual([
      [11_000_000, 10_000_000, "met"],
      [2_000_000, 2_000_000, "short"],
      [0, 0, "open"],
    ]);
  });
});
