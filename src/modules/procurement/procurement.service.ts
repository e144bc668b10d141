import type { Database, DbOrTx, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import { type IdentityService, identityRepository } from "../identity";
import type { LotsService } from "../lots";
import type { NotificationsService } from "../notifications";
import type { PricesService } from "../prices";
import { provinceOf, type ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";
import { amountOf, documentNumber, gramsFromKg, kg, VAT_EXEMPT_NOTE } from "./domain/numbers";
import {
  effectivePrice,
  INDEX_WINDOW_DAYS,
  type IndexValue,
  indexOn,
  type PriceRule,
  type ReferencePricePoint,
  ruleProblems,
} from "./domain/pricing";
import { periodsOf, progressOf } from "./domain/schedule";
import { procurementRepository as repo } from "./procurement.repository";
import type {
  ContractRow,
  DispatchRow,
  FarmPaymentMethod,
  FarmPaymentRow,
  InvoiceLine,
  InvoiceRow,
  OfferRow,
  OrderLineRow,
  OrderRow,
  QualityTerms,
} from "./procurement.tables";
import "./procurement.errors";

/** The ledger of the payments module, as procurement posts to it (contract in the issue 6 brief). */
export interface ProcurementLedger {
  ledger: {
    post(
      tx: Transaction,
      journal: {
        kind: string;
        referenceId: string;
        memo: string;
        lines: { account: string; amount: number }[];
      },
    ): Promise<{ journalId: string }>;
  };
}

export interface ProcurementDeps {
  db: Database;
  clock: Clock;
  identity: IdentityService;
  reference: ReferenceService;
  lots: LotsService;
  shipments: ShipmentsService;
  payments: ProcurementLedger;
  notifications: NotificationsService;
  prices: PricesService;
}

type Actor = Extract<Principal, { type: "user" }>;
type Org = { id: string; name: string; kind: string; regionCode: string | null };

/** Kinds that supply: koperasi and gapoktan, farmers, and BUMDs of Lampung. */
const SUPPLIER_KINDS = new Set(["koperasi", "farmer", "bumd"]);
/** Where a BUMD takes delivery: corridor hubs, shared warehouses, wholesale markets. */
const DELIVERY_SITE_KINDS = new Set(["hub", "warehouse", "market"]);
const PAYMENT_TERMS_DAYS = 30;

export interface OfferInput {
  commodityCode: string;
  grade: string;
  quantityKg: number;
  pricePerKg: number;
  availableFrom: string;
  availableUntil: string;
  pickupSiteCode?: string | undefined;
  pickupRegencyCode?: string | undefined;
  pickupAddress?: string | undefined;
  lots?: string[] | undefined;
  notes?: string | undefined;
}

export interface ContractInput {
  supplierOrganisationId: string;
  commodityCode: string;
  grade: string;
  period: "week" | "month";
  volumeKgPerPeriod: number;
  priceRule: PriceRule;
  startDate: string;
  endDate: string;
  deliverySiteCode: string;
  quality: QualityTerms;
}

export interface OrderInput {
  offerId?: string | undefined;
  contractId?: string | undefined;
  supplierOrganisationId?: string | undefined;
  deliverySiteCode?: string | undefined;
  deliverBy: string;
  lines: {
    commodityCode?: string | undefined;
    grade?: string | undefined;
    quantityKg: number;
    pricePerKg?: number | undefined;
  }[];
  notes?: string | undefined;
}

export interface RespondInput {
  decision: "accept" | "partial" | "decline";
  lines?: { lineNo: number; acceptedKg: number }[] | undefined;
  reason?: string | undefined;
}

export interface DispatchInput {
  route: "roro" | "ferry" | "direct";
  plannedDeparture: string;
  originSiteCode?: string | undefined;
  legs?:
    | {
        seq: number;
        carrierOrganisationId?: string | undefined;
        carrierName?: string | undefined;
        vehicle?: string | undefined;
      }[]
    | undefined;
  lines: { lineNo: number; lots: { lot: string; kg: number }[] }[];
  dispatchNow?: boolean | undefined;
}

export interface FarmPaymentInput {
  lot: string;
  farmerName: string;
  farmerPhone?: string | undefined;
  farmerOrganisationId?: string | undefined;
  kg: number;
  pricePerKg: number;
  paidOn: string;
  method: FarmPaymentMethod;
  reference?: string | undefined;
}

function fieldError(field: string, en: string, id: string): FieldError {
  return { field: `body/${field}`, message: en, messageId: id };
}

function refuse(errors: FieldError[]): never {
  throw new AppError(
    "procurement.invalid",
    errors.map((e) => `${e.field.replace(/^body\//, "")}: ${e.message}`).join("; "),
    { errors },
  );
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const LGTIN = /^urn:epc:class:lgtin:/;

export function createProcurementService(deps: ProcurementDeps) {
  const { db, clock, reference, lots, shipments, notifications, prices } = deps;
  const today = () => jakartaDate(clock.now());

  // ------------------------------------------------------------------ who is acting
  function actor(principal: Principal): Actor {
    if (principal.type !== "user") throw new AppError("auth.forbidden", "Procurement is done by people");
    return principal;
  }

  async function organisation(tx: DbOrTx, id: string): Promise<Org | undefined> {
    return identityRepository.findOrganisation(tx, id);
  }

  async function acting(principal: Principal): Promise<{ a: Actor; org: Org }> {
    const a = actor(principal);
    if (!a.organisationId)
      throw new AppError("procurement.no_organisation", "You act for no organisation; switch to one first");
    const org = await organisation(db, a.organisationId);
    if (!org) throw new AppError("procurement.no_organisation", `No organisation ${a.organisationId}`);
    return { a, org };
  }

  const isSupplier = (o: Org) =>
    SUPPLIER_KINDS.has(o.kind) && (o.kind !== "bumd" || (o.regionCode ?? "").startsWith("18"));

  async function asSupplier(principal: Principal) {
    const x = await acting(principal);
    if (!isSupplier(x.org))
      throw new AppError("procurement.not_a_supplier", `${x.org.name} does not supply through Lumbung`);
    return x;
  }

  async function asBuyer(principal: Principal) {
    const x = await acting(principal);
    if (x.org.kind !== "bumd") throw new AppError("procurement.not_a_buyer", `${x.org.name} is not a BUMD`);
    return x;
  }

  /** Admins see everything; others their active organisation's records. */
  function scopeOf(principal: Principal): string | null {
    const a = actor(principal);
    if (a.isAdmin && !a.organisationId) return null;
    return a.organisationId ?? "∅";
  }

  const party = (principal: Principal, ...orgIds: string[]) => {
    const scope = scopeOf(principal);
    return scope === null || orgIds.includes(scope);
  };

  async function names(ids: string[]) {
    return deps.identity.organisationNames([...new Set(ids.filter(Boolean))]);
  }

  const commodityNames = new Map<string, { code: string; name: string; nameEn: string }>();
  async function commodity(code: string) {
    const known = commodityNames.get(code);
    if (known) return known;
    const c = await reference.getCommodity(code).catch(() => null);
    const view = { code, name: c?.name ?? code, nameEn: c?.nameEn ?? code };
    if (c) commodityNames.set(code, view);
    return view;
  }
  async function commodityExists(code: string) {
    return reference.getCommodity(code).then(
      () => true,
      () => false,
    );
  }

  async function siteOf(code: string) {
    return reference.getSite(code).catch(() => null);
  }

  // ------------------------------------------------------------------ notifications
  async function notify(
    tx: Transaction,
    organisationId: string,
    kind: string,
    title: { id: string; en: string },
    body: { id: string; en: string },
    link: string,
    exceptUserId?: string,
  ) {
    const members = await identityRepository.membersOf(tx, organisationId);
    await notifications.enqueue(
      tx,
      members
        .filter((m) => m.userId !== exceptUserId)
        .map((m) => ({ recipientUserId: m.userId, kind, title, body, payload: { link } })),
    );
  }

  // ------------------------------------------------------------------ prices
  async function referencePrices(code: string): Promise<ReferencePricePoint[]> {
    const c = await reference.getCommodity(code).catch(() => null);
    return c ? c.referencePriceHistory : [];
  }

  /** The median over a province's markets of a commodity's prices at one level, on a day. */
  async function marketIndex(
    commodityCode: string,
    province: string,
    level: "producer" | "wholesale" | "retail",
    day: string,
    windowDays = INDEX_WINDOW_DAYS,
  ): Promise<IndexValue | null> {
    const keys = (await prices.seriesKeys()).filter(
      (k) =>
        k.commodityCode === commodityCode &&
        k.level === level &&
        k.marketId !== null &&
        provinceOf(k.regionCode) === province,
    );
    const series = await Promise.all(
      keys.map(async (k) => ({
        market: k.marketId as string,
        points: await prices.series({ ...k, from: addDays(day, -(windowDays - 1)), to: day }),
      })),
    );
    return indexOn(series, day, windowDays);
  }

  async function latestRetailJakarta(commodityCode: string): Promise<IndexValue | null> {
    const keys = (await prices.seriesKeys()).filter(
      (k) =>
        k.commodityCode === commodityCode &&
        k.level === "retail" &&
        k.marketId !== null &&
        provinceOf(k.regionCode) === "31",
    );
    if (!keys.length) return null;
    const series = await Promise.all(
      keys.map(async (k) => ({
        market: k.marketId as string,
        points: await prices.series({ ...k, to: today() }),
      })),
    );
    const latest = series
      .flatMap((s) => s.points.map((p) => p.date))
      .sort()
      .at(-1);
    return latest ? indexOn(series, latest) : null;
  }

  async function contractPrice(c: Pick<ContractRow, "priceRule" | "commodityCode">, day: string) {
    const rule = c.priceRule;
    const code = (rule.kind !== "fixed" ? rule.commodityCode : undefined) ?? c.commodityCode;
    return effectivePrice(rule, day, {
      referencePrices: rule.kind === "reference" ? await referencePrices(code) : [],
      index: rule.kind === "indexed" ? await marketIndex(code, rule.province, rule.level, day) : null,
    });
  }

  // ------------------------------------------------------------------ views
  async function offerViews(rows: OfferRow[]) {
    const orgNames = await names(rows.map((r) => r.organisationId));
    const lotFacts = await lots.lotsByLgtin(
      db,
      rows.flatMap((r) => r.lotLgtins),
    );
    return Promise.all(
      rows.map(async (r) => {
        const site = r.pickupSiteCode ? await siteOf(r.pickupSiteCode) : null;
        const regency = r.pickupRegencyCode
          ? await reference.getRegion(r.pickupRegencyCode).catch(() => null)
          : null;
        return {
          id: r.id,
          organisation: { id: r.organisationId, name: orgNames.get(r.organisationId) ?? "" },
          commodity: await commodity(r.commodityCode),
          grade: r.grade,
          quantityKg: kg(r.quantityGrams),
          remainingKg: kg(r.remainingGrams),
          pricePerKg: r.pricePerKg,
          availableFrom: r.availableFrom,
          availableUntil: r.availableUntil,
          pickup: {
            siteCode: r.pickupSiteCode,
            siteName: site?.name ?? null,
            regencyCode: r.pickupRegencyCode,
            regencyName: regency?.name ?? null,
            address: r.pickupAddress,
          },
          lots: r.lotLgtins.map((l) => {
            const f = lotFacts.get(l);
            return {
              lgtin: l,
              id: f?.id ?? null,
              lotCode: f?.lotCode ?? null,
              kg: f ? kg(f.grams) : null,
              harvestDate: f?.harvestDate ?? null,
            };
          }),
          notes: r.notes,
          status: r.status,
          createdAt: r.createdAt.toISOString(),
        };
      }),
    );
  }

  async function contractView(c: ContractRow, opts: { detail: boolean }) {
    const orgNames = await names([c.buyerOrganisationId, c.supplierOrganisationId]);
    const site = await siteOf(c.deliverySiteCode);
    const day = today();
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.max would make them NaN
    const price = await contractPrice(c, day < c.startDate ? c.startDate : day);
    const base = {
      id: c.id,
      number: c.number,
      buyer: { id: c.buyerOrganisationId, name: orgNames.get(c.buyerOrganisationId) ?? "" },
      supplier: { id: c.supplierOrganisationId, name: orgNames.get(c.supplierOrganisationId) ?? "" },
      commodity: await commodity(c.commodityCode),
      grade: c.grade,
      period: c.period,
      volumeKgPerPeriod: kg(c.volumeGramsPerPeriod),
      priceRule: c.priceRule,
      priceToday: price.ok ? { pricePerKg: price.pricePerKg, basis: price.basis } : null,
      startDate: c.startDate,
      endDate: c.endDate,
      deliverySite: { code: c.deliverySiteCode, name: site?.name ?? c.deliverySiteCode },
      quality: c.quality,
      status: c.status,
      statusReason: c.statusReason,
      createdAt: c.createdAt.toISOString(),
      acceptedAt: c.acceptedAt?.toISOString() ?? null,
    };
    if (!opts.detail) return { ...base, schedule: null };
    const orders = await repo.listOrders(db, { organisationId: null, contractId: c.id });
    const dispatches = await repo.dispatchesOf(
      db,
      orders.map((o) => o.id),
    );
    const deliveries = dispatches
      .filter((d) => d.receivedAt && d.acceptedGrams)
      .map((d) => ({ day: jakartaDate(d.receivedAt as Date), grams: d.acceptedGrams as number }));
    const schedule = progressOf(
      periodsOf(c.startDate, c.endDate, c.period),
      c.volumeGramsPerPeriod,
      deliveries,
      day,
    );
    return {
      ...base,
      schedule: schedule.map((p) => ({
        index: p.index,
        start: p.start,
        end: p.end,
        due: p.due,
        committedKg: kg(p.committedGrams),
        deliveredKg: kg(p.deliveredGrams),
        onTimeKg: kg(p.onTimeGrams),
        state: p.state,
      })),
      orders: orders.map((o) => ({ id: o.id, number: o.number, status: o.status, deliverBy: o.deliverBy })),
    };
  }

  async function orderViews(principal: Principal, rows: OrderRow[]) {
    const ids = rows.map((r) => r.id);
    const [lines, dispatches, invoices] = await Promise.all([
      repo.linesOf(db, ids),
      repo.dispatchesOf(db, ids),
      repo.invoicesOfOrders(db, ids),
    ]);
    const orgNames = await names(rows.flatMap((r) => [r.buyerOrganisationId, r.supplierOrganisationId]));
    const a = actor(principal);
    return Promise.all(
      rows.map(async (r) => {
        const site = await siteOf(r.deliverySiteCode);
        const mine = lines.filter((l) => l.orderId === r.id);
        const sent = dispatches.filter((d) => d.orderId === r.id);
        const invoice = invoices.find((i) => i.orderId === r.id) ?? null;
        const isBuyer = a.isAdmin || a.organisationId === r.buyerOrganisationId;
        const isSupplier = a.isAdmin || a.organisationId === r.supplierOrganisationId;
        const lineViews = await Promise.all(
          mine.map(async (l) => {
            const ofLine = sent.filter((d) => d.orderLineNo === l.lineNo);
            const dispatched = ofLine.reduce((s, d) => s + d.grams, 0);
            const received = ofLine.filter((d) => d.receivedAt);
            return {
              lineNo: l.lineNo,
              commodity: await commodity(l.commodityCode),
              grade: l.grade,
              quantityKg: kg(l.quantityGrams),
              pricePerKg: l.pricePerKg,
              priceBasis: l.priceBasis,
              amount: amountOf(l.quantityGrams, l.pricePerKg),
              acceptedKg: l.acceptedGrams === null ? null : kg(l.acceptedGrams),
              dispatchedKg: kg(dispatched),
              toDispatchKg: kg(Math.max(0, (l.acceptedGrams ?? 0) - dispatched)),
              deliveredKg: kg(received.reduce((s, d) => s + (d.acceptedGrams ?? 0), 0)),
              rejectedKg: kg(received.reduce((s, d) => s + (d.rejectedGrams ?? 0), 0)),
            };
          }),
        );
        const remaining = lineViews.some((l) => l.toDispatchKg > 0);
        const allReceived = sent.length > 0 && sent.every((d) => d.receivedAt);
        return {
          id: r.id,
          number: r.number,
          buyer: { id: r.buyerOrganisationId, name: orgNames.get(r.buyerOrganisationId) ?? "" },
          supplier: { id: r.supplierOrganisationId, name: orgNames.get(r.supplierOrganisationId) ?? "" },
          offerId: r.offerId,
          contractId: r.contractId,
          orderDate: r.orderDate,
          deliverySite: { code: r.deliverySiteCode, name: site?.name ?? r.deliverySiteCode },
          deliverBy: r.deliverBy,
          status: r.status,
          declineReason: r.declineReason,
          notes: r.notes,
          lines: lineViews,
          total: lineViews.reduce((s, l) => s + l.amount, 0),
          shipments: [...new Map(sent.map((d) => [d.shipmentId, d])).values()].map((d) => ({
            id: d.shipmentId,
            number: d.shipmentNumber,
            received: sent.filter((x) => x.shipmentId === d.shipmentId).every((x) => x.receivedAt),
          })),
          dispatches: sent.map((d) => ({
            shipmentNumber: d.shipmentNumber,
            orderLineNo: d.orderLineNo,
            lot: d.lotLgtin,
            kg: kg(d.grams),
            acceptedKg: d.acceptedGrams === null ? null : kg(d.acceptedGrams),
            rejectedKg: d.rejectedGrams === null ? null : kg(d.rejectedGrams),
            receivedAt: d.receivedAt?.toISOString() ?? null,
          })),
          invoice: invoice
            ? { id: invoice.id, number: invoice.number, status: invoice.status, amount: invoice.amount }
            : null,
          createdAt: r.createdAt.toISOString(),
          respondedAt: r.respondedAt?.toISOString() ?? null,
          deliveredAt: r.deliveredAt?.toISOString() ?? null,
          can: {
            respond: isSupplier && r.status === "sent",
            cancel: isBuyer && r.status === "sent",
            dispatch:
              isSupplier &&
              ["accepted", "partially_accepted", "dispatched", "delivered"].includes(r.status) &&
              remaining,
            invoice:
              isSupplier &&
              !invoice &&
              (r.status === "delivered" || (r.status === "dispatched" && allReceived)),
            pay: isBuyer && invoice?.status === "issued",
          },
        };
      }),
    );
  }

  function invoiceView(i: InvoiceRow, orgNames: Map<string, string>, orderNumber: string) {
    return {
      id: i.id,
      number: i.number,
      orderId: i.orderId,
      orderNumber,
      supplier: { id: i.supplierOrganisationId, name: orgNames.get(i.supplierOrganisationId) ?? "" },
      buyer: { id: i.buyerOrganisationId, name: orgNames.get(i.buyerOrganisationId) ?? "" },
      lines: i.lines.map((l) => ({ ...l, kg: kg(l.grams) })),
      amount: i.amount,
      vatNote: i.vatNote,
      issuedAt: i.issuedAt.toISOString(),
      dueDate: i.dueDate,
      status: i.status,
      paidAt: i.paidAt?.toISOString() ?? null,
      paidOn: i.paidOn,
      paymentReference: i.paymentReference,
    };
  }

  async function invoiceViews(rows: InvoiceRow[]) {
    const orgNames = await names(rows.flatMap((r) => [r.buyerOrganisationId, r.supplierOrganisationId]));
    const orders = await Promise.all(rows.map((r) => repo.findOrder(db, r.orderId)));
    return rows.map((r, i) => invoiceView(r, orgNames, orders[i]?.number ?? ""));
  }

  async function farmPaymentViews(rows: FarmPaymentRow[], withPerson: boolean) {
    const facts = await lots.lotsByLgtin(
      db,
      rows.map((r) => r.lotLgtin),
    );
    const orgNames = await names(
      rows.flatMap((r) => [r.koperasiOrganisationId, r.farmerOrganisationId ?? ""]),
    );
    return Promise.all(
      rows.map(async (r) => {
        const f = facts.get(r.lotLgtin);
        return {
          id: r.id,
          koperasi: { id: r.koperasiOrganisationId, name: orgNames.get(r.koperasiOrganisationId) ?? "" },
          lot: {
            id: r.lotId,
            lgtin: r.lotLgtin,
            lotCode: f?.lotCode ?? null,
            harvestDate: f?.harvestDate ?? null,
            tracePath: f ? `/01/${f.gtin}/10/${encodeURIComponent(f.lotCode)}` : null,
          },
          commodity: await commodity(r.commodityCode),
          farmerName: r.farmerName,
          farmerPhone: withPerson ? r.farmerPhone : null,
          farmerOrganisation: r.farmerOrganisationId
            ? { id: r.farmerOrganisationId, name: orgNames.get(r.farmerOrganisationId) ?? "" }
            : null,
          kg: kg(r.grams),
          pricePerKg: r.pricePerKg,
          amount: r.amount,
          paidOn: r.paidOn,
          method: r.method,
          reference: r.reference,
          createdAt: r.createdAt.toISOString(),
        };
      }),
    );
  }

  // ------------------------------------------------------------------ loading with scoping
  async function visibleOrder(principal: Principal, id: string) {
    const o = await repo.findOrder(db, id);
    if (!o || !party(principal, o.buyerOrganisationId, o.supplierOrganisationId))
      throw new AppError("procurement.order_not_found", `No purchase order ${id}`);
    return o;
  }
  async function visibleContract(principal: Principal, id: string) {
    const c = await repo.findContract(db, id);
    if (!c || !party(principal, c.buyerOrganisationId, c.supplierOrganisationId))
      throw new AppError("procurement.contract_not_found", `No contract ${id}`);
    return c;
  }
  async function visibleInvoice(principal: Principal, id: string) {
    const i = await repo.findInvoice(db, id);
    if (!i || !party(principal, i.buyerOrganisationId, i.supplierOrganisationId))
      throw new AppError("procurement.invoice_not_found", `No invoice ${id}`);
    return i;
  }
  function requireParty(principal: Principal, orgId: string, what: string) {
    const a = actor(principal);
    if (!a.isAdmin && a.organisationId !== orgId) throw new AppError("procurement.forbidden", what);
  }

  /** Harvest lots of `orgId` named by id or LGTIN; problems go to `errors` under `field`. */
  async function ownLots(
    orgId: string,
    refs: string[],
    commodityCode: string | null,
    field: string | ((i: number) => string),
    errors: FieldError[],
  ) {
    const at = (i: number) => (typeof field === "string" ? `${field}/${i}` : field(i));
    const out: {
      id: string;
      lgtin: string;
      grams: number;
      commodityCode: string;
      gtin: string;
      lotCode: string;
    }[] = [];
    for (const [i, ref] of refs.entries()) {
      const f = LGTIN.test(ref) ? (await lots.lotsByLgtin(db, [ref])).get(ref) : await lots.lotById(db, ref);
      if (f?.kind !== "harvest" || f.organisationId !== orgId) {
        errors.push(
          fieldError(
            at(i),
            "is not a harvest lot your organisation declared",
            "bukan lot panen yang didaftarkan organisasi Anda",
          ),
        );
        continue;
      }
      if (commodityCode && f.commodityCode !== commodityCode) {
        errors.push(
          fieldError(
            at(i),
            `is a lot of ${f.commodityName}, not of the commodity asked`,
            `lot ${f.commodityName}, bukan komoditas yang diminta`,
          ),
        );
        continue;
      }
      out.push({
        id: f.id,
        lgtin: f.lgtin,
        grams: f.grams,
        commodityCode: f.commodityCode,
        gtin: f.gtin,
        lotCode: f.lotCode,
      });
    }
    return out;
  }

  async function nextNumber(tx: Transaction, kind: "PO" | "KTR" | "INV") {
    const month = today().slice(0, 7);
    return documentNumber(kind, month, await repo.nextSequence(tx, `${kind}:${month}`));
  }

  // ------------------------------------------------------------------ receipts settle orders
  async function settle(
    tx: Transaction,
    receipt: Parameters<Parameters<ShipmentsService["onReceived"]>[0]>[1],
  ) {
    const rows = await repo.dispatchesOfShipment(tx, receipt.shipmentId);
    if (!rows.length) return;
    for (const d of rows) {
      const line = receipt.lines.find((l) => l.lineNo === d.shipmentLineNo);
      if (line)
        await repo.settleDispatch(tx, d.id, line.acceptedGrams, line.rejectedGrams, receipt.receivedAt);
    }
    const orderId = (rows[0] as DispatchRow).orderId;
    const all = await repo.dispatchesOf(tx, [orderId]);
    const order = await repo.findOrder(tx, orderId);
    if (!order) return;
    const settled = all.every((d) => d.receivedAt || d.shipmentId === receipt.shipmentId);
    if (settled && order.status === "dispatched") {
      await repo.updateOrder(tx, order.id, { status: "delivered", deliveredAt: receipt.receivedAt });
    }
    const accepted = rows.reduce(
      (s, d) => s + (receipt.lines.find((l) => l.lineNo === d.shipmentLineNo)?.acceptedGrams ?? 0),
      0,
    );
    await notify(
      tx,
      order.supplierOrganisationId,
      "procurement.delivered",
      { id: `Pengiriman ${receipt.number} diterima`, en: `Shipment ${receipt.number} received` },
      {
        id: `${kg(accepted).toLocaleString("id-ID")} kg diterima untuk ${order.number}. Terbitkan faktur.`,
        en: `${kg(accepted)} kg accepted for ${order.number}. Issue the invoice.`,
      },
      `/konsol/pengadaan/po/${order.id}`,
    );
  }
  shipments.onReceived(settle);

  type OfferView = Awaited<ReturnType<typeof offerViews>>[number];
  type OrderView = Awaited<ReturnType<typeof orderViews>>[number];
  type InvoiceView = Awaited<ReturnType<typeof invoiceViews>>[number];
  type FarmPaymentView = Awaited<ReturnType<typeof farmPaymentViews>>[number];

  async function getOffer(principal: Principal, id: string): Promise<OfferView> {
    const row = await repo.findOffer(db, id);
    if (!row || (row.status !== "open" && !party(principal, row.organisationId)))
      throw new AppError("procurement.offer_not_found", `No offer ${id}`);
    return (await offerViews([row]))[0] as OfferView;
  }
  async function getContract(principal: Principal, id: string) {
    return contractView(await visibleContract(principal, id), { detail: true });
  }
  async function getOrder(principal: Principal, id: string): Promise<OrderView> {
    return (await orderViews(principal, [await visibleOrder(principal, id)]))[0] as OrderView;
  }
  async function getInvoice(principal: Principal, id: string): Promise<InvoiceView> {
    return (await invoiceViews([await visibleInvoice(principal, id)]))[0] as InvoiceView;
  }

  // ------------------------------------------------------------------ the service
  return {
    // ---------------------------------------------------------------- parties
    async parties(principal: Principal) {
      actor(principal);
      const all = await identityRepository.listOrganisations(db, {});
      const sites = (await reference.listSites({})).filter((s) => DELIVERY_SITE_KINDS.has(s.kind));
      return {
        suppliers: all
          .filter((o) => isSupplier(o))
          .map((o) => ({ id: o.id, name: o.name, kind: o.kind, regionCode: o.regionCode })),
        buyers: all
          .filter((o) => o.kind === "bumd")
          .map((o) => ({ id: o.id, name: o.name, kind: o.kind, regionCode: o.regionCode })),
        farmers: all
          .filter((o) => o.kind === "farmer")
          .map((o) => ({ id: o.id, name: o.name, kind: o.kind, regionCode: o.regionCode })),
        deliverySites: sites.map((s) => ({
          code: s.code,
          name: s.name,
          kind: s.kind,
          regionCode: s.regionCode,
        })),
      };
    },

    // ---------------------------------------------------------------- offers
    async createOffer(principal: Principal, input: OfferInput) {
      const { a, org } = await asSupplier(principal);
      const errors: FieldError[] = [];
      const grams = gramsFromKg(input.quantityKg);
      if (!grams)
        errors.push(
          fieldError(
            "quantityKg",
            "must be more than zero, to the gram",
            "harus lebih dari nol, sampai gram",
          ),
        );
      if (!(await commodityExists(input.commodityCode)))
        errors.push(
          fieldError(
            "commodityCode",
            "is not a commodity Lumbung knows",
            "bukan komoditas yang dikenal Lumbung",
          ),
        );
      if (input.availableUntil < input.availableFrom)
        errors.push(
          fieldError("availableUntil", "is before the start of the window", "sebelum awal masa tersedia"),
        );
      if (input.availableUntil < today())
        errors.push(fieldError("availableUntil", "is in the past", "sudah lewat"));
      if (input.pickupSiteCode) {
        if (!(await siteOf(input.pickupSiteCode)))
          errors.push(fieldError("pickupSiteCode", "is not a corridor site", "bukan lokasi koridor"));
      } else if (input.pickupRegencyCode && input.pickupAddress?.trim()) {
        const region = await reference.getRegion(input.pickupRegencyCode).catch(() => null);
        if (!region || !/^18\.\d{2}$/.test(region.code))
          errors.push(
            fieldError("pickupRegencyCode", "is not a regency of Lampung", "bukan kabupaten/kota di Lampung"),
          );
      } else {
        errors.push(
          fieldError(
            "pickupSiteCode",
            "say where to pick up: a corridor site, or a regency and an address",
            "sebutkan lokasi pengambilan: lokasi koridor, atau kabupaten dan alamat",
          ),
        );
      }
      const linked = await ownLots(
        org.id,
        [...new Set(input.lots ?? [])],
        input.commodityCode,
        "lots",
        errors,
      );
      if (errors.length) refuse(errors);
      const now = clock.now();
      const row: OfferRow = {
        id: newId("pof", now.getTime()),
        organisationId: org.id,
        commodityCode: input.commodityCode,
        grade: input.grade.trim(),
        quantityGrams: grams as number,
        remainingGrams: grams as number,
        pricePerKg: input.pricePerKg,
        availableFrom: input.availableFrom,
        availableUntil: input.availableUntil,
        pickupSiteCode: input.pickupSiteCode ?? null,
        pickupRegencyCode: input.pickupSiteCode ? null : (input.pickupRegencyCode ?? null),
        pickupAddress: input.pickupSiteCode ? null : (input.pickupAddress?.trim() ?? null),
        lotLgtins: linked.map((l) => l.lgtin),
        notes: input.notes?.trim() || null,
        status: "open",
        createdBy: a.userId,
        createdAt: now,
        updatedAt: now,
      };
      await repo.insertOffer(db, row);
      return (await offerViews([row]))[0] as OfferView;
    },

    /** Open offers for buyers; `mine` (or a supplier's own) every status of the active organisation. */
    async listOffers(
      principal: Principal,
      q: { mine?: boolean; status?: OfferRow["status"]; commodity?: string },
    ) {
      const a = actor(principal);
      const rows = q.mine
        ? await repo.listOffers(db, { organisationId: a.organisationId ?? "∅", ...q })
        : (
            await repo.listOffers(db, {
              status: q.status ?? "open",
              ...(q.commodity ? { commodity: q.commodity } : {}),
            })
          ).filter((r) => r.status === "open" || party(principal, r.organisationId));
      return { items: await offerViews(rows) };
    },

    getOffer,

    async setOfferStatus(principal: Principal, id: string, status: "closed" | "withdrawn") {
      const row = await repo.findOffer(db, id);
      if (!row || !party(principal, row.organisationId))
        throw new AppError("procurement.offer_not_found", `No offer ${id}`);
      if (row.status !== "open") throw new AppError("procurement.invalid_state", `Offer is ${row.status}`);
      await repo.setOfferStatus(db, id, status, clock.now());
      return getOffer(principal, id);
    },

    // ---------------------------------------------------------------- contracts
    async createContract(principal: Principal, input: ContractInput) {
      const { a, org } = await asBuyer(principal);
      const errors: FieldError[] = [];
      const supplier = await organisation(db, input.supplierOrganisationId);
      if (!supplier || !isSupplier(supplier) || supplier.id === org.id)
        errors.push(
          fieldError(
            "supplierOrganisationId",
            "is not a supplier (see /api/v1/procurement/parties)",
            "bukan pemasok (lihat /api/v1/procurement/parties)",
          ),
        );
      if (!(await commodityExists(input.commodityCode)))
        errors.push(
          fieldError(
            "commodityCode",
            "is not a commodity Lumbung knows",
            "bukan komoditas yang dikenal Lumbung",
          ),
        );
      const grams = gramsFromKg(input.volumeKgPerPeriod);
      if (!grams)
        errors.push(
          fieldError(
            "volumeKgPerPeriod",
            "must be more than zero, to the gram",
            "harus lebih dari nol, sampai gram",
          ),
        );
      if (input.endDate < input.startDate)
        errors.push(fieldError("endDate", "is before the start date", "sebelum tanggal mulai"));
      const site = await siteOf(input.deliverySiteCode);
      if (!site || !DELIVERY_SITE_KINDS.has(site.kind))
        errors.push(
          fieldError(
            "deliverySiteCode",
            "is not a hub, shared warehouse or market",
            "bukan hub, gudang bersama, atau pasar",
          ),
        );
      for (const [field, en, id] of ruleProblems(input.priceRule)) errors.push(fieldError(field, en, id));
      const ruleCommodity = input.priceRule.kind !== "fixed" ? input.priceRule.commodityCode : undefined;
      if (ruleCommodity && !(await commodityExists(ruleCommodity)))
        errors.push(
          fieldError(
            "priceRule/commodityCode",
            "is not a commodity Lumbung knows",
            "bukan komoditas yang dikenal Lumbung",
          ),
        );
      if (!errors.length && input.priceRule.kind === "reference") {
        const refs = await referencePrices(ruleCommodity ?? input.commodityCode);
        if (!refs.some((r) => r.kind === (input.priceRule as { reference: string }).reference))
          errors.push(
            fieldError(
              "priceRule/reference",
              "no such reference price is recorded for this commodity",
              "harga acuan ini tidak tercatat untuk komoditas tersebut",
            ),
          );
      }
      if (errors.length) refuse(errors);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const r: ContractRow = {
          id: newId("pct", now.getTime()),
          number: await nextNumber(tx, "KTR"),
          buyerOrganisationId: org.id,
          supplierOrganisationId: input.supplierOrganisationId,
          commodityCode: input.commodityCode,
          grade: input.grade.trim(),
          period: input.period,
          volumeGramsPerPeriod: grams as number,
          priceRule: input.priceRule,
          startDate: input.startDate,
          endDate: input.endDate,
          deliverySiteCode: input.deliverySiteCode,
          quality: { text: input.quality.text.trim(), limits: input.quality.limits },
          status: "proposed",
          statusReason: null,
          createdBy: a.userId,
          createdAt: now,
          acceptedAt: null,
          closedAt: null,
        };
        await repo.insertContract(tx, r);
        await notify(
          tx,
          r.supplierOrganisationId,
          "procurement.contract_proposed",
          { id: `Usulan kontrak ${r.number}`, en: `Contract ${r.number} proposed` },
          {
            id: `${org.name} mengusulkan kontrak pasokan. Tinjau dan terima.`,
            en: `${org.name} proposes a supply contract. Review and accept.`,
          },
          `/konsol/pengadaan/kontrak/${r.id}`,
        );
        return r;
      });
      return contractView(row, { detail: true });
    },

    async listContracts(principal: Principal) {
      const rows = await repo.listContracts(db, scopeOf(principal));
      return { items: await Promise.all(rows.map((r) => contractView(r, { detail: false }))) };
    },

    getContract,

    /** The price a contract gives on a day (a purchase order's lines take it on the order date). */
    async contractPriceOn(principal: Principal, id: string, day: string) {
      const c = await visibleContract(principal, id);
      const p = await contractPrice(c, day);
      if (!p.ok) throw new AppError("procurement.price_unknown", `${c.number} on ${day}: ${p.reason}`);
      return { date: day, pricePerKg: p.pricePerKg, basis: p.basis };
    },

    async contractAction(
      principal: Principal,
      id: string,
      action: "accept" | "cancel" | "end",
      reason?: string,
    ) {
      const c = await visibleContract(principal, id);
      const now = clock.now();
      let set: Partial<ContractRow>;
      if (action === "accept") {
        requireParty(principal, c.supplierOrganisationId, "Only the supplier accepts a contract");
        if (c.status !== "proposed")
          throw new AppError("procurement.invalid_state", `${c.number} is ${c.status}`);
        set = { status: "active", acceptedAt: now };
      } else if (action === "cancel") {
        if (c.status !== "proposed")
          throw new AppError("procurement.invalid_state", `${c.number} is ${c.status}`);
        set = { status: "cancelled", closedAt: now, statusReason: reason?.trim() || null };
      } else {
        requireParty(principal, c.buyerOrganisationId, "Only the buyer ends a contract");
        if (c.status !== "active")
          throw new AppError("procurement.invalid_state", `${c.number} is ${c.status}`);
        set = { status: "ended", closedAt: now, statusReason: reason?.trim() || null };
      }
      const a = actor(principal);
      await db.transaction(async (tx) => {
        await repo.updateContract(tx, c.id, set);
        const other =
          a.organisationId === c.buyerOrganisationId ? c.supplierOrganisationId : c.buyerOrganisationId;
        const word = {
          accept: ["diterima", "accepted"],
          cancel: ["dibatalkan", "cancelled"],
          end: ["diakhiri", "ended"],
        }[action];
        await notify(
          tx,
          other,
          `procurement.contract_${action}`,
          { id: `Kontrak ${c.number} ${word[0]}`, en: `Contract ${c.number} ${word[1]}` },
          {
            id: reason?.trim() || `Kontrak ${c.number} ${word[0]}.`,
            en: reason?.trim() || `Contract ${c.number} ${word[1]}.`,
          },
          `/konsol/pengadaan/kontrak/${c.id}`,
          a.userId,
        );
      });
      return getContract(principal, id);
    },

    // ---------------------------------------------------------------- purchase orders
    async createOrder(principal: Principal, input: OrderInput) {
      const { a, org } = await asBuyer(principal);
      const errors: FieldError[] = [];
      const orderDate = today();
      let supplierId = input.supplierOrganisationId ?? null;
      let offer: OfferRow | undefined;
      let contract: ContractRow | undefined;
      if (input.offerId && input.contractId)
        errors.push(
          fieldError(
            "contractId",
            "an order is against an offer or a contract, not both",
            "pesanan untuk penawaran atau kontrak, bukan keduanya",
          ),
        );
      if (input.offerId) {
        offer = await repo.findOffer(db, input.offerId);
        if (offer?.status !== "open")
          throw new AppError("procurement.offer_not_found", `No open offer ${input.offerId}`);
        supplierId = offer.organisationId;
      } else if (input.contractId) {
        contract = await repo.findContract(db, input.contractId);
        if (!contract || contract.buyerOrganisationId !== org.id)
          throw new AppError("procurement.contract_not_found", `No contract ${input.contractId}`);
        if (contract.status !== "active")
          throw new AppError("procurement.invalid_state", `${contract.number} is ${contract.status}`);
        supplierId = contract.supplierOrganisationId;
      }
      const supplier = supplierId ? await organisation(db, supplierId) : undefined;
      if (!supplier || !isSupplier(supplier) || supplier.id === org.id)
        errors.push(
          fieldError(
            "supplierOrganisationId",
            "name a supplier, an offer or a contract",
            "sebutkan pemasok, penawaran, atau kontrak",
          ),
        );
      const siteCode = input.deliverySiteCode ?? contract?.deliverySiteCode;
      const site = siteCode ? await siteOf(siteCode) : null;
      if (!site || !DELIVERY_SITE_KINDS.has(site.kind))
        errors.push(
          fieldError(
            "deliverySiteCode",
            "is not a hub, shared warehouse or market",
            "bukan hub, gudang bersama, atau pasar",
          ),
        );
      if (input.deliverBy < orderDate) errors.push(fieldError("deliverBy", "is in the past", "sudah lewat"));
      if (contract && (orderDate > contract.endDate || input.deliverBy < contract.startDate))
        errors.push(fieldError("deliverBy", "is outside the contract's term", "di luar masa kontrak"));

      let contractPriceToday: { pricePerKg: number; basis: string } | null = null;
      if (contract) {
        const p = await contractPrice(contract, orderDate);
        if (!p.ok)
          throw new AppError("procurement.price_unknown", `${contract.number} on ${orderDate}: ${p.reason}`);
        contractPriceToday = p;
      }
      const lines: OrderLineRow[] = [];
      const id = newId("po", clock.now().getTime());
      for (const [i, l] of input.lines.entries()) {
        const grams = gramsFromKg(l.quantityKg);
        if (!grams) {
          errors.push(
            fieldError(
              `lines/${i}/quantityKg`,
              "must be more than zero, to the gram",
              "harus lebih dari nol, sampai gram",
            ),
          );
          continue;
        }
        const code = offer?.commodityCode ?? contract?.commodityCode ?? l.commodityCode;
        const grade = offer?.grade ?? contract?.grade ?? l.grade?.trim();
        if (!code || !(await commodityExists(code))) {
          errors.push(
            fieldError(
              `lines/${i}/commodityCode`,
              "is not a commodity Lumbung knows",
              "bukan komoditas yang dikenal Lumbung",
            ),
          );
          continue;
        }
        if (!grade) {
          errors.push(
            fieldError(`lines/${i}/grade`, "is required for an open order", "wajib untuk pesanan terbuka"),
          );
          continue;
        }
        let price: number;
        let basis: string;
        if (offer) {
          price = offer.pricePerKg;
          basis = `penawaran ${supplier?.name ?? offer.id}`;
        } else if (contractPriceToday && contract) {
          price = contractPriceToday.pricePerKg;
          basis = `${contract.number}: ${contractPriceToday.basis}`;
        } else if (l.pricePerKg) {
          price = l.pricePerKg;
          basis = "harga sepakat";
        } else {
          errors.push(
            fieldError(
              `lines/${i}/pricePerKg`,
              "is required for an open order",
              "wajib untuk pesanan terbuka",
            ),
          );
          continue;
        }
        lines.push({
          id: newId("pol"),
          orderId: id,
          lineNo: lines.length + 1,
          commodityCode: code,
          grade,
          quantityGrams: grams,
          pricePerKg: price,
          priceBasis: basis,
          acceptedGrams: null,
        });
      }
      if (!input.lines.length)
        errors.push(fieldError("lines", "an order has at least one line", "pesanan minimal satu baris"));
      if (errors.length || !supplier || !site) refuse(errors);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const r: OrderRow = {
          id,
          number: await nextNumber(tx, "PO"),
          buyerOrganisationId: org.id,
          supplierOrganisationId: supplier.id,
          offerId: offer?.id ?? null,
          contractId: contract?.id ?? null,
          orderDate,
          deliverySiteCode: site.code,
          deliverBy: input.deliverBy,
          status: "sent",
          declineReason: null,
          notes: input.notes?.trim() || null,
          createdBy: a.userId,
          createdAt: now,
          respondedAt: null,
          deliveredAt: null,
        };
        if (offer) {
          const total = lines.reduce((s, l) => s + l.quantityGrams, 0);
          if (!(await repo.takeFromOffer(tx, offer.id, total, now)))
            throw new AppError(
              "procurement.offer_exhausted",
              `The offer has ${kg(offer.remainingGrams)} kg left, the order asks ${kg(total)} kg`,
            );
        }
        await repo.insertOrder(tx, r, lines);
        await notify(
          tx,
          supplier.id,
          "procurement.order_received",
          { id: `Pesanan pembelian ${r.number}`, en: `Purchase order ${r.number}` },
          {
            id: `${org.name} memesan ${kg(lines.reduce((s, l) => s + l.quantityGrams, 0)).toLocaleString("id-ID")} kg, kirim paling lambat ${r.deliverBy}.`,
            en: `${org.name} orders ${kg(lines.reduce((s, l) => s + l.quantityGrams, 0))} kg, to deliver by ${r.deliverBy}.`,
          },
          `/konsol/pengadaan/po/${r.id}`,
        );
        return r;
      });
      return (await orderViews(principal, [row]))[0] as OrderView;
    },

    async listOrders(principal: Principal, q: { role?: "buyer" | "supplier"; status?: OrderRow["status"] }) {
      const rows = await repo.listOrders(db, { organisationId: scopeOf(principal), ...q });
      return { items: await orderViews(principal, rows) };
    },

    getOrder,

    async cancelOrder(principal: Principal, id: string) {
      const o = await visibleOrder(principal, id);
      requireParty(principal, o.buyerOrganisationId, "Only the buyer cancels its order");
      if (o.status !== "sent") throw new AppError("procurement.invalid_state", `${o.number} is ${o.status}`);
      const lines = await repo.linesOf(db, [o.id]);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.updateOrder(tx, o.id, { status: "cancelled" });
        if (o.offerId)
          await repo.giveBackToOffer(
            tx,
            o.offerId,
            lines.reduce((s, l) => s + l.quantityGrams, 0),
            now,
          );
        await notify(
          tx,
          o.supplierOrganisationId,
          "procurement.order_cancelled",
          { id: `Pesanan ${o.number} dibatalkan`, en: `Order ${o.number} cancelled` },
          {
            id: "Pembeli membatalkan pesanan sebelum dijawab.",
            en: "The buyer cancelled the order before it was answered.",
          },
          `/konsol/pengadaan/po/${o.id}`,
        );
      });
      return getOrder(principal, id);
    },

    /** The supplier accepts, accepts part of (per line) or declines a purchase order. */
    async respond(principal: Principal, id: string, input: RespondInput) {
      const o = await visibleOrder(principal, id);
      requireParty(principal, o.supplierOrganisationId, "Only the supplier answers a purchase order");
      if (o.status !== "sent") throw new AppError("procurement.invalid_state", `${o.number} is ${o.status}`);
      const lines = await repo.linesOf(db, [o.id]);
      const errors: FieldError[] = [];
      const accepted = new Map<string, number>();
      if (input.decision === "accept") for (const l of lines) accepted.set(l.id, l.quantityGrams);
      else if (input.decision === "decline") {
        for (const l of lines) accepted.set(l.id, 0);
        if (!input.reason?.trim())
          errors.push(
            fieldError("reason", "say why the order is declined", "sebutkan alasan pesanan ditolak"),
          );
      } else {
        for (const l of lines) accepted.set(l.id, 0);
        for (const [i, given] of (input.lines ?? []).entries()) {
          const line = lines.find((l) => l.lineNo === given.lineNo);
          if (!line) {
            errors.push(
              fieldError(`lines/${i}/lineNo`, `is not a line of ${o.number}`, `bukan baris ${o.number}`),
            );
            continue;
          }
          const grams = given.acceptedKg === 0 ? 0 : gramsFromKg(given.acceptedKg);
          if (grams === null || grams > line.quantityGrams) {
            errors.push(
              fieldError(
                `lines/${i}/acceptedKg`,
                `line ${line.lineNo}: from 0 to the ${kg(line.quantityGrams)} kg ordered, to the gram`,
                `baris ${line.lineNo}: 0 sampai ${kg(line.quantityGrams)} kg yang dipesan, sampai gram`,
              ),
            );
            continue;
          }
          accepted.set(line.id, grams);
        }
        if (!errors.length && ![...accepted.values()].some((g) => g > 0))
          errors.push(
            fieldError(
              "lines",
              "accept something, or decline the order",
              "terima sebagian, atau tolak pesanan",
            ),
          );
      }
      if (errors.length) refuse(errors);
      const total = lines.reduce((s, l) => s + l.quantityGrams, 0);
      const taken = [...accepted.values()].reduce((s, g) => s + g, 0);
      const status = taken === 0 ? "declined" : taken === total ? "accepted" : "partially_accepted";
      const now = clock.now();
      const a = actor(principal);
      await db.transaction(async (tx) => {
        for (const l of lines) await repo.setAccepted(tx, l.id, accepted.get(l.id) ?? 0);
        await repo.updateOrder(tx, o.id, {
          status,
          respondedAt: now,
          declineReason: input.reason?.trim() || null,
        });
        if (o.offerId) await repo.giveBackToOffer(tx, o.offerId, total - taken, now);
        const word = {
          accepted: ["diterima", "accepted"],
          partially_accepted: ["diterima sebagian", "partly accepted"],
          declined: ["ditolak", "declined"],
        }[status];
        await notify(
          tx,
          o.buyerOrganisationId,
          `procurement.order_${status}`,
          { id: `Pesanan ${o.number} ${word[0]}`, en: `Order ${o.number} ${word[1]}` },
          {
            id: `${kg(taken).toLocaleString("id-ID")} dari ${kg(total).toLocaleString("id-ID")} kg.${input.reason?.trim() ? ` ${input.reason.trim()}` : ""}`,
            en: `${kg(taken)} of ${kg(total)} kg.${input.reason?.trim() ? ` ${input.reason.trim()}` : ""}`,
          },
          `/konsol/pengadaan/po/${o.id}`,
          a.userId,
        );
      });
      return getOrder(principal, id);
    },

    /**
     * The supplier ships accepted quantities from its own lots: one corridor shipment (planned, then
     * dispatched unless `dispatchNow` is false) to the buyer at the delivery site, with the PO number.
     */
    async dispatch(principal: Principal, id: string, input: DispatchInput) {
      const o = await visibleOrder(principal, id);
      requireParty(principal, o.supplierOrganisationId, "Only the supplier dispatches an order");
      if (!["accepted", "partially_accepted", "dispatched", "delivered"].includes(o.status))
        throw new AppError("procurement.invalid_state", `${o.number} is ${o.status}`);
      const [lines, sent] = await Promise.all([repo.linesOf(db, [o.id]), repo.dispatchesOf(db, [o.id])]);
      const errors: FieldError[] = [];
      const flat: { orderLineNo: number; lgtin: string; grams: number }[] = [];
      for (const [i, given] of input.lines.entries()) {
        const line = lines.find((l) => l.lineNo === given.lineNo);
        if (!line) {
          errors.push(
            fieldError(`lines/${i}/lineNo`, `is not a line of ${o.number}`, `bukan baris ${o.number}`),
          );
          continue;
        }
        const left =
          (line.acceptedGrams ?? 0) -
          sent.filter((d) => d.orderLineNo === line.lineNo).reduce((s, d) => s + d.grams, 0);
        let sum = 0;
        const found = await ownLots(
          o.supplierOrganisationId,
          given.lots.map((x) => x.lot),
          line.commodityCode,
          `lines/${i}/lots`,
          errors,
        );
        for (const [j, x] of given.lots.entries()) {
          const grams = gramsFromKg(x.kg);
          const lot = found.find((f) => f.lgtin === x.lot || f.id === x.lot);
          if (!grams) {
            errors.push(
              fieldError(
                `lines/${i}/lots/${j}/kg`,
                "must be more than zero, to the gram",
                "harus lebih dari nol, sampai gram",
              ),
            );
            continue;
          }
          if (!lot) continue;
          sum += grams;
          flat.push({ orderLineNo: line.lineNo, lgtin: lot.lgtin, grams });
        }
        if (sum > left)
          errors.push(
            fieldError(
              `lines/${i}/lots`,
              `line ${line.lineNo}: ${kg(sum)} kg is more than the ${kg(Math.max(0, left))} kg accepted and not yet dispatched`,
              `baris ${line.lineNo}: ${kg(sum)} kg melebihi ${kg(Math.max(0, left))} kg yang diterima dan belum dikirim`,
            ),
          );
      }
      if (!flat.length && !errors.length)
        errors.push(fieldError("lines", "dispatch at least one lot", "kirim minimal satu lot"));
      if (errors.length) refuse(errors);

      // The shipments module checks the lots' balances, the route and the carriers, and numbers the
      // surat jalan; its refusals reach the caller unchanged.
      const shipment = await shipments.create(principal, {
        receiverOrganisationId: o.buyerOrganisationId,
        destinationSiteCode: o.deliverySiteCode,
        route: input.route,
        lines: flat.map((f) => ({ epc: f.lgtin, kg: f.grams / 1000 })),
        poReference: o.number,
        plannedDeparture: input.plannedDeparture,
        ...(input.originSiteCode ? { originSiteCode: input.originSiteCode } : {}),
        ...(input.legs ? { legs: input.legs } : {}),
        notes: `Pesanan pembelian ${o.number}`,
      });
      const now = clock.now();
      const a = actor(principal);
      try {
        await db.transaction(async (tx) => {
          await repo.insertDispatches(
            tx,
            flat.map((f, i) => ({
              id: newId("pdl", now.getTime()),
              orderId: o.id,
              orderLineNo: f.orderLineNo,
              shipmentId: shipment.id,
              shipmentNumber: shipment.number,
              shipmentLineNo: i + 1,
              lotLgtin: f.lgtin,
              grams: f.grams,
              acceptedGrams: null,
              rejectedGrams: null,
              createdAt: now,
              receivedAt: null,
            })),
          );
          await repo.updateOrder(tx, o.id, { status: "dispatched" });
          await notify(
            tx,
            o.buyerOrganisationId,
            "procurement.order_dispatched",
            { id: `Pesanan ${o.number} dikirim`, en: `Order ${o.number} dispatched` },
            {
              id: `Surat jalan ${shipment.number}: ${kg(flat.reduce((s, f) => s + f.grams, 0)).toLocaleString("id-ID")} kg.`,
              en: `Despatch advice ${shipment.number}: ${kg(flat.reduce((s, f) => s + f.grams, 0))} kg.`,
            },
            `/konsol/pengadaan/po/${o.id}`,
            a.userId,
          );
        });
      } catch (err) {
        await shipments.cancel(principal, shipment.id).catch(() => undefined);
        throw err;
      }
      if (input.dispatchNow !== false) await shipments.dispatch(principal, shipment.id);
      return { order: await getOrder(principal, id), shipment: { id: shipment.id, number: shipment.number } };
    },

    // ---------------------------------------------------------------- invoices
    /** The supplier invoices what the buyer accepted at delivery, at the order's prices; VAT-exempt staples. */
    async issueInvoice(principal: Principal, orderId: string, input: { dueDays?: number | undefined }) {
      const o = await visibleOrder(principal, orderId);
      requireParty(principal, o.supplierOrganisationId, "Only the supplier invoices");
      const [lines, sent, existing] = await Promise.all([
        repo.linesOf(db, [o.id]),
        repo.dispatchesOf(db, [o.id]),
        repo.invoicesOfOrders(db, [o.id]),
      ]);
      if (existing.length)
        throw new AppError("procurement.already_invoiced", `${o.number} has invoice ${existing[0]?.number}`);
      if (!sent.length || sent.some((d) => !d.receivedAt))
        throw new AppError(
          "procurement.invalid_state",
          `${o.number}: every shipment must be received before invoicing`,
        );
      const invoiceLines: InvoiceLine[] = [];
      for (const l of lines) {
        const ofLine = sent.filter((d) => d.orderLineNo === l.lineNo && (d.acceptedGrams ?? 0) > 0);
        const grams = ofLine.reduce((s, d) => s + (d.acceptedGrams ?? 0), 0);
        if (!grams) continue;
        const c = await commodity(l.commodityCode);
        invoiceLines.push({
          lineNo: invoiceLines.length + 1,
          description: `${c.name} ${l.grade}`,
          commodityCode: l.commodityCode,
          grade: l.grade,
          grams,
          pricePerKg: l.pricePerKg,
          amount: amountOf(grams, l.pricePerKg),
          lots: [...new Set(ofLine.map((d) => d.lotLgtin))],
        });
      }
      const amount = invoiceLines.reduce((s, l) => s + l.amount, 0);
      if (!amount)
        throw new AppError("procurement.nothing_to_invoice", `Nothing of ${o.number} was accepted`);
      const now = clock.now();
      const a = actor(principal);
      const row = await db.transaction(async (tx) => {
        const id = newId("pin", now.getTime());
        const number = await nextNumber(tx, "INV");
        // The BUMD's purchase is recorded as owed to the supplier until it pays.
        const journal = await deps.payments.ledger.post(tx, {
          kind: "procurement.invoice",
          referenceId: id,
          memo: `Faktur ${number} untuk ${o.number}`,
          lines: [
            { account: `purchases:bumd:${o.buyerOrganisationId}`, amount },
            { account: `payable:supplier:${o.supplierOrganisationId}`, amount: -amount },
          ],
        });
        const r: InvoiceRow = {
          id,
          number,
          orderId: o.id,
          supplierOrganisationId: o.supplierOrganisationId,
          buyerOrganisationId: o.buyerOrganisationId,
          lines: invoiceLines,
          amount,
          vatNote: VAT_EXEMPT_NOTE,
          issuedAt: now,
          dueDate: addDays(jakartaDate(now), input.dueDays ?? PAYMENT_TERMS_DAYS),
          status: "issued",
          paidAt: null,
          paidOn: null,
          paymentReference: null,
          issueJournalId: journal.journalId,
          paymentJournalId: null,
        };
        await repo.insertInvoice(tx, r);
        await repo.updateOrder(tx, o.id, { status: "invoiced" });
        await notify(
          tx,
          o.buyerOrganisationId,
          "procurement.invoice_issued",
          { id: `Faktur ${number}`, en: `Invoice ${number}` },
          {
            id: `Tagihan Rp${amount.toLocaleString("id-ID")} untuk ${o.number}, jatuh tempo ${r.dueDate}.`,
            en: `Rp${amount} for ${o.number}, due ${r.dueDate}.`,
          },
          `/konsol/pengadaan/faktur/${id}`,
          a.userId,
        );
        return r;
      });
      return (await invoiceViews([row]))[0] as InvoiceView;
    },

    async listInvoices(principal: Principal) {
      return { items: await invoiceViews(await repo.listInvoices(db, scopeOf(principal))) };
    },

    getInvoice,

    /** The BUMD records its bank transfer: the invoice and the order are paid, the payable cleared. */
    async recordPayment(
      principal: Principal,
      id: string,
      input: { reference: string; paidOn?: string | undefined },
    ) {
      const i = await visibleInvoice(principal, id);
      requireParty(principal, i.buyerOrganisationId, "Only the buyer records its payment");
      if (i.status === "paid")
        throw new AppError("procurement.already_paid", `${i.number} was paid on ${i.paidOn}`);
      const paidOn = input.paidOn ?? today();
      if (paidOn > today()) refuse([fieldError("paidOn", "is in the future", "di masa depan")]);
      const now = clock.now();
      const a = actor(principal);
      await db.transaction(async (tx) => {
        const journal = await deps.payments.ledger.post(tx, {
          kind: "procurement.payment",
          referenceId: i.id,
          memo: `Pembayaran ${i.number} (${input.reference.trim()})`,
          lines: [
            { account: `payable:supplier:${i.supplierOrganisationId}`, amount: i.amount },
            { account: `bank:bumd:${i.buyerOrganisationId}`, amount: -i.amount },
          ],
        });
        const done = await repo.markPaid(tx, i.id, {
          status: "paid",
          paidAt: now,
          paidOn,
          paymentReference: input.reference.trim(),
          paymentJournalId: journal.journalId,
        });
        if (!done) throw new AppError("procurement.already_paid", `${i.number} was paid already`);
        await repo.updateOrder(tx, i.orderId, { status: "paid" });
        await notify(
          tx,
          i.supplierOrganisationId,
          "procurement.invoice_paid",
          { id: `Faktur ${i.number} dibayar`, en: `Invoice ${i.number} paid` },
          {
            id: `Rp${i.amount.toLocaleString("id-ID")} ditransfer (${input.reference.trim()}).`,
            en: `Rp${i.amount} transferred (${input.reference.trim()}).`,
          },
          `/konsol/pengadaan/faktur/${i.id}`,
          a.userId,
        );
      });
      return getInvoice(principal, id);
    },

    // ---------------------------------------------------------------- farm-gate payments
    async recordFarmPayment(principal: Principal, input: FarmPaymentInput) {
      const { a, org } = await acting(principal);
      if (org.kind !== "koperasi")
        throw new AppError("procurement.not_a_koperasi", `${org.name} is not a koperasi`);
      const errors: FieldError[] = [];
      const [lot] = await ownLots(org.id, [input.lot], null, () => "lot", errors);
      const grams = gramsFromKg(input.kg);
      if (!grams)
        errors.push(
          fieldError("kg", "must be more than zero, to the gram", "harus lebih dari nol, sampai gram"),
        );
      if (input.paidOn > today()) errors.push(fieldError("paidOn", "is in the future", "di masa depan"));
      if (input.farmerOrganisationId) {
        const farmer = await organisation(db, input.farmerOrganisationId);
        if (farmer?.kind !== "farmer")
          errors.push(
            fieldError("farmerOrganisationId", "is not a farmer organisation", "bukan organisasi petani"),
          );
      }
      if (lot && grams) {
        const paid = (await repo.listFarmPayments(db, { lots: [lot.lgtin] })).reduce(
          (s, p) => s + p.grams,
          0,
        );
        if (paid + grams > lot.grams)
          errors.push(
            fieldError(
              "kg",
              `the lot has ${kg(lot.grams)} kg and ${kg(paid)} kg are paid for already`,
              `lot ini ${kg(lot.grams)} kg dan ${kg(paid)} kg sudah dibayar`,
            ),
          );
      }
      if (errors.length || !lot || !grams) refuse(errors);
      const now = clock.now();
      const row: FarmPaymentRow = {
        id: newId("pfp", now.getTime()),
        koperasiOrganisationId: org.id,
        lotLgtin: lot.lgtin,
        lotId: lot.id,
        commodityCode: lot.commodityCode,
        farmerName: input.farmerName.trim(),
        farmerPhone: input.farmerPhone?.trim() || null,
        farmerOrganisationId: input.farmerOrganisationId ?? null,
        grams,
        pricePerKg: input.pricePerKg,
        amount: amountOf(grams, input.pricePerKg),
        paidOn: input.paidOn,
        method: input.method,
        reference: input.reference?.trim() || null,
        createdBy: a.userId,
        createdAt: now,
      };
      await db.transaction(async (tx) => {
        await repo.insertFarmPayment(tx, row);
        if (row.farmerOrganisationId)
          await notify(
            tx,
            row.farmerOrganisationId,
            "procurement.farm_payment",
            { id: "Pembayaran hasil panen", en: "Harvest payment" },
            {
              id: `${org.name} membayar Rp${row.amount.toLocaleString("id-ID")} untuk ${kg(grams).toLocaleString("id-ID")} kg (Rp${row.pricePerKg.toLocaleString("id-ID")}/kg).`,
              en: `${org.name} paid Rp${row.amount} for ${kg(grams)} kg (Rp${row.pricePerKg}/kg).`,
            },
            "/konsol/pengadaan/petani",
          );
      });
      return (await farmPaymentViews([row], true))[0] as FarmPaymentView;
    },

    /** A koperasi's payments to farmers. */
    async listFarmPayments(principal: Principal) {
      const scope = scopeOf(principal);
      const rows = await repo.listFarmPayments(db, scope === null ? {} : { koperasiId: scope });
      return { items: await farmPaymentViews(rows, true) };
    },

    /** What a farmer organisation was paid, when, for which lot. */
    async myFarmPayments(principal: Principal) {
      const a = actor(principal);
      const rows = a.organisationId
        ? await repo.listFarmPayments(db, { farmerOrganisationId: a.organisationId })
        : [];
      return {
        items: await farmPaymentViews(rows, false),
        totals: {
          kg: kg(rows.reduce((s, r) => s + r.grams, 0)),
          amount: rows.reduce((s, r) => s + r.amount, 0),
        },
      };
    },

    // ---------------------------------------------------------------- price transparency
    /**
     * Per harvest lot: what the farmer was paid (farm-gate payments, weighted by kg) and what a BUMD
     * paid for it (the order line that carried it, latest receipt first). Organisations only.
     */
    async lotPrices(lgtins: string[]) {
      const unique = [...new Set(lgtins)];
      const out = new Map<
        string,
        {
          farmGate: { pricePerKg: number; paidOn: string } | null;
          purchase: { pricePerKg: number; buyer: string; receivedOn: string } | null;
        }
      >();
      if (!unique.length) return out;
      const [payments, carried] = await Promise.all([
        repo.listFarmPayments(db, { lots: unique }),
        repo.dispatchesOfLots(db, unique),
      ]);
      const buyers = await names(carried.map((c) => c.buyerOrganisationId));
      for (const lgtin of unique) {
        const paid = payments.filter((p) => p.lotLgtin === lgtin);
        const grams = paid.reduce((s, p) => s + p.grams, 0);
        const bought = carried
          .filter((c) => c.lot === lgtin && c.receivedAt && (c.acceptedGrams ?? 0) > 0)
          .sort((x, y) => (y.receivedAt as Date).getTime() - (x.receivedAt as Date).getTime())[0];
        out.set(lgtin, {
          farmGate: grams
            ? {
                pricePerKg: Math.round((paid.reduce((s, p) => s + p.amount, 0) * 1000) / grams),
                paidOn: paid
                  .map((p) => p.paidOn)
                  .sort()
                  .at(-1) as string,
              }
            : null,
          purchase: bought
            ? {
                pricePerKg: bought.pricePerKg,
                buyer: buyers.get(bought.buyerOrganisationId) ?? "",
                receivedOn: jakartaDate(bought.receivedAt as Date),
              }
            : null,
        });
      }
      return out;
    },

    /** The latest Jakarta retail median of a commodity (markets observed within a week of the latest day). */
    retailPriceJakarta: latestRetailJakarta,

    // ---------------------------------------------------------------- dashboards
    async dashboard(principal: Principal) {
      const a = actor(principal);
      const scope = scopeOf(principal);
      const org = a.organisationId ? await organisation(db, a.organisationId) : undefined;
      const orders = await repo.listOrders(db, { organisationId: scope });
      const ids = orders.map((o) => o.id);
      const [lines, sent, invoices, contracts] = await Promise.all([
        repo.linesOf(db, ids),
        repo.dispatchesOf(db, ids),
        repo.invoicesOfOrders(db, ids),
        repo.listContracts(db, scope),
      ]);
      const day = today();
      const figures = (mine: OrderRow[]) => {
        const oid = new Set(mine.map((o) => o.id));
        const ls = lines.filter((l) => oid.has(l.orderId));
        const ds = sent.filter((d) => oid.has(d.orderId));
        const delivered = ds.reduce((s, d) => s + (d.acceptedGrams ?? 0), 0);
        const value = ds.reduce((s, d) => {
          const line = ls.find((l) => l.orderId === d.orderId && l.lineNo === d.orderLineNo);
          return s + amountOf(d.acceptedGrams ?? 0, line?.pricePerKg ?? 0);
        }, 0);
        const done = mine.filter((o) => o.deliveredAt);
        const onTime = done.filter((o) => jakartaDate(o.deliveredAt as Date) <= o.deliverBy).length;
        const inv = invoices.filter((i) => oid.has(i.orderId));
        return {
          orders: mine.length,
          openOrders: mine.filter((o) =>
            ["sent", "accepted", "partially_accepted", "dispatched"].includes(o.status),
          ).length,
          orderedKg: kg(ls.reduce((s, l) => s + l.quantityGrams, 0)),
          acceptedKg: kg(ls.reduce((s, l) => s + (l.acceptedGrams ?? 0), 0)),
          dispatchedKg: kg(ds.reduce((s, d) => s + d.grams, 0)),
          deliveredKg: kg(delivered),
          rejectedKg: kg(ds.reduce((s, d) => s + (d.rejectedGrams ?? 0), 0)),
          averagePricePaid: delivered ? Math.round((value * 1000) / delivered) : null,
          onTimeRate: done.length ? Math.round((onTime / done.length) * 1000) / 10 : null,
          invoicedAmount: inv.reduce((s, i) => s + i.amount, 0),
          paidAmount: inv.filter((i) => i.status === "paid").reduce((s, i) => s + i.amount, 0),
          outstandingAmount: inv.filter((i) => i.status === "issued").reduce((s, i) => s + i.amount, 0),
        };
      };
      const committedKg = (c: ContractRow) => {
        const periods = periodsOf(c.startDate, c.endDate, c.period).filter((p) => p.start <= day);
        return kg(periods.length * c.volumeGramsPerPeriod);
      };

      const buying = scope === null ? orders : orders.filter((o) => o.buyerOrganisationId === scope);
      const isBuyer = org?.kind === "bumd" || scope === null;
      let buyer = null;
      if (
        isBuyer &&
        buying.length + contracts.filter((c) => scope === null || c.buyerOrganisationId === scope).length > 0
      ) {
        const supplierIds = [
          ...new Set([
            ...buying.map((o) => o.supplierOrganisationId),
            ...contracts
              .filter((c) => scope === null || c.buyerOrganisationId === scope)
              .map((c) => c.supplierOrganisationId),
          ]),
        ];
        const supplierNames = await names(supplierIds);
        const bySupplier = supplierIds.map((sid) => {
          const cs = contracts.filter(
            (c) => c.supplierOrganisationId === sid && (scope === null || c.buyerOrganisationId === scope),
          );
          return {
            supplier: { id: sid, name: supplierNames.get(sid) ?? "" },
            activeContracts: cs.filter((c) => c.status === "active").length,
            committedKg: cs
              .filter((c) => c.status === "active" || c.status === "ended")
              .reduce((s, c) => s + committedKg(c), 0),
            ...figures(buying.filter((o) => o.supplierOrganisationId === sid)),
          };
        });
        const codes = [
          ...new Set(lines.filter((l) => buying.some((o) => o.id === l.orderId)).map((l) => l.commodityCode)),
        ];
        const byCommodity = await Promise.all(
          codes.map(async (code) => {
            const ofCode = buying.filter((o) =>
              lines.some((l) => l.orderId === o.id && l.commodityCode === code),
            );
            const f = figures(ofCode);
            const refs = await referencePrices(code);
            const ref = ["HPP", "HET", "HAP"]
              .map((k) => {
                const p = effectivePrice({ kind: "reference", reference: k as "HPP" }, day, {
                  referencePrices: refs,
                });
                return p.ok ? { kind: k, pricePerKg: p.pricePerKg } : null;
              })
              .find(Boolean);
            return {
              commodity: await commodity(code),
              deliveredKg: f.deliveredKg,
              averagePricePaid: f.averagePricePaid,
              reference: ref ?? null,
              jakartaWholesale: await marketIndex(code, "31", "wholesale", day, 30),
            };
          }),
        );
        buyer = { totals: figures(buying), bySupplier, byCommodity };
      }

      let supplier = null;
      if (scope === null || (org && isSupplier(org))) {
        const selling = scope === null ? orders : orders.filter((o) => o.supplierOrganisationId === scope);
        const offers = await repo.listOffers(db, { organisationId: scope });
        const farm = scope === null ? [] : await repo.listFarmPayments(db, { koperasiId: scope });
        supplier = {
          totals: figures(selling),
          offers: {
            open: offers.filter((o) => o.status === "open").length,
            openKg: kg(offers.filter((o) => o.status === "open").reduce((s, o) => s + o.remainingGrams, 0)),
            total: offers.length,
          },
          ordersByStatus: Object.fromEntries(
            [...new Set(selling.map((o) => o.status))].map((s) => [
              s,
              selling.filter((o) => o.status === s).length,
            ]),
          ),
          activeContracts: contracts.filter(
            (c) => c.status === "active" && (scope === null || c.supplierOrganisationId === scope),
          ).length,
          proposedContracts: contracts.filter(
            (c) => c.status === "proposed" && (scope === null || c.supplierOrganisationId === scope),
          ).length,
          farmPayments: {
            count: farm.length,
            kg: kg(farm.reduce((s, p) => s + p.grams, 0)),
            amount: farm.reduce((s, p) => s + p.amount, 0),
          },
        };
      }
      return { organisation: org ? { id: org.id, name: org.name, kind: org.kind } : null, buyer, supplier };
    },
  };
}

export type ProcurementService = ReturnType<typeof createProcurementService>;
