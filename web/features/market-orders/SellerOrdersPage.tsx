import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { formatDateTimeWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { marketOrdersApi, ORDER_STATUSES, type Order, type OrderStatus } from "./api.ts";
import { mayUseShopConsole, OrderStatusBadge, useOrderError } from "./parts.tsx";
import "./market-orders.css";

function isStatus(s: string | null): s is OrderStatus {
  return s !== null && (ORDER_STATUSES as readonly string[]).includes(s);
}

function itemsLabel(o: Order, t: ReturnType<typeof usePreferences>["t"]): string {
  const first = o.items[0];
  if (!first) return "";
  const name = `${first.name} (${first.variantName}) × ${first.quantity}`;
  return o.items.length > 1 ? t("marketOrders.itemsMore", { first: name, n: o.items.length - 1 }) : name;
}

function Orders() {
  const { t, lang } = usePreferences();
  const orderError = useOrderError();
  const [params, setParams] = useSearchParams();
  const raw = params.get("status");
  const status = isStatus(raw) ? raw : undefined;
  const query = useInfiniteQuery({
    queryKey: ["market-orders", "seller", status ?? "all"],
    queryFn: ({ pageParam }) => marketOrdersApi.list(status, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const shown = pages.reduce((n, p) => n + p.items.length, 0);
      return shown < last.total ? shown : undefined;
    },
  });
  const first = query.data?.pages[0];
  const counts = first?.counts ?? {};
  const all = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  const orders = query.data?.pages.flatMap((p) => p.items) ?? [];
  const tab = (s: OrderStatus | undefined, label: string, n: number) => {
    const current = s === status;
    return (
      <li key={s ?? "all"}>
        <Link
          to={s ? `?status=${s}` : "?"}
          className={current ? "mo-tab is-current" : "mo-tab"}
          aria-current={current ? "page" : undefined}
          onClick={(e) => {
            e.preventDefault();
            setParams(s ? { status: s } : {});
          }}
          data-testid={`mo-tab-${s ?? "all"}`}
        >
          {label} <span className="mo-count">{n}</span>
        </Link>
      </li>
    );
  };
  return (
    <>
      <nav aria-label={t("marketOrders.tabs")} className="mo-tabs">
        <ul>
          {tab(undefined, t("marketOrders.tab.all"), all)}
          {ORDER_STATUSES.map((s) => tab(s, t(`marketOrders.status.${s}`), counts[s] ?? 0))}
        </ul>
      </nav>
      <ErrorAlert message={query.isError ? orderError(query.error) : null} />
      {query.isPending ? (
        <p className="loading" aria-busy="true">
          <span className="spinner" aria-hidden="true" />
          {t("app.loading")}
        </p>
      ) : orders.length === 0 ? (
        <p className="empty" data-testid="mo-empty">
          {t("marketOrders.empty")}
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table data-testid="mo-table">
              <caption className="visually-hidden">{t("marketOrders.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("marketOrders.col.number")}</th>
                  <th scope="col">{t("marketOrders.col.date")}</th>
                  <th scope="col">{t("marketOrders.col.buyer")}</th>
                  <th scope="col">{t("marketOrders.col.items")}</th>
                  <th scope="col" className="mo-num">
                    {t("marketOrders.col.total")}
                  </th>
                  <th scope="col">{t("marketOrders.col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.id} data-testid={`mo-row-${o.id}`}>
                    <th scope="row" className="nowrap">
                      <Link to={`/konsol/toko/pesanan/${encodeURIComponent(o.id)}`}>{o.number}</Link>
                    </th>
                    <td className="nowrap">{formatDateTimeWIB(o.createdAt, lang)}</td>
                    <td>
                      {o.buyer.name}
                      <span className="cell-sub">{o.shippingAddress.regionCode}</span>
                    </td>
                    <td>{itemsLabel(o, t)}</td>
                    <td className="mo-num nowrap">{formatRupiah(o.total)}</td>
                    <td>
                      <OrderStatusBadge status={o.status} />
                      {o.returnRequestedAt ? (
                        <span className="badge badge-danger mo-flag">{t("marketOrders.returnPending")}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">
            {t("marketOrders.showing", { shown: orders.length, total: first?.total ?? orders.length })}
          </p>
          {query.hasNextPage ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => query.fetchNextPage()}
              aria-disabled={query.isFetchingNextPage || undefined}
            >
              {t("marketOrders.loadMore")}
            </button>
          ) : null}
        </>
      )}
    </>
  );
}

/** `/konsol/toko/pesanan`: the shop's orders by status, with the count in each tab, newest first. */
export function SellerOrdersPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("marketOrders.title")} intro={t("marketOrders.lead")}>
      {(session) =>
        mayUseShopConsole(session) ? (
          <Orders />
        ) : (
          <p className="alert alert-info">{t("marketOrders.notSeller")}</p>
        )
      }
    </ConsolePage>
  );
}
