import type { MarketplaceDeps } from "./marketplace.context";

// Skeleton (issue 6 in progress): sellers, products, variants, photos, search.
export function createCatalog(deps: MarketplaceDeps) {
  return { deps };
}
export type Catalog = ReturnType<typeof createCatalog>;
