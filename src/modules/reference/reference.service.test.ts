import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pricesInForce } from "./reference.service";
import type { referencePrices } from "./reference.tables";

type PriceRow = typeof referencePrices.$inferSelect;

function row(p: Partial<PriceRow> & Pick<PriceRow, "maxPrice" | "effectiveFrom">): PriceRow {
  const r = {
    commodityCode: "beras-medium",
    kind: "HET" as const,
    level: "consumer" as const,
    zone: "I",
    minPrice: null,
    unit: "kg",
    source: "test",
    ...p,
  };
  return {
    id: `rp_${r.commodityCode}_${r.kind}_${r.level}_${r.zone ?? "national"}_${r.effectiveFrom}`,
    ...r,
  };
}

const RICE = [
  row({ maxPrice: 10_900, effectiveFrom: "2023-03-31" }),
  row({ maxPrice: 12_500, effectiveFrom: "2024-06-01" }),
  row({ maxPrice: 13_500, effectiveFrom: "2025-08-22" }),
];

const maxes = (rows: PriceRow[]) => rows.map((r) => r.maxPrice).sort((a, b) => a - b);

describe("pricesInForce", () => {
  it("picks the latest row on or before the day", () => {
    expect(maxes(pricesInForce(RICE, "2024-07-01"))).toEqual([12_500]);
    expect(maxes(pricesInForce(RICE, "2023-06-01"))).toEqual([10_900]);
    expect(maxes(pricesInForce(RICE, "2026-01-01"))).toEqual([13_500]);
  });

  it("a row is in force on the day it takes effect, not the day before", () => {
    expect(maxes(pricesInForce(RICE, "2025-08-22"))).toEqual([13_500]);
    expect(maxes(pricesInForce(RICE, "2025-08-21"))).toEqual([12_500]);
  });

  it("ignores rows that take effect later, whatever their order in the input", () => {
    const reversed = [...RICE].reverse();
    expect(maxes(pricesInForce(reversed, "2024-07-01"))).toEqual([12_500]);
    expect(pricesInForce(RICE, "2023-03-30")).toEqual([]);
    expect(pricesInForce([], "2025-01-01")).toEqual([]);
  });

  it("keeps zones, levels, kinds and commodities apart", () => {
    const rows = [
      ...RICE,
      row({ zone: "II", maxPrice: 13_100, effectiveFrom: "2024-06-01" }),
      row({ zone: "III", maxPrice: 14_000, effectiveFrom: "2025-08-22" }),
      row({ commodityCode: "beras-premium", maxPrice: 14_900, effectiveFrom: "2024-06-01" }),
      row({
        commodityCode: "cabai-rawit",
        kind: "HAP",
        zone: null,
        minPrice: 40_000,
        maxPrice: 57_000,
        effectiveFrom: "2022-12-28",
      }),
      row({
        commodityCode: "cabai-rawit",
        kind: "HAP",
        level: "producer",
        zone: null,
        minPrice: 25_000,
        maxPrice: 31_500,
        effectiveFrom: "2022-12-28",
      }),
      row({
        commodityCode: "gabah-kering-panen",
        kind: "HPP",
        level: "producer",
        zone: null,
        maxPrice: 6_500,
        effectiveFrom: "2025-01-15",
      }),
    ];
    const inForce = pricesInForce(rows, "2025-09-01");
    const byKey = Object.fromEntries(
      inForce.map((r) => [`${r.commodityCode}/${r.kind}/${r.level}/${r.zone}`, r.maxPrice]),
    );
    expect(byKey).toEqual({
      "beras-medium/HET/consumer/I": 13_500,
      "beras-medium/HET/consumer/II": 13_100,
      "beras-medium/HET/consumer/III": 14_000,
      "beras-premium/HET/consumer/I": 14_900,
      "cabai-rawit/HAP/consumer/null": 57_000,
      "cabai-rawit/HAP/producer/null": 31_500,
      "gabah-kering-panen/HPP/producer/null": 6_500,
    });
    // Zone III is not in force yet in mid-2025 while zones I and II are.
    const earlier = pricesInForce(rows, "2025-06-01").filter((r) => r.commodityCode === "beras-medium");
    expect(earlier.map((r) => [r.zone, r.maxPrice]).sort()).toEqual([
      ["I", 12_500],
      ["II", 13_100],
    ]);
  });

  it("returns the input rows themselves, unchanged", () => {
    const [picked] = pricesInForce(RICE, "2024-07-01");
    expect(picked).toBe(RICE[1]);
    expect(RICE.map((r) => r.maxPrice)).toEqual([10_900, 12_500, 13_500]);
  });

  describe("property: agrees with a plain reading of the rule", () => {
    const isoDay = fc
      .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
      .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    const priceRow = fc
      .record({
        commodityCode: fc.constantFrom("beras-medium", "beras-premium", "cabai-rawit"),
        kind: fc.constantFrom("HET" as const, "HAP" as const, "HPP" as const),
        level: fc.constantFrom("consumer" as const, "producer" as const),
        zone: fc.constantFrom(null, "I", "II", "III"),
        maxPrice: fc.integer({ min: 1, max: 100_000 }),
        effectiveFrom: isoDay,
      })
      .map((r) => row(r));
    // The database keeps one row per (commodity, kind, level, zone, date); so do the generated inputs.
    const rows = fc.uniqueArray(priceRow, { selector: (r) => r.id, maxLength: 40 });
    const keyOf = (r: PriceRow) => JSON.stringify([r.commodityCode, r.kind, r.level, r.zone]);

    it("one row per group that has started, the latest started one, never a future one", () => {
      fc.assert(
        fc.property(rows, isoDay, (input, day) => {
          const result = pricesInForce(input, day);
          const started = input.filter((r) => r.effectiveFrom <= day);
          const groups = new Set(started.map(keyOf));
          expect(result).toHaveLength(groups.size);
          expect(new Set(result.map(keyOf)).size).toBe(result.length);
          for (const r of result) {
            expect(input).toContain(r);
            expect(r.effectiveFrom <= day).toBe(true);
            const rivals = started.filter((s) => keyOf(s) === keyOf(r));
            for (const s of rivals) expect(s.effectiveFrom <= r.effectiveFrom).toBe(true);
          }
        }),
      );
    });

    it("does not depend on the order of the rows", () => {
      fc.assert(
        fc.property(rows, isoDay, fc.infiniteStream(fc.nat()), (input, day, seeds) => {
          const shuffled = [...input];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (seeds.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as PriceRow, shuffled[i] as PriceRow];
          }
          const ids = (rs: PriceRow[]) => rs.map((r) => r.id).sort();
          expect(ids(pricesInForce(shuffled, day))).toEqual(ids(pricesInForce(input, day)));
        }),
      );
    });
  });
});
