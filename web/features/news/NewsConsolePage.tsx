import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type NewsStatus, newsApi } from "./api.ts";
import { KindBadge } from "./NewsFeedPage.tsx";
import "./news.css";

export function isAuthor(session: Session): boolean {
  return session.user.isAdmin || session.persona === "admin" || session.persona === "dinas";
}

export function StatusBadge({ status }: { status: NewsStatus }) {
  const { t } = usePreferences();
  const cls = status === "published" ? "badge-success" : status === "draft" ? "badge-warning" : "badge-soon";
  return <span className={`badge ${cls}`}>{t(`news.status.${status}`)}</span>;
}

function MyArticles() {
  const { t, lang } = usePreferences();
  const query = useQuery({ queryKey: ["news", "mine"], queryFn: newsApi.mine });
  return (
    <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("news.console.empty")}>
      {(data) => (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("news.editor.title")}</th>
                <th scope="col">{t("news.editor.kind")}</th>
                <th scope="col">{t("news.console.status")}</th>
                <th scope="col">{t("news.console.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id} data-testid={`my-news-${a.id}`}>
                  <th scope="row">
                    {a.status === "archived" ? a.title : <Link to={`/konsol/berita/${a.id}`}>{a.title}</Link>}
                    <span className="cell-sub">{a.organisation.name}</span>
                  </th>
                  <td>
                    <KindBadge kind={a.kind} />
                  </td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td className="nowrap">{formatDateTimeWIB(a.updatedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryState>
  );
}

/** /konsol/berita: the author's organisation's articles with their status. */
export function NewsConsolePage() {
  const { t } = usePreferences();
  return (
    <ConsolePage
      title={t("news.console.title")}
      intro={t("news.console.lead")}
      actions={
        <Link to="/konsol/berita/baru" className="button button-primary">
          {t("news.console.new")}
        </Link>
      }
    >
      {(session) =>
        isAuthor(session) ? <MyArticles /> : <p className="alert alert-info">{t("news.console.forbidden")}</p>
      }
    </ConsolePage>
  );
}
