import { lazy, type ReactElement } from "react";
import { Route } from "react-router";

const ImportPricesPage = lazy(() =>
  import("./ImportPricesPage.tsx").then((m) => ({ default: m.ImportPricesPage })),
);

/** This feature's page, mounted by routes/AppRoutes.tsx inside the app layout. */
export function pricesImportRoutes(): ReactElement {
  return <Route path="konsol/harga/impor" element={<ImportPricesPage />} />;
}
