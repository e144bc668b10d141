import { describe, expect, it } from "vitest";
import { chargeableKg, shippingQuote, zoneOf } from "./shipping";

describe("shipping fees", () => {
  it("puts destinations in zones by province", () => {
    expect(zoneOf("18.71.06")).toBe("lampung");
    expect(zoneOf("31")).toBe("dki_jakarta");
    expect(zoneOf("31.74")).toBe("dki_jakarta");
    for (const p of ["32", "33", "34", "35", "36"]) expect(zoneOf(p)).toBe("jawa");
    expect(zoneOf("51.71")).toBe("lainnya");
    expect(zoneOf("16")).toBe("lainnya");
  });

  it("rounds weight up to kilograms with the 0.3 kg tolerance, at least 1 kg", () => {
    expect(chargeableKg(0)).toBe(1);
    expect(chargeableKg(250)).toBe(1);
    expect(chargeableKg(1300)).toBe(1);
    expect(chargeableKg(1301)).toBe(2);
    expect(chargeableKg(2300)).toBe(2);
    expect(chargeableKg(2400)).toBe(3);
    expect(() => chargeableKg(-1)).toThrow(RangeError);
    expect(() => chargeableKg(1.5)).toThrow(RangeError);
  });

  it("prices by zone and chargeable weight", () => {
    expect(shippingQuote(500, "18.71")).toMatchObject({ fee: 9_000, etaDays: 2, zone: "lampung" });
    expect(shippingQuote(1500, "31.71")).toMatchObject({ fee: 28_000, chargeableKg: 2, etaDays: 3 });
    expect(shippingQuote(1000, "32.73")).toMatchObject({ fee: 18_000, zone: "jawa" });
    expect(shippingQuote(3000, "73.71")).toMatchObject({ fee: 96_000, zone: "lainnya", etaDays: 7 });
  });

  it("never charges less for a heavier parcel to the same place", () => {
    for (const region of ["18", "31", "33", "94"]) {
      let last = 0;
      for (let g = 0; g <= 20_000; g += 50) {
        const fee = shippingQuote(g, region).fee;
        expect(fee).toBeGreaterThanOrEqual(last);
        last = fee;
      }
    }
  });
});
