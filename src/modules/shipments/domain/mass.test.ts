import { describe, expect, it } from "vitest";
import { gramsFromKg, gramsOf } from "./mass";

describe("mass", () => {
  it("converts event quantities to grams", () => {
    expect(gramsOf(1250.5, "KGM")).toBe(1_250_500);
    expect(gramsOf(1.25, "TNE")).toBe(1_250_000);
    expect(gramsOf(12, undefined)).toBe(12_000);
    expect(gramsOf(12, "H87")).toBeNull();
    expect(gramsOf(-1, "KGM")).toBeNull();
    expect(gramsOf("12", "KGM")).toBeNull();
  });

  it("takes kilograms to the gram and no finer", () => {
    expect(gramsFromKg(0.001)).toBe(1);
    expect(gramsFromKg(500)).toBe(500_000);
    expect(gramsFromKg(1.2345)).toBeNull();
    expect(gramsFromKg(Number.NaN)).toBeNull();
  });
});
