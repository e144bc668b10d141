import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { LedgerSection } from "../interventions/LedgerSection.tsx";
import { RecommendationsSection } from "../interventions/RecommendationsSection.tsx";
import { SpreadSection } from "../spread/SpreadSection.tsx";
import { SupplySection } from "../supply/SupplySection.tsx";
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
        <button type="submit" className="button button-primary" data-testid="stability-filter-apply">
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

/** The commodity and province the supply, recommendation and ledger sections look at. */
interface Focus {
  commodity: string;
  region: string;
}

const PROVINCES = [
  { code: "31", key: "stability.focus.jakarta" },
  { code: "18", key: "stability.focus.lampung" },
] as const;

function FocusBar({ focus, onChange }: { focus: Focus; onChange: (f: Focus) => void }) {
  const { t, lang } = usePreferences();
  const commodities = useQuery({
    queryKey: ["commodities"],
    queryFn: stabilityApi.commodities,
    staleTime: 300_000,
  });
  return (
    <section className="card stab-focus" aria-labelledby="stab-focus-title" data-testid="stability-focus">
      <h2 id="stab-focus-title" className="visually-hidden">
        {t("stability.focus.title")}
      </h2>
      <SelectField
        label={t("stability.focus.commodity")}
        value={focus.commodity}
        onChange={(e) => onChange({ ...focus, commodity: e.currentTarget.value })}
        data-testid="stability-focus-commodity"
      >
        {(
          commodities.data?.items ?? [
            { code: focus.commodity, name: focus.commodity, nameEn: focus.commodity },
          ]
        ).map((c) => (
          <option key={c.code} value={c.code}>
            {lang === "en" ? c.nameEn : c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("stability.focus.province")}
        value={focus.region}
        onChange={(e) => onChange({ ...focus, region: e.currentTarget.value })}
        data-testid="stability-focus-region"
      >
        {PROVINCES.map((p) => (
          <option key={p.code} value={p.code}>
            {t(p.key)}
          </option>
        ))}
      </SelectField>
      <nav className="stab-jump" aria-label={t("stability.focus.jump")}>
        <a href="#stab-alerts-title">{t("stability.alerts.title")}</a>
        <a href="#supply-title">{t("stability.focus.supply")}</a>
        <a href="#itv-recs-title">{t("itv.recs.title")}</a>
        <a href="#itv-ledger-title">{t("itv.ledger.title")}</a>
        <a href="#spread-title">{t("stability.focus.spread")}</a>
      </nav>
    </section>
  );
}

const DECIDERS = new Set(["dinas", "bumd", "admin"]);

/**
 * /konsol/stabilitas, the stability dashboard: open price alerts with their reasons and indicators, then
 * for one commodity and province the supply position and outlook, the recommended actions with their
 * decisions, the intervention ledger, and the corridor spread.
 */
export function StabilityPage() {
  const { t } = usePreferences();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<AlertFilters>({});
  const [selected, setSelected] = useState<{
    commodity: string;
    region: string;
    title: { commodity: string; region: string };
  } | null>(null);
  const topAlert = useQuery({
    queryKey: ["stability", "alerts", { level: "siaga" }],
    queryFn: () => stabilityApi.alerts({ level: "siaga" }),
    enabled: !params.get("commodity"),
  });
  const first = topAlert.data?.items[0];
  const focus: Focus = {
    commodity: params.get("commodity") ?? first?.commodityCode ?? "beras-medium",
    region: (params.get("region") ?? first?.regionCode ?? "31").slice(0, 2),
  };
  const setFocus = (f: Focus) => setParams({ commodity: f.commodity, region: f.region }, { replace: true });
  const scope = { commodity: focus.commodity, region: focus.region };
  return (
    <ConsolePage title={t("stability.title")} intro={t("stability.intro")}>
      {(session) => (
        <div className="stab">
          <FocusBar focus={focus} onChange={setFocus} />
          <Filters onApply={setFilters} />
          <AlertsTable
            filters={filters}
            onShow={(a) => {
              setFocus({ commodity: a.commodityCode, region: a.regionCode.slice(0, 2) });
              setSelected({
                commodity: a.commodityCode,
                region: a.regionCode,
                title: { commodity: a.commodityName, region: a.placeName },
              });
            }}
          />
          {selected ? (
            <IndicatorPanel
              commodity={selected.commodity}
              region={selected.region}
              title={selected.title}
              onClose={() => setSelected(null)}
            />
          ) : null}
          <SupplySection commodityCode={focus.commodity} regionCode={focus.region} />
          <RecommendationsSection scope={scope} canDecide={DECIDERS.has(session.persona)} />
          <LedgerSection scope={scope} canOpenShipments={session.persona !== "dinas"} />
          <SpreadSection commodityCode={focus.commodity} />
          <SubscriptionsSection />
        </div>
      )}
    </ConsolePage>
  );
}
