import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { laporApi } from "./api.ts";
import "./lapor.css";

const DAYS = 90;

/** `/lapor/liga`: agencies ranked by their on-time rate. */
export function LeaguePage() {
  const { t, lang } = usePreferences();
  useDocumentTitle(t("lapor.league.title"));
  const league = useQuery({ queryKey: ["lapor", "league", DAYS], queryFn: () => laporApi.league(DAYS) });
  const pct = (n: number | null) => (n === null ? "–" : `${Math.round(n * 100)}%`);
  return (
    <div className="lapor-page" data-testid="lapor-league">
      <p>
        <Link to="/lapor">← {t("lapor.backToFeed")}</Link>
      </p>
      <h1 id="page-title">{t("lapor.league.title")}</h1>
      <p className="muted">{t("lapor.league.lead", { days: DAYS })}</p>
      <section className="card">
        <QueryState query={league} isEmpty={(d) => d.items.length === 0} empty={t("lapor.league.empty")}>
          {(data) => (
            <div className="table-wrap">
              <table className="lapor-league-table" data-testid="lapor-league-table">
                <caption>
                  {t("lapor.league.caption", {
                    from: formatDateWIB(data.from.slice(0, 10), lang),
                    to: formatDateWIB(data.to.slice(0, 10), lang),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("lapor.league.rank")}
                    </th>
                    <th scope="col">{t("lapor.league.agency")}</th>
                    <th scope="col" className="num">
                      {t("lapor.league.rate")}
                    </th>
                    <th scope="col" className="num">
                      {t("lapor.league.handled")}
                    </th>
                    <th scope="col" className="num">
                      {t("lapor.league.onTime")}
                    </th>
                    <th scope="col" className="num">
                      {t("lapor.league.late")}
                    </th>
                    <th scope="col" className="num">
                      {t("lapor.league.open")}
                    </th>
                    <th scope="col" className="num">
                      {t("lapor.league.overdueOpen")}
                    </th>
                    <th scope="col" className="num">
                      {t("lapor.league.rating")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row, i) => (
                    <tr key={row.agency.code} data-testid="lapor-league-row" data-agency={row.agency.code}>
                      <td className="num">{i + 1}</td>
                      <th scope="row">{row.agency.name}</th>
                      <td className="num">{pct(row.onTimeRate)}</td>
                      <td className="num">{row.handled}</td>
                      <td className="num">{row.onTime}</td>
                      <td className="num">{row.late}</td>
                      <td className="num">{row.open}</td>
                      <td className="num">{row.overdueOpen}</td>
                      <td className="num">
                        {row.averageRating === null
                          ? "–"
                          : row.averageRating.toFixed(1).replace(".", lang === "en" ? "." : ",")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </section>
    </div>
  );
}
