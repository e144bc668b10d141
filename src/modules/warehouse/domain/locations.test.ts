import { describe, expect, it } from "vitest";
import { dateOf, documentsOf, expiryFromIlmd, namedGoods, shareDocument } from "./event-facts";
import { isZoneCode, locationSgln, lotCodeOf, sglnParts } from "./locations";

describe("places in a warehouse", () => {
  it("names zones by SGLN extension; dock, staging and 0 are not zone codes", () => {
    expect(locationSgln("urn:epc:id:sgln:8990000.00001.0", "kering-a")).toBe(
      "urn:epc:id:sgln:8990000.00001.kering-a",
    );
    expect(sglnParts("urn:epc:id:sgln:8990000.00001.dock")).toEqual({
      key: "8990000.00001",
      extension: "dock",
    });
    expect(sglnParts("urn:epc:id:pgln:8990000.00001")).toBeNull();
    for (const ok of ["kering-a", "dingin-1", "a", "z9"]) expect(isZoneCode(ok)).toBe(true);
    for (const bad of ["dock", "staging", "0", "Kering", "-a", "a-", "a b", "x".repeat(21)])
      expect(isZoneCode(bad)).toBe(false);
    expect(lotCodeOf("urn:epc:class:lgtin:8990000.000001.L20250414-001")).toBe("L20250414-001");
  });
});

describe("facts the ledger reads from events", () => {
  it("takes a lot's expiry from its master data", () => {
    expect(expiryFromIlmd({ "cbvmda:itemExpirationDate": "2026-03-01" })).toBe("2026-03-01");
    expect(expiryFromIlmd({ "lb:expiryDate": "2026-03-01T00:00:00+07:00" })).toBe("2026-03-01");
    expect(expiryFromIlmd({ "lb:harvestDate": "2025-04-14" })).toBeNull();
    expect(expiryFromIlmd(undefined)).toBeNull();
    expect(dateOf("besok")).toBeNull();
  });

  it("tells events that share a business document", () => {
    const shipping = {
      bizTransactionList: [
        { type: "po", bizTransaction: "urn:po:1" },
        { type: "desadv", bizTransaction: "urn:desadv:7" },
      ],
      epcList: ["urn:epc:id:sscc:8990000.1000000001"],
      quantityList: [{ epcClass: "urn:epc:class:lgtin:8990000.000001.L1", quantity: 5, uom: "KGM" }],
    };
    const departing = {
      bizTransactionList: [
        { type: "desadv", bizTransaction: "urn:desadv:7" },
        { type: "bol", bizTransaction: "urn:bol:3" },
      ],
    };
    expect(shareDocument(shipping, departing)).toBe(true);
    expect(shareDocument(shipping, { bizTransactionList: [{ bizTransaction: "urn:bol:3" }] })).toBe(false);
    expect(documentsOf({})).toEqual([]);
    expect(namedGoods(shipping)).toEqual([
      "urn:epc:id:sscc:8990000.1000000001",
      "urn:epc:class:lgtin:8990000.000001.L1",
    ]);
  });
});
