// Marketplace orders as buyers, sellers, partners and event listeners read them, and what checkout takes.
import type { Transaction } from "../../db/client";
import {
  allowedActions,
  type OrderAction,
  type OrderActor,
  type OrderStatus,
  returnDeadline,
} from "./domain/status";
import type { MarketplaceDeps } from "./marketplace.context";
import type {
  FulfilmentMethod,
  marketOrderEvents,
  marketOrderItems,
  marketOrders,
  OrderSource,
  ShippingAddress,
} from "./marketplace.orders.tables";

type PaymentsService = MarketplaceDeps["payments"];
/** The payments module's view of an intent, as its service returns it. */
export type OrderPayment = Awaited<ReturnType<PaymentsService["createIntent"]>>;

export type Buyer =
  | { kind: "user"; userId: string; name: string }
  | { kind: "partner"; clientId: string; externalUserId: string; name: string };

export interface CheckoutItem {
  variantId?: string | undefined;
  productId?: string | undefined;
  quantity: number;
}

export interface CheckoutInput {
  items: CheckoutItem[];
  shippingAddress: ShippingAddress;
  note?: string | undefined;
}

export const ORDER_EVENT_TYPES = [
  "order.created",
  "order.paid",
  "order.packed",
  "order.shipped",
  "order.delivered",
  "order.completed",
  "order.cancelled",
  "order.refunded",
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

export interface OrderView {
  id: string;
  number: string;
  status: OrderStatus;
  seller: { id: string; name: string; slug: string };
  buyer: { name: string };
  items: {
    productId: string;
    variantId: string;
    name: string;
    variantName: string;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
    weightGrams: number;
    lotEpc: string | null;
  }[];
  subtotal: number;
  shippingFee: number;
  total: number;
  weightGrams: number;
  shippingAddress: ShippingAddress;
  note: string | null;
  fulfilment: {
    method: FulfilmentMethod;
    courierName: string | null;
    trackingNumber: string | null;
    shipmentId: string | null;
    shipmentNumber: string | null;
    shipmentStatus: string | null;
  } | null;
  payment: OrderPayment | null;
  history: { status: OrderStatus; action: string; actor: OrderActor; at: string; note: string | null }[];
  expiresAt: string;
  createdAt: string;
  paidAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  review: { rating: number; comment: string } | null;
  cancelReason: string | null;
  returnReason: string | null;
  returnRequestedAt: string | null;
  returnDeadline: string | null;
  returnRejectedReason: string | null;
  refundedAmount: number | null;
  receiverName: string | null;
  source: OrderSource;
  /** The partner client and its user, for orders placed through the partner API. */
  partner: { clientId: string; externalUserId: string | null } | null;
  buyerUserId: string | null;
  /** What the one asking may do now (buyer's view for buyers and partners, seller's for sellers). */
  actions: OrderAction[];
}

export interface OrderEvent {
  type: OrderEventType;
  order: OrderView;
  at: string;
}
export type OrderEventListener = (tx: Transaction, event: OrderEvent) => Promise<void>;

export type OrderRow = typeof marketOrders.$inferSelect;
export type OrderItemRow = typeof marketOrderItems.$inferSelect;
export type OrderEventRow = typeof marketOrderEvents.$inferSelect;
/**
 * Whose side of the order a view is for: what `actions` lists depends on it. `partner` is the partner
 * platform's API (and its webhooks): of the buyer's actions it offers only cancel; the partner's user
 * confirms, returns and reviews in the embedded storefront, signed in as themselves.
 */
export type Viewer = "buyer" | "seller" | "partner";

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** One order's view from its row, its items and history (in order), and its payment intent. */
export function orderView(
  r: OrderRow,
  items: readonly OrderItemRow[],
  history: readonly OrderEventRow[],
  payment: OrderPayment | null,
  viewer: Viewer,
  now: Date,
): OrderView {
  const facts = {
    status: r.status,
    deliveredAt: r.deliveredAt,
    returnRequestedAt: r.returnRequestedAt,
    reviewed: r.reviewedAt !== null,
  };
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    seller: { id: r.sellerId, name: r.sellerName, slug: r.sellerSlug },
    buyer: { name: r.buyerName },
    items: items.map((i) => ({
      productId: i.productId,
      variantId: i.variantId,
      name: i.productName,
      variantName: i.variantName,
      unitPrice: i.unitPrice,
      quantity: i.quantity,
      lineTotal: i.unitPrice * i.quantity,
      weightGrams: i.weightGrams,
      lotEpc: i.lotEpc,
    })),
    subtotal: r.subtotal,
    shippingFee: r.shippingFee,
    total: r.total,
    weightGrams: r.weightGrams,
    shippingAddress: r.shippingAddress,
    note: r.note,
    fulfilment: r.fulfilmentMethod
      ? {
          method: r.fulfilmentMethod,
          courierName: r.courierName,
          trackingNumber: r.trackingNumber,
          shipmentId: r.shipmentId,
          shipmentNumber: r.shipmentNumber,
          shipmentStatus: r.shipmentStatus,
        }
      : null,
    payment,
    history: history.map((h) => ({
      status: h.status,
      action: h.action,
      actor: h.actor,
      at: h.at.toISOString(),
      note: h.note,
    })),
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    paidAt: iso(r.paidAt),
    deliveredAt: iso(r.deliveredAt),
    completedAt: iso(r.completedAt),
    cancelledAt: iso(r.cancelledAt),
    review: r.reviewRating !== null ? { rating: r.reviewRating, comment: r.reviewComment ?? "" } : null,
    cancelReason: r.cancelReason,
    returnReason: r.returnReason,
    returnRequestedAt: iso(r.returnRequestedAt),
    returnDeadline: r.deliveredAt ? returnDeadline(r.deliveredAt).toISOString() : null,
    returnRejectedReason: r.returnRejectedReason,
    refundedAmount: r.refundedAmount,
    receiverName: r.receiverName,
    source: r.source,
    partner: r.partnerClientId ? { clientId: r.partnerClientId, externalUserId: r.externalUserId } : null,
    buyerUserId: r.buyerUserId,
    actions:
      viewer === "partner"
        ? allowedActions("buyer", facts, now).filter((a) => a === "cancel")
        : allowedActions(viewer, facts, now),
  };
}
