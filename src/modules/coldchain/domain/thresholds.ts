/**
 * Cold-chain rules: a sensor report (EPCIS 2.0 sensorReport) against a commodity's thresholds. Pure.
 *
 * Units are UN/ECE Recommendation 20 codes, as EPCIS carries them: CEL (°C), FAH (°F), KEL (K) for
 * temperature; P1 (percent) for relative humidity. A relative humidity is a percentage whatever
 * unit code came with it, so A93 (which Rec 20 defines as g/m³, but early EPCIS 2.0 drafts put on
 * humidity readings) and a missing code are read as percent; a missing temperature unit as °C.
 */

export type Measurement = "Temperature" | "RelativeHumidity";

export interface Threshold {
  minCelsius: number | null;
  maxCelsius: number | null;
  maxRelativeHumidity: number | null;
}

/** One reading of an EPCIS sensorReport, with the measurement type already read as a CBV word. */
export interface Report {
  type: string | null;
  value?: unknown;
  minValue?: unknown;
  maxValue?: unknown;
  uom?: unknown;
}

export interface Breach {
  measurement: Measurement;
  /** The reading beyond the limit, in CEL or P1. */
  value: number;
  uom: "CEL" | "P1";
  limit: number;
  direction: "above" | "below";
}

/** Degrees Celsius from a temperature in `uom`; null for a unit that is not a temperature. */
export function toCelsius(value: number, uom: unknown): number | null {
  if (uom === undefined || uom === null || uom === "CEL") return value;
  if (uom === "FAH") return ((value - 32) * 5) / 9;
  if (uom === "KEL") return value - 273.15;
  return null;
}

/** Percent relative humidity from a reading in `uom`; null for a unit that cannot be one. */
export function toPercent(value: number, uom: unknown): number | null {
  if (uom === undefined || uom === null || uom === "P1" || uom === "A93") return value;
  return null;
}

/** Rounds away float noise from unit conversion (°F → °C) without hiding a real tenth of a degree. */
function tidy(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function numbers(report: Report, field: "value" | "minValue" | "maxValue"): number | null {
  const v = report[field];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * How a report breaks a threshold: at most one breach per direction, the furthest reading (of value,
 * minValue, maxValue) beyond the limit. Measurements without a limit, and units that cannot be
 * converted, break nothing.
 */
export function breaches(report: Report, threshold: Threshold): Breach[] {
  let measurement: Measurement;
  let convert: (v: number, uom: unknown) => number | null;
  let uom: Breach["uom"];
  let min: number | null;
  let max: number | null;
  if (report.type === "Temperature") {
    measurement = "Temperature";
    convert = toCelsius;
    uom = "CEL";
    min = threshold.minCelsius;
    max = threshold.maxCelsius;
  } else if (report.type === "RelativeHumidity") {
    measurement = "RelativeHumidity";
    convert = toPercent;
    uom = "P1";
    min = null;
    max = threshold.maxRelativeHumidity;
  } else {
    return [];
  }
  const readings = (["value", "minValue", "maxValue"] as const)
    .map((f) => numbers(report, f))
    .filter((v): v is number => v !== null)
    .map((v) => convert(v, report.uom))
    .filter((v): v is number => v !== null)
    .map(tidy);
  if (!readings.length) return [];
  const out: Breach[] = [];
  const highest = Math.max(...readings);
  const lowest = Math.min(...readings);
  if (max !== null && highest > max)
    out.push({ measurement, value: highest, uom, limit: max, direction: "above" });
  if (min !== null && lowest < min)
    out.push({ measurement, value: lowest, uom, limit: min, direction: "below" });
  return out;
}

/** What a person reads: "Temperature 12.5 °C above the 10 °C limit". */
export function describeBreach(b: Breach): string {
  const unit = b.uom === "CEL" ? " °C" : "%";
  const what = b.measurement === "Temperature" ? "Temperature" : "Relative humidity";
  return `${what} ${b.value}${unit} ${b.direction} the ${b.limit}${unit} limit`;
}
