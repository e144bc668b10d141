import { describe, expect, it } from "vitest";
import { type CustodyEvent, concerning, containersNow, currentOf, packings } from "./custody";
import { journeyStep } from "./journey";

const LOT = "urn:epc:class:lgtin:8990000.000001.L1";
const SACK = "urn:epc:id:sscc:8990000.0000000001";
const PALLET = "urn:epc:id:sscc:8990000.0000000002";
const OTHER = "urn:epc:id:sscc:8990000.0000000003";
const FARM = "urn:epc:id:sgln:8990000.00001.0";
const HUB = "urn:epc:id:sgln:8990000.00002.DOCK1";
const WAREHOUSE = "urn:epc:id:sgln:8990000.00003.0";
const CARRIER = "urn:epc:id:pgln:8990000.00010";
const BUYER = "urn:epc:id:pgln:8990000.00011";
const NODES = new Set([LOT, SACK, PALLET, OTHER]);

let n = 0;
function ev(body: Record<string, unknown>, capturer = "org_koperasi"): CustodyEvent {
  n++;
  const full = {
    eventID: `e${n}`,
    eventTime: `2025-04-${String(10 + n).padStart(2, "0")}T08:00:00+07:00`,
    eventTimeZoneOffset: "+07:00",
    ...body,
  };
  return { step: journeyStep(full, NODES), body: full, capturer };
}

const harvest = () =>
  ev({
    type: "ObjectEvent",
    action: "ADD",
    bizStep: "commissioning",
    quantityList: [{ epcClass: LOT, quantity: 100, uom: "KGM" }],
    bizLocation: { id: FARM },
  });
const pack = (parent: string, child: { lot?: string; epc?: string }) =>
  ev({
    type: "AggregationEvent",
    action: "ADD",
    bizStep: "packing",
    parentID: parent,
    ...(child.lot ? { childQuantityList: [{ epcClass: child.lot, quantity: 100, uom: "KGM" }] } : {}),
    ...(child.epc ? { childEPCs: [child.epc] } : {}),
    bizLocation: { id: FARM },
  });
const unpack = (parent: string, children?: string[]) =>
  ev({
    type: "AggregationEvent",
    action: "DELETE",
    bizStep: "unpacking",
    parentID: parent,
    ...(children ? { childEPCs: children } : {}),
  });
const observe = (epc: string, bizStep: string, extra: Record<string, unknown> = {}, capturer?: string) =>
  ev({ type: "ObjectEvent", action: "OBSERVE", bizStep, epcList: [epc], ...extra }, capturer);

describe("packings", () => {
  it("opens a stay at packing and closes it when the container is emptied or the child taken out", () => {
    const events = [
      harvest(),
      pack(SACK, { lot: LOT }),
      pack(PALLET, { epc: SACK }),
      unpack(PALLET, [SACK]),
      unpack(SACK),
    ];
    expect(packings(events)).toEqual([
      { child: SACK, parent: PALLET, from: 2, to: 3 },
      { child: LOT, parent: SACK, from: 1, to: 4 },
    ]);
  });

  it("ignores aggregations declared erroneous", () => {
    const bad = pack(SACK, { lot: LOT });
    bad.step.erroneous = true;
    expect(packings([harvest(), bad])).toEqual([]);
  });
});

describe("where a lot is and who holds it", () => {
  it("follows the lot into a sack on a pallet: the pallet's later steps concern the lot", () => {
    const events = [
      harvest(),
      pack(SACK, { lot: LOT }),
      observe(PALLET, "arriving", { bizLocation: { id: HUB } }), // before the sack was on it
      pack(PALLET, { epc: SACK }),
      observe(PALLET, "departing", {
        bizLocation: { id: FARM },
        sourceList: [{ type: "possessing_party", source: CARRIER }],
      }),
      observe(PALLET, "arriving", { bizLocation: { id: HUB } }),
    ];
    expect(concerning(LOT, events)).toEqual([0, 1, 3, 4, 5]);
    expect(containersNow(LOT, packings(events))).toEqual([SACK, PALLET]);
    const now = currentOf(LOT, events);
    expect(now?.step.bizStep).toBe("arriving");
    expect(now?.location).toBe(HUB);
    expect(now?.holder).toMatchObject({ basis: "carrier", party: CARRIER });
  });

  it("passes custody to the receiver at an accepted receipt, not at a rejected one", () => {
    const base = [harvest(), pack(PALLET, { lot: LOT })];
    const accepted = observe(
      PALLET,
      "receiving",
      {
        disposition: "sellable_not_accessible",
        bizLocation: { id: WAREHOUSE },
        destinationList: [{ type: "owning_party", destination: BUYER }],
      },
      "org_buyer",
    );
    expect(currentOf(LOT, [...base, accepted])?.holder).toMatchObject({
      basis: "received",
      party: BUYER,
      location: WAREHOUSE,
      capturer: "org_buyer",
    });
    const rejected = observe(
      PALLET,
      "receiving",
      { disposition: "non_conformant", bizLocation: { id: WAREHOUSE } },
      "org_buyer",
    );
    expect(currentOf(LOT, [...base, rejected])?.holder).toMatchObject({
      basis: "declared",
      capturer: "org_koperasi",
    });
  });

  it("keeps the last location and owner when a later step names none (a sensor reading)", () => {
    const events = [
      harvest(),
      pack(PALLET, { lot: LOT }),
      observe(PALLET, "receiving", {
        bizLocation: { id: WAREHOUSE },
        destinationList: [{ type: "owning_party", destination: BUYER }],
      }),
      observe(PALLET, "sensor_reporting"),
    ];
    const now = currentOf(LOT, events);
    expect(now?.step.bizStep).toBe("sensor_reporting");
    expect(now?.location).toBe(WAREHOUSE);
    expect(now?.owner).toBe(BUYER);
  });

  it("leaves the pallet's later journey out once the lot was unpacked", () => {
    const events = [
      harvest(),
      pack(PALLET, { lot: LOT }),
      observe(PALLET, "receiving", { bizLocation: { id: WAREHOUSE } }),
      unpack(PALLET),
      observe(PALLET, "departing", { sourceList: [{ type: "possessing_party", source: CARRIER }] }),
    ];
    const now = currentOf(LOT, events);
    expect(now?.step.bizStep).toBe("unpacking");
    expect(now?.containers).toEqual([]);
    expect(now?.holder?.basis).toBe("received");
    expect(currentOf(PALLET, events)?.holder?.basis).toBe("carrier");
  });

  it("says nothing of an identifier no valid step concerns", () => {
    expect(currentOf(OTHER, [harvest()])).toBeNull();
  });
});
