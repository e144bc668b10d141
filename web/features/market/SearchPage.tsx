import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { errorMessage } from "../../lib/errors.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { marketApi, type SearchParams, SORTS, type Sort } from "./api.ts";
import { useMarketPath } from "./base.ts";
import { categoryName, ProductGrid, SearchBox, useCategories } from "./parts.tsx";

const PAGE = 20;

function intParam(value: string | null): number | undefined {
  if (!value) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function readParams(search: URLSearchParams): SearchParams {
  const sort = search.get("sort");
  return {
    q: search.get("q")?.trim() || undefined,
    category: search.get("category") || undefined,
    regency: search.get("regency") || undefined,
    traceable: search.get("traceable") === "true" || undefined,
    minPrice: intParam(search.get("minPrice")),
    maxPrice: intParam(search.get("maxPrice")),
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : undefined,
  };
}

/** The regencies of Lampung, where the products come from (the catalogue filters on origin). */
export function useLampungRegencies() {
  return useQuery({
    queryKey: ["market", "regencies", "18"],
    queryFn: () => marketApi.regions({ level: "regency", parent: "18" }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function Filters({ params, onApply }: { params: SearchParams; onApply: (next: SearchParams) => void }) {
  const { t, lang } = usePreferences();
  const categories = useCategories();
  const regencies = useLampungRegencies();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState(params.category ?? "");
  const [regency, setRegency] = useState(params.regency ?? "");
  const [minPrice, setMinPrice] = useState(params.minPrice?.toString() ?? "");
  const [maxPrice, setMaxPrice] = useState(params.maxPrice?.toString() ?? "");
  const [traceable, setTraceable] = useState(Boolean(params.traceable));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const min = intParam(minPrice.replace(/\D/g, ""));
    const max = intParam(maxPrice.replace(/\D/g, ""));
    onApply({
      ...params,
      category: category || undefined,
      regency: regency || undefined,
      traceable: traceable || undefined,
      // Swapped bounds are a slip of the thumb, not a wish for nothing.
      minPrice: min !== undefined && max !== undefined && min > max ? max : min,
      maxPrice: min !== undefined && max !== undefined && min > max ? min : max,
    });
    setOpen(false);
  };
  const active = [params.category, params.regency, params.traceable, params.minPrice, params.maxPrice].filter(
    (v) => v !== undefined,
  ).length;
  return (
    <div className="market-filters" data-open={open}>
      <button
        type="button"
        className="button button-secondary market-filters-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
        data-testid="market-filters-toggle"
      >
        {t("market.filter.title")}
        {active > 0 ? <span className="market-cart-count">{active}</span> : null}
      </button>
      <form
        id={`${id}-panel`}
        className="market-filters-panel"
        onSubmit={onSubmit}
        aria-label={t("market.filter.title")}
      >
        <div className="field">
          <label htmlFor={`${id}-cat`}>{t("market.filter.category")}</label>
          <select
            id={`${id}-cat`}
            className="field-select"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          >
            <option value="">{t("market.filter.all")}</option>
            {categories.data?.items.map((c) => (
              <option key={c.code} value={c.code}>
                {categoryName(lang, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reg`}>{t("market.filter.regency")}</label>
          <select
            id={`${id}-reg`}
            className="field-select"
            value={regency}
            onChange={(e) => setRegency(e.currentTarget.value)}
          >
            <option value="">{t("market.filter.all")}</option>
            {regencies.data?.items.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="market-price-range">
          <legend>{t("market.filter.price")}</legend>
          <div className="field">
            <label htmlFor={`${id}-min`}>{t("market.filter.min")}</label>
            <input
              id={`${id}-min`}
              inputMode="numeric"
              value={minPrice}
              onChange={(e) => setMinPrice(e.currentTarget.value)}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t("market.filter.max")}</label>
            <input
              id={`${id}-max`}
              inputMode="numeric"
              value={maxPrice}
              onChange={(e) => setMaxPrice(e.currentTarget.value)}
              autoComplete="off"
            />
          </div>
        </fieldset>
        <div className="checkbox">
          <input
            id={`${id}-trace`}
            type="checkbox"
            checked={traceable}
            onChange={(e) => setTraceable(e.currentTarget.checked)}
            data-testid="market-filter-traceable"
          />
          <label htmlFor={`${id}-trace`}>{t("market.filter.traceableOnly")}</label>
        </div>
        <div className="market-filter-actions">
          <button type="submit" className="button button-primary">
            {t("market.filter.apply")}
          </button>
          {active > 0 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setCategory("");
                setRegency("");
                setMinPrice("");
                setMaxPrice("");
                setTraceable(false);
                onApply({ q: params.q, sort: params.sort });
                setOpen(false);
              }}
            >
              {t("market.filter.clear")}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/** When nothing matched: what others buy most, so the page never ends in a dead end. */
function Suggestions() {
  const { t } = usePreferences();
  const popular = useQuery({
    queryKey: ["market", "products", { sort: "popular", limit: 4 }],
    queryFn: () => marketApi.search({ sort: "popular", limit: 4 }),
  });
  if (!popular.data || popular.data.items.length === 0) return null;
  return (
    <section aria-labelledby="market-suggest-title" className="market-suggest">
      <h2 id="market-suggest-title" className="section-title">
        {t("market.search.suggest")}
      </h2>
      <ProductGrid products={popular.data.items} />
    </section>
  );
}

function toSearch(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params.q) out.q = params.q;
  if (params.category) out.category = params.category;
  if (params.regency) out.regency = params.regency;
  if (params.traceable) out.traceable = "true";
  if (params.minPrice !== undefined) out.minPrice = String(params.minPrice);
  if (params.maxPrice !== undefined) out.maxPrice = String(params.maxPrice);
  if (params.sort) out.sort = params.sort;
  return out;
}

/** `/pasar/cari?q=…`: results with filters, sorting and "load more". */
export function SearchPage() {
  const { t, td, lang } = usePreferences();
  const path = useMarketPath();
  const [search, setSearch] = useSearchParams();
  const params = readParams(search);
  const sort: Sort = params.sort ?? (params.q ? "relevance" : "popular");
  useDocumentTitle(params.q ? t("market.search.titleFor", { q: params.q }) : t("market.search.title"));
  const categories = useCategories();
  const results = useInfiniteQuery({
    queryKey: ["market", "search", { ...params, sort }],
    queryFn: ({ pageParam }) => marketApi.search({ ...params, sort, limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
  });
  const apply = (next: SearchParams) => setSearch(toSearch(next));
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;
  const totalCapped = results.data?.pages[0]?.totalCapped ?? false;
  const categoryLabel = params.category
    ? (() => {
        const c = categories.data?.items.find((x) => x.code === params.category);
        return c ? categoryName(lang, c) : params.category;
      })()
    : null;
  const heading = params.q
    ? t("market.search.titleFor", { q: params.q })
    : (categoryLabel ?? (params.traceable ? t("market.home.traceable") : t("market.search.title")));

  return (
    <div className="market-page" data-testid="market-search">
      {/* A new search resets the box's text to it. */}
      <SearchBox key={params.q ?? ""} initial={params.q ?? ""} />
      <div className="market-results-head">
        <h1 id="page-title" className="market-results-title">
          {heading}
        </h1>
        {results.data ? (
          <p className="muted" role="status" data-testid="market-result-count">
            {totalCapped
              ? t("market.search.countMore", { n: total.toLocaleString(lang === "id" ? "id-ID" : "en-GB") })
              : t("market.search.count", { n: total })}
          </p>
        ) : null}
      </div>
      <div className="market-search-layout">
        <aside className="market-search-side">
          <Filters key={search.toString()} params={params} onApply={apply} />
        </aside>
        <div className="market-search-main">
          <div className="field market-sort">
            <label htmlFor="market-sort">{t("market.sort.label")}</label>
            <select
              id="market-sort"
              className="field-select"
              value={sort}
              onChange={(e) => apply({ ...params, sort: e.currentTarget.value as Sort })}
              data-testid="market-sort"
            >
              {SORTS.filter((s) => s !== "relevance" || params.q).map((s) => (
                <option key={s} value={s}>
                  {t(`market.sort.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          {results.isPending ? (
            <p className="loading" aria-busy="true">
              <span className="spinner" aria-hidden="true" />
              {t("app.loading")}
            </p>
          ) : results.isError && !results.data ? (
            <ErrorAlert title={t("error.title")} message={errorMessage(results.error, t, td)}>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => results.refetch()}
              >
                {t("error.retry")}
              </button>
            </ErrorAlert>
          ) : items.length === 0 ? (
            <div className="market-empty card" data-testid="market-empty">
              <p className="market-empty-title">
                {params.q ? t("market.search.emptyFor", { q: params.q }) : t("market.search.empty")}
              </p>
              <ul className="market-empty-tips">
                <li>{t("market.search.tipSpelling")}</li>
                {Object.keys(toSearch({ ...params, q: undefined, sort: undefined })).length > 0 ? (
                  <li>
                    <Link
                      to={params.q ? `${path("/cari")}?q=${encodeURIComponent(params.q)}` : path("/cari")}
                    >
                      {t("market.search.tipClearFilters")}
                    </Link>
                  </li>
                ) : null}
                <li>
                  {t("market.search.tipTry")}{" "}
                  {categories.data?.items
                    .filter((c) => c.productCount > 0)
                    .slice(0, 4)
                    .map((c, i) => (
                      <span key={c.code}>
                        {i > 0 ? ", " : ""}
                        <Link to={`${path("/cari")}?category=${encodeURIComponent(c.code)}`}>
                          {categoryName(lang, c)}
                        </Link>
                      </span>
                    ))}
                </li>
              </ul>
              <Suggestions />
            </div>
          ) : (
            <>
              <ProductGrid products={items} label={heading} />
              {results.hasNextPage ? (
                <p className="market-more">
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-disabled={results.isFetchingNextPage || undefined}
                    onClick={() => {
                      if (!results.isFetchingNextPage) void results.fetchNextPage();
                    }}
                    data-testid="market-load-more"
                  >
                    {results.isFetchingNextPage ? t("app.loading") : t("market.search.more")}
                  </button>
                </p>
              ) : null}
              <ErrorAlert
                message={results.isFetchNextPageError ? errorMessage(results.error, t, td) : null}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
