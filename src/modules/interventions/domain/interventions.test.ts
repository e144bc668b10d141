import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignLines, pickFefo, type SourceHolding, splitByWeight } from "./allocate";
import {
  expectedPriceChangePct,
  kgToReach,
  MIN_CALIBRATION,
  responseFromElasticity,
  responseFromLedger,
  supplySharePct,
} from "./effect";

const LGTIN = (lot: string) => `urn:epc:class:lgtin:8990000.000101.${lot}`;
const SSCC = (n: string) => `urn:epc:id:sscc:8990000.${n}`;

describe("expected price effect", () => {
  it("adds supply as a share of the period's demand and divides by the elasticity", () => {
    const r = responseFromElasticity(-0.5);
    // 7,000 kg over 7 days of 10,000 kg/day = 10% more supply → −20% with ε = −0.5.
    expect(supplySharePct(7_000, 10_000, 7)).toBeCloseTo(10);
    expect(expectedPriceChangePct(7_000, 10_000, 7, r)).toBeCloseTo(-20);
  });

  it("sizes the kilograms that bring a price back to its target, and none when it is there", () => {
    const r = responseFromElasticity(-0.5);
    // From 90,000 to 57,000 is −36.7%: a supply share of 18.3% of 7 × 20,000 kg.
    const kg = kgToReach(90_000, 57_000, 20_000, 7, r);
    expect(kg).toBe(Math.ceil((((57_000 - 90_000) / 90_000) * 100 * -0.5 * 20_000 * 7) / 100));
    expect(expectedPriceChangePct(kg, 20_000, 7, r)).toBeCloseTo(((57_000 - 90_000) / 90_000) * 100, 1);
    expect(kgToReach(50_000, 57_000, 20_000, 7, r)).toBe(0);
    expect(kgToReach(90_000, 57_000, 20_000, 7, { ...r, pctPerSupplyPct: 0.5 })).toBe(0);
  });

  it("round-trips: the kilograms sized for a target give that target back (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5_000, max: 200_000 }),
        fc.integer({ min: 1_000, max: 100_000 }),
        fc.integer({ min: 1_000, max: 5_000_000 }),
        fc.double({ min: -2, max: -0.05, noNaN: true }),
        (target, above, demand, elasticity) => {
          const price = target + above;
          const r = responseFromElasticity(elasticity);
          const kg = kgToReach(price, target, demand, 7, r);
          const reached = price * (1 + expectedPriceChangePct(kg, demand, 7, r) / 100);
          // Rounding up to whole kilograms may overshoot by a hair, never fall short.
          expect(reached).toBeLessThanOrEqual(target + 1e-6 * price);
          expect(reached).toBeGreaterThan(target - price * 0.01);
        },
      ),
    );
  });

  it("learns from the ledger once enough interventions are measured", () => {
    const past = [
      { supplySharePct: 10, measuredPct: -5 },
      { supplySharePct: 5, measuredPct: -4 },
    ];
    expect(responseFromLedger(past)).toBeNull();
    const enough = [...past, { supplySharePct: 20, measuredPct: 2 }];
    expect(enough).toHaveLength(MIN_CALIBRATION);
    // Ratios −0.5, −0.8, +0.1 → median −0.5; the failure (prices rose) is not left out.
    expect(responseFromLedger(enough)).toEqual({
      pctPerSupplyPct: -0.5,
      method: "ledger",
      elasticity: null,
      measured: 3,
    });
  });
});

describe("allocation", () => {
  const holdings: SourceHolding[] = [
    {
      siteCode: "gudang-bersama-jakarta",
      siteName: "Gudang Bersama Jakarta",
      organisationId: "org_fs",
      organisationName: "Food Station",
      lots: [
        { epc: LGTIN("A"), kg: 300, expiryDate: "2026-12-05" },
        { epc: SSCC("0000000017"), kg: 500, expiryDate: "2026-12-10" },
        { epc: LGTIN("B"), kg: 1_000, expiryDate: null },
      ],
    },
  ];

  it("picks lots first-expiry-first, splits a lot but never a pallet", () => {
    const picks = pickFefo(holdings, 700);
    expect(picks).toHaveLength(1);
    // 300 of A, the 500 kg pallet does not fit in the 400 left, then 400 of B.
    expect(picks[0]?.lines).toEqual([
      { epc: LGTIN("A"), kg: 300 },
      { epc: LGTIN("B"), kg: 400 },
    ]);
    expect(pickFefo(holdings, 10_000)[0]?.kg).toBe(1_800);
    expect(pickFefo(holdings, 0)).toEqual([]);
  });

  it("splits kilograms by weight so the parts add up exactly", () => {
    const parts = splitByWeight(
      [
        { name: "a", weight: 3 },
        { name: "b", weight: 1 },
        { name: "c", weight: 0 },
      ],
      1_001,
    );
    expect(parts.map((p) => [p.name, p.kg])).toEqual([
      ["a", 751],
      ["b", 250],
    ]);
    const equal = splitByWeight([{ weight: 0 }, { weight: 0 }], 3);
    expect(equal.map((p) => p.kg)).toEqual([2, 1]);
  });

  it("never loses or invents a kilogram when splitting (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (weights, kg) => {
          const parts = splitByWeight(
            weights.map((weight) => ({ weight })),
            kg,
          );
          expect(parts.reduce((s, p) => s + p.kg, 0)).toBe(kg);
        },
      ),
    );
  });

  it("assigns picked lines to destinations, each lot kilogram once", () => {
    const picks = pickFefo(holdings, 1_300);
    const out = assignLines(picks, [
      { site: "senen", kg: 1_000 },
      { site: "minggu", kg: 300 },
    ]);
    const bySite = (site: string) => out.filter((o) => o.destination.site === site).flatMap((o) => o.lines);
    expect(bySite("senen")).toEqual([
      { epc: LGTIN("A"), kg: 300 },
      { epc: SSCC("0000000017"), kg: 500 },
      { epc: LGTIN("B"), kg: 200 },
    ]);
    expect(bySite("minggu")).toEqual([{ epc: LGTIN("B"), kg: 300 }]);
  });
});
