import { createCatalog } from "./marketplace.catalog";
import type { MarketplaceDeps } from "./marketplace.context";
import { createOrders } from "./marketplace.orders";

export type { MarketplaceDeps } from "./marketplace.context";

/** The UMKM marketplace: its catalogue (sellers, products, search) and its orders. */
export function createMarketplaceService(deps: MarketplaceDeps) {
  const catalog = createCatalog(deps);
  const orders = createOrders({ ...deps, catalog });
  return { catalog, orders };
}
export type MarketplaceService = ReturnType<typeof createMarketplaceService>;
