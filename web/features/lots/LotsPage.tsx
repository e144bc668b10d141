import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { Icon } from "../../components/Icon.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { api, type Session } from "../../lib/api.ts";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Lot, type LotFilters, lotsApi } from "./api.ts";
import "./lots.css";

function useCommodities() {
  return useQuery({ queryKey: ["commodities"], queryFn: api.commodities, staleTime: 10 * 60_000 });
}

function filtersOf(params: URLSearchParams): LotFilters {
  const out: LotFilters = {};
  for (const key of ["commodity", "harvestedFrom", "harvestedTo"] as const) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

function Filters({ value, onApply }: { value: LotFilters; onApply: (f: LotFilters) => void }) {
  const { t, lang } = usePreferences();
  const commodities = useCommodities();
  const [draft, setDraft] = useState<LotFilters>(value);
  // Back and forward move through filters: the form follows the address.
  useEffect(() => setDraft(value), [value]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  const set = (key: keyof LotFilters) => (v: string) =>
    setDraft((d) => {
      const next = { ...d };
      if (v) next[key] = v;
      else delete next[key];
      return next;
    });
  return (
    <search className="card lots-filters" aria-label={t("lots.filters")}>
      <form onSubmit={onSubmit} className="lots-filter-form">
        <SelectField
          label={t("lots.commodity")}
          value={draft.commodity ?? ""}
          onChange={(e) => set("commodity")(e.currentTarget.value)}
          data-testid="lots-filter-commodity"
        >
          <option value="">{t("lots.filters.allCommodities")}</option>
          {commodities.data?.items.map((c) => (
            <option key={c.code} value={c.code}>
              {lang === "en" ? c.nameEn : c.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("lots.filters.from")}
          type="date"
          value={draft.harvestedFrom ?? ""}
          onChange={(e) => set("harvestedFrom")(e.currentTarget.value)}
          data-testid="lots-filter-from"
        />
        <Field
          label={t("lots.filters.to")}
          type="date"
          value={draft.harvestedTo ?? ""}
          onChange={(e) => set("harvestedTo")(e.currentTarget.value)}
          data-testid="lots-filter-to"
        />
        <div className="lots-filter-actions">
          <button type="submit" className="button button-secondary" data-testid="lots-filter-apply">
            {t("lots.filters.apply")}
          </button>
        </div>
      </form>
    </search>
  );
}

function quantityText(lot: Lot, lang: "id" | "en"): string {
  const n = Number(lot.quantity.value);
  const formatted = Number.isFinite(n)
    ? new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 6 }).format(n)
    : lot.quantity.value;
  return `${formatted} ${lot.quantity.unit}`;
}

function LotsTable({ session, filters }: { session: Session; filters: LotFilters }) {
  const { t, lang } = usePreferences();
  const admin = session.persona === "admin" || session.user.isAdmin;
  const query = useInfiniteQuery({
    queryKey: ["lots", filters],
    queryFn: ({ pageParam }) => lotsApi.list(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const filtered = Object.keys(filters).length > 0;
  return (
    <QueryState
      query={query}
      isEmpty={(data) => data.pages.every((p) => p.items.length === 0)}
      empty={filtered ? t("lots.emptyFiltered") : t("lots.empty")}
    >
      {(data) => (
        <>
          <div className="table-wrap">
            <table data-testid="lots-table">
              <caption className="visually-hidden">{t("lots.listTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("lots.lotCode")}</th>
                  {admin ? <th scope="col">{t("lots.organisation")}</th> : null}
                  <th scope="col">{t("lots.commodity")}</th>
                  <th scope="col" className="num">
                    {t("lots.quantity")}
                  </th>
                  <th scope="col">{t("lots.harvestDate")}</th>
                  <th scope="col">{t("lots.village")}</th>
                  <th scope="col">{t("lots.grade")}</th>
                  <th scope="col" className="num">
                    {t("lots.farmGatePrice")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.pages
                  .flatMap((p) => p.items)
                  .map((lot) => (
                    <tr key={lot.id} data-testid="lot-row">
                      <th scope="row">
                        <Link to={`/konsol/lot/${encodeURIComponent(lot.id)}`} className="lot-link">
                          {lot.lotCode}
                        </Link>
                        <span className="cell-sub">GTIN {lot.gtin}</span>
                      </th>
                      {admin ? <td>{lot.organisation.name}</td> : null}
                      <td>{lot.commodity.name}</td>
                      <td className="num nowrap">{quantityText(lot, lang)}</td>
                      <td className="nowrap">
                        <time dateTime={lot.harvestDate}>{formatDateWIB(lot.harvestDate, lang)}</time>
                      </td>
                      <td className="small">{lot.village.label}</td>
                      <td>{lot.grade}</td>
                      <td className="num nowrap">
                        {lot.farmGatePrice !== null ? (
                          `${formatRupiah(lot.farmGatePrice)}/kg`
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {query.hasNextPage ? (
            <p className="lots-more">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => query.fetchNextPage()}
                aria-disabled={query.isFetchingNextPage || undefined}
                disabled={query.isFetchingNextPage}
                data-testid="lots-more"
              >
                {query.isFetchingNextPage ? t("app.loading") : t("lots.more")}
              </button>
            </p>
          ) : null}
        </>
      )}
    </QueryState>
  );
}

/** `/konsol/lot`: the organisation's harvest lots (an admin sees every organisation's). */
export function LotsPage() {
  const { t } = usePreferences();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const key = JSON.stringify(filters);
  // The same filters object while the address stays the same, so the form does not reset itself.
  const [stable, setStable] = useState(filters);
  useEffect(() => setStable(JSON.parse(key) as LotFilters), [key]);
  return (
    <ConsolePage
      title={t("lots.title")}
      intro={t("lots.intro")}
      actions={
        <Link to="/konsol/lot/baru" className="button button-primary" data-testid="lot-new">
          <Icon name="list" size={20} />
          {t("lots.declare")}
        </Link>
      }
    >
      {(session) => (
        <div className="lots">
          <Filters value={stable} onApply={(f) => setParams(f as Record<string, string>)} />
          <section aria-labelledby="lots-list-title">
            <h2 id="lots-list-title" className="section-title">
              {t("lots.listTitle")}
            </h2>
            <LotsTable session={session} filters={stable} />
          </section>
        </div>
      )}
    </ConsolePage>
  );
}
