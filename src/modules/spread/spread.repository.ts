import { asc, eq, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import { DEFAULT_FREIGHT_RATES } from "./spread.data";
import { freightRates } from "./spread.tables";

export type FreightRow = typeof freightRates.$inferSelect;

export const spreadRepository = {
  listRates(db: DbOrTx): Promise<FreightRow[]> {
    return db.select().from(freightRates).orderBy(asc(freightRates.route));
  },

  async getRate(db: DbOrTx, route: string): Promise<FreightRow | null> {
    const [row] = await db.select().from(freightRates).where(eq(freightRates.route, route)).limit(1);
    return row ?? null;
  },

  async updateRate(
    db: DbOrTx,
    route: string,
    set: Pick<FreightRow, "name" | "payloadKg" | "components" | "updatedBy" | "updatedAt">,
  ): Promise<FreightRow | null> {
    const [row] = await db.update(freightRates).set(set).where(eq(freightRates.route, route)).returning();
    return row ?? null;
  },
};

/**
 * Loads the default freight rates at every start. A rate nobody has edited (`updatedBy` null) follows
 * the defaults in code; one an official changed is left as it is. Unchanged defaults write nothing.
 */
export async function loadFreightDefaults(db: Database, now: Date = new Date()): Promise<{ routes: number }> {
  for (const r of DEFAULT_FREIGHT_RATES) {
    await db
      .insert(freightRates)
      .values({ ...r, updatedBy: null, updatedAt: now })
      .onConflictDoUpdate({
        target: freightRates.route,
        set: {
          name: r.name,
          payloadKg: r.payloadKg,
          components: r.components,
          updatedAt: now,
        },
        setWhere: sql`${freightRates.updatedBy} is null and (${freightRates.name}, ${freightRates.payloadKg}, ${freightRates.components}) is distinct from (excluded.name, excluded.payload_kg, excluded.components)`,
      });
  }
  return { routes: DEFAULT_FREIGHT_RATES.length };
}
