import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Icon } from "../../components/Icon.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { regencyNames, useLampungRegencies } from "../news/regions.ts";
import { directoryApi } from "./api.ts";
import { OpenServiceLink, pick, Requirements } from "./ServiceCard.tsx";
import "./directory.css";

/** /layanan/:slug: one service in full. */
export function ServicePage() {
  const { slug = "" } = useParams();
  const { t, td, lang } = usePreferences();
  const query = useQuery({ queryKey: ["services", "one", slug], queryFn: () => directoryApi.get(slug) });
  const regencies = useLampungRegencies();
  useDocumentTitle(query.data ? pick(query.data.name, lang) : t("directory.title"));

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
        <h1 id="page-title">{t("directory.title")}</h1>
        {notFound ? (
          <p>{t("directory.notFound")}</p>
        ) : (
          <ErrorAlert title={t("error.title")} message={errorMessage(query.error, t, td)} />
        )}
        <p>
          <Link to="/layanan">{t("directory.back")}</Link>
        </p>
      </section>
    );
  }
  const service = query.data;
  return (
    <article className="card service-detail narrow">
      <p>
        <Link to="/layanan">← {t("directory.back")}</Link>
      </p>
      <h1 id="page-title">{pick(service.name, lang)}</h1>
      <p>{pick(service.description, lang)}</p>
      <dl className="facts">
        <div className="fact">
          <dt>{t("directory.agency")}</dt>
          <dd>{service.agency}</dd>
        </div>
        <div className="fact">
          <dt>{t("directory.hours")}</dt>
          <dd>{pick(service.openingHours, lang)}</dd>
        </div>
        <div className="fact">
          <dt>{t("directory.regions")}</dt>
          <dd>
            {service.regencyCodes.length
              ? regencyNames(service.regencyCodes, regencies.data?.items)
              : t("directory.regions.all")}
          </dd>
        </div>
      </dl>
      <h2>{t("directory.requirements")}</h2>
      <Requirements service={service} />
      <div className="service-actions">
        <OpenServiceLink service={service} className="button button-primary" />
        {service.kind === "external" ? (
          <span className="muted small">
            <Icon name="globe" size={16} /> {new URL(service.url).host}
          </span>
        ) : null}
      </div>
    </article>
  );
}
