/**
 * Figures for hub consoles and corridor reports: dwell times, shrinkage, delays. Pure.
 */

/** The p-th percentile (0–100) by linear interpolation between closest ranks; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = sorted[lo] as number;
  const high = sorted[hi] as number;
  return low + (high - low) * (rank - lo);
}

export function mean(values: readonly number[]): number | null {
  if (!values.length) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const kg = (grams: number) => grams / 1000;
const MINUTE_MS = 60_000;

export interface DwellSummary {
  count: number;
  meanMinutes: number | null;
  p50Minutes: number | null;
  p90Minutes: number | null;
}

export function dwellSummary(minutes: readonly number[]): DwellSummary {
  return {
    count: minutes.length,
    meanMinutes: round1(mean(minutes)),
    p50Minutes: round1(percentile(minutes, 50)),
    p90Minutes: round1(percentile(minutes, 90)),
  };
}

/** Whole minutes between two instants (never negative: clocks of scanners drift). */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / MINUTE_MS));
}

export interface VisitFacts {
  arrivedAt: Date;
  departedAt: Date | null;
  heldAt: Date | null;
  releasedAt: Date | null;
  holdCount: number;
  heldSeconds: number;
  grams: number;
}

/**
 * A hub's figures over a period: visits that arrived in it (throughput in), those that left in it
 * (throughput out, with their dwell), holds among them.
 */
export function hubStats(visits: readonly VisitFacts[], from: Date, to: Date, now: Date) {
  const inPeriod = (d: Date | null) => d !== null && d >= from && d < to;
  const arrived = visits.filter((v) => inPeriod(v.arrivedAt));
  const departed = visits.filter((v) => inPeriod(v.departedAt));
  const held = visits.filter((v) => v.holdCount > 0 && (inPeriod(v.heldAt) || inPeriod(v.arrivedAt)));
  const holdMinutes = held.map((v) => {
    const open = v.heldAt && (!v.releasedAt || v.releasedAt < v.heldAt) ? minutesBetween(v.heldAt, now) : 0;
    return Math.round(v.heldSeconds / 60) + open;
  });
  return {
    throughput: {
      arrivedShipments: arrived.length,
      arrivedKg: kg(arrived.reduce((s, v) => s + v.grams, 0)),
      departedShipments: departed.length,
      departedKg: kg(departed.reduce((s, v) => s + v.grams, 0)),
    },
    dwell: dwellSummary(departed.map((v) => minutesBetween(v.arrivedAt, v.departedAt as Date))),
    holds: {
      shipments: held.length,
      holds: held.reduce((s, v) => s + v.holdCount, 0),
      stillHeld: held.filter((v) => v.heldAt && (!v.releasedAt || v.releasedAt < v.heldAt)).length,
      meanHoldMinutes: round1(mean(holdMinutes)),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shrinkage: shipped against accepted at proof of delivery, and losses found at hub inspections

export interface CarrierRef {
  /** The carrier organisation, or null for a carrier without a Lumbung account. */
  id: string | null;
  name: string;
}

export interface ShipmentFacts {
  route: string;
  legs: { mode: string; carrier: CarrierRef }[];
  shippedGrams: number;
  acceptedGrams: number;
  rejectedGrams: number;
  /** Mass found missing at hub inspections, by the leg that brought the goods to the hub. */
  inspectionLosses: { mode: string; carrier: CarrierRef; grams: number }[];
}

export interface ShrinkageRow {
  key: string;
  label: string;
  shipments: number;
  shippedKg: number;
  acceptedKg: number;
  rejectedKg: number;
  /** Shipped less accepted. */
  shrinkageKg: number;
  shrinkagePct: number | null;
  inspectionLossKg: number;
}

interface Acc {
  label: string;
  shipments: number;
  shipped: number;
  accepted: number;
  rejected: number;
  loss: number;
}

function rows(acc: Map<string, Acc>): ShrinkageRow[] {
  return [...acc.entries()]
    .map(([key, a]) => ({
      key,
      label: a.label,
      shipments: a.shipments,
      shippedKg: kg(a.shipped),
      acceptedKg: kg(a.accepted),
      rejectedKg: kg(a.rejected),
      shrinkageKg: kg(a.shipped - a.accepted),
      shrinkagePct: a.shipped > 0 ? Math.round(((a.shipped - a.accepted) / a.shipped) * 10_000) / 100 : null,
      inspectionLossKg: kg(a.loss),
    }))
    .sort((x, y) => x.key.localeCompare(y.key));
}

const carrierKey = (c: CarrierRef) => c.id ?? `name:${c.name}`;

/**
 * Per route, per leg mode and per carrier: a shipment counts once in every group it took part in
 * (a roro shipment counts for truck and for roro), so groups overlap and are not summed.
 */
export function shrinkageReport(shipments: readonly ShipmentFacts[]) {
  const byRoute = new Map<string, Acc>();
  const byMode = new Map<string, Acc>();
  const byCarrier = new Map<string, Acc>();
  const total: Acc = { label: "total", shipments: 0, shipped: 0, accepted: 0, rejected: 0, loss: 0 };
  const add = (map: Map<string, Acc> | null, key: string, label: string, s: ShipmentFacts, loss: number) => {
    const a =
      map?.get(key) ?? ({ label, shipments: 0, shipped: 0, accepted: 0, rejected: 0, loss: 0 } satisfies Acc);
    a.shipments += 1;
    a.shipped += s.shippedGrams;
    a.accepted += s.acceptedGrams;
    a.rejected += s.rejectedGrams;
    a.loss += loss;
    map?.set(key, a);
    return a;
  };
  for (const s of shipments) {
    const allLoss = s.inspectionLosses.reduce((sum, l) => sum + l.grams, 0);
    add(byRoute, s.route, s.route, s, allLoss);
    const modes = new Set(s.legs.map((l) => l.mode));
    for (const mode of modes) {
      add(
        byMode,
        mode,
        mode,
        s,
        s.inspectionLosses.filter((l) => l.mode === mode).reduce((x, l) => x + l.grams, 0),
      );
    }
    const carriers = new Map(s.legs.map((l) => [carrierKey(l.carrier), l.carrier]));
    for (const [key, carrier] of carriers) {
      const loss = s.inspectionLosses
        .filter((l) => carrierKey(l.carrier) === key)
        .reduce((x, l) => x + l.grams, 0);
      add(byCarrier, key, carrier.name, s, loss);
    }
    total.shipments += 1;
    total.shipped += s.shippedGrams;
    total.accepted += s.acceptedGrams;
    total.rejected += s.rejectedGrams;
    total.loss += allLoss;
  }
  const [totalRow] = rows(new Map([["total", total]]));
  return {
    total: totalRow as ShrinkageRow,
    byRoute: rows(byRoute),
    byLegMode: rows(byMode),
    byCarrier: rows(byCarrier),
  };
}

// ---------------------------------------------------------------------------------------------
// Delays: planned against actual arrival of each leg

/** A leg arriving up to this late still counts as on time. */
export const ON_TIME_TOLERANCE_MINUTES = 30;

export interface LegArrivalFacts {
  mode: string;
  carrier: CarrierRef;
  plannedArrival: Date;
  actualArrival: Date;
}

export interface DelayRow {
  key: string;
  label: string;
  legs: number;
  meanDelayMinutes: number | null;
  p90DelayMinutes: number | null;
  onTimePct: number | null;
}

/** Delay in minutes, negative when early. */
export function delayMinutes(planned: Date, actual: Date): number {
  return Math.round((actual.getTime() - planned.getTime()) / MINUTE_MS);
}

function delayRow(key: string, label: string, delays: number[]): DelayRow {
  const onTime = delays.filter((d) => d <= ON_TIME_TOLERANCE_MINUTES).length;
  return {
    key,
    label,
    legs: delays.length,
    meanDelayMinutes: round1(mean(delays)),
    p90DelayMinutes: round1(percentile(delays, 90)),
    onTimePct: delays.length ? Math.round((onTime / delays.length) * 10_000) / 100 : null,
  };
}

export function delayReport(legs: readonly LegArrivalFacts[]) {
  const group = (keyOf: (l: LegArrivalFacts) => string, labelOf: (l: LegArrivalFacts) => string) => {
    const map = new Map<string, { label: string; delays: number[] }>();
    for (const l of legs) {
      const key = keyOf(l);
      const g = map.get(key) ?? { label: labelOf(l), delays: [] };
      g.delays.push(delayMinutes(l.plannedArrival, l.actualArrival));
      map.set(key, g);
    }
    return [...map.entries()]
      .map(([k, g]) => delayRow(k, g.label, g.delays))
      .sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    toleranceMinutes: ON_TIME_TOLERANCE_MINUTES,
    total: delayRow(
      "total",
      "total",
      legs.map((l) => delayMinutes(l.plannedArrival, l.actualArrival)),
    ),
    byLegMode: group(
      (l) => l.mode,
      (l) => l.mode,
    ),
    byCarrier: group(
      (l) => carrierKey(l.carrier),
      (l) => l.carrier.name,
    ),
  };
}
