import { describe, expect, it } from "vitest";
import { gramsOf, kgText } from "./quantity";

describe("masses in whole grams", () => {
  it.each([
    [1250.5, "KGM", 1_250_500],
    [0.001, "KGM", 1],
    [0, "KGM", 0],
    [1.25, "TNE", 1_250_000],
    [0.000001, "TNE", 1],
    [0.3, "TNE", 300_000],
  ])("%s %s is %d g", (q, uom, grams) => {
    expect(gramsOf(q, uom)).toEqual({ ok: true, grams });
  });

  it("refuses pieces, missing units, figures finer than a gram and negatives", () => {
    expect(gramsOf(10, "H87")).toEqual({ ok: false, why: "unit" });
    expect(gramsOf(10, undefined)).toEqual({ ok: false, why: "unit" });
    expect(gramsOf(0.0001, "KGM")).toEqual({ ok: false, why: "too_fine" });
    expect(gramsOf(1e-7, "TNE")).toEqual({ ok: false, why: "too_fine" });
    expect(gramsOf(-1, "KGM")).toEqual({ ok: false, why: "negative" });
    expect(gramsOf(Number.NaN, "KGM")).toEqual({ ok: false, why: "not_a_mass" });
  });

  it("writes kilograms back as a plain decimal", () => {
    expect(kgText(1_250_500)).toBe("1250.5");
    expect(kgText(1)).toBe("0.001");
    expect(kgText(-2_500)).toBe("-2.5");
    expect(kgText(0)).toBe("0");
  });
});
