import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables";
import type { OrderActor, OrderStatus } from "./domain/status";

export interface ShippingAddress {
  name: string;
  phone: string;
  address: string;
  regionCode: string;
  postalCode?: string | undefined;
}

export type OrderSource = "web" | "partner";
export type FulfilmentMethod = "courier" | "corridor";
export type ReservationStatus = "held" | "committed" | "released";

/**
 * Marketplace orders: one buyer, one seller. The seller's name, city and organisation are copied in at
 * checkout so an order reads the same after the shop changes, and seller scoping needs no join.
 */
export const marketOrders = pgTable(
  "market_orders",
  {
    /** `ord_…` */
    id: text("id").primaryKey(),
    /** PSR-2026-000123, what buyers and sellers quote. */
    number: text("number").notNull().unique(),
    buyerKind: text("buyer_kind").$type<"user" | "partner">().notNull(),
    buyerUserId: text("buyer_user_id").references(() => users.id, { onDelete: "set null" }),
    partnerClientId: text("partner_client_id"),
    externalUserId: text("external_user_id"),
    /** `user:<userId>` or `partner:<clientId>:<externalUserId>`: the key idempotency is unique within. */
    buyerKey: text("buyer_key").notNull(),
    buyerName: text("buyer_name").notNull(),
    sellerId: text("seller_id").notNull(),
    sellerOrganisationId: text("seller_organisation_id").notNull(),
    sellerName: text("seller_name").notNull(),
    sellerSlug: text("seller_slug").notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    subtotal: integer("subtotal").notNull(),
    shippingFee: integer("shipping_fee").notNull(),
    total: integer("total").notNull(),
    weightGrams: integer("weight_grams").notNull(),
    shippingAddress: jsonb("shipping_address").$type<ShippingAddress>().notNull(),
    note: text("note"),
    fulfilmentMethod: text("fulfilment_method").$type<FulfilmentMethod>(),
    courierName: text("courier_name"),
    trackingNumber: text("tracking_number"),
    shipmentId: text("shipment_id"),
    shipmentNumber: text("shipment_number"),
    shipmentStatus: text("shipment_status"),
    receiverName: text("receiver_name"),
    paymentIntentId: text("payment_intent_id").notNull(),
    /** Unpaid past this, the sweep cancels the order and gives the stock back. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    packedAt: timestamp("packed_at", { withTimezone: true }),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: text("cancelled_by").$type<OrderActor>(),
    cancelReason: text("cancel_reason"),
    returnRequestedAt: timestamp("return_requested_at", { withTimezone: true }),
    returnReason: text("return_reason"),
    returnRejectedReason: text("return_rejected_reason"),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
    refundedAmount: integer("refunded_amount"),
    payoutId: text("payout_id"),
    /** One review per order covers each of its products (written to the catalogue's reviews). */
    reviewRating: integer("review_rating"),
    reviewComment: text("review_comment"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    source: text("source").$type<OrderSource>().notNull(),
    /** The checkout's Idempotency-Key: the same key from the same buyer returns the same order. */
    idempotencyKey: text("idempotency_key"),
    /** SHA-256 of the checkout body, so a reused key with another cart is refused, not misread. */
    requestHash: text("request_hash"),
  },
  (t) => [
    unique("market_orders_idempotency").on(t.buyerKey, t.idempotencyKey),
    index("market_orders_buyer_idx").on(t.buyerKey, t.createdAt),
    index("market_orders_partner_idx").on(t.partnerClientId, t.createdAt),
    index("market_orders_seller_idx").on(t.sellerOrganisationId, t.status, t.createdAt),
    index("market_orders_unpaid_idx").on(t.expiresAt).where(sql`${t.status} = 'menunggu_pembayaran'`),
    index("market_orders_delivered_idx").on(t.deliveredAt).where(sql`${t.status} = 'diterima'`),
    check("market_orders_total", sql`${t.total} = ${t.subtotal} + ${t.shippingFee}`),
    check("market_orders_review_rating", sql`${t.reviewRating} is null or ${t.reviewRating} between 1 and 5`),
  ],
);

/** What was bought, as it was at checkout (names and prices may change later). */
export const marketOrderItems = pgTable(
  "market_order_items",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => marketOrders.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    productId: text("product_id").notNull(),
    variantId: text("variant_id").notNull(),
    productName: text("product_name").notNull(),
    variantName: text("variant_name").notNull(),
    unitPrice: integer("unit_price").notNull(),
    quantity: integer("quantity").notNull(),
    weightGrams: integer("weight_grams").notNull(),
    lotEpc: text("lot_epc"),
  },
  (t) => [
    index("market_order_items_order_idx").on(t.orderId, t.position),
    check("market_order_items_quantity", sql`${t.quantity} >= 1`),
  ],
);

/**
 * Stock taken from a variant for an order: `held` from checkout until payment (or expiry), then
 * `committed` (sold) or `released` (given back). Written in the checkout transaction together with the
 * order and the stock decrement, so an order never exists without its reservation.
 */
export const marketStockReservations = pgTable(
  "market_stock_reservations",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => marketOrders.id, { onDelete: "cascade" }),
    variantId: text("variant_id").notNull(),
    productId: text("product_id").notNull(),
    quantity: integer("quantity").notNull(),
    status: text("status").$type<ReservationStatus>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("market_stock_reservations_order_idx").on(t.orderId),
    index("market_stock_reservations_variant_idx").on(t.variantId, t.status),
    check("market_stock_reservations_quantity", sql`${t.quantity} >= 1`),
  ],
);

/** Every step of an order, for its history and the audit of who moved it. */
export const marketOrderEvents = pgTable(
  "market_order_events",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => marketOrders.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    actor: text("actor").$type<OrderActor>().notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("market_order_events_order_idx").on(t.orderId, t.at)],
);

/** Order numbers per year (PSR-2026-000123), taken outside the checkout transaction like a sequence. */
export const marketOrderCounters = pgTable("market_order_counters", {
  year: integer("year").primaryKey(),
  value: integer("value").notNull(),
});
