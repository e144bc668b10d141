import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { markExpired, SESSION_KEY } from "./features/auth/session.ts";
import { registerServiceWorker } from "./features/price-entry/serviceWorker.ts";
import { ApiError, type Session } from "./lib/api.ts";
import { applyStoredPreferences, PreferencesProvider } from "./lib/preferences.tsx";
import { AppRoutes } from "./routes/AppRoutes.tsx";
import "./styles/app.css";

applyStoredPreferences();
// The worker lets the enumerator form open without a signal; in development it would cache Vite's modules.
if (import.meta.env.PROD) registerServiceWorker();

/** A 401 on any data request means the session cookie is gone: return to sign-in. */
function onUnauthenticated(error: unknown, isSessionQuery: boolean): void {
  if (isSessionQuery || !(error instanceof ApiError) || error.status !== 401) return;
  if (queryClient.getQueryData<Session | null>(SESSION_KEY)) {
    markExpired();
    queryClient.setQueryData(SESSION_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => onUnauthenticated(error, query.queryKey[0] === SESSION_KEY[0]),
  }),
  mutationCache: new MutationCache({
    onError: (error) => onUnauthenticated(error, false),
  }),
  defaultOptions: {
    queries: {
      // Client errors will not get better by retrying; network and server errors might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 60_000,
    },
  },
});

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <PreferencesProvider>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </PreferencesProvider>
  </StrictMode>,
);
