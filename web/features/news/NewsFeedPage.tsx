import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { type NewsKind, type NewsPage, type NewsSummary, newsApi } from "./api.ts";
import { useLampungRegencies } from "./regions.ts";
import "./news.css";

const PAGE = 12;

export function KindBadge({ kind }: { kind: NewsKind }) {
  const { t } = usePreferences();
  return (
    <span className={`badge news-kind news-kind-${kind}`}>
      {t(kind === "announcement" ? "news.kind.announcement" : "news.kind.news")}
    </span>
  );
}

function NewsCard({ item }: { item: NewsSummary }) {
  const { lang } = usePreferences();
  return (
    <li className="news-card" data-testid={`news-${item.slug}`}>
      {item.image ? (
        <img
          src={item.image.url}
          alt={item.image.alt}
          loading="lazy"
          width={item.image.width ?? undefined}
          height={item.image.height ?? undefined}
        />
      ) : null}
      <div className="news-card-body">
        <KindBadge kind={item.kind} />
        <h2>
          <Link to={`/berita/${item.slug}`}>{item.title}</Link>
        </h2>
        <p>{item.summary}</p>
        <p className="muted small">
          {item.organisation.name}
          {item.publishedAt ? (
            <>
              {" · "}
              <time dateTime={item.publishedAt}>{formatDateTimeWIB(item.publishedAt, lang)}</time>
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}

/** /berita: published news and announcements, filtered by regency (select) and kind (chips). */
export function NewsFeedPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("news.title"));
  const [params, setParams] = useSearchParams();
  const regency = params.get("wilayah") ?? "";
  const kind = params.get("jenis") ?? "";
  const regencies = useLampungRegencies();
  const query = useInfiniteQuery({
    queryKey: ["news", "feed", { regency, kind }],
    queryFn: ({ pageParam }) =>
      newsApi.list({
        regency: regency || undefined,
        kind: kind || undefined,
        limit: PAGE,
        offset: pageParam,
      }),
    initialPageParam: 0,
    getNextPageParam: (last: NewsPage, pages: NewsPage[]) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
  const setFilter = (key: "wilayah" | "jenis", value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const kinds: { value: string; label: string }[] = [
    { value: "", label: t("news.kind.all") },
    { value: "announcement", label: t("news.kind.announcement") },
    { value: "news", label: t("news.kind.news") },
  ];

  return (
    <div className="news-page">
      <section className="section">
        <h1 id="page-title">{t("news.title")}</h1>
        <p className="muted">{t("news.lead")}</p>
        <div className="news-filters">
          <SelectField
            label={t("news.filter.regency")}
            value={regency}
            onChange={(e) => setFilter("wilayah", e.currentTarget.value)}
            data-testid="news-filter-regency"
          >
            <option value="">{t("news.filter.allRegencies")}</option>
            {regencies.data?.items.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <fieldset className="news-chips" aria-label={t("news.filter.kind")}>
            {kinds.map((k) => (
              <button
                key={k.value || "all"}
                type="button"
                className="news-chip"
                aria-pressed={kind === k.value}
                onClick={() => setFilter("jenis", k.value)}
              >
                {k.label}
              </button>
            ))}
          </fieldset>
        </div>
      </section>
      <QueryState
        query={query}
        isEmpty={(d) => d.pages.every((p) => p.items.length === 0)}
        empty={t("news.empty")}
      >
        {(data) => (
          <>
            <ul className="news-cards">
              {data.pages
                .flatMap((p) => p.items)
                .map((item) => (
                  <NewsCard key={item.id} item={item} />
                ))}
            </ul>
            {query.hasNextPage ? (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={query.isFetchingNextPage}
                  onClick={() => query.fetchNextPage()}
                >
                  {t("news.more")}
                </button>
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}
