import { and, arrayOverlaps, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Database, DbOrTx, Transaction } from "../../db/client";
import { PROCESSES } from "./processing.data";
import { type ProcessRow, processes, productionRuns } from "./processing.tables";

export interface RunFilter {
  /** null: every run (dinas, admin); otherwise runs this organisation took part in. */
  organisationId: string | null;
  flagged?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: string | undefined;
  limit: number;
}

export const processingRepository = {
  async listProcesses(db: DbOrTx): Promise<ProcessRow[]> {
    return db.select().from(processes).orderBy(asc(processes.code));
  },

  async findProcess(db: DbOrTx, code: string) {
    const [row] = await db.select().from(processes).where(eq(processes.code, code)).limit(1);
    return row;
  },

  async updateRange(
    db: DbOrTx,
    code: string,
    set: { minYieldBp: number; maxYieldBp: number; source: string; updatedAt: Date },
  ) {
    const [row] = await db.update(processes).set(set).where(eq(processes.code, code)).returning();
    return row;
  },

  async insertRun(tx: Transaction, row: typeof productionRuns.$inferInsert) {
    await tx.insert(productionRuns).values(row).onConflictDoNothing({ target: productionRuns.eventPk });
  },

  async findRun(db: DbOrTx, id: string) {
    const [row] = await db.select().from(productionRuns).where(eq(productionRuns.id, id)).limit(1);
    return row;
  },

  async findRunByEvent(db: DbOrTx, eventId: string) {
    const [row] = await db.select().from(productionRuns).where(eq(productionRuns.eventId, eventId)).limit(1);
    return row;
  },

  /** Newest first (by when the run happened, then id); the cursor is the last id of the previous page. */
  async listRuns(db: DbOrTx, q: RunFilter) {
    const conditions: SQL[] = [];
    if (q.organisationId !== null) {
      conditions.push(arrayOverlaps(productionRuns.participants, [q.organisationId]));
    }
    if (q.flagged !== undefined) conditions.push(eq(productionRuns.flagged, q.flagged));
    if (q.from) conditions.push(gte(productionRuns.at, q.from));
    if (q.to) conditions.push(lt(productionRuns.at, q.to));
    if (q.before) {
      const cursor = db
        .select({ at: productionRuns.at })
        .from(productionRuns)
        .where(eq(productionRuns.id, q.before));
      conditions.push(sql`(${productionRuns.at}, ${productionRuns.id}) < ((${cursor}), ${q.before})`);
    }
    return db
      .select()
      .from(productionRuns)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(productionRuns.at), desc(productionRuns.id))
      .limit(q.limit + 1);
  },
};

/**
 * Loads the processes (idempotent, run at every start): new ones are added with their default
 * range; names and commodities follow the code; a range an admin changed is kept.
 */
export async function loadProcessingDefaults(db: Database): Promise<void> {
  const now = new Date();
  for (const p of PROCESSES) {
    await db
      .insert(processes)
      .values({ ...p, updatedAt: now })
      .onConflictDoUpdate({
        target: processes.code,
        set: {
          name: p.name,
          nameEn: p.nameEn,
          inputCommodityCode: p.inputCommodityCode,
          outputCommodityCode: p.outputCommodityCode,
        },
      });
  }
}
