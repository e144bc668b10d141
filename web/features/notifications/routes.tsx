import { lazy, type ReactElement } from "react";
import { Route } from "react-router";

const NotificationsPage = lazy(() =>
  import("./NotificationsPage.tsx").then((m) => ({ default: m.NotificationsPage })),
);

/** This feature's page, mounted by routes/AppRoutes.tsx inside the app layout. */
export function notificationsRoutes(): ReactElement {
  return <Route path="konsol/notifikasi" element={<NotificationsPage />} />;
}
