import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { open311ApiKeys } from "./open311.tables";

export type ApiKeyRow = typeof open311ApiKeys.$inferSelect;

export const open311Repository = {
  async insertKey(db: DbOrTx, row: typeof open311ApiKeys.$inferInsert): Promise<ApiKeyRow | null> {
    const [inserted] = await db.insert(open311ApiKeys).values(row).onConflictDoNothing().returning();
    return inserted ?? null;
  },

  async keyByHash(db: DbOrTx, keyHash: string): Promise<ApiKeyRow | null> {
    const [row] = await db.select().from(open311ApiKeys).where(eq(open311ApiKeys.keyHash, keyHash)).limit(1);
    return row ?? null;
  },

  listKeys(db: DbOrTx): Promise<ApiKeyRow[]> {
    return db.select().from(open311ApiKeys).orderBy(desc(open311ApiKeys.createdAt), desc(open311ApiKeys.id));
  },

  async revokeKey(db: DbOrTx, id: string, at: Date): Promise<ApiKeyRow | null> {
    const [row] = await db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, id)).limit(1);
    if (!row) return null;
    if (row.revokedAt) return row;
    const [updated] = await db
      .update(open311ApiKeys)
      .set({ revokedAt: at })
      .where(eq(open311ApiKeys.id, id))
      .returning();
    return updated ?? null;
  },
};
