import { describe, expect, it } from "vitest";
import { breaches, describeBreach, type Threshold, toCelsius, toPercent } from "./thresholds";

const CHILI: Threshold = { minCelsius: 5, maxCelsius: 10, maxRelativeHumidity: 95 };
const RICE: Threshold = { minCelsius: null, maxCelsius: 30, maxRelativeHumidity: 75 };

describe("units", () => {
  it("converts °F and K to °C and keeps °C (or no unit) as it is", () => {
    expect(toCelsius(50, "FAH")).toBe(10);
    expect(toCelsius(32, "FAH")).toBe(0);
    expect(toCelsius(278.15, "KEL")).toBeCloseTo(5, 10);
    expect(toCelsius(7, "CEL")).toBe(7);
    expect(toCelsius(7, undefined)).toBe(7);
    expect(toCelsius(7, "KGM")).toBeNull();
  });

  it("reads relative humidity as percent, whichever humidity code came with it", () => {
    expect(toPercent(80, "P1")).toBe(80);
    expect(toPercent(80, "A93")).toBe(80);
    expect(toPercent(80, undefined)).toBe(80);
    expect(toPercent(80, "CEL")).toBeNull();
  });
});

describe("a report against a commodity's thresholds", () => {
  it("finds nothing inside the range, bounds included", () => {
    expect(breaches({ type: "Temperature", value: 7, uom: "CEL" }, CHILI)).toEqual([]);
    expect(breaches({ type: "Temperature", value: 10, uom: "CEL" }, CHILI)).toEqual([]);
    expect(breaches({ type: "Temperature", value: 5, uom: "CEL" }, CHILI)).toEqual([]);
    expect(breaches({ type: "RelativeHumidity", value: 95, uom: "P1" }, CHILI)).toEqual([]);
  });

  it("finds a temperature above the maximum", () => {
    expect(breaches({ type: "Temperature", value: 12.5, uom: "CEL" }, CHILI)).toEqual([
      { measurement: "Temperature", value: 12.5, uom: "CEL", limit: 10, direction: "above" },
    ]);
  });

  it("finds a temperature below the minimum (chilling injury)", () => {
    expect(breaches({ type: "Temperature", value: 2, uom: "CEL" }, CHILI)).toEqual([
      { measurement: "Temperature", value: 2, uom: "CEL", limit: 5, direction: "below" },
    ]);
  });

  it("compares °F readings in °C", () => {
    expect(breaches({ type: "Temperature", value: 50, uom: "FAH" }, CHILI)).toEqual([]);
    expect(breaches({ type: "Temperature", value: 59, uom: "FAH" }, CHILI)).toEqual([
      { measurement: "Temperature", value: 15, uom: "CEL", limit: 10, direction: "above" },
    ]);
  });

  it("looks at minValue and maxValue, and reports the furthest reading each way", () => {
    expect(breaches({ type: "Temperature", minValue: 3, maxValue: 14, value: 8 }, CHILI)).toEqual([
      { measurement: "Temperature", value: 14, uom: "CEL", limit: 10, direction: "above" },
      { measurement: "Temperature", value: 3, uom: "CEL", limit: 5, direction: "below" },
    ]);
  });

  it("checks relative humidity against its maximum", () => {
    expect(breaches({ type: "RelativeHumidity", value: 82, uom: "P1" }, RICE)).toEqual([
      { measurement: "RelativeHumidity", value: 82, uom: "P1", limit: 75, direction: "above" },
    ]);
  });

  it("ignores limits a commodity does not have, other measurements and unconvertible units", () => {
    expect(breaches({ type: "Temperature", value: -5, uom: "CEL" }, RICE)).toEqual([]);
    expect(breaches({ type: "Illuminance", value: 1e6, uom: "LUX" }, CHILI)).toEqual([]);
    expect(breaches({ type: "Temperature", value: 99, uom: "KGM" }, CHILI)).toEqual([]);
    expect(breaches({ type: "Temperature", stringValue: "hot" } as never, CHILI)).toEqual([]);
  });

  it("says what broke in words", () => {
    const [b] = breaches({ type: "Temperature", value: 12.5, uom: "CEL" }, CHILI);
    expect(describeBreach(b as never)).toBe("Temperature 12.5 °C above the 10 °C limit");
  });
});
