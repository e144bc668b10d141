import { Fragment, type ReactElement } from "react";

// Skeleton (issue 5): the helper building this feature replaces it.
/** This feature's pages, mounted by routes/AppRoutes.tsx inside the app layout. */
export function newsRoutes(): ReactElement {
  return <Fragment />;
}
