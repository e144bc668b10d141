import { lazy, type ReactElement } from "react";
import { Route } from "react-router";

const PriceBoardPage = lazy(() =>
  import("./PriceBoardPage.tsx").then((m) => ({ default: m.PriceBoardPage })),
);

/** This feature's page, mounted by routes/AppRoutes.tsx inside the app layout. `/harga` is public. */
export function pricesBoardRoutes(): ReactElement {
  return <Route path="harga" element={<PriceBoardPage />} />;
}
