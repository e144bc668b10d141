import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, Navigate, useLocation } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB, formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import type { SignInState } from "../auth/SignInPage.tsx";
import { useSession } from "../auth/session.ts";
import { marketApi } from "./api.ts";
import { useMarketMount, useMarketPath } from "./base.ts";
import { EmbedSessionEnded } from "./CheckoutPage.tsx";
import { StatusBadge } from "./parts.tsx";

const PAGE = 20;

/** `/pasar/pesanan`: my orders, newest first. */
export function OrdersPage() {
  const { t, lang } = usePreferences();
  useDocumentTitle(t("market.orders.title"));
  const path = useMarketPath();
  const { embedded } = useMarketMount();
  const location = useLocation();
  const session = useSession();
  const orders = useInfiniteQuery({
    queryKey: ["market", "orders", session.data?.user.id],
    queryFn: ({ pageParam }) => marketApi.myOrders(PAGE, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    enabled: Boolean(session.data),
    staleTime: 0,
  });
  if (!session.isPending && !session.data) {
    if (embedded) return <EmbedSessionEnded />;
    const state: SignInState = { from: location.pathname };
    return <Navigate to="/masuk" replace state={state} />;
  }
  return (
    <div className="market-page market-narrow" data-testid="market-orders">
      <h1 id="page-title">{t("market.orders.title")}</h1>
      <QueryState
        query={orders}
        isEmpty={(d) => (d.pages[0]?.items.length ?? 0) === 0}
        empty={t("market.orders.empty")}
      >
        {(data) => (
          <ul className="market-order-list">
            {data.pages
              .flatMap((p) => p.items)
              .map((o) => {
                const first = o.items[0];
                const more = o.items.length - 1;
                return (
                  <li
                    key={o.id}
                    className="market-order-card"
                    data-testid="market-order-card"
                    data-status={o.status}
                  >
                    <Link to={path(`/pesanan/${encodeURIComponent(o.id)}`)} className="market-order-link">
                      <span className="market-order-top">
                        <strong>{o.seller.name}</strong>
                        <StatusBadge status={o.status} />
                      </span>
                      <span className="market-order-items">
                        {first ? `${first.name} × ${first.quantity}` : ""}
                        {more > 0 ? ` ${t("market.orders.more", { n: more })}` : ""}
                      </span>
                      <span className="market-order-bottom">
                        <span className="muted small">
                          {o.number} · {formatDateTimeWIB(o.createdAt, lang)}
                        </span>
                        <strong>{formatRupiah(o.total)}</strong>
                      </span>
                    </Link>
                  </li>
                );
              })}
          </ul>
        )}
      </QueryState>
      {orders.hasNextPage ? (
        <p className="market-more">
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={orders.isFetchingNextPage || undefined}
            onClick={() => {
              if (!orders.isFetchingNextPage) void orders.fetchNextPage();
            }}
          >
            {orders.isFetchingNextPage ? t("app.loading") : t("market.search.more")}
          </button>
        </p>
      ) : null}
      <p>
        <Link to={path()}>← {t("market.backToMarket")}</Link>
      </p>
    </div>
  );
}
