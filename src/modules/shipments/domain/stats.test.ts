import { describe, expect, it } from "vitest";
import { delayReport, dwellSummary, hubStats, mean, percentile, shrinkageReport } from "./stats";

const at = (h: number) => new Date(Date.UTC(2025, 3, 15, h));

describe("percentiles", () => {
  it("interpolates between closest ranks", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(91);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(mean([1, 2, 6])).toBe(3);
  });

  it("summarises dwell times", () => {
    expect(dwellSummary([60, 120, 180])).toEqual({
      count: 3,
      meanMinutes: 120,
      p50Minutes: 120,
      p90Minutes: 168,
    });
    expect(dwellSummary([])).toEqual({ count: 0, meanMinutes: null, p50Minutes: null, p90Minutes: null });
  });
});

describe("hub figures", () => {
  it("counts throughput in and out of the period, dwell of departures and holds", () => {
    const visits = [
      {
        arrivedAt: at(1),
        departedAt: at(3),
        heldAt: null,
        releasedAt: null,
        holdCount: 0,
        heldSeconds: 0,
        grams: 1_000_000,
      },
      {
        arrivedAt: at(2),
        departedAt: at(6),
        heldAt: at(3),
        releasedAt: at(4),
        holdCount: 1,
        heldSeconds: 3600,
        grams: 500_000,
      },
      {
        arrivedAt: at(5),
        departedAt: null,
        heldAt: at(6),
        releasedAt: null,
        holdCount: 1,
        heldSeconds: 0,
        grams: 250_000,
      },
      // before the period: not counted
      {
        arrivedAt: new Date(Date.UTC(2025, 2, 1)),
        departedAt: new Date(Date.UTC(2025, 2, 2)),
        heldAt: null,
        releasedAt: null,
        holdCount: 0,
        heldSeconds: 0,
        grams: 9,
      },
    ];
    const s = hubStats(visits, at(0), at(12), at(8));
    expect(s.throughput).toEqual({
      arrivedShipments: 3,
      arrivedKg: 1750,
      departedShipments: 2,
      departedKg: 1500,
    });
    expect(s.dwell).toEqual({ count: 2, meanMinutes: 180, p50Minutes: 180, p90Minutes: 228 });
    // one released after 60 min, one still held since 06:00 (120 min at 08:00)
    expect(s.holds).toEqual({ shipments: 2, holds: 2, stillHeld: 1, meanHoldMinutes: 90 });
  });
});

describe("shrinkage", () => {
  const truck = { id: "org_truck", name: "PT Angkutan" };
  const ship = { id: null, name: "Kapal ro-ro" };
  it("compares shipped with accepted per route, leg mode and carrier, with inspection losses", () => {
    const r = shrinkageReport([
      {
        route: "roro",
        legs: [
          { mode: "truck", carrier: truck },
          { mode: "roro", carrier: ship },
          { mode: "truck", carrier: truck },
        ],
        shippedGrams: 1_000_000,
        acceptedGrams: 950_000,
        rejectedGrams: 40_000,
        inspectionLosses: [{ mode: "truck", carrier: truck, grams: 10_000 }],
      },
      {
        route: "direct",
        legs: [{ mode: "truck", carrier: truck }],
        shippedGrams: 500_000,
        acceptedGrams: 500_000,
        rejectedGrams: 0,
        inspectionLosses: [],
      },
    ]);
    expect(r.total).toMatchObject({
      shipments: 2,
      shippedKg: 1500,
      acceptedKg: 1450,
      shrinkageKg: 50,
      inspectionLossKg: 10,
    });
    expect(r.total.shrinkagePct).toBe(3.33);
    expect(r.byRoute.map((x) => [x.key, x.shrinkagePct])).toEqual([
      ["direct", 0],
      ["roro", 5],
    ]);
    const truckRow = r.byLegMode.find((x) => x.key === "truck");
    expect(truckRow).toMatchObject({ shipments: 2, shippedKg: 1500, inspectionLossKg: 10 });
    expect(r.byCarrier.find((x) => x.key === "name:Kapal ro-ro")).toMatchObject({
      shipments: 1,
      inspectionLossKg: 0,
    });
    expect(r.byCarrier.find((x) => x.key === "org_truck")).toMatchObject({
      label: "PT Angkutan",
      shipments: 2,
    });
  });
});

describe("delays", () => {
  it("gives mean and p90 delay and the share on time (within 30 min)", () => {
    const carrier = { id: "c1", name: "C1" };
    const r = delayReport([
      {
        mode: "truck",
        carrier,
        plannedArrival: at(2),
        actualArrival: new Date(at(2).getTime() + 10 * 60_000),
      },
      {
        mode: "truck",
        carrier,
        plannedArrival: at(2),
        actualArrival: new Date(at(2).getTime() + 90 * 60_000),
      },
      {
        mode: "roro",
        carrier,
        plannedArrival: at(5),
        actualArrival: new Date(at(5).getTime() - 20 * 60_000),
      },
    ]);
    expect(r.byLegMode.find((x) => x.key === "truck")).toEqual({
      key: "truck",
      label: "truck",
      legs: 2,
      meanDelayMinutes: 50,
      p90DelayMinutes: 82,
      onTimePct: 50,
    });
    expect(r.byLegMode.find((x) => x.key === "roro")?.onTimePct).toBe(100);
    expect(r.total.legs).toBe(3);
    expect(r.byCarrier).toHaveLength(1);
  });
});
