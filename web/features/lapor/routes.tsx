import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const FeedPage = lazy(() => import("./FeedPage.tsx").then((m) => ({ default: m.FeedPage })));
const LeaguePage = lazy(() => import("./LeaguePage.tsx").then((m) => ({ default: m.LeaguePage })));
const NewReportPage = lazy(() => import("./NewReportPage.tsx").then((m) => ({ default: m.NewReportPage })));
const MyReportsPage = lazy(() => import("./MyReportsPage.tsx").then((m) => ({ default: m.MyReportsPage })));
const ReportPage = lazy(() => import("./ReportPage.tsx").then((m) => ({ default: m.ReportPage })));

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function laporRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="lapor" element={<FeedPage />} />
      <Route path="lapor/liga" element={<LeaguePage />} />
      <Route path="lapor/baru" element={<NewReportPage />} />
      <Route path="lapor/saya" element={<MyReportsPage />} />
      <Route path="lapor/:id" element={<ReportPage />} />
    </Fragment>
  );
}
