/**
 * The marketplace HTTP API as the citizen storefront uses it (src/modules/marketplace; contract in
 * docs/marketplace.md and docs/marketplace-orders.md). The web app talks HTTP only: these types mirror
 * the contract, they are not imported from the server.
 */
import { queryString, request } from "../../lib/api.ts";
import type { PaymentIntentView } from "../payments/api.ts";

export type { PaymentIntentView };

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

/** What someone may do to an order now; the server lists the buyer's in `OrderView.actions`. */
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

/** The road an order takes when nothing goes wrong, in order. */
export const ORDER_FLOW: readonly OrderStatus[] = [
  "menunggu_pembayaran",
  "dibayar",
  "dikemas",
  "dikirim",
  "diterima",
  "selesai",
];

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "popular"] as const;
export type Sort = (typeof SORTS)[number];

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  productCount: number;
}

export interface MarketPhoto {
  url: string;
  alt: string;
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  category: { code: string; name: string };
  /** Integer rupiah of the default variant (the first one). */
  price: number;
  /** The dearest variant's price (equal to `price` with one variant). */
  priceMax: number;
  stock: number;
  unitLabel: string;
  photo: MarketPhoto | null;
  seller: { id: string; slug: string; name: string; regencyName: string };
  traceable: boolean;
  rating: { average: number | null; count: number };
  soldCount: number;
}

export interface Variant {
  id: string;
  name: string;
  price: number;
  stock: number;
  weightGrams: number;
  sku: string | null;
}

export interface Review {
  rating: number;
  comment: string;
  buyerName: string;
  createdAt: string;
}

export interface SellerCredentials {
  id: string;
  slug: string;
  name: string;
  regencyName: string;
  nib: string;
  halalNumber: string | null;
  pirtNumber: string | null;
  verified: boolean;
}

export interface ProductDetail extends Omit<ProductSummary, "seller"> {
  description: string;
  variants: Variant[];
  photos: MarketPhoto[];
  origin: { regionCode: string; regionName: string };
  lot: { epc: string; tracePath: string } | null;
  seller: SellerCredentials;
  reviews: Review[];
}

/** `GET /api/v1/market/sellers/{slug}`: a verified seller's storefront with a first page of products. */
export interface Storefront {
  id: string;
  slug: string;
  name: string;
  description: string;
  regionCode: string;
  regencyName: string;
  nib: string;
  halalNumber: string | null;
  pirtNumber: string | null;
  verified: boolean;
  since: string;
  products: { items: ProductSummary[]; total: number };
}

export interface SearchParams {
  q?: string;
  category?: string;
  seller?: string;
  regency?: string;
  traceable?: boolean;
  minPrice?: number;
  maxPrice?: number;
  sort?: Sort;
  limit?: number;
  offset?: number;
}

export interface ShippingAddress {
  name: string;
  phone: string;
  address: string;
  regionCode: string;
  postalCode?: string;
}

export interface OrderItemInput {
  variantId?: string;
  productId?: string;
  quantity: number;
}

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
    method: "courier" | "corridor";
    courierName: string | null;
    trackingNumber: string | null;
    shipmentId: string | null;
    shipmentNumber: string | null;
    shipmentStatus: string | null;
  } | null;
  payment: PaymentIntentView | null;
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
  /** The caller's possible actions now, buyer's or seller's (the server's order workflow decides). */
  actions: OrderAction[];
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

const BASE = "/api/v1/market";
const enc = encodeURIComponent;

function searchQuery(params: SearchParams): string {
  return queryString({
    q: params.q,
    category: params.category,
    seller: params.seller,
    regency: params.regency,
    traceable: params.traceable ? "true" : undefined,
    minPrice: params.minPrice,
    maxPrice: params.maxPrice,
    sort: params.sort,
    limit: params.limit,
    offset: params.offset,
  });
}

export const marketApi = {
  categories: () => request<{ items: Category[] }>("GET", `${BASE}/categories`),
  search: (params: SearchParams) =>
    request<{ items: ProductSummary[]; total: number; totalCapped: boolean }>(
      "GET",
      `${BASE}/products${searchQuery(params)}`,
    ),
  product: (idOrSlug: string) => request<ProductDetail>("GET", `${BASE}/products/${enc(idOrSlug)}`),
  storefront: (slug: string) => request<Storefront>("GET", `${BASE}/sellers/${enc(slug)}`),
  shippingQuote: (items: { variantId: string; quantity: number }[], regionCode: string) =>
    request<{ weightGrams: number; fee: number; etaDays: number; etaDaysMin: number; subtotal: number }>(
      "POST",
      `${BASE}/shipping-quote`,
      { items, regionCode },
    ),
  createOrder: (
    body: { items: OrderItemInput[]; shippingAddress: ShippingAddress; note?: string },
    idempotencyKey: string,
  ) => request<OrderView>("POST", `${BASE}/orders`, body, { "Idempotency-Key": idempotencyKey }),
  myOrders: (limit = 20, offset = 0) =>
    request<{ items: OrderView[]; total: number }>("GET", `${BASE}/orders${queryString({ limit, offset })}`),
  order: (id: string) => request<OrderView>("GET", `${BASE}/orders/${enc(id)}`),
  cancel: (id: string, reason: string) =>
    request<OrderView>("POST", `${BASE}/orders/${enc(id)}/cancel`, { reason }),
  confirm: (id: string) => request<OrderView>("POST", `${BASE}/orders/${enc(id)}/confirm`, {}),
  review: (id: string, rating: number, comment: string) =>
    request<OrderView>("POST", `${BASE}/orders/${enc(id)}/review`, { rating, comment }),
  requestReturn: (id: string, reason: string) =>
    request<OrderView>("POST", `${BASE}/orders/${enc(id)}/return`, { reason }),
  region: (code: string) => request<Region>("GET", `/api/v1/regions/${enc(code)}`),
  regions: (params: { level?: string; parent?: string }) =>
    request<{ items: Region[] }>("GET", `/api/v1/regions${queryString(params)}`),
  /** Trades a partner's single-use embed token for a session cookie (JAKI's storefront). */
  exchangeEmbedToken: (token: string) =>
    request<{ session: unknown }>("POST", "/api/v1/embed/exchange", { token }),
};
