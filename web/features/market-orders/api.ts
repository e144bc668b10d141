/** The shop's side of marketplace orders (`/api/v1/market/seller/orders`), as the seller console uses it. */
import { request as call, queryString as query } from "../../lib/api.ts";

// The order as the server shows it is the storefront's type; the seller's view differs only in `actions`.
export {
  ORDER_STATUSES,
  type OrderAction,
  type OrderStatus,
  type OrderView as Order,
} from "../market/api.ts";

import type { OrderView as Order, OrderStatus } from "../market/api.ts";

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
