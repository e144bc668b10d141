import { and, asc, desc, eq, lte } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { supplyPlans, supplyStockReports } from "./supply.tables";

export type SupplyPlanRow = typeof supplyPlans.$inferSelect;
export type StockReportRow = typeof supplyStockReports.$inferSelect;

export const supplyRepository = {
  async plan(db: DbOrTx, commodityCode: string, regionCode: string): Promise<SupplyPlanRow | undefined> {
    const [row] = await db
      .select()
      .from(supplyPlans)
      .where(and(eq(supplyPlans.commodityCode, commodityCode), eq(supplyPlans.regionCode, regionCode)))
      .limit(1);
    return row;
  },

  async plans(db: DbOrTx): Promise<SupplyPlanRow[]> {
    return db.select().from(supplyPlans).orderBy(asc(supplyPlans.regionCode), asc(supplyPlans.commodityCode));
  },

  async upsertPlan(db: DbOrTx, row: typeof supplyPlans.$inferInsert): Promise<SupplyPlanRow> {
    const { commodityCode: _c, regionCode: _r, ...set } = row;
    const [saved] = await db
      .insert(supplyPlans)
      .values(row)
      .onConflictDoUpdate({ target: [supplyPlans.commodityCode, supplyPlans.regionCode], set })
      .returning();
    return saved as SupplyPlanRow;
  },

  async insertReport(db: DbOrTx, row: typeof supplyStockReports.$inferInsert): Promise<StockReportRow> {
    const [saved] = await db.insert(supplyStockReports).values(row).returning();
    return saved as StockReportRow;
  },

  /** Reports of a commodity in a province dated on or before `day`, newest first. */
  async reports(
    db: DbOrTx,
    commodityCode: string,
    regionCode: string,
    day: string,
  ): Promise<StockReportRow[]> {
    return db
      .select()
      .from(supplyStockReports)
      .where(
        and(
          eq(supplyStockReports.commodityCode, commodityCode),
          eq(supplyStockReports.regionCode, regionCode),
          lte(supplyStockReports.asOf, day),
        ),
      )
      .orderBy(desc(supplyStockReports.asOf), desc(supplyStockReports.createdAt), desc(supplyStockReports.id))
      .limit(1000);
  },
};
