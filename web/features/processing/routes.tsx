import { lazy, type ReactElement } from "react";
import { Route } from "react-router";

const ProcessingPage = lazy(() =>
  import("./ProcessingPage.tsx").then((m) => ({ default: m.ProcessingPage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function processingRoutes(): ReactElement {
  return <Route path="konsol/olahan" element={<ProcessingPage />} />;
}
