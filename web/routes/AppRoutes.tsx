import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { Link, Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { ErrorAlert } from "../components/Alert.tsx";
import { AppShell } from "../components/AppShell.tsx";
import { SignInPage, type SignInState } from "../features/auth/SignInPage.tsx";
import { useSession } from "../features/auth/session.ts";
import { directoryRoutes } from "../features/directory/routes.tsx";
import { CitizenHome } from "../features/home/CitizenHome.tsx";
import { lastSessionWasOperator, rememberOperator } from "../features/home/consoleHint.ts";
import { laporRoutes } from "../features/lapor/routes.tsx";
import { laporConsoleRoutes } from "../features/lapor-console/routes.tsx";
import { lotsRoutes } from "../features/lots/routes.tsx";
import { marketEmbedRoutes, marketRoutes } from "../features/market/routes.tsx";
import { marketOrdersRoutes } from "../features/market-orders/routes.tsx";
import { marketSellerRoutes } from "../features/market-seller/routes.tsx";
import { newsRoutes } from "../features/news/routes.tsx";
import { notificationsRoutes } from "../features/notifications/routes.tsx";
import { partnersRoutes } from "../features/partners/routes.tsx";
import { paymentsRoutes } from "../features/payments/routes.tsx";
import { priceEntryRoutes } from "../features/price-entry/routes.tsx";
import { pricesBoardRoutes } from "../features/prices-board/routes.tsx";
import { pricesImportRoutes } from "../features/prices-import/routes.tsx";
import { processingRoutes } from "../features/processing/routes.tsx";
import { procurementRoutes } from "../features/procurement/routes.tsx";
import { profileRoutes } from "../features/profile/routes.tsx";
import { shipmentsRoutes } from "../features/shipments/routes.tsx";
import { stabilityRoutes } from "../features/stability/routes.tsx";
import { warehouseRoutes } from "../features/warehouse/routes.tsx";
import { isOperator, type Session } from "../lib/api.ts";
import { errorMessage } from "../lib/errors.ts";
import { useDocumentTitle, usePreferences } from "../lib/preferences.tsx";

// Operators work on desktops: their console is loaded only when needed, so a
// citizen's phone downloads less.
const ConsoleHome = lazy(() =>
  import("../features/home/ConsoleHome.tsx").then((m) => ({ default: m.ConsoleHome })),
);
const RegisterPage = lazy(() =>
  import("../features/auth/RegisterPage.tsx").then((m) => ({ default: m.RegisterPage })),
);
// The public trace behind a label's QR code (GS1 Digital Link paths), open to anyone.
const TraceLinkPage = lazy(() =>
  import("../features/trace/TracePage.tsx").then((m) => ({ default: m.TraceLinkPage })),
);
const TraceSearchPage = lazy(() =>
  import("../features/trace/TracePage.tsx").then((m) => ({ default: m.TraceSearchPage })),
);

function Loading() {
  const { t } = usePreferences();
  return (
    <p className="loading page-loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {t("app.loading")}
    </p>
  );
}

/** Waits for the session; shows an error with a retry when the server cannot be reached. */
function SessionGate({ children }: { children: (session: Session | null) => ReactNode }) {
  const { t, td } = usePreferences();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) {
    return (
      <ErrorAlert title={t("error.title")} message={errorMessage(session.error, t, td)}>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => session.refetch()}
        >
          {t("error.retry")}
        </button>
      </ErrorAlert>
    );
  }
  return <>{children(session.data)}</>;
}

/**
 * `/` for everyone: the citizen home renders at once (anonymous visitors get its sign-in call to
 * action), and becomes the signed-in citizen's or the operator's console home when the session is
 * known. Only a browser whose last session was an operator's waits for the session first.
 */
function Home() {
  const session = useSession();
  const operator = session.data ? isOperator(session.data.persona) : null;
  useEffect(() => {
    if (operator !== null || (session.isSuccess && session.data === null))
      rememberOperator(operator === true);
  }, [operator, session.isSuccess, session.data]);
  if (session.data && operator) return <ConsoleHome session={session.data} />;
  if (session.isPending && lastSessionWasOperator()) return <Loading />;
  // While the session is unknown (or cannot be fetched, e.g. offline) the home shows no sign-in prompt.
  return <CitizenHome session={session.isSuccess ? session.data : undefined} />;
}

/**
 * Sign-in and registration: once a session exists (the sign-in just succeeded), go where the visitor was
 * sent from (`/lapor/baru` asks for a sign-in and comes back), else home.
 */
function PublicOnly({ children }: { children: ReactNode }) {
  const location = useLocation();
  const from = (location.state as SignInState | null)?.from;
  const target = from?.startsWith("/") && !from.startsWith("//") && from !== "/masuk" ? from : "/";
  return <SessionGate>{(session) => (session ? <Navigate to={target} replace /> : children)}</SessionGate>;
}

function NotFound() {
  const { t } = usePreferences();
  useDocumentTitle(t("notFound.title"));
  return (
    <section className="card narrow">
      <h1 id="page-title">{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </section>
  );
}

function Layout() {
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      {marketEmbedRoutes()}
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route
          path="masuk"
          element={
            <PublicOnly>
              <SignInPage />
            </PublicOnly>
          }
        />
        <Route
          path="daftar"
          element={
            <PublicOnly>
              <RegisterPage />
            </PublicOnly>
          }
        />
        <Route path="lacak" element={<TraceSearchPage />} />
        <Route path="01/:gtin" element={<TraceLinkPage />} />
        <Route path="01/:gtin/10/:lot" element={<TraceLinkPage />} />
        <Route path="00/:sscc" element={<TraceLinkPage />} />
        {lotsRoutes()}
        {shipmentsRoutes()}
        {warehouseRoutes()}
        {processingRoutes()}
        {pricesBoardRoutes()}
        {stabilityRoutes()}
        {priceEntryRoutes()}
        {pricesImportRoutes()}
        {notificationsRoutes()}
        {directoryRoutes()}
        {newsRoutes()}
        {profileRoutes()}
        {laporRoutes()}
        {laporConsoleRoutes()}
        {paymentsRoutes()}
        {marketRoutes()}
        {marketSellerRoutes()}
        {marketOrdersRoutes()}
        {partnersRoutes()}
        {procurementRoutes()}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
