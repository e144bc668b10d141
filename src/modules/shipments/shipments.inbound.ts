import { and, asc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cbvTerm, eventsNaming } from "../epcis";
import { gramsOf } from "./domain/mass";
import { CLOSED } from "./domain/status";
import { type ShipmentStatus, shipmentLegs, shipmentLines, shipments } from "./shipments.tables";

/** A shipment under way (or planned) to one of the given places, with the mass of one commodity on it. */
export interface InboundShipmentFacts {
  id: string;
  number: string;
  status: ShipmentStatus;
  shipperOrganisationId: string;
  originName: string;
  destinationSgln: string;
  destinationName: string;
  /** The projected ETA, else the last leg's planned arrival; null when neither is known. */
  eta: Date | null;
  /** The first leg's planned departure. */
  plannedDeparture: Date | null;
  grams: number;
}

const CLOSED_STATUSES = [...CLOSED] as ShipmentStatus[];

/**
 * Shipments not closed or cancelled whose destination is one of `destinationSglns` and whose origin is
 * none of `excludeOriginSglns` (moves inside a province are not supply to it), carrying the commodity.
 * Soonest first.
 */
export async function inboundShipments(
  db: Database,
  q: { destinationSglns: string[]; excludeOriginSglns: string[]; commodityCode: string },
): Promise<InboundShipmentFacts[]> {
  if (!q.destinationSglns.length) return [];
  const rows = await db
    .select({
      shipment: shipments,
      grams: sql<string>`sum(${shipmentLines.shippedGrams})`,
    })
    .from(shipments)
    .innerJoin(shipmentLines, eq(shipmentLines.shipmentId, shipments.id))
    .where(
      and(
        inArray(shipments.destinationSgln, q.destinationSglns),
        q.excludeOriginSglns.length ? notInArray(shipments.originSgln, q.excludeOriginSglns) : undefined,
        notInArray(shipments.status, CLOSED_STATUSES),
        eq(shipmentLines.commodityCode, q.commodityCode),
      ),
    )
    .groupBy(shipments.id);
  if (!rows.length) return [];
  const legs = await db
    .select()
    .from(shipmentLegs)
    .where(
      inArray(
        shipmentLegs.shipmentId,
        rows.map((r) => r.shipment.id),
      ),
    )
    .orderBy(asc(shipmentLegs.seq));
  const out = rows.map(({ shipment: s, grams }) => {
    const own = legs.filter((l) => l.shipmentId === s.id);
    return {
      id: s.id,
      number: s.number,
      status: s.status,
      shipperOrganisationId: s.shipperOrganisationId,
      originName: s.originName,
      destinationSgln: s.destinationSgln,
      destinationName: s.destinationName,
      eta: s.eta ?? own.at(-1)?.plannedArrival ?? null,
      plannedDeparture: own[0]?.plannedDeparture ?? null,
      grams: Number(grams),
    };
  });
  const at = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  return out.sort((a, b) => at(a.eta) - at(b.eta) || a.number.localeCompare(b.number));
}

/**
 * Grams of each lot (LGTIN class) already on its way: on loose lines of shipments not cancelled, or
 * packed into containers (packing events, ADD), since packing readies a lot for a shipment. Unpacking
 * is not subtracted: it happens mostly where a shipment delivered the container.
 */
export async function committedLotGrams(db: Database, lgtins: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(lgtins.map((l) => [l, 0]));
  if (!lgtins.length) return out;
  const loose = await db
    .select({ epc: shipmentLines.epc, grams: sql<string>`sum(${shipmentLines.shippedGrams})` })
    .from(shipmentLines)
    .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
    .where(and(inArray(shipmentLines.epc, lgtins), ne(shipments.status, "cancelled")))
    .groupBy(shipmentLines.epc);
  for (const r of loose) out.set(r.epc, (out.get(r.epc) ?? 0) + Number(r.grams));
  for (const { body } of await eventsNaming(db, lgtins)) {
    if (body.type !== "AggregationEvent" || body.action !== "ADD" || body.errorDeclaration !== undefined)
      continue;
    const step = typeof body.bizStep === "string" ? (cbvTerm("bizStep", body.bizStep) ?? body.bizStep) : null;
    if (step !== "packing") continue;
    const list = Array.isArray(body.childQuantityList)
      ? (body.childQuantityList as Record<string, unknown>[])
      : [];
    for (const c of list) {
      if (typeof c.epcClass !== "string" || !out.has(c.epcClass)) continue;
      out.set(c.epcClass, (out.get(c.epcClass) ?? 0) + (gramsOf(c.quantity, c.uom) ?? 0));
    }
  }
  return out;
}
