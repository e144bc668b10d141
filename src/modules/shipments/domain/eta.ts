/**
 * Re-estimating when a shipment arrives from what has happened so far. Pure.
 *
 * Walks the legs in order. An arrived leg fixes the time the goods were at its end; a leg under way
 * arrives its planned duration after it actually left (never earlier than `asOf`, the time of the
 * latest fact: a late ship is still at sea); a leg not yet started leaves when the goods can first
 * leave its start (the ro-ro's next sailing after handling at Panjang, the ferry after the queue),
 * never before its planned departure for the first leg, and never before `asOf`.
 */
import { departureAfterArrival, type LegMode, nextRoroDeparture, type Place } from "./corridor";

export interface LegProgress {
  seq: number;
  mode: LegMode;
  from: Pick<Place, "siteCode">;
  plannedDeparture: Date;
  plannedArrival: Date;
  actualDeparture: Date | null;
  actualArrival: Date | null;
}

export interface Estimate {
  /** Per leg, in order: the expected arrival (the actual one once arrived). */
  legArrivals: { seq: number; departure: Date; arrival: Date; arrived: boolean }[];
  /** When the last leg arrives: the shipment's ETA. Null for a shipment without legs. */
  eta: Date | null;
}

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export function estimateArrival(legs: readonly LegProgress[], asOf: Date): Estimate {
  const ordered = [...legs].sort((a, b) => a.seq - b.seq);
  const out: Estimate["legArrivals"] = [];
  let readyAt: Date | null = null; // when the goods were (or will be) at the current leg's start
  for (const leg of ordered) {
    const duration = leg.plannedArrival.getTime() - leg.plannedDeparture.getTime();
    if (leg.actualArrival) {
      out.push({
        seq: leg.seq,
        departure: leg.actualDeparture ?? leg.plannedDeparture,
        arrival: leg.actualArrival,
        arrived: true,
      });
      readyAt = leg.actualArrival;
      continue;
    }
    let departure: Date;
    if (leg.actualDeparture) {
      departure = leg.actualDeparture;
    } else if (readyAt === null) {
      departure = later(leg.plannedDeparture, asOf);
    } else {
      const possible = departureAfterArrival(leg.mode, leg.from, readyAt);
      // A sailing already missed means the next one after now, not a departure in the past.
      departure =
        leg.mode === "roro" && possible.getTime() < asOf.getTime()
          ? nextRoroDeparture(asOf)
          : later(possible, asOf);
    }
    const arrival = later(new Date(departure.getTime() + duration), asOf);
    out.push({ seq: leg.seq, departure, arrival, arrived: false });
    readyAt = arrival;
  }
  return { legArrivals: out, eta: out.at(-1)?.arrival ?? null };
}
