import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../identity/identity.tables";
import type { PriceRule } from "./domain/pricing";

/** Tables of the procurement module: BUMD buying from Lampung's koperasi, gapoktan and BUMDs. */

export const OFFER_STATUSES = ["open", "closed", "withdrawn"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const CONTRACT_STATUSES = ["proposed", "active", "ended", "cancelled"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const ORDER_STATUSES = [
  "sent",
  "accepted",
  "partially_accepted",
  "declined",
  "cancelled",
  "dispatched",
  "delivered",
  "invoiced",
  "paid",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const FARM_PAYMENT_METHODS = ["cash", "bank_transfer", "e_wallet"] as const;
export type FarmPaymentMethod = (typeof FARM_PAYMENT_METHODS)[number];

/** Document numbers per kind and month (PO, contract, invoice). */
export const procurementSequences = pgTable("procurement_sequences", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});

/** A supplier's standing offer: so much of a commodity at a price, in a window, from a place. */
export const procurementOffers = pgTable(
  "procurement_offers",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    commodityCode: text("commodity_code").notNull(),
    grade: text("grade").notNull(),
    quantityGrams: bigint("quantity_grams", { mode: "number" }).notNull(),
    remainingGrams: bigint("remaining_grams", { mode: "number" }).notNull(),
    pricePerKg: integer("price_per_kg").notNull(),
    availableFrom: date("available_from", { mode: "string" }).notNull(),
    availableUntil: date("available_until", { mode: "string" }).notNull(),
    pickupSiteCode: text("pickup_site_code"),
    pickupRegencyCode: text("pickup_regency_code"),
    pickupAddress: text("pickup_address"),
    /** LGTINs of the supplier's own declared harvest lots behind the offer. */
    lotLgtins: jsonb("lot_lgtins").$type<string[]>().notNull(),
    notes: text("notes"),
    status: text("status").$type<OfferStatus>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("procurement_offers_status_idx").on(t.status, t.commodityCode),
    index("procurement_offers_org_idx").on(t.organisationId),
  ],
);

export interface QualityTerms {
  text: string;
  limits: { parameter: string; max?: number | null; min?: number | null; unit: string }[];
}

/** A BUMD's supply contract with a supplier: a volume per week or month at a price rule. */
export const procurementContracts = pgTable(
  "procurement_contracts",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull().unique(),
    buyerOrganisationId: text("buyer_organisation_id")
      .notNull()
      .references(() => organisations.id),
    supplierOrganisationId: text("supplier_organisation_id")
      .notNull()
      .references(() => organisations.id),
    commodityCode: text("commodity_code").notNull(),
    grade: text("grade").notNull(),
    period: text("period").$type<"week" | "month">().notNull(),
    volumeGramsPerPeriod: bigint("volume_grams_per_period", { mode: "number" }).notNull(),
    priceRule: jsonb("price_rule").$type<PriceRule>().notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    deliverySiteCode: text("delivery_site_code").notNull(),
    quality: jsonb("quality").$type<QualityTerms>().notNull(),
    status: text("status").$type<ContractStatus>().notNull(),
    statusReason: text("status_reason"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("procurement_contracts_buyer_idx").on(t.buyerOrganisationId),
    index("procurement_contracts_supplier_idx").on(t.supplierOrganisationId),
  ],
);

/** A purchase order of a BUMD to one supplier, against an offer, a contract, or neither. */
export const procurementOrders = pgTable(
  "procurement_orders",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull().unique(),
    buyerOrganisationId: text("buyer_organisation_id")
      .notNull()
      .references(() => organisations.id),
    supplierOrganisationId: text("supplier_organisation_id")
      .notNull()
      .references(() => organisations.id),
    offerId: text("offer_id").references(() => procurementOffers.id),
    contractId: text("contract_id").references(() => procurementContracts.id),
    orderDate: date("order_date", { mode: "string" }).notNull(),
    deliverySiteCode: text("delivery_site_code").notNull(),
    deliverBy: date("deliver_by", { mode: "string" }).notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    declineReason: text("decline_reason"),
    notes: text("notes"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("procurement_orders_buyer_idx").on(t.buyerOrganisationId, t.createdAt),
    index("procurement_orders_supplier_idx").on(t.supplierOrganisationId, t.createdAt),
    index("procurement_orders_contract_idx").on(t.contractId),
  ],
);

export const procurementOrderLines = pgTable(
  "procurement_order_lines",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => procurementOrders.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    commodityCode: text("commodity_code").notNull(),
    grade: text("grade").notNull(),
    quantityGrams: bigint("quantity_grams", { mode: "number" }).notNull(),
    pricePerKg: integer("price_per_kg").notNull(),
    /** How the price was reached (offer, contract rule and its basis, or agreed). */
    priceBasis: text("price_basis").notNull(),
    acceptedGrams: bigint("accepted_grams", { mode: "number" }),
  },
  (t) => [uniqueIndex("procurement_order_lines_no_key").on(t.orderId, t.lineNo)],
);

/** What a shipment carries of an order: one row per shipment line (a lot), settled at its receipt. */
export const procurementDispatches = pgTable(
  "procurement_dispatches",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => procurementOrders.id, { onDelete: "cascade" }),
    orderLineNo: integer("order_line_no").notNull(),
    shipmentId: text("shipment_id").notNull(),
    shipmentNumber: text("shipment_number").notNull(),
    shipmentLineNo: integer("shipment_line_no").notNull(),
    lotLgtin: text("lot_lgtin").notNull(),
    grams: bigint("grams", { mode: "number" }).notNull(),
    acceptedGrams: bigint("accepted_grams", { mode: "number" }),
    rejectedGrams: bigint("rejected_grams", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }),
  },
  (t) => [
    index("procurement_dispatches_order_idx").on(t.orderId),
    index("procurement_dispatches_shipment_idx").on(t.shipmentId),
    index("procurement_dispatches_lot_idx").on(t.lotLgtin),
  ],
);

export interface InvoiceLine {
  lineNo: number;
  description: string;
  commodityCode: string;
  grade: string;
  grams: number;
  pricePerKg: number;
  amount: number;
  lots: string[];
}

/** The supplier's invoice for what the BUMD accepted at delivery; one per order. */
export const procurementInvoices = pgTable(
  "procurement_invoices",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull().unique(),
    orderId: text("order_id")
      .notNull()
      .unique()
      .references(() => procurementOrders.id),
    supplierOrganisationId: text("supplier_organisation_id")
      .notNull()
      .references(() => organisations.id),
    buyerOrganisationId: text("buyer_organisation_id")
      .notNull()
      .references(() => organisations.id),
    lines: jsonb("lines").$type<InvoiceLine[]>().notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    vatNote: text("vat_note").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: text("status").$type<"issued" | "paid">().notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    paidOn: date("paid_on", { mode: "string" }),
    paymentReference: text("payment_reference"),
    issueJournalId: text("issue_journal_id"),
    paymentJournalId: text("payment_journal_id"),
  },
  (t) => [
    index("procurement_invoices_buyer_idx").on(t.buyerOrganisationId, t.issuedAt),
    index("procurement_invoices_supplier_idx").on(t.supplierOrganisationId, t.issuedAt),
  ],
);

/** What a koperasi paid a farmer for (part of) one of its lots: the farm-gate price on record. */
export const procurementFarmPayments = pgTable(
  "procurement_farm_payments",
  {
    id: text("id").primaryKey(),
    koperasiOrganisationId: text("koperasi_organisation_id")
      .notNull()
      .references(() => organisations.id),
    lotLgtin: text("lot_lgtin").notNull(),
    lotId: text("lot_id").notNull(),
    commodityCode: text("commodity_code").notNull(),
    farmerName: text("farmer_name").notNull(),
    farmerPhone: text("farmer_phone"),
    farmerOrganisationId: text("farmer_organisation_id").references(() => organisations.id),
    grams: bigint("grams", { mode: "number" }).notNull(),
    pricePerKg: integer("price_per_kg").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    method: text("method").$type<FarmPaymentMethod>().notNull(),
    reference: text("reference"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("procurement_farm_payments_koperasi_idx").on(t.koperasiOrganisationId, t.paidOn),
    index("procurement_farm_payments_farmer_idx").on(t.farmerOrganisationId, t.paidOn),
    index("procurement_farm_payments_lot_idx").on(t.lotLgtin),
  ],
);

export type OfferRow = typeof procurementOffers.$inferSelect;
export type ContractRow = typeof procurementContracts.$inferSelect;
export type OrderRow = typeof procurementOrders.$inferSelect;
export type OrderLineRow = typeof procurementOrderLines.$inferSelect;
export type DispatchRow = typeof procurementDispatches.$inferSelect;
export type InvoiceRow = typeof procurementInvoices.$inferSelect;
export type FarmPaymentRow = typeof procurementFarmPayments.$inferSelect;
