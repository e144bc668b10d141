import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import { supplyStockReports } from "./supply.tables";

const FOOD_STATION = "PT Food Station Tjipinang Jaya";

/**
 * Demo only: Food Station's rice at PIBC, outside the shared warehouse Lumbung tracks, ≈ 28 kt
 * (reference/corridor.md: stock target 25–30 kt). Written once; a later report supersedes it.
 */
export async function seedSupplyDemo(
  db: Database,
  organisationIds: ReadonlyMap<string, string>,
): Promise<void> {
  const organisationId = organisationIds.get(FOOD_STATION);
  if (!organisationId) return;
  const [existing] = await db
    .select({ id: supplyStockReports.id })
    .from(supplyStockReports)
    .where(
      and(
        eq(supplyStockReports.organisationId, organisationId),
        eq(supplyStockReports.commodityCode, "beras-medium"),
        eq(supplyStockReports.regionCode, "31"),
      ),
    )
    .limit(1);
  if (existing) return;
  const now = new Date();
  await db.insert(supplyStockReports).values({
    id: newId("ssr"),
    organisationId,
    commodityCode: "beras-medium",
    regionCode: "31",
    kg: 28_000_000,
    asOf: jakartaDate(now),
    note: "Stok di gudang PIBC (demo)",
    reportedBy: null,
    createdAt: now,
  });
}
