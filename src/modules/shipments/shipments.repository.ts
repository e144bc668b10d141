import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { CLOSED } from "./domain/status";
import {
  type HubVisitRow,
  hubVisits,
  type PackedContainerRow,
  packedContainers,
  proofsOfDelivery,
  type ShipmentLegRow,
  type ShipmentLineRow,
  type ShipmentRow,
  type ShipmentStatus,
  shipmentHistory,
  shipmentLegs,
  shipmentLines,
  shipments,
} from "./shipments.tables";

/** Both drivers answer `execute` with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export interface Scope {
  /** Null: everything (admins). */
  organisationId: string | null;
  /** SGLNs (extension 0) of the hubs the organisation operates. */
  hubSglns: string[];
}

export type Role = "sent" | "received" | "carrying";

const CLOSED_STATUSES = [...CLOSED] as ShipmentStatus[];

function siteKeyLike(sgln: string): string {
  // `urn:epc:id:sgln:P.L.` + any extension
  return `${sgln.replace(/\.[^.]*$/, "")}.%`;
}

function passesHubs(hubSglns: string[]): SQL | undefined {
  if (!hubSglns.length) return undefined;
  const likes = hubSglns.map((h) => siteKeyLike(h));
  return sql`exists (select 1 from ${shipmentLegs} l where l.shipment_id = ${shipments.id} and (${sql.join(
    likes.map((p) => sql`l.from_sgln like ${p} or l.to_sgln like ${p}`),
    sql` or `,
  )}))`;
}

const carries = (org: string) =>
  sql`exists (select 1 from ${shipmentLegs} l where l.shipment_id = ${shipments.id} and l.carrier_organisation_id = ${org})`;

/** Who sees a shipment: shipper, receiver, carriers of its legs, operators of the hubs it passes. */
export function visibleTo(scope: Scope): SQL | undefined {
  if (scope.organisationId === null) return undefined;
  const org = scope.organisationId;
  return or(
    eq(shipments.shipperOrganisationId, org),
    eq(shipments.receiverOrganisationId, org),
    carries(org),
    passesHubs(scope.hubSglns),
  );
}

export const shipmentsRepository = {
  /**
   * The next surat jalan sequence of a month. A transaction-scoped advisory lock serialises
   * concurrent creations (PostgreSQL and PGlite alike); the unique index is the backstop.
   */
  async nextSequence(tx: DbOrTx, month: string): Promise<number> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`shipments.number:${month}`}))`);
    const [row] = rowsOf<{ last: string | null }>(
      await tx.execute(
        sql`select max(substring(number from 11)) as last from ${shipments} where number like ${`SJ-${month}-%`}`,
      ),
    );
    return Number(row?.last ?? 0) + 1;
  },

  async insertShipment(
    tx: DbOrTx,
    row: typeof shipments.$inferInsert,
    lines: (typeof shipmentLines.$inferInsert)[],
    legs: (typeof shipmentLegs.$inferInsert)[],
  ) {
    await tx.insert(shipments).values(row);
    if (lines.length) await tx.insert(shipmentLines).values(lines);
    if (legs.length) await tx.insert(shipmentLegs).values(legs);
  },

  async find(db: DbOrTx, id: string): Promise<ShipmentRow | undefined> {
    const [row] = await db.select().from(shipments).where(eq(shipments.id, id)).limit(1);
    return row;
  },

  /**
   * The shipment, its row locked until the transaction ends: two captures moving the same shipment
   * at once then apply one after the other, each reading what the other wrote.
   */
  async findForUpdate(tx: DbOrTx, id: string): Promise<ShipmentRow | undefined> {
    const [row] = await tx.select().from(shipments).where(eq(shipments.id, id)).for("update").limit(1);
    return row;
  },

  async findByNumber(db: DbOrTx, number: string): Promise<ShipmentRow | undefined> {
    const [row] = await db.select().from(shipments).where(eq(shipments.number, number)).limit(1);
    return row;
  },

  async findByDesadvs(tx: DbOrTx, values: string[]): Promise<ShipmentRow[]> {
    if (!values.length) return [];
    return tx.select().from(shipments).where(inArray(shipments.desadv, values));
  },

  async linesOf(db: DbOrTx, ids: string[]): Promise<ShipmentLineRow[]> {
    if (!ids.length) return [];
    return db
      .select()
      .from(shipmentLines)
      .where(inArray(shipmentLines.shipmentId, ids))
      .orderBy(asc(shipmentLines.shipmentId), asc(shipmentLines.lineNo));
  },

  async legsOf(db: DbOrTx, ids: string[]): Promise<ShipmentLegRow[]> {
    if (!ids.length) return [];
    return db
      .select()
      .from(shipmentLegs)
      .where(inArray(shipmentLegs.shipmentId, ids))
      .orderBy(asc(shipmentLegs.shipmentId), asc(shipmentLegs.seq));
  },

  async historyOf(db: DbOrTx, id: string) {
    return db
      .select()
      .from(shipmentHistory)
      .where(eq(shipmentHistory.shipmentId, id))
      .orderBy(asc(shipmentHistory.at), asc(shipmentHistory.position));
  },

  async visitsOf(db: DbOrTx, id: string): Promise<HubVisitRow[]> {
    return db.select().from(hubVisits).where(eq(hubVisits.shipmentId, id)).orderBy(asc(hubVisits.arrivedAt));
  },

  async proofOf(db: DbOrTx, id: string) {
    const [row] = await db
      .select()
      .from(proofsOfDelivery)
      .where(eq(proofsOfDelivery.shipmentId, id))
      .limit(1);
    return row;
  },

  async updateShipment(tx: DbOrTx, id: string, patch: Partial<typeof shipments.$inferInsert>) {
    await tx.update(shipments).set(patch).where(eq(shipments.id, id));
  },

  async updateLeg(tx: DbOrTx, id: string, patch: Partial<typeof shipmentLegs.$inferInsert>) {
    await tx.update(shipmentLegs).set(patch).where(eq(shipmentLegs.id, id));
  },

  async updateLine(tx: DbOrTx, id: string, patch: Partial<typeof shipmentLines.$inferInsert>) {
    await tx.update(shipmentLines).set(patch).where(eq(shipmentLines.id, id));
  },

  async insertHistory(tx: DbOrTx, row: typeof shipmentHistory.$inferInsert) {
    await tx.insert(shipmentHistory).values(row).onConflictDoNothing();
  },

  async visitAt(tx: DbOrTx, shipmentId: string, hubSgln: string): Promise<HubVisitRow | undefined> {
    const [row] = await tx
      .select()
      .from(hubVisits)
      .where(and(eq(hubVisits.shipmentId, shipmentId), eq(hubVisits.hubSgln, hubSgln)))
      .limit(1);
    return row;
  },

  async insertVisit(tx: DbOrTx, row: typeof hubVisits.$inferInsert) {
    await tx.insert(hubVisits).values(row);
  },

  async updateVisit(tx: DbOrTx, id: string, patch: Partial<typeof hubVisits.$inferInsert>) {
    await tx.update(hubVisits).set(patch).where(eq(hubVisits.id, id));
  },

  async insertProof(tx: DbOrTx, row: typeof proofsOfDelivery.$inferInsert) {
    await tx.insert(proofsOfDelivery).values(row).onConflictDoNothing();
  },

  async updateProof(tx: DbOrTx, shipmentId: string, patch: Partial<typeof proofsOfDelivery.$inferInsert>) {
    await tx.update(proofsOfDelivery).set(patch).where(eq(proofsOfDelivery.shipmentId, shipmentId));
  },

  async list(
    db: DbOrTx,
    q: {
      scope: Scope;
      role?: Role | undefined;
      status?: ShipmentStatus | undefined;
      before?: string | undefined;
      limit: number;
    },
  ): Promise<ShipmentRow[]> {
    const org = q.scope.organisationId;
    const roleCondition =
      org === null || !q.role
        ? undefined
        : q.role === "sent"
          ? eq(shipments.shipperOrganisationId, org)
          : q.role === "received"
            ? eq(shipments.receiverOrganisationId, org)
            : carries(org);
    return db
      .select()
      .from(shipments)
      .where(
        and(
          visibleTo(q.scope),
          roleCondition,
          q.status ? eq(shipments.status, q.status) : undefined,
          q.before ? lt(shipments.id, q.before) : undefined,
        ),
      )
      .orderBy(desc(shipments.id))
      .limit(q.limit + 1);
  },

  /** Lines naming any of `epcs` on shipments still under way or planned (not closed). */
  async openLinesFor(db: DbOrTx, epcs: string[]) {
    if (!epcs.length) return [];
    return db
      .select({ line: shipmentLines, shipment: shipments })
      .from(shipmentLines)
      .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
      .where(and(inArray(shipmentLines.epc, epcs), notInArray(shipments.status, CLOSED_STATUSES)));
  },

  /** Mass of a lot on loose (unpacked) lines of an organisation's shipments that are not cancelled. */
  async looseGramsShipped(db: DbOrTx, organisationId: string, epc: string): Promise<number> {
    const [row] = rowsOf<{ grams: string | number | null }>(
      await db.execute(sql`
        select coalesce(sum(l.shipped_grams), 0) as grams
        from ${shipmentLines} l join ${shipments} s on s.id = l.shipment_id
        where s.shipper_organisation_id = ${organisationId} and s.status <> 'cancelled' and l.epc = ${epc}`),
    );
    return Number(row?.grams ?? 0);
  },

  /** Legs heading for a hub that have not arrived, on shipments not closed. */
  async inboundLegs(db: DbOrTx, hubSgln: string) {
    return db
      .select({ leg: shipmentLegs, shipment: shipments })
      .from(shipmentLegs)
      .innerJoin(shipments, eq(shipments.id, shipmentLegs.shipmentId))
      .where(
        and(
          sql`${shipmentLegs.toSgln} like ${siteKeyLike(hubSgln)}`,
          ne(shipmentLegs.status, "arrived"),
          notInArray(shipments.status, CLOSED_STATUSES),
        ),
      )
      .orderBy(asc(shipmentLegs.plannedArrival));
  },

  /** Shipments at a hub now: visits without a departure. */
  async openVisits(db: DbOrTx, hubSgln: string) {
    return db
      .select({ visit: hubVisits, shipment: shipments })
      .from(hubVisits)
      .innerJoin(shipments, eq(shipments.id, hubVisits.shipmentId))
      .where(and(eq(hubVisits.hubSgln, hubSgln), isNull(hubVisits.departedAt)))
      .orderBy(asc(hubVisits.arrivedAt));
  },

  /** Visits to a hub that touch a period (arrived before its end, not departed before its start). */
  async visitsTouching(db: DbOrTx, hubSgln: string, from: Date, to: Date) {
    return (
      db
        // Select fields render columns unqualified: the outer table is named so the subquery cannot capture it.
        .select({
          visit: hubVisits,
          grams: sql<string>`(select coalesce(sum(l.shipped_grams), 0) from ${shipmentLines} l where l.shipment_id = "hub_visits"."shipment_id")`,
        })
        .from(hubVisits)
        .where(
          and(
            eq(hubVisits.hubSgln, hubSgln),
            lt(hubVisits.arrivedAt, to),
            or(isNull(hubVisits.departedAt), gte(hubVisits.departedAt, from)),
          ),
        )
    );
  },

  /** Shipments for reports: dispatched ones whose chosen instant falls in the period. */
  async forReports(db: DbOrTx, scope: Scope, field: "deliveredAt" | "dispatchedAt", from: Date, to: Date) {
    const column = field === "deliveredAt" ? shipments.deliveredAt : shipments.dispatchedAt;
    return db
      .select()
      .from(shipments)
      .where(and(visibleTo(scope), gte(column, from), lt(column, to)))
      .orderBy(asc(shipments.id));
  },

  async visitsOfShipments(db: DbOrTx, ids: string[]): Promise<HubVisitRow[]> {
    if (!ids.length) return [];
    return db.select().from(hubVisits).where(inArray(hubVisits.shipmentId, ids));
  },

  /** Legs that arrived in a period, on shipments the scope sees. */
  async arrivedLegs(db: DbOrTx, scope: Scope, from: Date, to: Date) {
    return db
      .select({ leg: shipmentLegs })
      .from(shipmentLegs)
      .innerJoin(shipments, eq(shipments.id, shipmentLegs.shipmentId))
      .where(
        and(visibleTo(scope), gte(shipmentLegs.actualArrival, from), lt(shipmentLegs.actualArrival, to)),
      );
  },

  // Packed containers ---------------------------------------------------------------------------

  async container(db: DbOrTx, epc: string): Promise<PackedContainerRow | undefined> {
    const [row] = await db.select().from(packedContainers).where(eq(packedContainers.epc, epc)).limit(1);
    return row;
  },

  /**
   * Inserts containers not yet known and locks every row, in the order given (SSCC order). A row
   * another transaction is writing makes this wait for its commit, so what is read next sees it.
   */
  async lockContainers(tx: DbOrTx, rows: (typeof packedContainers.$inferInsert)[]) {
    if (!rows.length) return;
    await tx
      .insert(packedContainers)
      .values(rows)
      .onConflictDoUpdate({ target: packedContainers.epc, set: { grams: sql`${packedContainers.grams}` } });
  },

  async setContainersGrams(tx: DbOrTx, epcs: string[], grams: number[]) {
    if (!epcs.length) return;
    await tx.execute(sql`
      update ${packedContainers} c set grams = x.grams
      from unnest(${sql.param(epcs)}::text[], ${sql.param(grams)}::bigint[]) as x(epc, grams)
      where c.epc = x.epc`);
  },

  async containersOf(db: DbOrTx, organisationId: string | null, limit: number) {
    return db
      .select()
      .from(packedContainers)
      .where(
        and(
          organisationId ? eq(packedContainers.organisationId, organisationId) : undefined,
          sql`${packedContainers.grams} > 0`,
        ),
      )
      .orderBy(desc(packedContainers.packedAt))
      .limit(limit);
  },

  /** Every container whose contents are known, among `epcs`. */
  async containersByEpc(db: DbOrTx, epcs: string[]) {
    if (!epcs.length) return [];
    return db.select().from(packedContainers).where(inArray(packedContainers.epc, epcs));
  },
};

export type ShipmentsRepository = typeof shipmentsRepository;
