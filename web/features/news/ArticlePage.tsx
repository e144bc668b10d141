import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { newsApi } from "./api.ts";
import { NewsBody } from "./NewsBody.tsx";
import { KindBadge } from "./NewsFeedPage.tsx";
import { regencyNames, useLampungRegencies } from "./regions.ts";
import "./news.css";

/** /berita/:slug — one article; `?preview=true` lets its authors read a draft. */
export function ArticlePage() {
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const preview = params.get("preview") === "true";
  const { t, td, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["news", "article", slug, preview],
    queryFn: () => newsApi.get(slug, preview),
  });
  const regencies = useLampungRegencies();
  useDocumentTitle(query.data?.title ?? t("news.title"));

  if (query.isPending) {
    return (
      <p className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section className="card narrow">
        <h1 id="page-title">{t("news.title")}</h1>
        {notFound ? (
          <p>{t("news.notFound")}</p>
        ) : (
          <ErrorAlert title={t("error.title")} message={errorMessage(query.error, t, td)} />
        )}
        <p>
          <Link to="/berita">{t("news.back")}</Link>
        </p>
      </section>
    );
  }
  const a = query.data;
  return (
    <article className="card news-article">
      <p>
        <Link to="/berita">← {t("news.back")}</Link>
      </p>
      {a.status !== "published" ? <p className="alert alert-info">{t("news.preview.banner")}</p> : null}
      <p>
        <KindBadge kind={a.kind} />
      </p>
      <h1 id="page-title">{a.title}</h1>
      <p className="muted">
        {a.organisation.name}
        {a.publishedAt ? (
          <>
            {" · "}
            <time dateTime={a.publishedAt}>
              {t("news.publishedAt", { date: formatDateTimeWIB(a.publishedAt, lang) })}
            </time>
          </>
        ) : null}
      </p>
      <p className="small">
        <strong>{t("news.targets")}:</strong>{" "}
        {a.regencyCodes.length ? regencyNames(a.regencyCodes, regencies.data?.items) : t("news.targets.all")}
      </p>
      {a.image ? (
        <img
          className="news-article-image"
          src={a.image.url}
          alt={a.image.alt}
          width={a.image.width ?? undefined}
          height={a.image.height ?? undefined}
        />
      ) : null}
      <p className="news-lead">
        <strong>{a.summary}</strong>
      </p>
      <NewsBody body={a.body} />
    </article>
  );
}
