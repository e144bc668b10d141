import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const ShipmentsPage = lazy(() => import("./ShipmentsPage.tsx").then((m) => ({ default: m.ShipmentsPage })));
const NewShipmentPage = lazy(() =>
  import("./NewShipmentPage.tsx").then((m) => ({ default: m.NewShipmentPage })),
);
const PackingPage = lazy(() => import("./PackingPage.tsx").then((m) => ({ default: m.PackingPage })));
const ReportsPage = lazy(() => import("./ReportsPage.tsx").then((m) => ({ default: m.ReportsPage })));
const ShipmentPage = lazy(() => import("./ShipmentPage.tsx").then((m) => ({ default: m.ShipmentPage })));
const HubConsolePage = lazy(() =>
  import("./HubConsolePage.tsx").then((m) => ({ default: m.HubConsolePage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function shipmentsRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/pengiriman" element={<ShipmentsPage />} />
      <Route path="konsol/pengiriman/baru" element={<NewShipmentPage />} />
      <Route path="konsol/pengiriman/kemas" element={<PackingPage />} />
      <Route path="konsol/pengiriman/laporan" element={<ReportsPage />} />
      <Route path="konsol/pengiriman/:id" element={<ShipmentPage />} />
      <Route path="konsol/hub" element={<HubConsolePage />} />
    </Fragment>
  );
}
