/** The shop's side of marketplace orders (`/api/v1/market/seller/orders`), as the seller console uses it. */
import { request as call, queryString as query } from "../../lib/api.ts";

export const ORDER_STATUSES = [
  "menunggu_pembayaran",
  "dibayar",
  "dikemas",
  "dikirim",
  "diterima",
  "selesai",
  "dibatalkan",
  "dikembalikan",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction =
  | "pay"
  | "pack"
  | "ship"
  | "deliver"
  | "confirm"
  | "cancel"
  | "expire"
  | "request_return"
  | "reject_return"
  | "accept_return"
  | "complete"
  | "review";

export interface OrderItem {
  productId: string;
  variantId: string;
  name: string;
  variantName: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  weightGrams: number;
  lotEpc: string | null;
}

export interface Order {
  id: string;
  number: string;
  status: OrderStatus;
  seller: { id: string; name: string; slug: string };
  buyer: { name: string };
  items: OrderItem[];
  subtotal: number;
  shippingFee: number;
  total: number;
  weightGrams: number;
  shippingAddress: { name: string; phone: string; address: string; regionCode: string; postalCode?: string };
  note: string | null;
  fulfilment: {
    method: "courier" | "corridor";
    courierName: string | null;
    trackingNumber: string | null;
    shipmentId: string | null;
    shipmentNumber: string | null;
    shipmentStatus: string | null;
  } | null;
  payment: { id: string; status: string; amount: number; paidAt: string | null; expiresAt: string } | null;
  history: {
    status: OrderStatus;
    action: string;
    actor: "buyer" | "seller" | "system";
    at: string;
    note: string | null;
  }[];
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
  source: "web" | "partner";
  actions: OrderAction[];
}

export interface SellerOrderPage {
  items: Order[];
  total: number;
  counts: Partial<Record<OrderStatus, number>>;
}

export interface ShipBody {
  method: "courier" | "corridor";
  courierName?: string;
  trackingNumber?: string;
  shipmentId?: string;
}

/** A corridor shipment the shop sends (for shipping an order in it). */
export interface OwnShipment {
  id: string;
  number: string;
  status: string;
  receiver: { name: string };
  destination: { name: string | null };
}

const base = "/api/v1/market/seller/orders";
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const marketOrdersApi = {
  list: (status: OrderStatus | undefined, offset = 0) =>
    call<SellerOrderPage>("GET", `${base}${query({ status, limit: 50, offset })}`),
  get: (id: string) => call<Order>("GET", at(id)),
  pack: (id: string) => call<Order>("POST", `${at(id)}/pack`),
  ship: (id: string, body: ShipBody) => call<Order>("POST", `${at(id)}/ship`, body),
  deliver: (id: string, receiverName: string) =>
    call<Order>("POST", `${at(id)}/deliver`, receiverName ? { receiverName } : {}),
  cancel: (id: string, reason: string) => call<Order>("POST", `${at(id)}/cancel`, { reason }),
  refund: (id: string, reason: string) => call<Order>("POST", `${at(id)}/refund`, reason ? { reason } : {}),
  rejectReturn: (id: string, reason: string) => call<Order>("POST", `${at(id)}/reject-return`, { reason }),
  ownShipments: () =>
    call<{ items: OwnShipment[] }>("GET", `/api/v1/shipments${query({ role: "sent", limit: 25 })}`),
};
