import { describe, expect, it } from "vitest";
import { DEFAULT_FREIGHT_RATES } from "../spread.data";
import { cheapestRoute, componentRpPerKg, freightPerKg, isAssumption } from "./freight";
import { latestDate, type PlaceSeries, sideFigure } from "./side";
import { computeSpread, missingReason } from "./spread";

describe("freight per kg", () => {
  it("divides per-truck costs by the payload, keeps per-kg costs, and prices tonne-km over the distance", () => {
    expect(componentRpPerKg({ label: "ferry", rp: 835_300, per: "truck", source: "x" }, 8_000)).toBeCloseTo(
      104.4125,
    );
    expect(componentRpPerKg({ label: "handling", rp: 25, per: "kg", source: "x" }, 8_000)).toBe(25);
    expect(
      componentRpPerKg({ label: "road", rp: 1_500, per: "tonne_km", km: 140.9, source: "x" }, 8_000),
    ).toBeCloseTo(211.35);
  });

  it("rounds the total once, shows each share to one decimal and marks assumptions", () => {
    const f = freightPerKg({
      route: "ferry",
      name: "Ferry",
      payloadKg: 8_000,
      components: [
        { label: "ferry", rp: 835_300, per: "truck", source: "reference/corridor.md" },
        { label: "road", rp: 1_500, per: "tonne_km", km: 100, source: "Asumsi: Rp1.500/ton-km" },
        { label: "toll", rp: 4_000, per: "truck", source: "Assumption: toll" },
      ],
    });
    // 104.4125 + 150 + 0.5 = 254.9125
    expect(f.rpPerKg).toBe(255);
    expect(f.components.map((c) => c.rpPerKg)).toEqual([104.4, 150, 0.5]);
    expect(f.components.map((c) => c.assumption)).toEqual([false, true, true]);
    expect(f.assumptions).toBe(true);
  });

  it("gives the default routes from their components, and ferry is the cheaper one", () => {
    const [ferry, roro] = DEFAULT_FREIGHT_RATES.map(freightPerKg);
    // 211.35 + 31.25 + 104.4125 + 18.75 + 150 = 515.7625
    expect(ferry?.rpPerKg).toBe(516);
    // 135 + 18.75 + 500 + 30 = 683.75
    expect(roro?.rpPerKg).toBe(684);
    expect(cheapestRoute([ferry, roro] as { route: string; rpPerKg: number }[])).toBe("ferry");
    const roroFare = roro?.components.find((c) => c.label.startsWith("Kapal ro-ro"));
    expect(roroFare?.assumption).toBe(true);
    expect(isAssumption("reference/corridor.md: tarif feri")).toBe(false);
  });

  it("has no cheapest route without routes", () => {
    expect(cheapestRoute([])).toBeNull();
  });
});

const series = (name: string, points: [string, number][], provinceWide = false): PlaceSeries => ({
  name,
  provinceWide,
  points: points.map(([date, price]) => ({ date, price })),
});

describe("one side's price", () => {
  it("averages the places priced on the latest day in the window, and names them", () => {
    const fig = sideFigure(
      [
        series("Pasar A", [
          ["2025-06-01", 10_000],
          ["2025-06-10", 11_000],
        ]),
        series("Pasar B", [["2025-06-10", 12_001]]),
        series("Pasar C", [["2025-06-08", 99_000]]),
      ],
      "2025-06-12",
      14,
    );
    expect(fig).toEqual({
      price: 11_501,
      date: "2025-06-10",
      basis: "markets",
      markets: ["Pasar A", "Pasar B"],
    });
  });

  it("prefers the province-wide series on the same day, the more recent otherwise", () => {
    const markets = series("Pasar A", [["2025-06-10", 11_000]]);
    const sameDay = sideFigure(
      [markets, series("Lampung", [["2025-06-10", 10_500]], true)],
      "2025-06-12",
      14,
    );
    expect(sameDay).toMatchObject({ price: 10_500, basis: "province", markets: ["Lampung"] });
    const older = sideFigure([markets, series("Lampung", [["2025-06-09", 10_500]], true)], "2025-06-12", 14);
    expect(older).toMatchObject({ price: 11_000, basis: "markets" });
  });

  it("ignores prices after the as-of day and older than the window", () => {
    const s = [
      series("Pasar A", [
        ["2025-05-01", 9_000],
        ["2025-06-20", 12_000],
      ]),
    ];
    expect(sideFigure(s, "2025-06-12", 14)).toBeNull();
    // Exactly 14 days old still counts.
    expect(sideFigure([series("Pasar A", [["2025-05-29", 9_000]])], "2025-06-12", 14)?.price).toBe(9_000);
    expect(sideFigure([series("Pasar A", [["2025-05-28", 9_000]])], "2025-06-12", 14)).toBeNull();
    expect(latestDate(s, "2025-06-12")).toBe("2025-05-01");
    expect(latestDate([], "2025-06-12")).toBeNull();
  });
});

describe("net spread and flag", () => {
  const freight = [
    { route: "ferry", rpPerKg: 516 },
    { route: "roro", rpPerKg: 684 },
  ];

  it("subtracts the Lampung price and the cheapest freight from Jakarta retail, per route too", () => {
    const r = computeSpread({ lampungPrice: 30_000, jakartaPrice: 40_000, freight, thresholdPct: 15 });
    expect(r).toMatchObject({
      cheapestRoute: "ferry",
      netByRoute: { ferry: 9_484, roro: 9_316 },
      netSpreadRp: 9_484,
      netSpreadPct: 31.6,
      flagged: true,
    });
    expect(r?.reason.en).toContain("BUMD-to-BUMD");
    expect(r?.reason.id).toContain("BUMD-ke-BUMD");
  });

  it("flags at the threshold and not just below it", () => {
    // 10,000 × 15% = 1,500 net: Jakarta = 10,000 + 516 + 1,500.
    const at = computeSpread({ lampungPrice: 10_000, jakartaPrice: 12_016, freight, thresholdPct: 15 });
    expect(at).toMatchObject({ netSpreadRp: 1_500, netSpreadPct: 15, flagged: true });
    const below = computeSpread({ lampungPrice: 10_000, jakartaPrice: 12_006, freight, thresholdPct: 15 });
    expect(below).toMatchObject({ netSpreadRp: 1_490, netSpreadPct: 14.9, flagged: false });
    expect(below?.reason.en).toContain("below the 15% threshold");
    const lower = computeSpread({ lampungPrice: 10_000, jakartaPrice: 12_006, freight, thresholdPct: 10 });
    expect(lower?.flagged).toBe(true);
  });

  it("says there is nothing to close when freight eats the gap", () => {
    const r = computeSpread({ lampungPrice: 10_000, jakartaPrice: 10_300, freight, thresholdPct: 15 });
    expect(r).toMatchObject({ netSpreadRp: -216, flagged: false });
    expect(r?.reason.en).toContain("no gap to close");
  });

  it("gives no figure without a freight route", () => {
    expect(
      computeSpread({ lampungPrice: 10_000, jakartaPrice: 20_000, freight: [], thresholdPct: 15 }),
    ).toBeNull();
  });

  it("explains missing sides with their latest date", () => {
    const r = missingReason({
      lampung: { latest: "2025-04-01" },
      jakarta: { latest: null },
      asOf: "2025-06-12",
      maxAgeDays: 14,
    });
    expect(r.en).toBe(
      "No spread computed. Lampung (producer, wholesale or retail): latest price 2025-04-01, more than 14 days before 2025-06-12; Jakarta retail: no price up to 2025-06-12.",
    );
    expect(r.id).toContain("lebih dari 14 hari sebelum 2025-06-12");
  });
});
