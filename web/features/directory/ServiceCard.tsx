import { Link } from "react-router";
import { Icon } from "../../components/Icon.tsx";
import type { Lang } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import type { Bilingual, ServiceEntry } from "./api.ts";

export function pick(text: Bilingual, lang: Lang): string {
  return lang === "en" ? text.en : text.id;
}

/** "Buka layanan": a router link into Lumbung, or an external link in a new tab, marked as such. */
export function OpenServiceLink({ service, className }: { service: ServiceEntry; className?: string }) {
  const { t } = usePreferences();
  const cls = className ?? "button button-primary button-small";
  if (service.kind === "internal") {
    return (
      <Link to={service.url} className={cls} data-testid={`open-${service.slug}`}>
        {t("directory.open")}
      </Link>
    );
  }
  return (
    <a
      href={service.url}
      target="_blank"
      rel="noopener noreferrer"
      className={cls}
      data-testid={`open-${service.slug}`}
    >
      {t("directory.open")}
      <span className="external-marker" aria-hidden="true">
        ↗
      </span>
      <span className="visually-hidden"> {t("directory.external")}</span>
    </a>
  );
}

export function Requirements({ service }: { service: ServiceEntry }) {
  const { t, lang } = usePreferences();
  if (service.requirements.length === 0)
    return <p className="muted small">{t("directory.requirements.none")}</p>;
  return (
    <ul>
      {service.requirements.map((r) => (
        <li key={r.id}>{pick(r, lang)}</li>
      ))}
    </ul>
  );
}

/** One service of the directory: name, agency, hours, collapsible requirements and the link. */
export function ServiceCard({ service }: { service: ServiceEntry }) {
  const { t, lang } = usePreferences();
  return (
    <li className="service-card" data-testid={`service-${service.slug}`}>
      <h3>
        <Link to={`/layanan/${service.slug}`}>{pick(service.name, lang)}</Link>
      </h3>
      <p className="service-meta">
        <Icon name="building" size={18} />
        <span>
          <span className="visually-hidden">{t("directory.agency")}: </span>
          {service.agency}
        </span>
      </p>
      <p className="service-meta">
        <Icon name="clock" size={18} />
        <span>
          <span className="visually-hidden">{t("directory.hours")}: </span>
          {pick(service.openingHours, lang)}
        </span>
      </p>
      <p className="small">{pick(service.description, lang)}</p>
      {service.requirements.length > 0 ? (
        <details>
          <summary>
            {t("directory.requirements")} ({service.requirements.length})
          </summary>
          <Requirements service={service} />
        </details>
      ) : null}
      <div className="service-actions">
        <OpenServiceLink service={service} />
        {service.kind === "internal" ? (
          <span className="badge badge-hub">{t("directory.internal")}</span>
        ) : null}
      </div>
    </li>
  );
}
