/**
 * The home's sections below the fold, in a chunk of their own: the page's first paint (greeting,
 * tiles, the easy-reading switch) does not wait for them. Each section loads its own data and says
 * so when it cannot; the open reports say nothing at all when Lapor cannot answer.
 */
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { LatestNews } from "../news/LatestNews.tsx";
import { todayWIB } from "../prices-board/model.ts";
import { BOARD_KEY, CLOSED_STATES, homeApi, type ReportState } from "./api.ts";
import { type PriceCell, priceLines } from "./priceSummary.ts";

function Change({ cell }: { cell: PriceCell }) {
  const { t, lang } = usePreferences();
  const pct = cell.day;
  if (pct === null) return null;
  const rounded = Math.abs(Math.round(pct * 10) / 10);
  if (rounded === 0) {
    return (
      <span className="home-change home-change-flat">
        <span aria-hidden="true">= 0%</span>
        <span className="visually-hidden">{t("home.prices.flat")}</span>
      </span>
    );
  }
  const up = pct > 0;
  const shown = rounded.toLocaleString(lang === "en" ? "en-GB" : "id-ID");
  return (
    <span className={`home-change ${up ? "home-change-up" : "home-change-down"}`}>
      <span aria-hidden="true">
        {up ? "▲" : "▼"} {shown}%
      </span>
      <span className="visually-hidden">{t(up ? "home.prices.up" : "home.prices.down", { pct: shown })}</span>
    </span>
  );
}

/** Four to six staples, Lampung beside Jakarta, with the change since yesterday. */
export function PriceSummary() {
  const { t, lang } = usePreferences();
  const query = useQuery({ queryKey: BOARD_KEY, queryFn: homeApi.board, staleTime: 60_000 });
  const lines = query.data ? priceLines(query.data, 6) : [];
  return (
    <section
      aria-labelledby="home-prices-title"
      className="card section home-prices"
      data-testid="home-prices"
    >
      <div className="home-section-head">
        <h2 id="home-prices-title">{t("home.prices.title")}</h2>
        <Link to="/harga" className="home-more">
          {t("home.prices.all")}
        </Link>
      </div>
      {query.isPending ? (
        <div className="home-skeleton" aria-busy="true">
          <span className="visually-hidden">{t("app.loading")}</span>
        </div>
      ) : query.isError ? (
        <p className="muted">{t("home.prices.error")}</p>
      ) : lines.length === 0 ? (
        <p className="muted">{t("home.prices.empty")}</p>
      ) : (
        <>
          <table className="home-price-table">
            <caption className="visually-hidden">{t("home.prices.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("home.prices.commodity")}</th>
                <th scope="col">{t("board.province.18")}</th>
                <th scope="col">{t("board.province.31")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.code} data-testid="home-price-row">
                  <th scope="row">
                    {lang === "en" ? line.nameEn : line.name}
                    <span className="home-price-unit">/{line.unit}</span>
                  </th>
                  {line.cells.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the two provinces, always in this order
                    <td key={i}>
                      {cell ? (
                        <>
                          <span className="home-price">{formatRupiah(cell.price)}</span>
                          <Change cell={cell} />
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {query.data ? (
            <p className="muted small">
              {t("home.prices.caption")}{" "}
              {t("home.prices.asOf", { date: formatDateWIB(query.data.date, lang) })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

export function StateBadge({ state }: { state: ReportState }) {
  const { t } = usePreferences();
  return <span className={`badge home-state home-state-${state}`}>{t(`home.state.${state}`)}</span>;
}

/** The three newest open public reports; nothing at all when Lapor has none or cannot answer. */
export function OpenReports() {
  const { t, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["lapor", "public", "home"],
    queryFn: () => homeApi.openReports(3),
    staleTime: 60_000,
    retry: false,
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="home-reports-title" className="card section" data-testid="home-reports">
      <div className="home-section-head">
        <h2 id="home-reports-title">{t("home.reports.title")}</h2>
        <Link to="/lapor" className="home-more">
          {t("home.reports.all")}
        </Link>
      </div>
      <ul className="home-reports">
        {items.map((report) => (
          <li key={report.id}>
            <Link to={`/lapor/${report.id}`} className="home-report">
              <span className="home-report-head">
                <span className="home-report-category">
                  {lang === "en" ? report.category.name.en : report.category.name.id}
                </span>
                <StateBadge state={report.state} />
                {report.overdue ? (
                  <span className="badge badge-danger">{t("home.reports.overdue")}</span>
                ) : null}
              </span>
              <span className="home-report-desc">{report.description}</span>
              <span className="muted small">
                {report.address ? `${report.address} · ` : ""}
                {report.agency.name} · {formatDateWIB(todayWIB(new Date(report.createdAt)), lang)}
                {report.followerCount > 0
                  ? ` · ${t("home.reports.followers", { n: report.followerCount })}`
                  : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A signed-in citizen's own reports, counted, with the way to file a new one. */
export function MyReports() {
  const { t } = usePreferences();
  const query = useQuery({
    queryKey: ["lapor", "my", "home"],
    queryFn: homeApi.myReports,
    staleTime: 30_000,
    retry: false,
  });
  if (query.isError) return null;
  const items = query.data?.items ?? [];
  const open = items.filter((r) => !CLOSED_STATES.includes(r.state)).length;
  return (
    <section aria-labelledby="home-my-title" className="card home-my" data-testid="home-my-reports">
      <div className="home-my-text">
        <h2 id="home-my-title">
          <Link to="/lapor/saya">{t("home.myReports")}</Link>
        </h2>
        {query.isPending ? (
          <p className="muted">{t("app.loading")}</p>
        ) : items.length === 0 ? (
          <p className="muted">{t("home.myReports.none")}</p>
        ) : (
          <p>
            <strong data-testid="home-my-count">{t("home.myReports.count", { n: items.length })}</strong>
            {open > 0 ? ` · ${t("home.myReports.open", { n: open })}` : ""}
          </p>
        )}
      </div>
      <Link to="/lapor/baru" className="button button-primary">
        {t("home.myReports.new")}
      </Link>
    </section>
  );
}

export function HomeNews() {
  const { t } = usePreferences();
  return (
    <section aria-labelledby="home-news-title" className="card section" data-testid="home-news">
      <h2 id="home-news-title">{t("home.news.title")}</h2>
      <LatestNews limit={3} />
    </section>
  );
}
