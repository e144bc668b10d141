/**
 * Corridor reports over shipments the caller sees (admins and the dinas: all): shrinkage (shipped
 * against accepted, losses found at hub inspections) and delays (planned against actual arrival),
 * per leg mode and per carrier, as JSON or CSV.
 */
import { stringify } from "csv-stringify/sync";
import type { Principal } from "../../http/access";
import { sameSite } from "./domain/codes";
import { type CarrierRef, delayReport, type ShipmentFacts, shrinkageReport } from "./domain/stats";
import { type Context, refuse } from "./shipments.context";
import { shipmentsRepository as repo, type Scope } from "./shipments.repository";

const DAY_MS = 24 * 3_600_000;

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

export function createReports(ctx: Context) {
  const { db } = ctx;
  const { clock } = ctx.deps;

  async function scopeFor(principal: Principal): Promise<Scope> {
    const a = ctx.actor(principal);
    // The dinas oversees the corridor: it reads the figures of every shipment (aggregates only).
    if (a.persona === "dinas") return { organisationId: null, hubSglns: [] };
    return ctx.scopeOf(a);
  }

  function period(q: Period) {
    const to = q.to ? new Date(q.to) : clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (!(from < to)) {
      refuse("shipments.invalid", [
        { field: "querystring/from", message: "must be before to", messageId: "harus sebelum to" },
      ]);
    }
    return { from, to };
  }

  const carrierOf = (l: { carrierOrganisationId: string | null; carrierName: string }): CarrierRef => ({
    id: l.carrierOrganisationId,
    name: l.carrierName,
  });

  return {
    /** Shipments delivered (proof of delivery recorded) in the period. */
    async shrinkageReport(principal: Principal, q: Period) {
      const scope = await scopeFor(principal);
      const { from, to } = period(q);
      const rows = (await repo.forReports(db, scope, "deliveredAt", from, to)).filter((s) =>
        ["delivered", "partially_delivered", "rejected"].includes(s.status),
      );
      const ids = rows.map((r) => r.id);
      const [lines, legs, visits] = await Promise.all([
        repo.linesOf(db, ids),
        repo.legsOf(db, ids),
        repo.visitsOfShipments(db, ids),
      ]);
      const facts: ShipmentFacts[] = rows.map((s) => {
        const myLines = lines.filter((l) => l.shipmentId === s.id);
        const myLegs = legs.filter((l) => l.shipmentId === s.id);
        return {
          route: s.route,
          legs: myLegs.map((l) => ({ mode: l.mode, carrier: carrierOf(l) })),
          shippedGrams: myLines.reduce((sum, l) => sum + l.shippedGrams, 0),
          acceptedGrams: myLines.reduce((sum, l) => sum + (l.acceptedGrams ?? 0), 0),
          rejectedGrams: myLines.reduce((sum, l) => sum + (l.rejectedGrams ?? 0), 0),
          inspectionLosses: visits
            .filter((v) => v.shipmentId === s.id && (v.inspectionLossGrams ?? 0) > 0)
            .flatMap((v) => {
              // The loss is put on the leg that brought the goods to the hub where it was found.
              const leg = myLegs.find((l) => sameSite(l.toSgln, v.hubSgln));
              return leg
                ? [{ mode: leg.mode, carrier: carrierOf(leg), grams: v.inspectionLossGrams ?? 0 }]
                : [];
            }),
        };
      });
      return { from: from.toISOString(), to: to.toISOString(), ...shrinkageReport(facts) };
    },

    /** Legs that arrived in the period. */
    async delayReport(principal: Principal, q: Period) {
      const scope = await scopeFor(principal);
      const { from, to } = period(q);
      const legs = await repo.arrivedLegs(db, scope, from, to);
      const report = delayReport(
        legs.map(({ leg }) => ({
          mode: leg.mode,
          carrier: carrierOf(leg),
          plannedArrival: leg.plannedArrival,
          actualArrival: leg.actualArrival as Date,
        })),
      );
      return { from: from.toISOString(), to: to.toISOString(), ...report };
    },
  };
}

type Row = Record<string, string | number | null>;

/** A report as one CSV table: a `group` column (total, route, legMode, carrier) before each row. */
export function reportCsv(report: Record<string, unknown>): string {
  const rows: Row[] = [];
  const groups: [string, string][] = [
    ["total", "total"],
    ["byRoute", "route"],
    ["byLegMode", "legMode"],
    ["byCarrier", "carrier"],
  ];
  for (const [field, group] of groups) {
    const value = report[field];
    const list = Array.isArray(value) ? value : value ? [value] : [];
    for (const r of list as Row[]) rows.push({ group, ...r });
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify(rows, { header: true, columns });
}
