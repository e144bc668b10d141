import { Fragment, type ReactElement } from "react";

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function marketOrdersRoutes(): ReactElement {
  return <Fragment />;
}
