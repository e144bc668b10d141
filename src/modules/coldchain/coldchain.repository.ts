import { and, arrayOverlaps, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Database, DbOrTx, Transaction } from "../../db/client";
import { THRESHOLDS } from "./coldchain.data";
import { commodityThresholds, excursions, type ThresholdRow } from "./coldchain.tables";

export interface ExcursionFilter {
  /** null: every excursion (dinas, admin); otherwise those of events this organisation took part in. */
  organisationId: string | null;
  epcs?: string[] | undefined;
  commodityCode?: string | undefined;
  eventId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: string | undefined;
  limit: number;
}

export const coldchainRepository = {
  async listThresholds(db: DbOrTx): Promise<ThresholdRow[]> {
    return db.select().from(commodityThresholds).orderBy(asc(commodityThresholds.commodityCode));
  },

  async upsertThreshold(db: DbOrTx, row: ThresholdRow) {
    const [saved] = await db
      .insert(commodityThresholds)
      .values(row)
      .onConflictDoUpdate({
        target: commodityThresholds.commodityCode,
        set: {
          minCelsius: row.minCelsius,
          maxCelsius: row.maxCelsius,
          maxRelativeHumidity: row.maxRelativeHumidity,
          source: row.source,
          updatedAt: row.updatedAt,
        },
      })
      .returning();
    return saved as ThresholdRow;
  },

  async insertExcursions(tx: Transaction, rows: (typeof excursions.$inferInsert)[]) {
    if (rows.length) await tx.insert(excursions).values(rows);
  },

  /** Newest first; the cursor is the last id of the previous page (ids follow the reading's time). */
  async listExcursions(db: DbOrTx, q: ExcursionFilter) {
    const conditions: SQL[] = [];
    if (q.organisationId !== null)
      conditions.push(arrayOverlaps(excursions.participants, [q.organisationId]));
    if (q.epcs) conditions.push(q.epcs.length ? inArray(excursions.epc, q.epcs) : sql`false`);
    if (q.commodityCode) conditions.push(eq(excursions.commodityCode, q.commodityCode));
    if (q.eventId) conditions.push(eq(excursions.eventId, q.eventId));
    if (q.from) conditions.push(gte(excursions.at, q.from));
    if (q.to) conditions.push(lt(excursions.at, q.to));
    if (q.before) conditions.push(lt(excursions.id, q.before));
    return db
      .select()
      .from(excursions)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(excursions.id))
      .limit(q.limit + 1);
  },
};

/** Loads the default thresholds (idempotent, at every start); a threshold an admin set is kept. */
export async function loadColdchainDefaults(db: Database): Promise<void> {
  const now = new Date();
  for (const t of THRESHOLDS) {
    await db
      .insert(commodityThresholds)
      .values({ ...t, updatedAt: now })
      .onConflictDoNothing({ target: commodityThresholds.commodityCode });
  }
}
