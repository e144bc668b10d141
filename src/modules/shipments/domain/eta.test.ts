import { describe, expect, it } from "vitest";
import { estimateArrival, type LegProgress } from "./eta";

const wib = (s: string) => new Date(`${s}+07:00`);
const iso = (d: Date | null | undefined) => d?.toISOString();

function roroLegs(): LegProgress[] {
  return [
    {
      seq: 1,
      mode: "truck",
      from: { siteCode: null },
      plannedDeparture: wib("2025-04-15T06:00:00"),
      plannedArrival: wib("2025-04-15T08:00:00"),
      actualDeparture: null,
      actualArrival: null,
    },
    {
      seq: 2,
      mode: "roro",
      from: { siteCode: "hub-panjang" },
      plannedDeparture: wib("2025-04-15T15:00:00"),
      plannedArrival: wib("2025-04-16T00:00:00"),
      actualDeparture: null,
      actualArrival: null,
    },
    {
      seq: 3,
      mode: "truck",
      from: { siteCode: "hub-priok" },
      plannedDeparture: wib("2025-04-16T01:00:00"),
      plannedArrival: wib("2025-04-16T02:00:00"),
      actualDeparture: null,
      actualArrival: null,
    },
  ];
}

describe("ETA", () => {
  it("is the plan while nothing has happened", () => {
    const e = estimateArrival(roroLegs(), wib("2025-04-15T05:00:00"));
    expect(iso(e.eta)).toBe(iso(wib("2025-04-16T02:00:00")));
  });

  it("moves to a later sailing when the truck reaches Panjang too late for the planned one", () => {
    const legs = roroLegs();
    Object.assign(legs[0] as LegProgress, {
      actualDeparture: wib("2025-04-15T09:00:00"),
      actualArrival: wib("2025-04-15T13:30:00"),
    });
    // 13:30 + 2 h handling = 15:30, after the 15:00 sailing: the 23:00 one, at Priok 08:00.
    const e = estimateArrival(legs, wib("2025-04-15T13:30:00"));
    expect(e.legArrivals.map((l) => iso(l.arrival))).toEqual([
      iso(wib("2025-04-15T13:30:00")),
      iso(wib("2025-04-16T08:00:00")),
      iso(wib("2025-04-16T10:00:00")),
    ]);
    expect(iso(e.eta)).toBe(iso(wib("2025-04-16T10:00:00")));
  });

  it("counts a leg under way from its actual departure", () => {
    const legs = roroLegs();
    Object.assign(legs[0] as LegProgress, {
      actualDeparture: wib("2025-04-15T06:00:00"),
      actualArrival: wib("2025-04-15T08:00:00"),
    });
    Object.assign(legs[1] as LegProgress, { actualDeparture: wib("2025-04-15T23:00:00") });
    const e = estimateArrival(legs, wib("2025-04-15T23:00:00"));
    expect(iso(e.eta)).toBe(iso(wib("2025-04-16T10:00:00")));
  });

  it("never promises an arrival before now when a leg is overdue", () => {
    const legs = roroLegs();
    Object.assign(legs[0] as LegProgress, { actualDeparture: wib("2025-04-15T06:00:00") });
    const now = wib("2025-04-15T11:00:00");
    const e = estimateArrival(legs, now);
    expect(iso(e.legArrivals[0]?.arrival)).toBe(iso(now));
    // Ready at Panjang no earlier than 11:00 → 13:00 → the 15:00 sailing still holds.
    expect(iso(e.legArrivals[1]?.arrival)).toBe(iso(wib("2025-04-16T00:00:00")));
  });

  it("takes the next sailing after now when goods at the hub missed theirs (a hold)", () => {
    const legs = roroLegs();
    Object.assign(legs[0] as LegProgress, {
      actualDeparture: wib("2025-04-15T06:00:00"),
      actualArrival: wib("2025-04-15T08:00:00"),
    });
    const e = estimateArrival(legs, wib("2025-04-15T16:00:00"));
    expect(iso(e.legArrivals[1]?.departure)).toBe(iso(wib("2025-04-15T23:00:00")));
    expect(iso(e.eta)).toBe(iso(wib("2025-04-16T10:00:00")));
  });

  it("is the last actual arrival once every leg arrived", () => {
    const legs = roroLegs().map((l) => ({
      ...l,
      actualDeparture: l.plannedDeparture,
      actualArrival: l.plannedArrival,
    }));
    const e = estimateArrival(legs, wib("2025-04-17T00:00:00"));
    expect(iso(e.eta)).toBe(iso(wib("2025-04-16T02:00:00")));
    expect(e.legArrivals.every((l) => l.arrived)).toBe(true);
  });
});
