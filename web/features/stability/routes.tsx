import { Fragment, type ReactElement } from "react";

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout (lazy-load pages here). */
export function stabilityRoutes(): ReactElement {
  return <Fragment />;
}
