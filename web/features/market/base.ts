import { createContext, useContext } from "react";

/**
 * Where the storefront is mounted: `/pasar` inside the app, or `/embed/pasar` inside a partner's app
 * (JAKI), whose session came from a token and which has no sign-in of its own. The pages are the same;
 * they build every link from this.
 */
export interface MarketMount {
  base: string;
  embedded: boolean;
}

export const MarketMountContext = createContext<MarketMount>({ base: "/pasar", embedded: false });

export function useMarketMount(): MarketMount {
  return useContext(MarketMountContext);
}

/** A storefront path under the current mount: `usePath()("/keranjang")` → `/pasar/keranjang`. */
export function useMarketPath(): (path?: string) => string {
  const { base } = useMarketMount();
  return (path = "") => `${base}${path}`;
}
