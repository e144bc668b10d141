import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const WarehousePage = lazy(() => import("./WarehousePage.tsx").then((m) => ({ default: m.WarehousePage })));

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function warehouseRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/gudang" element={<WarehousePage />} />
      <Route path="konsol/gudang/:site" element={<WarehousePage />} />
    </Fragment>
  );
}
