import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type AlertFilters, STABILITY_LEVELS, type StabilityAlert, stabilityApi } from "./api.ts";
import { IndicatorPanel, LevelBadge } from "./IndicatorPanel.tsx";
import { SubscriptionsSection } from "./SubscriptionsSection.tsx";
import "./stability.css";

function Filters({ onApply }: { onApply: (f: AlertFilters) => void }) {
  const { t, lang } = usePreferences();
  const commodities = useQuery({
    queryKey: ["commodities"],
    queryFn: stabilityApi.commodities,
    staleTime: 300_000,
  });
  const [draft, setDraft] = useState<AlertFilters>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form
      className="card stab-filters"
      onSubmit={submit}
      aria-label={t("stability.filters")}
      data-testid="stability-filters"
    >
      <SelectField
        label={t("stability.filter.commodity")}
        value={draft.commodity ?? ""}
        onChange={(e) => setDraft({ ...draft, commodity: e.currentTarget.value })}
        data-testid="stability-filter-commodity"
      >
        <option value="">{t("stability.filter.all")}</option>
        {(commodities.data?.items ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {lang === "en" ? c.nameEn : c.name}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("stability.filter.region")}
        hint={t("stability.filter.regionHint")}
        value={draft.region ?? ""}
        inputMode="decimal"
        pattern="[0-9.]*"
        onChange={(e) => setDraft({ ...draft, region: e.currentTarget.value.trim() })}
        data-testid="stability-filter-region"
      />
      <SelectField
        label={t("stability.filter.level")}
        value={draft.level ?? ""}
        onChange={(e) => setDraft({ ...draft, level: e.currentTarget.value })}
        data-testid="stability-filter-level"
      >
        <option value="">{t("stability.filter.all")}</option>
        {STABILITY_LEVELS.filter((l) => l !== "normal").map((l) => (
          <option key={l} value={l}>
            {t(`stability.level.${l}`)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("stability.filter.date")}
        type="date"
        value={draft.date ?? ""}
        onChange={(e) => setDraft({ ...draft, date: e.currentTarget.value })}
        data-testid="stability-filter-date"
      />
      <div className="stab-filters-actions">
        <button type="submit" className="button" data-testid="stability-filter-apply">
          {t("stability.filter.apply")}
        </button>
      </div>
    </form>
  );
}

function AlertsTable({ filters, onShow }: { filters: AlertFilters; onShow: (a: StabilityAlert) => void }) {
  const { t, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["stability", "alerts", filters],
    queryFn: () => stabilityApi.alerts(filters),
  });
  return (
    <section className="card" aria-labelledby="stab-alerts-title">
      <h2 id="stab-alerts-title">{t("stability.alerts.title")}</h2>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("stability.alerts.empty")}>
        {(data) => (
          <div className="table-wrap">
            <table data-testid="stability-alerts">
              <thead>
                <tr>
                  <th scope="col">{t("stability.alerts.level")}</th>
                  <th scope="col">{t("stability.alerts.series")}</th>
                  <th scope="col">{t("stability.alerts.reason")}</th>
                  <th scope="col">{t("stability.alerts.asOf")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("stability.alerts.show")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id} data-testid={`stability-alert-${a.id}`}>
                    <td>
                      <LevelBadge level={a.level} />
                    </td>
                    <td>
                      {a.commodityName} · {a.placeName} ({t(`stability.priceLevel.${a.priceLevel}`)})
                    </td>
                    <td className="stab-reason" data-testid="stability-alert-reason">
                      {lang === "en" ? a.reason.en : a.reason.id}
                    </td>
                    <td className="num">{a.asOf ? formatDateWIB(a.asOf, lang) : "—"}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => onShow(a)}
                        data-testid="stability-show-indicators"
                      >
                        {t("stability.alerts.show")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

/** /konsol/stabilitas: open price alerts with their reasons, filters, and each series' indicators. */
export function StabilityPage() {
  const { t } = usePreferences();
  const [filters, setFilters] = useState<AlertFilters>({});
  const [selected, setSelected] = useState<{
    commodity: string;
    region: string;
    title: { commodity: string; region: string };
  } | null>(null);
  return (
    <ConsolePage title={t("stability.title")} intro={t("stability.intro")}>
      {() => (
        <div className="stab">
          <Filters onApply={setFilters} />
          <AlertsTable
            filters={filters}
            onShow={(a) =>
              setSelected({
                commodity: a.commodityCode,
                region: a.regionCode,
                title: { commodity: a.commodityName, region: a.placeName },
              })
            }
          />
          {selected ? (
            <IndicatorPanel
              commodity={selected.commodity}
              region={selected.region}
              title={selected.title}
              onClose={() => setSelected(null)}
            />
          ) : null}
          <SubscriptionsSection />
        </div>
      )}
    </ConsolePage>
  );
}
