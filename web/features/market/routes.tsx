import { Fragment, type ReactElement } from "react";

/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function marketRoutes(): ReactElement {
  return <Fragment />;
}

/** The storefront embedded in a partner's app (JAKI): mounted outside the app layout, without its chrome. */
export function marketEmbedRoutes(): ReactElement {
  return <Fragment />;
}
