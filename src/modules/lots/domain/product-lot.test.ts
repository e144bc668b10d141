import { describe, expect, it } from "vitest";
import { productLotCode } from "./product-lot";

describe("product lot numbers", () => {
  it("are P, the production date and a three-digit (or longer) sequence", () => {
    expect(productLotCode("2025-04-20", 1)).toBe("P20250420-001");
    expect(productLotCode("2025-04-20", 1234)).toBe("P20250420-1234");
  });

  it("refuse a malformed date or sequence", () => {
    expect(() => productLotCode("20-04-2025", 1)).toThrow(RangeError);
    expect(() => productLotCode("2025-04-20", 0)).toThrow(RangeError);
    expect(() => productLotCode("2025-04-20", 1.5)).toThrow(RangeError);
  });

  it("stays within the 20 characters GS1 allows a lot number", () => {
    expect(productLotCode("2025-04-20", 9_999_999_999).length).toBeLessThanOrEqual(20);
  });
});
