import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const FinancePage = lazy(() => import("./FinancePage.tsx").then((m) => ({ default: m.FinancePage })));
const SandboxQrisPage = lazy(() =>
  import("./SandboxQrisPage.tsx").then((m) => ({ default: m.SandboxQrisPage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function paymentsRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/keuangan" element={<FinancePage />} />
      <Route path="sandbox/qris" element={<SandboxQrisPage />} />
    </Fragment>
  );
}
