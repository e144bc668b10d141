import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const LotsPage = lazy(() => import("./LotsPage.tsx").then((m) => ({ default: m.LotsPage })));
const DeclareLotPage = lazy(() =>
  import("./DeclareLotPage.tsx").then((m) => ({ default: m.DeclareLotPage })),
);
const LotPage = lazy(() => import("./LotPage.tsx").then((m) => ({ default: m.LotPage })));

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function lotsRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/lot" element={<LotsPage />} />
      <Route path="konsol/lot/baru" element={<DeclareLotPage />} />
      <Route path="konsol/lot/:id" element={<LotPage />} />
    </Fragment>
  );
}
