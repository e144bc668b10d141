import { describe, expect, it } from "vitest";
import { mergeLines, ORDER_NUMBER_PATTERN, orderNumber, totals } from "./orders";

describe("order numbers and sums", () => {
  it("numbers orders PSR-year-sequence", () => {
    expect(orderNumber(2026, 123)).toBe("PSR-2026-000123");
    expect(orderNumber(2026, 1_234_567)).toBe("PSR-2026-1234567");
    expect(ORDER_NUMBER_PATTERN.test(orderNumber(2026, 1))).toBe(true);
  });

  it("sums lines, weight and shipping in whole rupiah and grams", () => {
    expect(
      totals(
        [
          { unitPrice: 45_000, quantity: 2, weightGrams: 250 },
          { unitPrice: 12_500, quantity: 3, weightGrams: 100 },
        ],
        14_000,
      ),
    ).toEqual({ subtotal: 127_500, weightGrams: 800, shippingFee: 14_000, total: 141_500 });
  });

  it("merges repeated variants, keeping the first line's position", () => {
    const merged = mergeLines([
      { key: "v1", index: 0, quantity: 1 },
      { key: "v2", index: 1, quantity: 2 },
      { key: "v1", index: 2, quantity: 3 },
    ]);
    expect(merged).toEqual([
      { key: "v1", index: 0, quantity: 4 },
      { key: "v2", index: 1, quantity: 2 },
    ]);
  });
});
