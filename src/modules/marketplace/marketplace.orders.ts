import type { Catalog } from "./marketplace.catalog";
import type { MarketplaceDeps } from "./marketplace.context";

// Skeleton (issue 6 in progress): checkout, reservations, payment, fulfilment, reviews, refunds.
export function createOrders(deps: MarketplaceDeps & { catalog: Catalog }) {
  return {
    deps,
    /** Releases the stock of unpaid orders past their timeout; completes delivered orders. */
    async sweep() {
      return { expired: 0, completed: 0 };
    },
  };
}
export type Orders = ReturnType<typeof createOrders>;
