import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commissioningEvent,
  gramsToKilograms,
  LUMBUNG_EPCIS_NAMESPACE,
  lotCode,
  MAX_DECIMALS,
  normaliseDecimal,
  toGrams,
  wibTimestamp,
} from "./harvest-lot";

describe("quantities in whole grams", () => {
  it.each([
    ["1250", "kg", 1_250_000],
    ["1250.5", "kg", 1_250_500],
    ["0.001", "kg", 1],
    ["1.25", "ton", 1_250_000],
    ["0.000001", "ton", 1],
    ["007", "kg", 7_000],
  ] as const)("%s %s is %d g", (value, unit, grams) => {
    expect(toGrams(value, unit)).toBe(grams);
  });

  it.each([
    ["0", "kg"],
    ["0.000", "kg"],
    ["0.0001", "kg"],
    ["1.0000001", "ton"],
    ["-1", "kg"],
    ["1e3", "kg"],
    ["1,5", "kg"],
    ["", "kg"],
    [".5", "kg"],
  ] as const)("refuses %j %s", (value, unit) => {
    expect(toGrams(value, unit)).toBeUndefined();
  });

  it("is exact where floating point is not (0.1 + 0.2 t)", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toGrams("0.3", "ton")).toBe((toGrams("0.1", "ton") ?? 0) + (toGrams("0.2", "ton") ?? 0));
  });

  it("round-trips any whole number of grams, and the event prints the same decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (grams) => {
        const kg = `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(MAX_DECIMALS.kg, "0")}`;
        expect(toGrams(kg, "kg")).toBe(grams);
        expect(String(gramsToKilograms(grams))).toBe(normaliseDecimal(kg));
      }),
    );
  });

  it("writes the declared figure back without redundant zeros", () => {
    expect(normaliseDecimal("1250.500")).toBe("1250.5");
    expect(normaliseDecimal("0012.0")).toBe("12");
    expect(normaliseDecimal("0.250")).toBe("0.25");
  });
});

describe("lot numbers", () => {
  it("are L + harvest date + sequence, at most 20 characters", () => {
    expect(lotCode("2025-04-14", 1)).toBe("L20250414-001");
    expect(lotCode("2025-04-14", 1234)).toBe("L20250414-1234");
    expect(lotCode("2025-04-14", 9_999_999_999)).toHaveLength(20);
    expect(() => lotCode("2025-04-14", 0)).toThrow(RangeError);
    expect(() => lotCode("14/04/2025", 1)).toThrow(RangeError);
  });

  it("sort by date, then by sequence within a day up to 999", () => {
    const codes = [lotCode("2025-04-15", 2), lotCode("2025-04-14", 10), lotCode("2025-04-15", 1)];
    expect([...codes].sort()).toEqual(["L20250414-010", "L20250415-001", "L20250415-002"]);
  });
});

describe("the commissioning event", () => {
  it("writes times in WIB with their offset", () => {
    expect(wibTimestamp(new Date("2025-04-14T23:30:00.000Z"))).toBe("2025-04-15T06:30:00.000+07:00");
  });

  it("is an ObjectEvent ADD / commissioning / active, in KGM, with the harvest facts as ilmd", () => {
    const event = commissioningEvent({
      lgtin: "urn:epc:class:lgtin:8990000.000001.L20250414-001",
      grams: 1_250_500,
      farm: "urn:epc:id:sgln:8990000.00001.0",
      declaredAt: new Date("2025-04-15T01:00:00Z"),
      harvestDate: "2025-04-14",
      villageCode: "18.02.01.2001",
      grade: "premium",
      commodityCode: "gabah-kering-panen",
      farmGatePrice: 6500,
    });
    expect(event).toMatchObject({
      "@context": [expect.stringContaining("epcis-context.jsonld"), { lb: LUMBUNG_EPCIS_NAMESPACE }],
      type: "ObjectEvent",
      action: "ADD",
      bizStep: "commissioning",
      disposition: "active",
      eventTime: "2025-04-15T08:00:00.000+07:00",
      eventTimeZoneOffset: "+07:00",
      readPoint: { id: "urn:epc:id:sgln:8990000.00001.0" },
      bizLocation: { id: "urn:epc:id:sgln:8990000.00001.0" },
      quantityList: [
        { epcClass: "urn:epc:class:lgtin:8990000.000001.L20250414-001", quantity: 1250.5, uom: "KGM" },
      ],
      ilmd: {
        "lb:harvestDate": "2025-04-14",
        "lb:villageCode": "18.02.01.2001",
        "lb:grade": "premium",
        "lb:farmGatePrice": 6500,
      },
    });
  });

  it("leaves the farm-gate price out when none was recorded", () => {
    const event = commissioningEvent({
      lgtin: "urn:epc:class:lgtin:8990000.000001.L1",
      grams: 1000,
      farm: "urn:epc:id:sgln:8990000.00001.0",
      declaredAt: new Date(),
      harvestDate: "2025-04-14",
      villageCode: "18.02.01.2001",
      grade: "A",
      commodityCode: "jagung",
      farmGatePrice: null,
    });
    expect(Object.keys(event.ilmd as object)).not.toContain("lb:farmGatePrice");
  });
});
