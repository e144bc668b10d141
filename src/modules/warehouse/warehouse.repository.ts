import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, type SQL, sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "../../db/client";
import {
  capacityBookings,
  type MovementKind,
  type StockState,
  stockBalances,
  stockMovements,
  warehouseTenants,
  warehouseZones,
} from "./warehouse.tables";

export type BookingRow = typeof capacityBookings.$inferSelect;
export type TenantRow = typeof warehouseTenants.$inferSelect;

export interface StockFilter {
  siteCode: string;
  tenant?: string | null | undefined;
  location?: string | undefined;
  epc?: string | undefined;
  commodity?: string | undefined;
  state?: StockState | undefined;
}

function stockConditions(f: StockFilter): SQL[] {
  const c: SQL[] = [eq(stockBalances.siteCode, f.siteCode), gt(stockBalances.grams, 0)];
  if (f.tenant) c.push(eq(stockBalances.tenantOrganisationId, f.tenant));
  if (f.location) c.push(eq(stockBalances.location, f.location));
  if (f.epc) c.push(eq(stockBalances.epc, f.epc));
  if (f.commodity) c.push(eq(stockBalances.commodityCode, f.commodity));
  if (f.state) c.push(eq(stockBalances.state, f.state));
  return c;
}

export interface MovementFilter {
  siteCode: string;
  tenant?: string | null | undefined;
  epc?: string | undefined;
  commodity?: string | undefined;
  location?: string | undefined;
  kind?: MovementKind | undefined;
}

function movementConditions(f: MovementFilter): SQL[] {
  const c: SQL[] = [eq(stockMovements.siteCode, f.siteCode)];
  if (f.tenant) c.push(eq(stockMovements.tenantOrganisationId, f.tenant));
  if (f.epc) c.push(eq(stockMovements.epc, f.epc));
  if (f.commodity) c.push(eq(stockMovements.commodityCode, f.commodity));
  if (f.location) c.push(eq(stockMovements.location, f.location));
  if (f.kind) c.push(eq(stockMovements.kind, f.kind));
  return c;
}

export const warehouseRepository = {
  // Zones

  async listZones(db: DbOrTx, siteCode: string) {
    return db
      .select()
      .from(warehouseZones)
      .where(eq(warehouseZones.siteCode, siteCode))
      .orderBy(asc(warehouseZones.code));
  },

  async findZone(db: DbOrTx, siteCode: string, code: string) {
    const [row] = await db
      .select()
      .from(warehouseZones)
      .where(and(eq(warehouseZones.siteCode, siteCode), eq(warehouseZones.code, code)))
      .limit(1);
    return row;
  },

  /** The zone row locked: bookings of one zone are checked and written one transaction at a time. */
  async lockZone(tx: Transaction, id: string) {
    const [row] = await tx.select().from(warehouseZones).where(eq(warehouseZones.id, id)).for("update");
    return row;
  },

  async insertZone(db: DbOrTx, row: typeof warehouseZones.$inferInsert) {
    const [inserted] = await db
      .insert(warehouseZones)
      .values(row)
      .onConflictDoNothing({ target: [warehouseZones.siteCode, warehouseZones.code] })
      .returning();
    return inserted;
  },

  async updateZone(
    db: DbOrTx,
    id: string,
    set: Partial<Pick<typeof warehouseZones.$inferInsert, "name" | "kind" | "capacityKg" | "palletPlaces">>,
  ) {
    const [row] = await db.update(warehouseZones).set(set).where(eq(warehouseZones.id, id)).returning();
    return row;
  },

  // Tenants

  async listTenants(db: DbOrTx, siteCode: string) {
    return db
      .select()
      .from(warehouseTenants)
      .where(eq(warehouseTenants.siteCode, siteCode))
      .orderBy(asc(warehouseTenants.createdAt));
  },

  async findTenant(db: DbOrTx, siteCode: string, organisationId: string) {
    const [row] = await db
      .select()
      .from(warehouseTenants)
      .where(
        and(eq(warehouseTenants.siteCode, siteCode), eq(warehouseTenants.organisationId, organisationId)),
      )
      .limit(1);
    return row;
  },

  async sitesOfTenant(db: DbOrTx, organisationId: string) {
    const rows = await db
      .select({ siteCode: warehouseTenants.siteCode })
      .from(warehouseTenants)
      .where(eq(warehouseTenants.organisationId, organisationId));
    return rows.map((r) => r.siteCode);
  },

  async insertTenant(db: DbOrTx, row: typeof warehouseTenants.$inferInsert) {
    const [inserted] = await db
      .insert(warehouseTenants)
      .values(row)
      .onConflictDoNothing({ target: [warehouseTenants.siteCode, warehouseTenants.organisationId] })
      .returning();
    return inserted;
  },

  async deleteTenant(db: DbOrTx, id: string) {
    await db.delete(warehouseTenants).where(eq(warehouseTenants.id, id));
  },

  // Bookings

  async listBookings(
    db: DbOrTx,
    q: { zoneIds: string[]; tenant?: string | null | undefined; from?: string; to?: string; status?: string },
  ) {
    if (!q.zoneIds.length) return [];
    const c: SQL[] = [inArray(capacityBookings.zoneId, q.zoneIds)];
    if (q.tenant) c.push(eq(capacityBookings.tenantOrganisationId, q.tenant));
    if (q.from) c.push(gte(capacityBookings.toDate, q.from));
    if (q.to) c.push(lte(capacityBookings.fromDate, q.to));
    if (q.status) c.push(eq(capacityBookings.status, q.status as "confirmed"));
    return db
      .select()
      .from(capacityBookings)
      .where(and(...c))
      .orderBy(asc(capacityBookings.fromDate), asc(capacityBookings.id));
  },

  async confirmedBookings(db: DbOrTx, zoneId: string, span: { fromDate: string; toDate: string }) {
    return db
      .select()
      .from(capacityBookings)
      .where(
        and(
          eq(capacityBookings.zoneId, zoneId),
          eq(capacityBookings.status, "confirmed"),
          lte(capacityBookings.fromDate, span.toDate),
          gte(capacityBookings.toDate, span.fromDate),
        ),
      );
  },

  async findBooking(db: DbOrTx, id: string) {
    const [row] = await db.select().from(capacityBookings).where(eq(capacityBookings.id, id)).limit(1);
    return row;
  },

  async insertBooking(db: DbOrTx, row: typeof capacityBookings.$inferInsert) {
    const [inserted] = await db.insert(capacityBookings).values(row).returning();
    return inserted as BookingRow;
  },

  async cancelBooking(db: DbOrTx, id: string) {
    const [row] = await db
      .update(capacityBookings)
      .set({ status: "cancelled" })
      .where(and(eq(capacityBookings.id, id), eq(capacityBookings.status, "confirmed")))
      .returning();
    return row;
  },

  async hasConfirmedBookingsFrom(db: DbOrTx, siteZoneIds: string[], tenant: string, day: string) {
    if (!siteZoneIds.length) return false;
    const [row] = await db
      .select({ id: capacityBookings.id })
      .from(capacityBookings)
      .where(
        and(
          inArray(capacityBookings.zoneId, siteZoneIds),
          eq(capacityBookings.tenantOrganisationId, tenant),
          eq(capacityBookings.status, "confirmed"),
          gte(capacityBookings.toDate, day),
        ),
      )
      .limit(1);
    return Boolean(row);
  },

  // Balances

  /** A tenant's balances of some lots at a site, locked for the movement being booked. */
  async lockBalances(tx: Transaction, tenant: string, siteCode: string, epcs: string[]) {
    if (!epcs.length) return [];
    return tx
      .select()
      .from(stockBalances)
      .where(
        and(
          eq(stockBalances.tenantOrganisationId, tenant),
          eq(stockBalances.siteCode, siteCode),
          inArray(stockBalances.epc, epcs),
        ),
      )
      .orderBy(asc(stockBalances.id))
      .for("update");
  },

  /** Tenants holding any of these lots at the site (with stock on hand). */
  async holdersOf(db: DbOrTx, siteCode: string, epcs: string[]) {
    if (!epcs.length) return [];
    const rows = await db
      .selectDistinct({ tenant: stockBalances.tenantOrganisationId })
      .from(stockBalances)
      .where(
        and(
          eq(stockBalances.siteCode, siteCode),
          inArray(stockBalances.epc, epcs),
          gt(stockBalances.grams, 0),
        ),
      );
    return rows.map((r) => r.tenant);
  },

  /**
   * Adds stock to a balance that was not there when the movement's balances were locked; if a
   * concurrent capture created it meanwhile, adds to that one instead of failing on the unique key.
   */
  async addToNewBalance(tx: Transaction, row: typeof stockBalances.$inferInsert & { grams: number }) {
    const [upserted] = await tx
      .insert(stockBalances)
      .values(row)
      .onConflictDoUpdate({
        target: [
          stockBalances.tenantOrganisationId,
          stockBalances.siteCode,
          stockBalances.location,
          stockBalances.epc,
          stockBalances.state,
        ],
        set: {
          grams: sql`${stockBalances.grams} + excluded.grams`,
          lastMovedAt: sql`greatest(${stockBalances.lastMovedAt}, excluded.last_moved_at)`,
          expiryDate: sql`coalesce(excluded.expiry_date, ${stockBalances.expiryDate})`,
          firstReceivedAt: sql`least(${stockBalances.firstReceivedAt}, excluded.first_received_at)`,
        },
      })
      .returning();
    return upserted;
  },

  async updateBalance(
    tx: Transaction,
    id: string,
    set: { grams: number; lastMovedAt?: Date; expiryDate?: string | null; firstReceivedAt?: Date },
  ) {
    await tx.update(stockBalances).set(set).where(eq(stockBalances.id, id));
  },

  async stock(db: DbOrTx, f: StockFilter) {
    return db
      .select()
      .from(stockBalances)
      .where(and(...stockConditions(f)))
      .orderBy(
        asc(stockBalances.tenantOrganisationId),
        asc(stockBalances.location),
        asc(stockBalances.expiryDate),
        asc(stockBalances.epc),
        asc(stockBalances.state),
      )
      .limit(5000);
  },

  /** Grams on hand per location of a site (zones, dock, staging), all tenants. */
  async gramsByLocation(db: DbOrTx, siteCode: string) {
    const rows = await db
      .select({ location: stockBalances.location, grams: sql<string>`sum(${stockBalances.grams})` })
      .from(stockBalances)
      .where(eq(stockBalances.siteCode, siteCode))
      .groupBy(stockBalances.location);
    return new Map(rows.map((r) => [r.location, Number(r.grams)]));
  },

  async tenantHasStock(db: DbOrTx, siteCode: string, tenant: string) {
    const [row] = await db
      .select({ id: stockBalances.id })
      .from(stockBalances)
      .where(
        and(
          eq(stockBalances.siteCode, siteCode),
          eq(stockBalances.tenantOrganisationId, tenant),
          gt(stockBalances.grams, 0),
        ),
      )
      .limit(1);
    return Boolean(row);
  },

  async expiring(db: DbOrTx, f: StockFilter, untilDay: string) {
    return db
      .select()
      .from(stockBalances)
      .where(and(...stockConditions(f), lte(stockBalances.expiryDate, untilDay)))
      .orderBy(asc(stockBalances.expiryDate), asc(stockBalances.epc))
      .limit(1000);
  },

  async slow(db: DbOrTx, f: StockFilter, before: Date) {
    return db
      .select()
      .from(stockBalances)
      .where(and(...stockConditions(f), lt(stockBalances.lastMovedAt, before)))
      .orderBy(asc(stockBalances.lastMovedAt), asc(stockBalances.epc))
      .limit(1000);
  },

  // Movements

  async insertMovement(tx: Transaction, row: typeof stockMovements.$inferInsert) {
    await tx.insert(stockMovements).values(row);
  },

  async movementsOfEvents(db: DbOrTx, eventIds: string[]) {
    if (!eventIds.length) return [];
    return db
      .select()
      .from(stockMovements)
      .where(inArray(stockMovements.eventId, eventIds))
      .orderBy(asc(stockMovements.id));
  },

  /** Newest first; ids are time-ordered, so the cursor is the last id of the previous page. */
  async listMovements(db: DbOrTx, f: MovementFilter, page: { limit: number; before?: string | undefined }) {
    const c = movementConditions(f);
    if (page.before) c.push(lt(stockMovements.id, page.before));
    return db
      .select()
      .from(stockMovements)
      .where(and(...c))
      .orderBy(desc(stockMovements.id))
      .limit(page.limit + 1);
  },

  /** The balance before `from` (the card's opening balance) and the movements from `from` to `to`. */
  async cardMovements(db: DbOrTx, f: MovementFilter, span: { from: Date | null; to: Date | null }) {
    const c = movementConditions(f);
    const opening = span.from
      ? await db
          .select({ grams: sql<string | null>`sum(${stockMovements.deltaGrams})` })
          .from(stockMovements)
          .where(and(...c, lt(stockMovements.at, span.from)))
      : [];
    const inSpan = [...c];
    if (span.from) inSpan.push(gte(stockMovements.at, span.from));
    if (span.to) inSpan.push(lt(stockMovements.at, span.to));
    const rows = await db
      .select()
      .from(stockMovements)
      .where(and(...inSpan))
      .orderBy(asc(stockMovements.at), asc(stockMovements.id))
      .limit(10_000);
    return { openingGrams: Number(opening[0]?.grams ?? 0), rows };
  },

  async anyMovement(db: DbOrTx, f: MovementFilter) {
    const [row] = await db
      .select({ id: stockMovements.id })
      .from(stockMovements)
      .where(and(...movementConditions(f)))
      .limit(1);
    return Boolean(row);
  },

  /** Event ids of earlier issues of these lots at the site (other than `exceptEventPk`). */
  async issueEventIds(db: DbOrTx, siteCode: string, epcs: string[], exceptEventPk: string) {
    if (!epcs.length) return [];
    const rows = await db
      .selectDistinct({ eventId: stockMovements.eventId })
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.siteCode, siteCode),
          eq(stockMovements.kind, "issue"),
          inArray(stockMovements.epc, epcs),
          ne(stockMovements.eventPk, exceptEventPk),
        ),
      );
    return rows.map((r) => r.eventId);
  },

  /** Net grams moved in or out of a location per day (WIB) before `until`, for utilisation. */
  async dailyDeltas(db: DbOrTx, siteCode: string, location: string, until: Date) {
    const day = sql<string>`to_char(${stockMovements.at} at time zone 'Asia/Jakarta', 'YYYY-MM-DD')`;
    const rows = await db
      .select({ day, grams: sql<string>`sum(${stockMovements.deltaGrams})` })
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.siteCode, siteCode),
          eq(stockMovements.location, location),
          lt(stockMovements.at, until),
        ),
      )
      .groupBy(day)
      .orderBy(day);
    return rows.map((r) => ({ day: r.day, grams: Number(r.grams) }));
  },
};
