import { and, desc, eq, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "../../db/client";
import { gs1Counters, gs1Locations, type LocationKind, lots, productLots, tradeItems } from "./lots.tables";

export const lotsRepository = {
  /**
   * The next number in `scope` (1, 2, 3, …). One statement: the upsert takes the row lock, so two
   * transactions allocating at once get different numbers, the second waiting for the first to end.
   */
  async nextNumber(tx: Transaction, scope: string): Promise<number> {
    const [row] = await tx
      .insert(gs1Counters)
      .values({ scope, lastValue: 1 })
      .onConflictDoUpdate({
        target: gs1Counters.scope,
        set: { lastValue: sql`${gs1Counters.lastValue} + 1` },
      })
      .returning({ value: gs1Counters.lastValue });
    if (!row) throw new Error(`counter ${scope} returned no row`);
    return Number(row.value);
  },

  async findTradeItem(db: DbOrTx, organisationId: string, commodityCode: string) {
    const [row] = await db
      .select()
      .from(tradeItems)
      .where(and(eq(tradeItems.organisationId, organisationId), eq(tradeItems.commodityCode, commodityCode)))
      .limit(1);
    return row;
  },

  /** Undefined when another transaction registered the same (organisation, commodity) first. */
  async insertTradeItem(tx: Transaction, row: typeof tradeItems.$inferInsert) {
    const [inserted] = await tx
      .insert(tradeItems)
      .values(row)
      .onConflictDoNothing({ target: [tradeItems.organisationId, tradeItems.commodityCode] })
      .returning();
    return inserted;
  },

  async findLocation(db: DbOrTx, organisationId: string, kind: LocationKind) {
    const [row] = await db
      .select()
      .from(gs1Locations)
      .where(and(eq(gs1Locations.organisationId, organisationId), eq(gs1Locations.kind, kind)))
      .limit(1);
    return row;
  },

  async insertLocation(tx: Transaction, row: typeof gs1Locations.$inferInsert) {
    const [inserted] = await tx
      .insert(gs1Locations)
      .values(row)
      .onConflictDoNothing({ target: [gs1Locations.organisationId, gs1Locations.kind] })
      .returning();
    return inserted;
  },

  /** Trade items by (company prefix, item reference) pairs. */
  async tradeItemsByReference(db: DbOrTx, pairs: { prefix: string; itemReference: string }[]) {
    if (!pairs.length) return [];
    const keys = pairs.map((p) => `${p.prefix}.${p.itemReference}`);
    return db
      .select()
      .from(tradeItems)
      .where(inArray(sql`${tradeItems.companyPrefix} || '.' || ${tradeItems.itemReference}`, keys));
  },

  /** Organisations owning farm or party GLNs, by the SGLN / PGLN events name them with. */
  async ownersOfLocations(db: DbOrTx, uris: string[]) {
    if (!uris.length) return [];
    return db
      .select({
        uri: gs1Locations.sgln,
        organisationId: gs1Locations.organisationId,
        kind: gs1Locations.kind,
      })
      .from(gs1Locations)
      .where(inArray(gs1Locations.sgln, uris));
  },

  /** Undefined when the organisation already has a lot under this idempotency key. */
  async insertLot(tx: Transaction, row: typeof lots.$inferInsert) {
    const [inserted] = await tx
      .insert(lots)
      .values(row)
      .onConflictDoNothing({ target: [lots.organisationId, lots.idempotencyKey] })
      .returning();
    return inserted;
  },

  async findLotByKey(db: DbOrTx, organisationId: string, idempotencyKey: string) {
    const [row] = await db
      .select()
      .from(lots)
      .where(and(eq(lots.organisationId, organisationId), eq(lots.idempotencyKey, idempotencyKey)))
      .limit(1);
    return row;
  },

  async findLot(db: DbOrTx, id: string) {
    const [row] = await db.select().from(lots).where(eq(lots.id, id)).limit(1);
    return row;
  },

  /** Newest first; ids are time-ordered, so the cursor is the last id of the previous page. */
  async listLots(
    db: DbOrTx,
    q: {
      organisationId: string | null;
      commodityCode?: string | undefined;
      harvestedFrom?: string | undefined;
      harvestedTo?: string | undefined;
      before?: string | undefined;
      limit: number;
    },
  ) {
    const conditions: SQL[] = [];
    if (q.organisationId !== null) conditions.push(eq(lots.organisationId, q.organisationId));
    if (q.commodityCode) conditions.push(eq(lots.commodityCode, q.commodityCode));
    if (q.harvestedFrom) conditions.push(gte(lots.harvestDate, q.harvestedFrom));
    if (q.harvestedTo) conditions.push(lte(lots.harvestDate, q.harvestedTo));
    if (q.before) conditions.push(lt(lots.id, q.before));
    return db
      .select()
      .from(lots)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(lots.id))
      .limit(q.limit + 1);
  },

  async findLotsByLgtin(db: DbOrTx, lgtins: string[]) {
    if (!lgtins.length) return [];
    return db.select().from(lots).where(inArray(lots.lgtin, lgtins));
  },

  async insertProductLots(tx: Transaction, rows: (typeof productLots.$inferInsert)[]) {
    if (!rows.length) return [];
    return tx.insert(productLots).values(rows).returning();
  },

  async findProductLot(db: DbOrTx, id: string) {
    const [row] = await db.select().from(productLots).where(eq(productLots.id, id)).limit(1);
    return row;
  },

  async findProductLotsByLgtin(db: DbOrTx, lgtins: string[]) {
    if (!lgtins.length) return [];
    return db.select().from(productLots).where(inArray(productLots.lgtin, lgtins));
  },

  async findProductLotsByEvent(db: DbOrTx, eventIds: string[]) {
    if (!eventIds.length) return [];
    return db
      .select()
      .from(productLots)
      .where(inArray(productLots.eventId, eventIds))
      .orderBy(productLots.id);
  },

  /** Newest first, like harvest lots. */
  async listProductLots(
    db: DbOrTx,
    q: {
      organisationId: string | null;
      commodityCode?: string | undefined;
      before?: string | undefined;
      limit: number;
    },
  ) {
    const conditions: SQL[] = [];
    if (q.organisationId !== null) conditions.push(eq(productLots.organisationId, q.organisationId));
    if (q.commodityCode) conditions.push(eq(productLots.commodityCode, q.commodityCode));
    if (q.before) conditions.push(lt(productLots.id, q.before));
    return db
      .select()
      .from(productLots)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(productLots.id))
      .limit(q.limit + 1);
  },
};
