import { Fragment, lazy, type ReactElement } from "react";
import { Route } from "react-router";

const DirectoryPage = lazy(() => import("./DirectoryPage.tsx").then((m) => ({ default: m.DirectoryPage })));
const ServicePage = lazy(() => import("./ServicePage.tsx").then((m) => ({ default: m.ServicePage })));
const ServicesConsolePage = lazy(() =>
  import("./ServicesConsolePage.tsx").then((m) => ({ default: m.ServicesConsolePage })),
);

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function directoryRoutes(): ReactElement {
  return (
    <Fragment>
      <Route path="layanan" element={<DirectoryPage />} />
      <Route path="layanan/:slug" element={<ServicePage />} />
      <Route path="konsol/layanan" element={<ServicesConsolePage />} />
    </Fragment>
  );
}
