import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { StatusMessage } from "../../components/Alert.tsx";
import { SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { api } from "../../lib/api.ts";
import { formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Balance, type SiteDetail, type StockFilters, warehouseApi } from "./api.ts";
import { formatKg } from "./format.ts";
import { OperationDialog, type RowAction } from "./OperationDialog.tsx";
import { StockCardDialog } from "./StockCardDialog.tsx";
import { StateBadge, siteKey, usePlaceName } from "./shared.tsx";

/** Which actions a balance offers: staff run the warehouse; a tenant may hold and release its own. */
function actionsFor(balance: Balance, staff: boolean): RowAction[] {
  const out: RowAction[] = [];
  if (staff) {
    if (balance.location === "dock" || balance.location === "staging") out.push("put-away");
    else out.push("move");
  }
  out.push(balance.state === "held" ? "release" : "hold");
  if (staff) out.push("count", "adjust");
  return out;
}

const ACTION_LABEL = {
  "put-away": "warehouse.action.putAway",
  move: "warehouse.action.move",
  hold: "warehouse.action.hold",
  release: "warehouse.action.release",
  count: "warehouse.action.count",
  adjust: "warehouse.action.adjust",
} as const;

export function StockSection({ site }: { site: SiteDetail }) {
  const { t, lang } = usePreferences();
  const placeName = usePlaceName();
  const staff = site.role !== "tenant";
  const [filters, setFilters] = useState<StockFilters>({});
  const [open, setOpen] = useState<{ action: RowAction; balance: Balance } | null>(null);
  const [card, setCard] = useState<Balance | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const stock = useQuery({
    queryKey: [...siteKey(site.code), "stock", filters],
    queryFn: () => warehouseApi.stock(site.code, filters),
  });
  const commodities = useQuery({
    queryKey: ["commodities"],
    queryFn: api.commodities,
    staleTime: 10 * 60_000,
  });
  const set = (key: keyof StockFilters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setFilters((f) => {
      const next = { ...f };
      if (value) (next as Record<string, string>)[key] = value;
      else delete next[key];
      return next;
    });
  };

  return (
    <section className="section card" aria-labelledby="wh-stock-title" id="stok">
      <h2 id="wh-stock-title" className="section-title">
        {t("warehouse.stock.title")}
      </h2>
      <StatusMessage message={done} />
      <fieldset className="wh-filters wh-fieldset">
        <legend className="visually-hidden">{t("warehouse.stock.filters")}</legend>
        {staff ? (
          <SelectField
            label={t("warehouse.stock.tenant")}
            value={filters.tenant ?? ""}
            onChange={set("tenant")}
            data-testid="stock-filter-tenant"
          >
            <option value="">{t("warehouse.all")}</option>
            {site.tenants.map((x) => (
              <option key={x.organisation.id} value={x.organisation.id}>
                {x.organisation.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label={t("warehouse.stock.location")}
          value={filters.location ?? ""}
          onChange={set("location")}
          data-testid="stock-filter-location"
        >
          <option value="">{t("warehouse.all")}</option>
          <option value="dock">{t("warehouse.place.dock")}</option>
          <option value="staging">{t("warehouse.place.staging")}</option>
          {site.zones.map((z) => (
            <option key={z.code} value={z.code}>
              {z.name} ({z.code})
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("warehouse.stock.commodity")}
          value={filters.commodity ?? ""}
          onChange={set("commodity")}
          data-testid="stock-filter-commodity"
        >
          <option value="">{t("warehouse.all")}</option>
          {(commodities.data?.items ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {lang === "en" ? c.nameEn : c.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("warehouse.stock.state")}
          value={filters.state ?? ""}
          onChange={set("state")}
          data-testid="stock-filter-state"
        >
          <option value="">{t("warehouse.all")}</option>
          <option value="available">{t("warehouse.state.available")}</option>
          <option value="held">{t("warehouse.state.held")}</option>
        </SelectField>
      </fieldset>
      <QueryState query={stock} isEmpty={(d) => d.items.length === 0} empty={t("warehouse.stock.empty")}>
        {(data) => (
          <>
            <p className="muted small" data-testid="stock-total">
              {t("warehouse.stock.total", { kg: formatKg(data.totals.grams / 1000, lang) })}
            </p>
            <div className="table-wrap">
              <table data-testid="warehouse-stock" className="wh-stock-table">
                <caption className="visually-hidden">{t("warehouse.stock.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{staff ? t("warehouse.stock.lotTenant") : t("warehouse.stock.lot")}</th>
                    <th scope="col">{t("warehouse.stock.location")}</th>
                    <th scope="col" className="num">
                      {t("warehouse.stock.onHand")}
                    </th>
                    <th scope="col">{t("warehouse.stock.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((b) => (
                    <tr
                      key={b.id}
                      data-testid="stock-row"
                      data-lot={b.lot}
                      data-epc={b.epc}
                      data-location={b.location}
                      data-state={b.state}
                      data-tenant={b.tenant.id}
                    >
                      <th scope="row">
                        {b.lot}
                        <span className="cell-sub">{b.commodity?.name ?? "—"}</span>
                        {staff ? <span className="cell-sub wh-tenant">{b.tenant.name}</span> : null}
                        {b.expiryDate ? (
                          <span className="cell-sub">
                            {t("warehouse.stock.expiry")}: {formatDateWIB(b.expiryDate, lang)}
                          </span>
                        ) : null}
                      </th>
                      <td>
                        {placeName(b.location)}
                        <span className="cell-sub">
                          <StateBadge state={b.state} />
                        </span>
                      </td>
                      <td className="num wh-num">{formatKg(b.kg, lang)}</td>
                      <td>
                        <div className="wh-actions wh-row-actions">
                          {actionsFor(b, staff).map((action) => (
                            <button
                              key={action}
                              type="button"
                              className="button button-secondary button-small"
                              onClick={() => {
                                setDone(null);
                                setOpen({ action, balance: b });
                              }}
                              data-testid={`stock-action-${action}`}
                              aria-label={`${t(ACTION_LABEL[action])}: ${b.lot}, ${placeName(b.location)}`}
                            >
                              {t(ACTION_LABEL[action])}
                            </button>
                          ))}
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            onClick={() => setCard(b)}
                            data-testid="stock-action-card"
                            aria-label={`${t("warehouse.action.card")}: ${b.lot}`}
                          >
                            {t("warehouse.action.card")}
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
      {open ? (
        <OperationDialog
          site={site}
          action={open.action}
          balance={open.balance}
          onClose={() => setOpen(null)}
          onDone={(result) => {
            setOpen(null);
            setDone(t("warehouse.op.done", { events: result.eventIds.length }));
          }}
        />
      ) : null}
      {card ? <StockCardDialog site={site.code} balance={card} onClose={() => setCard(null)} /> : null}
    </section>
  );
}
