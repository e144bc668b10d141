import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const SellerOrdersPage = lazy(() =>
  import("./SellerOrdersPage.tsx").then((m) => ({ default: m.SellerOrdersPage })),
);
const SellerOrderPage = lazy(() =>
  import("./SellerOrderPage.tsx").then((m) => ({ default: m.SellerOrderPage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function marketOrdersRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/toko/pesanan" element={<SellerOrdersPage />} />
      <Route path="konsol/toko/pesanan/:id" element={<SellerOrderPage />} />
    </Fragment>
  );
}
