import { lazy, type ReactElement } from "react";
import { Route } from "react-router";

const StabilityPage = lazy(() => import("./StabilityPage.tsx").then((m) => ({ default: m.StabilityPage })));

/** This feature's page, mounted by routes/AppRoutes.tsx inside the app layout. */
export function stabilityRoutes(): ReactElement {
  return <Route path="konsol/stabilitas" element={<StabilityPage />} />;
}
