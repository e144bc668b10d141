export { CATEGORIES } from "./domain/categories";
export type {
  ProductDetail,
  ProductSummary,
  SearchQuery,
  SellerForOrders,
  VariantForOrder,
} from "./marketplace.catalog";
export type { Buyer, OrderEvent, OrderEventType, OrderView } from "./marketplace.orders";
export { marketplaceRoutes } from "./marketplace.routes";
export { createMarketplaceService, type MarketplaceService } from "./marketplace.service";
