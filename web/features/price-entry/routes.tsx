import { lazy, type ReactElement } from "react";
import { Route } from "react-router";

const PriceEntryPage = lazy(() =>
  import("./PriceEntryPage.tsx").then((m) => ({ default: m.PriceEntryPage })),
);

/** This feature's page, mounted by routes/AppRoutes.tsx inside the app layout. */
export function priceEntryRoutes(): ReactElement {
  return <Route path="konsol/harga/catat" element={<PriceEntryPage />} />;
}
