import type { Transaction } from "../../db/client";

/**
 * What the partner module uses of the marketplace, as the trade contract defines it. Written as an
 * interface of our own so this module states exactly what it depends on; the marketplace service
 * satisfies it structurally.
 */

export interface MarketProductSummary {
  id: string;
  slug: string;
  name: string;
  category: { code: string; name: string };
  price: number;
  priceMax: number;
  stock: number;
  unitLabel: string;
  photo: { url: string; alt: string } | null;
  seller: { id: string; slug: string; name: string; regencyName: string | null };
  traceable: boolean;
  rating: { average: number | null; count: number };
  soldCount: number;
}

export interface MarketVariant {
  id: string;
  name: string;
  price: number;
  stock: number;
  weightGrams: number;
  sku: string | null;
}

export interface MarketProductDetail extends MarketProductSummary {
  description: string;
  variants: MarketVariant[];
  photos: { url: string; alt: string }[];
  origin: { regionCode: string; regionName: string } | null;
  lot: { epc: string; tracePath: string | null } | null;
}

export interface MarketPaymentView {
  id: string;
  amount: number;
  status: string;
  qrisPayload: string;
  qrImageUrl: string;
  expiresAt: string;
  paidAt: string | null;
}

export interface MarketOrderView {
  id: string;
  number: string;
  status: string;
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
    lotEpc: string | null;
  }[];
  subtotal: number;
  shippingFee: number;
  total: number;
  shippingAddress: {
    name: string;
    phone: string;
    address: string;
    regionCode: string;
    postalCode?: string | null;
  };
  fulfilment: {
    method: string;
    courierName: string | null;
    trackingNumber: string | null;
    shipmentId: string | null;
    shipmentNumber: string | null;
  } | null;
  payment: MarketPaymentView | null;
  history: { status: string; at: string; note: string | null }[];
  expiresAt: string;
  createdAt: string;
  cancelReason: string | null;
  source: "web" | "partner";
  /** Not in every version of the view: the partner client and its user, when the order is a partner's. */
  partner?: { clientId: string; externalUserId: string | null } | null;
  buyerUserId?: string | null;
}

export type MarketBuyer =
  | { kind: "user"; userId: string; name: string }
  | { kind: "partner"; clientId: string; externalUserId: string; name: string };

export interface MarketOrderInput {
  items: { variantId?: string; productId?: string; quantity: number }[];
  shippingAddress: { name: string; phone: string; address: string; regionCode: string; postalCode?: string };
  note?: string;
}

export type MarketOrderEventType =
  | "order.created"
  | "order.paid"
  | "order.packed"
  | "order.shipped"
  | "order.delivered"
  | "order.completed"
  | "order.cancelled"
  | "order.refunded";

export interface MarketOrderEvent {
  type: MarketOrderEventType;
  order: MarketOrderView;
  at: string;
}

export interface PartnerMarket {
  catalog: {
    search(query: {
      q?: string;
      category?: string;
      limit?: number;
      offset?: number;
    }): Promise<{ items: MarketProductSummary[]; total: number; totalCapped: boolean }>;
    getProduct(idOrSlug: string, tx?: Transaction): Promise<MarketProductDetail | null>;
    variantsOf(productIds: string[]): Promise<Map<string, MarketVariant[]>>;
  };
  orders: {
    create(
      buyer: MarketBuyer,
      input: MarketOrderInput,
      opts?: { inTransaction?: (tx: Transaction, order: MarketOrderView) => Promise<void> },
    ): Promise<MarketOrderView>;
    getForPartner(clientId: string, orderId: string): Promise<MarketOrderView>;
    cancelForPartner(clientId: string, orderId: string, reason: string): Promise<MarketOrderView>;
    listForPartner(
      clientId: string,
      query: { externalUserId?: string; limit: number; offset: number },
    ): Promise<{ items: MarketOrderView[]; total: number }>;
    onEvent(listener: (tx: Transaction, event: MarketOrderEvent) => Promise<void>): void;
  };
}
