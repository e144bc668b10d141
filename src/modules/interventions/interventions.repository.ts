import { and, desc, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { interventions, type RecommendationStatus, recommendations } from "./interventions.tables";

export type RecommendationRow = typeof recommendations.$inferSelect;
export type InterventionRow = typeof interventions.$inferSelect;

const inProvince = (
  column: typeof recommendations.regionCode | typeof interventions.regionCode,
  code: string,
) => sql`(${column} = ${code} or ${column} like ${`${code}.%`})`;

export const interventionsRepository = {
  async openByFingerprint(db: DbOrTx, fingerprints: string[]): Promise<RecommendationRow[]> {
    if (fingerprints.length === 0) return [];
    return db
      .select()
      .from(recommendations)
      .where(and(eq(recommendations.status, "open"), inArray(recommendations.fingerprint, fingerprints)));
  },

  async openIn(db: DbOrTx, commodityCode: string, regionCode: string): Promise<RecommendationRow[]> {
    return db
      .select()
      .from(recommendations)
      .where(
        and(
          eq(recommendations.status, "open"),
          eq(recommendations.commodityCode, commodityCode),
          eq(recommendations.regionCode, regionCode),
        ),
      );
  },

  /** Fingerprints an official turned down since `since`: not proposed again until then. */
  async rejectedSince(db: DbOrTx, fingerprints: string[], since: Date): Promise<Set<string>> {
    if (fingerprints.length === 0) return new Set();
    const rows = await db
      .select({ fingerprint: recommendations.fingerprint })
      .from(recommendations)
      .where(
        and(
          eq(recommendations.status, "rejected"),
          inArray(recommendations.fingerprint, fingerprints),
          gte(recommendations.decidedAt, since),
        ),
      );
    return new Set(rows.map((r) => r.fingerprint));
  },

  async allOpen(db: DbOrTx): Promise<RecommendationRow[]> {
    return db.select().from(recommendations).where(eq(recommendations.status, "open"));
  },

  async insertRecommendation(db: DbOrTx, row: RecommendationRow) {
    await db.insert(recommendations).values(row);
  },

  async updateRecommendation(db: DbOrTx, id: string, set: Partial<RecommendationRow>) {
    await db.update(recommendations).set(set).where(eq(recommendations.id, id));
  },

  async findRecommendation(db: DbOrTx, id: string): Promise<RecommendationRow | undefined> {
    const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id)).limit(1);
    return row;
  },

  /** Locks the row for a decision, so two officials cannot both approve it. */
  async lockRecommendation(db: DbOrTx, id: string): Promise<RecommendationRow | undefined> {
    const [row] = await db
      .select()
      .from(recommendations)
      .where(eq(recommendations.id, id))
      .for("update")
      .limit(1);
    return row;
  },

  async listRecommendations(
    db: DbOrTx,
    q: {
      status?: RecommendationStatus;
      commodityCode?: string;
      regionCode?: string;
      limit: number;
      offset: number;
    },
  ): Promise<RecommendationRow[]> {
    const conds: SQL[] = [];
    if (q.status) conds.push(eq(recommendations.status, q.status));
    if (q.commodityCode) conds.push(eq(recommendations.commodityCode, q.commodityCode));
    if (q.regionCode) conds.push(inProvince(recommendations.regionCode, q.regionCode));
    return (
      db
        .select()
        .from(recommendations)
        .where(conds.length ? and(...conds) : undefined)
        // The quickest relief first: a release acts tomorrow, a ro-ro load in two days, buying for later.
        .orderBy(
          sql`case ${recommendations.kind} when 'release_stock' then 0 when 'ship_forward' then 1 else 2 end`,
          desc(recommendations.updatedAt),
          desc(recommendations.id),
        )
        .limit(q.limit)
        .offset(q.offset)
    );
  },

  async insertIntervention(db: DbOrTx, row: InterventionRow) {
    await db.insert(interventions).values(row);
  },

  async findIntervention(db: DbOrTx, id: string): Promise<InterventionRow | undefined> {
    const [row] = await db.select().from(interventions).where(eq(interventions.id, id)).limit(1);
    return row;
  },

  async listInterventions(
    db: DbOrTx,
    q: { commodityCode?: string; regionCode?: string; limit: number; offset: number },
  ): Promise<InterventionRow[]> {
    const conds: SQL[] = [];
    if (q.commodityCode) conds.push(eq(interventions.commodityCode, q.commodityCode));
    if (q.regionCode) conds.push(inProvince(interventions.regionCode, q.regionCode));
    return db
      .select()
      .from(interventions)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(interventions.approvedAt), desc(interventions.id))
      .limit(q.limit)
      .offset(q.offset);
  },

  async recommendationsByIds(db: DbOrTx, ids: string[]): Promise<RecommendationRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(recommendations).where(inArray(recommendations.id, ids));
  },
};
