import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { shipmentLines, shipments } from "./shipments.tables";

/** Kilograms of a lot (or container) promised to a planned shipment that has not left yet. */
export interface PlannedOutbound {
  originSgln: string;
  shipperOrganisationId: string;
  epc: string;
  grams: number;
}

/**
 * What planned shipments (not yet dispatched) will take out of the given places: the warehouse ledger
 * still holds that stock, but it is spoken for, so a second plan must not count on it.
 */
export async function plannedOutbound(db: DbOrTx, originSglns: string[]): Promise<PlannedOutbound[]> {
  if (!originSglns.length) return [];
  const rows = await db
    .select({
      originSgln: shipments.originSgln,
      shipperOrganisationId: shipments.shipperOrganisationId,
      epc: shipmentLines.epc,
      grams: sql<string>`sum(${shipmentLines.shippedGrams})`,
    })
    .from(shipments)
    .innerJoin(shipmentLines, eq(shipmentLines.shipmentId, shipments.id))
    .where(and(inArray(shipments.originSgln, originSglns), eq(shipments.status, "planned")))
    .groupBy(shipments.originSgln, shipments.shipperOrganisationId, shipmentLines.epc);
  return rows.map((r) => ({ ...r, grams: Number(r.grams) }));
}
