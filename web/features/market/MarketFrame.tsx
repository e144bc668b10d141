import { Suspense } from "react";
import { Outlet } from "react-router";
import { usePreferences } from "../../lib/preferences.tsx";
import { MarketMountContext } from "./base.ts";
import { MarketBar } from "./parts.tsx";
import "./market.css";

const APP_MOUNT = { base: "/pasar", embedded: false } as const;

/** Every storefront page inside the app: the market's own bar (my orders, cart) above the page. */
export function MarketFrame() {
  const { t } = usePreferences();
  return (
    <MarketMountContext.Provider value={APP_MOUNT}>
      <div className="market">
        <MarketBar />
        {/* Moving between market pages keeps the bar; only the page waits for its chunk. */}
        <Suspense
          fallback={
            <p className="loading page-loading" aria-busy="true">
              <span className="spinner" aria-hidden="true" />
              {t("app.loading")}
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </div>
    </MarketMountContext.Provider>
  );
}
