import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const InboxPage = lazy(() => import("./InboxPage.tsx").then((m) => ({ default: m.InboxPage })));
const StatsPage = lazy(() => import("./StatsPage.tsx").then((m) => ({ default: m.StatsPage })));
const ReportPage = lazy(() => import("./ReportPage.tsx").then((m) => ({ default: m.ReportPage })));

/** The agency console for Lapor, mounted by routes/AppRoutes.tsx inside the app layout. */
export function laporConsoleRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/lapor" element={<InboxPage />} />
      <Route path="konsol/lapor/statistik" element={<StatsPage />} />
      <Route path="konsol/lapor/:id" element={<ReportPage />} />
    </Fragment>
  );
}
