import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "../../db/client";
import {
  type ContractRow,
  type DispatchRow,
  type FarmPaymentRow,
  type InvoiceRow,
  type OfferRow,
  type OrderLineRow,
  type OrderRow,
  procurementContracts,
  procurementDispatches,
  procurementFarmPayments,
  procurementInvoices,
  procurementOffers,
  procurementOrderLines,
  procurementOrders,
  procurementSequences,
} from "./procurement.tables";

const none = ["∅"];

/** Reads and writes of the procurement tables; scoping is the service's. */
export const procurementRepository = {
  async nextSequence(tx: Transaction, key: string): Promise<number> {
    const [row] = await tx
      .insert(procurementSequences)
      .values({ key, value: 1 })
      .onConflictDoUpdate({
        target: procurementSequences.key,
        set: { value: sql`${procurementSequences.value} + 1` },
      })
      .returning();
    return row?.value ?? 1;
  },

  // ---- offers
  async insertOffer(tx: DbOrTx, row: OfferRow) {
    await tx.insert(procurementOffers).values(row);
  },
  async findOffer(db: DbOrTx, id: string): Promise<OfferRow | undefined> {
    const [row] = await db.select().from(procurementOffers).where(eq(procurementOffers.id, id)).limit(1);
    return row;
  },
  async listOffers(db: DbOrTx, q: { organisationId?: string | null; status?: string; commodity?: string }) {
    const conds = [];
    if (q.organisationId) conds.push(eq(procurementOffers.organisationId, q.organisationId));
    if (q.status) conds.push(eq(procurementOffers.status, q.status as OfferRow["status"]));
    if (q.commodity) conds.push(eq(procurementOffers.commodityCode, q.commodity));
    return db
      .select()
      .from(procurementOffers)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(procurementOffers.createdAt))
      .limit(200);
  },
  /** Takes `grams` off an open offer; false when not that much is left. */
  async takeFromOffer(tx: Transaction, id: string, grams: number, at: Date): Promise<boolean> {
    const rows = await tx
      .update(procurementOffers)
      .set({
        remainingGrams: sql`${procurementOffers.remainingGrams} - ${grams}`,
        status: sql`case when ${procurementOffers.remainingGrams} - ${grams} = 0 then 'closed' else ${procurementOffers.status} end`,
        updatedAt: at,
      })
      .where(
        and(
          eq(procurementOffers.id, id),
          eq(procurementOffers.status, "open"),
          sql`${procurementOffers.remainingGrams} >= ${grams}`,
        ),
      )
      .returning({ id: procurementOffers.id });
    return rows.length > 0;
  },
  /** Gives grams back to an offer (declined or unaccepted): a closed offer with something left reopens. */
  async giveBackToOffer(tx: Transaction, id: string, grams: number, at: Date) {
    if (grams <= 0) return;
    await tx
      .update(procurementOffers)
      .set({
        remainingGrams: sql`least(${procurementOffers.quantityGrams}, ${procurementOffers.remainingGrams} + ${grams})`,
        status: sql`case when ${procurementOffers.status} = 'closed' then 'open' else ${procurementOffers.status} end`,
        updatedAt: at,
      })
      .where(eq(procurementOffers.id, id));
  },
  async setOfferStatus(tx: DbOrTx, id: string, status: OfferRow["status"], at: Date) {
    await tx.update(procurementOffers).set({ status, updatedAt: at }).where(eq(procurementOffers.id, id));
  },

  // ---- contracts
  async insertContract(tx: DbOrTx, row: ContractRow) {
    await tx.insert(procurementContracts).values(row);
  },
  async findContract(db: DbOrTx, id: string): Promise<ContractRow | undefined> {
    const [row] = await db
      .select()
      .from(procurementContracts)
      .where(eq(procurementContracts.id, id))
      .limit(1);
    return row;
  },
  async listContracts(db: DbOrTx, organisationId: string | null) {
    return db
      .select()
      .from(procurementContracts)
      .where(
        organisationId
          ? or(
              eq(procurementContracts.buyerOrganisationId, organisationId),
              eq(procurementContracts.supplierOrganisationId, organisationId),
            )
          : undefined,
      )
      .orderBy(desc(procurementContracts.createdAt))
      .limit(200);
  },
  async updateContract(tx: DbOrTx, id: string, set: Partial<ContractRow>) {
    await tx.update(procurementContracts).set(set).where(eq(procurementContracts.id, id));
  },

  // ---- orders
  async insertOrder(tx: Transaction, row: OrderRow, lines: OrderLineRow[]) {
    await tx.insert(procurementOrders).values(row);
    await tx.insert(procurementOrderLines).values(lines);
  },
  async findOrder(db: DbOrTx, id: string): Promise<OrderRow | undefined> {
    const [row] = await db
      .select()
      .from(procurementOrders)
      .where(or(eq(procurementOrders.id, id), eq(procurementOrders.number, id)))
      .limit(1);
    return row;
  },
  async listOrders(
    db: DbOrTx,
    q: { organisationId: string | null; role?: "buyer" | "supplier"; status?: string; contractId?: string },
  ) {
    const conds = [];
    if (q.organisationId) {
      const asBuyer = eq(procurementOrders.buyerOrganisationId, q.organisationId);
      const asSupplier = eq(procurementOrders.supplierOrganisationId, q.organisationId);
      conds.push(q.role === "buyer" ? asBuyer : q.role === "supplier" ? asSupplier : or(asBuyer, asSupplier));
    }
    if (q.status) conds.push(eq(procurementOrders.status, q.status as OrderRow["status"]));
    if (q.contractId) conds.push(eq(procurementOrders.contractId, q.contractId));
    return db
      .select()
      .from(procurementOrders)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(procurementOrders.createdAt))
      .limit(500);
  },
  async linesOf(db: DbOrTx, orderIds: string[]): Promise<OrderLineRow[]> {
    return db
      .select()
      .from(procurementOrderLines)
      .where(inArray(procurementOrderLines.orderId, orderIds.length ? orderIds : none))
      .orderBy(procurementOrderLines.orderId, procurementOrderLines.lineNo);
  },
  async updateOrder(tx: DbOrTx, id: string, set: Partial<OrderRow>) {
    await tx.update(procurementOrders).set(set).where(eq(procurementOrders.id, id));
  },
  async setAccepted(tx: Transaction, lineId: string, grams: number) {
    await tx
      .update(procurementOrderLines)
      .set({ acceptedGrams: grams })
      .where(eq(procurementOrderLines.id, lineId));
  },

  // ---- dispatches
  async insertDispatches(tx: Transaction, rows: DispatchRow[]) {
    if (rows.length) await tx.insert(procurementDispatches).values(rows);
  },
  async dispatchesOf(db: DbOrTx, orderIds: string[]): Promise<DispatchRow[]> {
    return db
      .select()
      .from(procurementDispatches)
      .where(inArray(procurementDispatches.orderId, orderIds.length ? orderIds : none))
      .orderBy(procurementDispatches.createdAt, procurementDispatches.shipmentLineNo);
  },
  async dispatchesOfShipment(tx: DbOrTx, shipmentId: string): Promise<DispatchRow[]> {
    return tx.select().from(procurementDispatches).where(eq(procurementDispatches.shipmentId, shipmentId));
  },
  async settleDispatch(tx: Transaction, id: string, accepted: number, rejected: number, at: Date) {
    await tx
      .update(procurementDispatches)
      .set({ acceptedGrams: accepted, rejectedGrams: rejected, receivedAt: at })
      .where(eq(procurementDispatches.id, id));
  },
  async dispatchesOfLots(db: DbOrTx, lgtins: string[]) {
    return db
      .select({
        lot: procurementDispatches.lotLgtin,
        acceptedGrams: procurementDispatches.acceptedGrams,
        receivedAt: procurementDispatches.receivedAt,
        pricePerKg: procurementOrderLines.pricePerKg,
        buyerOrganisationId: procurementOrders.buyerOrganisationId,
      })
      .from(procurementDispatches)
      .innerJoin(procurementOrders, eq(procurementOrders.id, procurementDispatches.orderId))
      .innerJoin(
        procurementOrderLines,
        and(
          eq(procurementOrderLines.orderId, procurementDispatches.orderId),
          eq(procurementOrderLines.lineNo, procurementDispatches.orderLineNo),
        ),
      )
      .where(inArray(procurementDispatches.lotLgtin, lgtins.length ? lgtins : none));
  },

  // ---- invoices
  async insertInvoice(tx: Transaction, row: InvoiceRow) {
    await tx.insert(procurementInvoices).values(row);
  },
  async findInvoice(db: DbOrTx, id: string): Promise<InvoiceRow | undefined> {
    const [row] = await db
      .select()
      .from(procurementInvoices)
      .where(or(eq(procurementInvoices.id, id), eq(procurementInvoices.number, id)))
      .limit(1);
    return row;
  },
  async invoicesOfOrders(db: DbOrTx, orderIds: string[]): Promise<InvoiceRow[]> {
    return db
      .select()
      .from(procurementInvoices)
      .where(inArray(procurementInvoices.orderId, orderIds.length ? orderIds : none));
  },
  async listInvoices(db: DbOrTx, organisationId: string | null) {
    return db
      .select()
      .from(procurementInvoices)
      .where(
        organisationId
          ? or(
              eq(procurementInvoices.buyerOrganisationId, organisationId),
              eq(procurementInvoices.supplierOrganisationId, organisationId),
            )
          : undefined,
      )
      .orderBy(desc(procurementInvoices.issuedAt))
      .limit(500);
  },
  /** Marks an issued invoice paid; false when it was not issued (paid already, concurrently). */
  async markPaid(tx: Transaction, id: string, set: Partial<InvoiceRow>): Promise<boolean> {
    const rows = await tx
      .update(procurementInvoices)
      .set(set)
      .where(and(eq(procurementInvoices.id, id), eq(procurementInvoices.status, "issued")))
      .returning({ id: procurementInvoices.id });
    return rows.length > 0;
  },

  // ---- farm-gate payments
  async insertFarmPayment(tx: DbOrTx, row: FarmPaymentRow) {
    await tx.insert(procurementFarmPayments).values(row);
  },
  async listFarmPayments(
    db: DbOrTx,
    q: { koperasiId?: string; farmerOrganisationId?: string; lots?: string[] },
  ) {
    const conds = [];
    if (q.koperasiId) conds.push(eq(procurementFarmPayments.koperasiOrganisationId, q.koperasiId));
    if (q.farmerOrganisationId)
      conds.push(eq(procurementFarmPayments.farmerOrganisationId, q.farmerOrganisationId));
    if (q.lots) conds.push(inArray(procurementFarmPayments.lotLgtin, q.lots.length ? q.lots : none));
    return db
      .select()
      .from(procurementFarmPayments)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(procurementFarmPayments.paidOn), desc(procurementFarmPayments.createdAt))
      .limit(1000);
  },
};
