import { hetZoneOf } from "../../reference";
import type { ReferenceCeiling } from "./daily";

export interface ReferencePriceRow {
  commodityCode: string;
  kind: "HET" | "HAP" | "HPP";
  level: "consumer" | "producer";
  zone: string | null;
  min: number | null;
  max: number;
  effectiveFrom: string;
  source: string;
}

/**
 * The ceiling a price is held to on `day`: retail and wholesale prices against the consumer HET (for the
 * region's zone) or the top of the consumer HAP range; producer prices against the producer HAP. The HPP is
 * a floor for farmers, not a ceiling, so it never raises a price alert.
 */
export function ceilingFor(
  rows: readonly ReferencePriceRow[],
  q: { commodityCode: string; regionCode: string; level: "producer" | "wholesale" | "retail"; day: string },
): ReferenceCeiling | null {
  const level = q.level === "producer" ? "producer" : "consumer";
  const zone = hetZoneOf(q.regionCode);
  let best: ReferencePriceRow | null = null;
  for (const r of rows) {
    if (r.commodityCode !== q.commodityCode || r.level !== level || r.effectiveFrom > q.day) continue;
    if (r.kind === "HPP" || (r.zone !== null && r.zone !== zone)) continue;
    // HET wins over HAP when both exist; within a kind the latest effective date wins.
    const better =
      !best ||
      (r.kind === "HET" && best.kind !== "HET") ||
      (r.kind === best.kind && r.effectiveFrom > best.effectiveFrom);
    if (better) best = r;
  }
  return best
    ? {
        kind: best.kind,
        max: best.max,
        min: best.min,
        source: best.source,
        effectiveFrom: best.effectiveFrom,
      }
    : null;
}
