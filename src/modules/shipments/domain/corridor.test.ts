import { describe, expect, it } from "vitest";
import {
  type CorridorPlaces,
  nextRoroDeparture,
  type Place,
  planLegs,
  routeProblem,
  truckHours,
  zoneOf,
} from "./corridor";

const place = (siteCode: string | null, zone: Place["zone"], sgln: string): Place => ({
  sgln,
  name: siteCode ?? "Kebun",
  zone,
  siteCode,
});
const places: CorridorPlaces = {
  panjang: place("hub-panjang", "bandar-lampung", "urn:epc:id:sgln:8990000.00001.0"),
  priok: place("hub-priok", "jakarta", "urn:epc:id:sgln:8990000.00002.0"),
  bakauheni: place("pelabuhan-bakauheni", "bakauheni", "urn:epc:id:sgln:8990000.00005.0"),
  merak: place("pelabuhan-merak", "merak", "urn:epc:id:sgln:8990000.00006.0"),
};
const farm = place(null, "lampung-interior", "urn:epc:id:sgln:8990000.00020.0");
const gudangJakarta = place("gudang-bersama-jakarta", "jakarta", "urn:epc:id:sgln:8990000.00004.0");
const gudangLampung = place("gudang-bersama-lampung", "bandar-lampung", "urn:epc:id:sgln:8990000.00003.0");
const wib = (s: string) => new Date(`${s}+07:00`);
const iso = (d: Date) => d.toISOString();

describe("zones", () => {
  it("places ports and hubs by code and other places by Kemendagri region", () => {
    expect(zoneOf({ siteCode: "pelabuhan-bakauheni", regionCode: "18.01" })).toBe("bakauheni");
    expect(zoneOf({ siteCode: "hub-panjang", regionCode: "18.71" })).toBe("bandar-lampung");
    expect(zoneOf({ siteCode: "gudang-bersama-lampung", regionCode: "18.71" })).toBe("bandar-lampung");
    expect(zoneOf({ regionCode: "18.72" })).toBe("lampung-interior");
    expect(zoneOf({ regionCode: null })).toBe("lampung-interior");
    expect(zoneOf({ siteCode: "gudang-bersama-jakarta", regionCode: "31.75" })).toBe("jakarta");
    expect(zoneOf({ siteCode: "pelabuhan-merak", regionCode: "36" })).toBe("merak");
  });

  it("times a truck across the strait as road + ferry queue + crossing + road", () => {
    expect(truckHours("bandar-lampung", "bakauheni")).toBe(2);
    expect(truckHours("merak", "jakarta")).toBe(3.5);
    expect(truckHours("lampung-interior", "jakarta")).toBe(3.5 + 1 + 2 + 3.5);
    expect(truckHours("jakarta", "lampung-interior")).toBe(10);
  });
});

describe("ro-ro timetable", () => {
  it("takes the next of 07:00, 15:00, 23:00 WIB", () => {
    expect(iso(nextRoroDeparture(wib("2025-04-15T10:00:00")))).toBe(iso(wib("2025-04-15T15:00:00")));
    expect(iso(nextRoroDeparture(wib("2025-04-15T15:00:00")))).toBe(iso(wib("2025-04-15T15:00:00")));
    expect(iso(nextRoroDeparture(wib("2025-04-15T15:00:01")))).toBe(iso(wib("2025-04-15T23:00:00")));
    expect(iso(nextRoroDeparture(wib("2025-04-15T23:30:00")))).toBe(iso(wib("2025-04-16T07:00:00")));
    expect(iso(nextRoroDeparture(wib("2025-04-16T00:10:00")))).toBe(iso(wib("2025-04-16T07:00:00")));
  });
});

describe("leg plans", () => {
  it("plans roro as truck → Panjang, the next sailing after handling, truck from Priok", () => {
    const legs = planLegs("roro", farm, gudangJakarta, wib("2025-04-15T06:00:00"), places);
    expect(legs.map((l) => [l.seq, l.mode, l.from.siteCode, l.to.siteCode])).toEqual([
      [1, "truck", null, "hub-panjang"],
      [2, "roro", "hub-panjang", "hub-priok"],
      [3, "truck", "hub-priok", "gudang-bersama-jakarta"],
    ]);
    expect(legs.map((l) => [iso(l.plannedDeparture), iso(l.plannedArrival)])).toEqual([
      [iso(wib("2025-04-15T06:00:00")), iso(wib("2025-04-15T08:00:00"))],
      // arrives 08:00, 2 h handling → 10:00, next sailing 15:00, 9 h at sea
      [iso(wib("2025-04-15T15:00:00")), iso(wib("2025-04-16T00:00:00"))],
      // 1 h at Priok, 1 h across Jakarta
      [iso(wib("2025-04-16T01:00:00")), iso(wib("2025-04-16T02:00:00"))],
    ]);
  });

  it("plans ferry over Bakauheni–Merak with the queue and a 2 h crossing", () => {
    const legs = planLegs("ferry", farm, gudangJakarta, wib("2025-04-15T06:00:00"), places);
    expect(legs.map((l) => [l.mode, iso(l.plannedDeparture), iso(l.plannedArrival)])).toEqual([
      ["truck", iso(wib("2025-04-15T06:00:00")), iso(wib("2025-04-15T09:30:00"))],
      ["ferry", iso(wib("2025-04-15T10:30:00")), iso(wib("2025-04-15T12:30:00"))],
      ["truck", iso(wib("2025-04-15T12:30:00")), iso(wib("2025-04-15T16:00:00"))],
    ]);
  });

  it("plans direct as one truck leg", () => {
    const legs = planLegs("direct", gudangLampung, gudangJakarta, wib("2025-04-15T06:00:00"), places);
    expect(legs).toHaveLength(1);
    expect(legs[0]?.mode).toBe("truck");
    expect(iso(legs[0]?.plannedArrival as Date)).toBe(iso(wib("2025-04-15T14:30:00")));
  });

  it("leaves out a leg that starts and ends at the same place", () => {
    const legs = planLegs("roro", places.panjang, places.priok, wib("2025-04-15T06:00:00"), places);
    expect(legs.map((l) => l.mode)).toEqual(["roro"]);
    expect(legs[0]?.seq).toBe(1);
    // The first leg leaves when planned: a ro-ro shipment planned at 06:00 from the hub itself.
    expect(iso(legs[0]?.plannedDeparture as Date)).toBe(iso(wib("2025-04-15T06:00:00")));
  });

  it("refuses crossings that do not cross, the wrong direction and going nowhere", () => {
    expect(routeProblem("roro", gudangLampung, places.panjang)).toEqual({
      kind: "same_side_crossing",
      route: "roro",
    });
    expect(routeProblem("ferry", gudangJakarta, farm)).toEqual({ kind: "wrong_direction", route: "ferry" });
    expect(routeProblem("direct", farm, farm)).toEqual({ kind: "same_place" });
    expect(routeProblem("direct", gudangJakarta, farm)).toBeNull();
    expect(() => planLegs("roro", gudangLampung, places.panjang, new Date(), places)).toThrow(RangeError);
  });
});
