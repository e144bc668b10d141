import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useRef } from "react";
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from "react-router";
import { Icon } from "../../components/Icon.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { SESSION_KEY } from "../auth/session.ts";
import { marketApi } from "./api.ts";
import { MarketMountContext } from "./base.ts";
import { CartLink } from "./parts.tsx";
import "./market.css";

const EMBED_MOUNT = { base: "/embed/pasar", embedded: true } as const;

function Loading() {
  const { t } = usePreferences();
  return (
    <p className="loading page-loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {t("app.loading")}
    </p>
  );
}

/**
 * `/embed/pasar?token=…`: the partner's app opened us with a single-use token. Trade it for a session
 * once (the query dedupes React's double effects and reloads), then drop it from the address so a
 * reload does not spend it again.
 */
function useTokenExchange(): { pending: boolean; error: unknown } {
  const [search] = useSearchParams();
  const token = search.get("token");
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const exchange = useQuery({
    queryKey: ["market", "embed-exchange", token],
    queryFn: () => marketApi.exchangeEmbedToken(token as string),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const done = useRef(false);
  useEffect(() => {
    if (!exchange.isSuccess || done.current) return;
    done.current = true;
    // Data cached for whoever used this browser before must never be shown to this person.
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] && q.queryKey[1] !== "embed-exchange",
    });
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    const rest = new URLSearchParams(location.search);
    rest.delete("token");
    const query = rest.toString();
    navigate({ pathname: location.pathname, search: query ? `?${query}` : "" }, { replace: true });
  }, [exchange.isSuccess, queryClient, navigate, location.pathname, location.search]);
  return { pending: Boolean(token) && (exchange.isPending || exchange.isSuccess), error: exchange.error };
}

function TokenProblem({ error }: { error: unknown }) {
  const { t, td } = usePreferences();
  const expired = error instanceof ApiError && error.status >= 400 && error.status < 500;
  return (
    <section className="card narrow" data-testid="market-embed-token-error">
      <h1 id="page-title">{expired ? t("market.embed.tokenInvalid") : t("error.title")}</h1>
      <p>{expired ? t("market.embed.tokenInvalidBody") : errorMessage(error, t, td)}</p>
    </section>
  );
}

/** After a navigation the person caused, focus the new page so screen readers announce it (as AppShell does). */
function useFocusOnNavigation() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const interacted = useRef(false);
  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    document.addEventListener("keydown", mark, { capture: true, once: true });
    document.addEventListener("pointerdown", mark, { capture: true, once: true });
    return () => {
      document.removeEventListener("keydown", mark, { capture: true });
      document.removeEventListener("pointerdown", mark, { capture: true });
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path changes only
  useEffect(() => {
    if (interacted.current) mainRef.current?.focus();
  }, [location.pathname]);
  return mainRef;
}

/** The storefront inside JAKI: a thin header of our own, no app chrome, no sign-in prompts. */
export function EmbedLayout() {
  const { t, lang, setLang } = usePreferences();
  useDocumentTitle(t("market.nav"));
  const { pending, error } = useTokenExchange();
  const mainRef = useFocusOnNavigation();
  return (
    <MarketMountContext.Provider value={EMBED_MOUNT}>
      <div className="market-embed" data-testid="market-embed">
        <header className="market-embed-header">
          <Link to={EMBED_MOUNT.base} className="market-embed-brand">
            <Icon name="market" size={22} />
            <span className="market-embed-name">
              <span>{t("market.nav")}</span>
              <span className="market-embed-in">
                <span className="market-embed-dot" aria-hidden="true">
                  {" "}
                  ·{" "}
                </span>
                {t("market.embed.in")}
              </span>
            </span>
          </Link>
          <span className="market-embed-tools">
            <Link
              to={`${EMBED_MOUNT.base}/pesanan`}
              className="market-embed-link"
              data-testid="market-orders-link"
            >
              {t("market.orders.short")}
            </Link>
            <button
              type="button"
              className="market-embed-link"
              lang={lang === "id" ? "en" : "id"}
              aria-label={t("header.langButtonLabel")}
              onClick={() => setLang(lang === "id" ? "en" : "id")}
            >
              {t("header.langButton")}
            </button>
            <CartLink className="market-embed-cart" />
          </span>
        </header>
        <main id="main" ref={mainRef} className="market-embed-main" tabIndex={-1}>
          {error ? (
            <TokenProblem error={error} />
          ) : pending ? (
            <Loading />
          ) : (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          )}
        </main>
      </div>
    </MarketMountContext.Provider>
  );
}
