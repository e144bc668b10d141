import { describe, expect, it } from "vitest";
import { farmersShare, farmGatePriceOf, type ShareEvent, sameFood, valuer } from "./share";

const CASSAVA = "urn:epc:class:lgtin:8990000.000001.C1";
const CASSAVA_2 = "urn:epc:class:lgtin:8990000.000001.C2";
const TAPIOCA = "urn:epc:class:lgtin:8990000.000002.T1";
const PALLET = "urn:epc:id:sscc:8990000.0000000001";
const SACK = "urn:epc:id:sscc:8990000.0000000002";

function e(body: Record<string, unknown>, extra: Partial<ShareEvent> = {}): ShareEvent {
  return { body, extensions: {}, ilmd: {}, erroneous: false, ...extra };
}
const q = (epcClass: string, quantity: number, uom = "KGM") => ({ epcClass, quantity, uom });
const pack = (parent: string, children: ReturnType<typeof q>[], childEPCs?: string[]) =>
  e({
    type: "AggregationEvent",
    action: "ADD",
    parentID: parent,
    childQuantityList: children,
    ...(childEPCs ? { childEPCs } : {}),
  });
const mill = (inputs: ReturnType<typeof q>[], outputs: ReturnType<typeof q>[], ilmd = {}) =>
  e({ type: "TransformationEvent", inputQuantityList: inputs, outputQuantityList: outputs }, { ilmd });
const sale = (items: ReturnType<typeof q>[], price: unknown, bizStep = "retail_selling") =>
  e(
    {
      type: "ObjectEvent",
      action: "OBSERVE",
      bizStep,
      quantityList: items,
      eventTime: "2025-04-25T10:00:00+07:00",
      bizLocation: { id: "urn:epc:id:sgln:8990000.00007.0" },
    },
    { extensions: { retailPrice: price } },
  );

describe("farm-gate value in a kilogram", () => {
  it("is the farm-gate price for the harvest itself, and the weighted mean for a mixed pallet", () => {
    const events = [pack(PALLET, [q(CASSAVA, 600), q(CASSAVA_2, 400)])];
    const { perKg } = valuer(
      events,
      new Map([
        [CASSAVA, 1500],
        [CASSAVA_2, 1000],
      ]),
    );
    expect(perKg(CASSAVA)).toEqual([1500, 1]);
    expect(perKg(PALLET)).toEqual([1300, 1]);
  });

  it("carries the inputs' value through processing over the outputs' mass, in any mass unit", () => {
    const events = [mill([q(CASSAVA, 10, "TNE")], [q(TAPIOCA, 2500)]), pack(PALLET, [q(TAPIOCA, 2500)])];
    const { perKg } = valuer(events, new Map([[CASSAVA, 1450]]));
    expect(perKg(TAPIOCA)).toEqual([5800, 4]);
    expect(perKg(PALLET)).toEqual([5800, 4]);
  });

  it("weighs a container of containers by what they hold", () => {
    const events = [pack(SACK, [q(CASSAVA, 50)]), pack(PALLET, [q(CASSAVA_2, 150)], [SACK])];
    const { perKg } = valuer(
      events,
      new Map([
        [CASSAVA, 2000],
        [CASSAVA_2, 1000],
      ]),
    );
    expect(perKg(PALLET)).toEqual([1250, 1]);
  });

  it("is unknown without a farm-gate price, with counted units, or through an erroneous event", () => {
    expect(valuer([pack(PALLET, [q(CASSAVA, 1)])], new Map([[CASSAVA, null]])).perKg(PALLET)).toBeNull();
    expect(
      valuer([pack(PALLET, [q(CASSAVA, 10, "H87")])], new Map([[CASSAVA, 1000]])).perKg(PALLET),
    ).toBeNull();
    const wrong = mill([q(CASSAVA, 100)], [q(TAPIOCA, 25)]);
    wrong.erroneous = true;
    expect(valuer([wrong], new Map([[CASSAVA, 1000]])).perKg(TAPIOCA)).toBeNull();
  });
});

describe("the farmer's share", () => {
  it("divides the farm-gate value by the latest retail price of the same food", () => {
    const events = [
      pack(PALLET, [q(CASSAVA, 1000)]),
      sale([q(CASSAVA, 200)], 4000),
      sale([q(CASSAVA, 300)], 5000),
      sale([q(CASSAVA, 1)], 9000, "shipping"),
    ];
    const share = farmersShare(events, new Map([[CASSAVA, 1450]]), [[PALLET, CASSAVA]]);
    expect(share).toEqual({
      percent: 29,
      farmGateValuePerKg: 1450,
      retailPricePerKg: 5000,
      harvestKgPerKg: 1,
      source: "retail_selling",
      item: CASSAVA,
      eventTime: "2025-04-25T10:00:00+07:00",
      place: "urn:epc:id:sgln:8990000.00007.0",
    });
  });

  it("takes a lot's own retail price from its master data, and prefers the earlier tier", () => {
    const events = [
      mill([q(CASSAVA, 10_000)], [q(TAPIOCA, 2500)], { retailPrice: 12_000 }),
      sale([q(CASSAVA, 100)], 5000),
    ];
    const prices = new Map([[CASSAVA, 1450]]);
    expect(farmersShare(events, prices, [[TAPIOCA]])).toMatchObject({
      source: "lot",
      percent: 48.3,
      harvestKgPerKg: 4,
    });
    expect(farmersShare(events, prices, [[CASSAVA], [TAPIOCA]])).toMatchObject({
      item: CASSAVA,
      percent: 29,
    });
  });

  it("ignores prices that are not whole rupiah and answers null without any", () => {
    const events = [sale([q(CASSAVA, 1)], 4999.5), sale([q(CASSAVA, 1)], "5000")];
    expect(farmersShare(events, new Map([[CASSAVA, 1450]]), [[CASSAVA]])).toBeNull();
  });

  it("reads the farm-gate price under both names the corridor uses", () => {
    expect(farmGatePriceOf({ farmGatePrice: 6500 })).toBe(6500);
    expect(farmGatePriceOf({ farmGatePricePerKg: 6400 })).toBe(6400);
    expect(farmGatePriceOf({ farmGatePrice: -1 })).toBeNull();
  });
});

describe("the same food", () => {
  it("follows packing both ways but not processing", () => {
    const events = [
      pack(SACK, [q(CASSAVA, 50)]),
      pack(PALLET, [], [SACK]),
      mill([q(CASSAVA, 50)], [q(TAPIOCA, 12)]),
    ];
    expect([...sameFood(PALLET, events)].sort()).toEqual([CASSAVA, PALLET, SACK].sort());
    expect([...sameFood(TAPIOCA, events)]).toEqual([TAPIOCA]);
  });
});
