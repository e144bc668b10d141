/**
 * Cold-chain excursions (readings outside a commodity's thresholds, recorded by the coldchain
 * projection per lot or container) as a trace shows them: once per reading, whatever number of the
 * trace's identifiers it concerned, with the unit written for people. Pure.
 */

/** An excursion as the coldchain module records it (one row per identifier concerned). */
export interface ExcursionRecord {
  eventId: string;
  epc: string;
  measurement: string;
  value: number;
  uom: string;
  limit: number;
  direction: "above" | "below";
  sgln: string | null;
  at: Date;
}

export interface Excursion {
  eventID: string;
  /** The identifiers of the trace the reading concerned (a pallet and the lot in it). */
  epcs: string[];
  /** CBV sensor measurement type: Temperature, RelativeHumidity… */
  measurement: string;
  value: number;
  /** UN/CEFACT code as recorded (CEL, A93…). */
  uom: string;
  /** The unit as people write it: °C, %. */
  unit: string;
  limit: number;
  direction: "above" | "below";
  at: string;
  place: string | null;
}

const UNITS: Readonly<Record<string, string>> = {
  CEL: "°C",
  FAH: "°F",
  KEL: "K",
  A93: "%",
  P1: "%",
};

export function unitSymbol(uom: string | null): string | null {
  if (uom === null) return null;
  return UNITS[uom] ?? uom;
}

/** One entry per reading (event, measurement, value, time), oldest first. */
export function groupExcursions(rows: readonly ExcursionRecord[]): Excursion[] {
  const byReading = new Map<string, Excursion>();
  for (const r of rows) {
    const at = r.at.toISOString();
    const key = [r.eventId, r.measurement, r.value, at, r.direction].join("\u0000");
    const seen = byReading.get(key);
    if (seen) {
      if (!seen.epcs.includes(r.epc)) seen.epcs.push(r.epc);
      continue;
    }
    byReading.set(key, {
      eventID: r.eventId,
      epcs: [r.epc],
      measurement: r.measurement,
      value: r.value,
      uom: r.uom,
      unit: unitSymbol(r.uom) ?? r.uom,
      limit: r.limit,
      direction: r.direction,
      at,
      place: r.sgln,
    });
  }
  return [...byReading.values()].sort((a, b) => a.at.localeCompare(b.at));
}
