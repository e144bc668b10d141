import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { usePreferences } from "../../lib/preferences.tsx";
import { type DelayRow, reportCsvUrl, type ShrinkageRow, shipmentsApi } from "./api.ts";
import { formatKg, formatMinutes, formatNumber, wibDayStart } from "./format.ts";
import "./shipments.css";

const pct = (v: number | null, lang: "id" | "en") => (v === null ? "—" : `${formatNumber(v, lang, 2)} %`);

function ShrinkageTable({ caption, rows }: { caption: string; rows: ShrinkageRow[] }) {
  const { t, td, lang } = usePreferences();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.group")}</th>
            <th scope="col" className="num">
              {t("reports.shipments")}
            </th>
            <th scope="col" className="num">
              {t("reports.shipped")}
            </th>
            <th scope="col" className="num">
              {t("reports.accepted")}
            </th>
            <th scope="col" className="num">
              {t("reports.shrinkage")}
            </th>
            <th scope="col" className="num">
              {t("reports.inspectionLoss")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {td(`shipments.mode.${r.label}`, td(`shipments.route.${r.label}`, r.label))}
              </th>
              <td className="num">{r.shipments}</td>
              <td className="num">{formatKg(r.shippedKg, lang)}</td>
              <td className="num">{formatKg(r.acceptedKg, lang)}</td>
              <td className="num">
                {formatKg(r.shrinkageKg, lang)} <span className="cell-sub">{pct(r.shrinkagePct, lang)}</span>
              </td>
              <td className="num">{formatKg(r.inspectionLossKg, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DelayTable({ caption, rows }: { caption: string; rows: DelayRow[] }) {
  const { t, td, lang } = usePreferences();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.group")}</th>
            <th scope="col" className="num">
              {t("reports.legs")}
            </th>
            <th scope="col" className="num">
              {t("reports.meanDelay")}
            </th>
            <th scope="col" className="num">
              {t("reports.p90Delay")}
            </th>
            <th scope="col" className="num">
              {t("reports.onTime")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{td(`shipments.mode.${r.label}`, r.label)}</th>
              <td className="num">{r.legs}</td>
              <td className="num">{formatMinutes(r.meanDelayMinutes, lang)}</td>
              <td className="num">{formatMinutes(r.p90DelayMinutes, lang)}</td>
              <td className="num">{pct(r.onTimePct, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reports() {
  const { t, lang } = usePreferences();
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() + 7 * 3_600_000 - 30 * 86_400_000).toISOString().slice(0, 10);
  const [fromDay, setFromDay] = useState(monthAgo);
  const [toDay, setToDay] = useState(today);
  const from = fromDay ? wibDayStart(fromDay) : undefined;
  // The end day counts whole: the period ends at the start of the next day.
  const to = toDay ? new Date(new Date(wibDayStart(toDay)).getTime() + 86_400_000).toISOString() : undefined;
  const shrinkage = useQuery({
    queryKey: ["report-shrinkage", from, to],
    queryFn: () => shipmentsApi.shrinkage(from, to),
  });
  const delays = useQuery({
    queryKey: ["report-delays", from, to],
    queryFn: () => shipmentsApi.delays(from, to),
  });
  return (
    <div className="sh-page">
      <div className="sh-two card sh-section">
        <Field
          label={t("reports.from")}
          type="date"
          value={fromDay}
          onChange={(e) => setFromDay(e.currentTarget.value)}
          data-testid="reports-from"
        />
        <Field
          label={t("reports.to")}
          type="date"
          value={toDay}
          onChange={(e) => setToDay(e.currentTarget.value)}
          data-testid="reports-to"
        />
      </div>
      <section className="card sh-section" aria-labelledby="rep-shrink-title" data-testid="reports-shrinkage">
        <h2 id="rep-shrink-title">{t("reports.shrinkage.title")}</h2>
        <QueryState query={shrinkage} isEmpty={(d) => d.total.shipments === 0} empty={t("reports.none")}>
          {(r) => (
            <>
              <p className="sh-total">
                {t("reports.shrinkage.total", {
                  shipped: formatKg(r.total.shippedKg, lang),
                  accepted: formatKg(r.total.acceptedKg, lang),
                  pct: pct(r.total.shrinkagePct, lang),
                })}
              </p>
              <ShrinkageTable caption={t("reports.byRoute")} rows={r.byRoute} />
              <ShrinkageTable caption={t("reports.byLegMode")} rows={r.byLegMode} />
              <ShrinkageTable caption={t("reports.byCarrier")} rows={r.byCarrier} />
            </>
          )}
        </QueryState>
        <a
          className="button button-secondary"
          href={reportCsvUrl("shrinkage", from, to)}
          data-testid="reports-csv-shrinkage"
        >
          {t("reports.csv")}
        </a>
      </section>
      <section className="card sh-section" aria-labelledby="rep-delay-title" data-testid="reports-delays">
        <h2 id="rep-delay-title">{t("reports.delays.title")}</h2>
        <QueryState query={delays} isEmpty={(d) => d.total.legs === 0} empty={t("reports.none")}>
          {(r) => (
            <>
              <p className="muted">{t("reports.delays.tolerance", { min: r.toleranceMinutes })}</p>
              <DelayTable caption={t("reports.byLegMode")} rows={r.byLegMode} />
              <DelayTable caption={t("reports.byCarrier")} rows={r.byCarrier} />
            </>
          )}
        </QueryState>
        <a
          className="button button-secondary"
          href={reportCsvUrl("delays", from, to)}
          data-testid="reports-csv-delays"
        >
          {t("reports.csv")}
        </a>
      </section>
      <p>
        <Link to="/konsol/pengiriman">{t("shipments.back")}</Link>
      </p>
    </div>
  );
}

export function ReportsPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("reports.title")} intro={t("reports.intro")}>
      {() => <Reports />}
    </ConsolePage>
  );
}
