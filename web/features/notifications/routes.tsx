import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const NotificationsPage = lazy(() =>
  import("./NotificationsPage.tsx").then((m) => ({ default: m.NotificationsPage })),
);
const CitizenNotificationsPage = lazy(() =>
  import("./NotificationsPage.tsx").then((m) => ({ default: m.CitizenNotificationsPage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function notificationsRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="konsol/notifikasi" element={<NotificationsPage />} />
      <Route path="notifikasi" element={<CitizenNotificationsPage />} />
    </Fragment>
  );
}
