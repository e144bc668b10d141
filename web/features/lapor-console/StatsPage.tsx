import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useSearchParams } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { LOCALES } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { laporConsoleApi, REPORT_STATES, type Stats } from "./api.ts";
import { AgencyHeader, LaporTabs, mayUseConsole, NotForYou, useText } from "./parts.tsx";
import "./lapor-console.css";

const PERIODS = [30, 90] as const;

const WIDTH = 480;
const ROW = 30;
const LABEL = 200;
const PAD_RIGHT = 40;

/** Reports per state as horizontal bars, with the same figures in a table beside it. */
function StateChart({ stats }: { stats: Stats }) {
  const { t, lang } = usePreferences();
  const titleId = useId();
  const number = new Intl.NumberFormat(LOCALES[lang]);
  const rows = REPORT_STATES.map((s) => ({ state: s, n: stats.byState[s] ?? 0 }));
  const top = Math.max(1, ...rows.map((r) => r.n));
  const height = rows.length * ROW + 8;
  const span = WIDTH - LABEL - PAD_RIGHT;
  return (
    <figure className="lc-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        data-testid="lapor-stats-chart"
      >
        <title id={titleId}>{t("laporConsole.stats.chartLabel")}</title>
        {rows.map((r, i) => {
          const y = 4 + i * ROW;
          const w = (r.n / top) * span;
          return (
            <g key={r.state}>
              <text className="lc-chart-label" x={LABEL - 8} y={y + ROW / 2 + 5} textAnchor="end">
                {t(`laporConsole.state.${r.state}`)}
              </text>
              <rect
                className={`lc-chart-bar lc-chart-${r.state}`}
                x={LABEL}
                y={y + 4}
                width={Math.max(r.n > 0 ? 2 : 0, w)}
                height={ROW - 8}
                rx={3}
              />
              <text className="lc-chart-value" x={LABEL + w + 6} y={y + ROW / 2 + 5}>
                {number.format(r.n)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="lc-chart-table">
        <summary>{t("laporConsole.stats.tableSummary")}</summary>
        <div className="table-wrap">
          <table data-testid="lapor-stats-state-table">
            <caption className="visually-hidden">{t("laporConsole.stats.chartLabel")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("laporConsole.col.state")}</th>
                <th scope="col" className="num">
                  {t("laporConsole.stats.count")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.state}>
                  <th scope="row">{t(`laporConsole.state.${r.state}`)}</th>
                  <td className="num">{number.format(r.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function StatsView({ stats }: { stats: Stats }) {
  const { t, lang } = usePreferences();
  const text = useText();
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(LOCALES[lang], { style: "percent", maximumFractionDigits: 0 });
  const hours = stats.medianResolutionHours;
  return (
    <>
      <section className="summary" aria-labelledby="lc-summary-title">
        <h2 id="lc-summary-title" className="visually-hidden">
          {t("laporConsole.stats.summary")}
        </h2>
        <dl className="summary-grid" data-testid="lapor-stats-summary">
          <div className="summary-item">
            <dt>{t("laporConsole.stats.open")}</dt>
            <dd data-testid="lapor-stats-open">{number.format(stats.open)}</dd>
          </div>
          <div className={stats.overdueOpen > 0 ? "summary-item lc-summary-late" : "summary-item"}>
            <dt>{t("laporConsole.stats.overdueOpen")}</dt>
            <dd data-testid="lapor-stats-overdue">{number.format(stats.overdueOpen)}</dd>
          </div>
          <div className="summary-item">
            <dt>{t("laporConsole.stats.onTimeRate")}</dt>
            <dd>{stats.onTimeRate === null ? "—" : pct.format(stats.onTimeRate)}</dd>
          </div>
          <div className="summary-item">
            <dt>{t("laporConsole.stats.median")}</dt>
            <dd>
              {hours === null
                ? "—"
                : hours >= 48
                  ? t("laporConsole.stats.days", { n: number.format(hours / 24) })
                  : hours >= 1
                    ? t("laporConsole.stats.hours", { n: number.format(hours) })
                    : t("laporConsole.stats.minutes", { n: Math.max(1, Math.round(hours * 60)) })}
            </dd>
          </div>
          <div className="summary-item">
            <dt>{t("laporConsole.stats.rating")}</dt>
            <dd>{stats.averageRating === null ? "—" : `${number.format(stats.averageRating)} / 5`}</dd>
          </div>
        </dl>
        <p className="muted small">
          {t("laporConsole.stats.period", {
            from: formatDateTimeWIB(stats.from, lang),
            to: formatDateTimeWIB(stats.to, lang),
          })}
        </p>
      </section>
      <div className="lc-stats-grid">
        <section className="card" aria-labelledby="lc-bystate-title">
          <h2 id="lc-bystate-title">{t("laporConsole.stats.byState")}</h2>
          <StateChart stats={stats} />
        </section>
        <section className="card" aria-labelledby="lc-bycat-title">
          <h2 id="lc-bycat-title">{t("laporConsole.stats.byCategory")}</h2>
          {stats.byCategory.length === 0 ? (
            <p className="empty">{t("laporConsole.stats.noCategory")}</p>
          ) : (
            <div className="table-wrap">
              <table className="lc-cat-table" data-testid="lapor-stats-categories">
                <thead>
                  <tr>
                    <th scope="col">{t("laporConsole.col.category")}</th>
                    <th scope="col" className="num">
                      {t("laporConsole.stats.open")}
                    </th>
                    <th scope="col" className="num">
                      {t("laporConsole.stats.total")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.byCategory.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{text(c.name) || c.code}</th>
                      <td className="num">{number.format(c.open)}</td>
                      <td className="num">{number.format(c.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}

/** /konsol/lapor/statistik: how the agency is doing over the last 30 or 90 days. */
export function StatsPage() {
  const { t } = usePreferences();
  const [params, setParams] = useSearchParams();
  const days = params.get("hari") === "90" ? 90 : 30;
  return (
    <ConsolePage title={t("laporConsole.stats.title")} intro={t("laporConsole.stats.intro")}>
      {(session) =>
        mayUseConsole(session) ? (
          <StatsBody
            days={days}
            onDays={(d) => setParams(d === 30 ? {} : { hari: String(d) }, { replace: true })}
          />
        ) : (
          <NotForYou />
        )
      }
    </ConsolePage>
  );
}

function StatsBody({ days, onDays }: { days: number; onDays: (d: number) => void }) {
  const { t } = usePreferences();
  const agency = useQuery({
    queryKey: ["lapor", "agency"],
    queryFn: laporConsoleApi.agency,
    staleTime: 300_000,
  });
  const query = useQuery({ queryKey: ["lapor", "stats", days], queryFn: () => laporConsoleApi.stats(days) });
  return (
    <div className="lc">
      <LaporTabs current="stats" />
      <AgencyHeader info={agency.data} />
      <fieldset className="lc-period">
        <legend>{t("laporConsole.stats.periodLabel")}</legend>
        {PERIODS.map((d) => (
          <button
            key={d}
            type="button"
            className={
              d === days ? "button button-primary button-small" : "button button-secondary button-small"
            }
            aria-pressed={d === days}
            onClick={() => onDays(d)}
            data-testid={`lapor-stats-days-${d}`}
          >
            {t("laporConsole.stats.days.option", { n: d })}
          </button>
        ))}
      </fieldset>
      <QueryState query={query} isEmpty={() => false} empty="">
        {(stats) => <StatsView stats={stats} />}
      </QueryState>
    </div>
  );
}
