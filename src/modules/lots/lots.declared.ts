import { and, asc, eq, gte, like, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { lots } from "./lots.tables";

/** A harvest lot as supply figures need it: who, how much, when. */
export interface DeclaredLot {
  id: string;
  lgtin: string;
  organisationId: string;
  organisationName: string;
  grams: number;
  harvestDate: string;
  declaredAt: Date;
}

/**
 * Harvest lots of a commodity declared in [from, to) whose village lies under a region code (a
 * province "18", a regency "18.72"), oldest first. No scoping: callers publish totals, not lots.
 */
export async function declaredLots(
  db: DbOrTx,
  q: { commodityCode: string; regionCode: string; from: Date; to: Date },
): Promise<DeclaredLot[]> {
  const rows = await db
    .select()
    .from(lots)
    .where(
      and(
        eq(lots.commodityCode, q.commodityCode),
        like(lots.villageCode, `${q.regionCode}.%`),
        gte(lots.createdAt, q.from),
        lt(lots.createdAt, q.to),
      ),
    )
    .orderBy(asc(lots.createdAt), asc(lots.id))
    .limit(5000);
  return rows.map((r) => ({
    id: r.id,
    lgtin: r.lgtin,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    grams: r.quantityGrams,
    harvestDate: r.harvestDate,
    declaredAt: r.createdAt,
  }));
}
