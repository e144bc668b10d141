import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { SelectField } from "../../components/Field.tsx";
import { Icon } from "../../components/Icon.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { laporApi } from "./api.ts";
import { LaporMap } from "./LaporMap.tsx";
import { categoryName, ReportCard } from "./parts.tsx";
import { useCategories } from "./useCategories.ts";
import "./lapor.css";

/** `/lapor`: the public feed of public reports with filters, and the offline map. */
export function FeedPage() {
  const { t, lang } = usePreferences();
  useDocumentTitle(t("lapor.feed.title"));
  // Reports saved on this phone are sent from here too, when the connection returns.
  const [category, setCategory] = useState("");
  const [status, setStatus] = useState("");
  const [regency, setRegency] = useState("");
  const categories = useCategories();
  const regencies = useQuery({
    queryKey: ["regions", "18"],
    queryFn: () => laporApi.regions("18"),
    staleTime: 60 * 60_000,
  });
  const reports = useQuery({
    queryKey: ["lapor", "public", { category, status, regency }],
    queryFn: () => laporApi.publicReports({ category, status, regency, limit: 100 }),
  });
  return (
    <div className="lapor-page" data-testid="lapor-feed">
      <header className="lapor-head">
        <h1 id="page-title">{t("lapor.feed.title")}</h1>
        <p className="muted">{t("lapor.lead")}</p>
        <p className="lapor-head-actions">
          <Link to="/lapor/baru" className="button button-primary lapor-new" data-testid="lapor-new-button">
            <Icon name="report" />
            {t("lapor.new")}
          </Link>
          <Link to="/lapor/saya" className="button button-secondary">
            {t("lapor.mine")}
          </Link>
          <Link to="/lapor/liga" className="button button-secondary" data-testid="lapor-league-link">
            {t("lapor.league")}
          </Link>
        </p>
      </header>

      <section className="card" aria-labelledby="lapor-filter-title">
        <h2 id="lapor-filter-title" className="section-title">
          {t("lapor.filter.title")}
        </h2>
        <div className="lapor-filters">
          <SelectField
            label={t("lapor.filter.category")}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data-testid="lapor-filter-category"
          >
            <option value="">{t("lapor.filter.all")}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {categoryName(lang, c.name)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("lapor.filter.status")}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data-testid="lapor-filter-status"
          >
            <option value="">{t("lapor.filter.all")}</option>
            <option value="open">{t("lapor.filter.open")}</option>
            <option value="closed">{t("lapor.filter.closed")}</option>
          </SelectField>
          <SelectField
            label={t("lapor.filter.regency")}
            value={regency}
            onChange={(e) => setRegency(e.currentTarget.value)}
            data-testid="lapor-filter-regency"
          >
            <option value="">{t("lapor.filter.all")}</option>
            {(regencies.data?.items ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

      <section className="card" aria-labelledby="lapor-map-title">
        <h2 id="lapor-map-title" className="section-title">
          {t("lapor.map.title")}
        </h2>
        <LaporMap
          reports={reports.data?.items ?? []}
          title={t("lapor.map.alt", { n: reports.data?.items.length ?? 0 })}
        />
      </section>

      <section className="card" aria-labelledby="lapor-list-title">
        <h2 id="lapor-list-title" className="section-title">
          {t("lapor.feed.title")}
          {reports.data ? (
            <span className="muted small"> · {t("lapor.feed.count", { n: reports.data.total })}</span>
          ) : null}
        </h2>
        <QueryState query={reports} isEmpty={(d) => d.items.length === 0} empty={t("lapor.feed.empty")}>
          {(data) => (
            <ul className="lapor-list" data-testid="lapor-list">
              {data.items.map((r) => (
                <ReportCard key={r.id} report={r} />
              ))}
            </ul>
          )}
        </QueryState>
      </section>
    </div>
  );
}
