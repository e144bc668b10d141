export { marketplaceRoutes } from "./marketplace.routes";
export { createMarketplaceService, type MarketplaceService } from "./marketplace.service";
