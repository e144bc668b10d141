import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { marketApi, type Storefront } from "./api.ts";
import { useMarketPath } from "./base.ts";
import { ProductGrid, SellerCard } from "./parts.tsx";

const PAGE = 20;

function StoreProducts({ store }: { store: Storefront }) {
  const { t } = usePreferences();
  const products = useInfiniteQuery({
    queryKey: ["market", "search", { seller: store.id }],
    queryFn: ({ pageParam }) =>
      marketApi.search({ seller: store.id, sort: "popular", limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    // The storefront came with its first products: no second request for them.
    initialData: { pages: [store.products], pageParams: [0] },
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
  });
  return (
    <section aria-labelledby="market-store-products">
      <h2 id="market-store-products" className="section-title">
        {t("market.store.products")}
        {products.data ? <span className="muted"> ({products.data.pages[0]?.total ?? 0})</span> : null}
      </h2>
      <QueryState
        query={products}
        isEmpty={(d) => (d.pages[0]?.items.length ?? 0) === 0}
        empty={t("market.store.empty")}
      >
        {(data) => (
          <>
            <ProductGrid products={data.pages.flatMap((p) => p.items)} />
            {products.hasNextPage ? (
              <p className="market-more">
                <button
                  type="button"
                  className="button button-secondary"
                  aria-disabled={products.isFetchingNextPage || undefined}
                  onClick={() => {
                    if (!products.isFetchingNextPage) void products.fetchNextPage();
                  }}
                >
                  {products.isFetchingNextPage ? t("app.loading") : t("market.search.more")}
                </button>
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** `/pasar/toko/:slug`: a verified seller's storefront. */
export function StorePage() {
  const { t, lang } = usePreferences();
  const { slug = "" } = useParams();
  const path = useMarketPath();
  const store = useQuery({ queryKey: ["market", "store", slug], queryFn: () => marketApi.storefront(slug) });
  useDocumentTitle(store.data?.name ?? t("market.store.title"));
  if (store.isError && (store.error as { status?: number }).status === 404) {
    return (
      <section className="card narrow" data-testid="market-store-missing">
        <h1 id="page-title">{t("market.store.missing")}</h1>
        <p>
          <Link to={path()}>{t("market.backToMarket")}</Link>
        </p>
      </section>
    );
  }
  return (
    <QueryState query={store} isEmpty={() => false} empty="">
      {(s) => (
        <div className="market-page" data-testid="market-store">
          <SellerCard seller={s} heading="h1" link={false}>
            {s.description ? <p className="market-description">{s.description}</p> : null}
            <p className="muted small">
              {t("market.store.since", { date: formatDateWIB(s.since.slice(0, 10), lang) })}
            </p>
          </SellerCard>
          <StoreProducts store={s} />
        </div>
      )}
    </QueryState>
  );
}
