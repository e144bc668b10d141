import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { newsApi } from "./api.ts";
import "./news.css";

/**
 * A compact list of the latest published news and announcements (for the home page):
 * each links to its article at /berita/:slug. Handles loading, empty and error states.
 */
export function LatestNews({ limit }: { limit: number }) {
  const { t, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["news", "list", { limit }],
    queryFn: () => newsApi.list({ limit }),
    staleTime: 60_000,
  });
  return (
    <div className="news-latest" data-testid="latest-news">
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("news.empty")}>
        {(data) => (
          <ul className="news-latest-list">
            {data.items.map((item) => (
              <li key={item.id} className="news-latest-item">
                <Link to={`/berita/${item.slug}`} className="news-latest-link">
                  <span className={`badge news-kind news-kind-${item.kind}`}>
                    {t(item.kind === "announcement" ? "news.kind.announcement" : "news.kind.news")}
                  </span>
                  <span className="news-latest-title">{item.title}</span>
                  <span className="news-latest-meta muted small">
                    {item.organisation.name}
                    {item.publishedAt ? ` · ${formatDateTimeWIB(item.publishedAt, lang)}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <p className="news-latest-more">
        <Link to="/berita">{t("news.all")}</Link>
      </p>
    </div>
  );
}
