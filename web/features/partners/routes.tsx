import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const PartnersPage = lazy(() => import("./PartnersPage.tsx").then((m) => ({ default: m.PartnersPage })));
const DeliveryPage = lazy(() => import("./DeliveryPage.tsx").then((m) => ({ default: m.DeliveryPage })));

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function partnersRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/mitra" element={<PartnersPage />} />
      <Route path="konsol/mitra/pengiriman/:id" element={<DeliveryPage />} />
    </Fragment>
  );
}
