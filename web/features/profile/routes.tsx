import { lazy, type ReactElement } from "react";
import { Route } from "react-router";

const ProfilePage = lazy(() => import("./ProfilePage.tsx").then((m) => ({ default: m.ProfilePage })));

/** This feature's page, mounted by routes/AppRoutes.tsx inside the app layout. */
export function profileRoutes(): ReactElement {
  return <Route path="profil" element={<ProfilePage />} />;
}
