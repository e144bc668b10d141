import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { marketApi } from "./api.ts";
import { useMarketPath } from "./base.ts";
import { categoryName, ProductGrid, SearchBox, TraceIcon, useCategories } from "./parts.tsx";

/** `/pasar`: search, categories, traceable products, the most bought and the newest. */
export function HomePage() {
  const { t, lang } = usePreferences();
  useDocumentTitle(t("market.nav"));
  const path = useMarketPath();
  const categories = useCategories();
  const popular = useQuery({
    queryKey: ["market", "products", { sort: "popular", limit: 8 }],
    queryFn: () => marketApi.search({ sort: "popular", limit: 8 }),
  });
  const newest = useQuery({
    queryKey: ["market", "products", { sort: "newest", limit: 8 }],
    queryFn: () => marketApi.search({ sort: "newest", limit: 8 }),
  });
  const traceable = useQuery({
    queryKey: ["market", "products", { traceable: true, sort: "popular", limit: 4 }],
    queryFn: () => marketApi.search({ traceable: true, sort: "popular", limit: 4 }),
  });

  return (
    <div className="market-page" data-testid="market-home">
      <section className="market-hero" aria-labelledby="page-title">
        <h1 id="page-title">{t("market.home.title")}</h1>
        <p className="market-hero-lead">{t("market.home.lead")}</p>
        <SearchBox />
      </section>

      <section aria-labelledby="market-cat-title">
        <h2 id="market-cat-title" className="section-title">
          {t("market.categories")}
        </h2>
        {categories.data ? (
          <ul className="market-chips" data-testid="market-categories">
            <li>
              <Link to={`${path("/cari")}?traceable=true`} className="market-chip market-chip-trace">
                <TraceIcon />
                {t("market.home.traceable")}
              </Link>
            </li>
            {categories.data.items
              .filter((c) => c.productCount > 0)
              .map((c) => (
                <li key={c.code}>
                  <Link
                    to={`${path("/cari")}?category=${encodeURIComponent(c.code)}`}
                    className="market-chip"
                  >
                    {categoryName(lang, c)} <span className="market-chip-count">{c.productCount}</span>
                  </Link>
                </li>
              ))}
          </ul>
        ) : (
          <QueryState query={categories} isEmpty={() => false} empty="">
            {() => null}
          </QueryState>
        )}
      </section>

      {traceable.data && traceable.data.items.length > 0 ? (
        <section aria-labelledby="market-trace-title" className="market-trace-section">
          <div className="market-section-head">
            <h2 id="market-trace-title" className="section-title">
              {t("market.home.traceable")}
            </h2>
            <Link to={`${path("/cari")}?traceable=true`}>{t("market.home.seeAll")}</Link>
          </div>
          <p className="muted market-section-lead">{t("market.home.traceableLead")}</p>
          <ProductGrid products={traceable.data.items} />
        </section>
      ) : null}

      <section aria-labelledby="market-popular-title">
        <div className="market-section-head">
          <h2 id="market-popular-title" className="section-title">
            {t("market.home.popular")}
          </h2>
          <Link to={`${path("/cari")}?sort=popular`}>{t("market.home.seeAll")}</Link>
        </div>
        <QueryState query={popular} isEmpty={(d) => d.items.length === 0} empty={t("market.home.empty")}>
          {(data) => <ProductGrid products={data.items} />}
        </QueryState>
      </section>

      <section aria-labelledby="market-new-title">
        <div className="market-section-head">
          <h2 id="market-new-title" className="section-title">
            {t("market.home.newest")}
          </h2>
          <Link to={`${path("/cari")}?sort=newest`}>{t("market.home.seeAll")}</Link>
        </div>
        <QueryState query={newest} isEmpty={(d) => d.items.length === 0} empty={t("market.home.empty")}>
          {(data) => <ProductGrid products={data.items} />}
        </QueryState>
      </section>
    </div>
  );
}
