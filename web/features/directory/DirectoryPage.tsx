import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useLocation, useSearchParams } from "react-router";
import { Field } from "../../components/Field.tsx";
import { Icon } from "../../components/Icon.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { directoryApi } from "./api.ts";
import { groupIcon } from "./icons.ts";
import { pick, ServiceCard } from "./ServiceCard.tsx";
import "./directory.css";

/** /layanan: search, then the groups as sections of service cards (anchors #<group> for the shortcuts). */
export function DirectoryPage() {
  const { t, lang } = usePreferences();
  useDocumentTitle(t("directory.title"));
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const location = useLocation();
  const query = useQuery({
    queryKey: ["services", "search", q],
    queryFn: () => directoryApi.search({ q }),
    staleTime: 60_000,
  });

  // The home page's shortcuts link to /layanan#<group>: scroll there once the sections exist.
  useEffect(() => {
    if (!query.data || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [query.data, location.hash]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  };

  return (
    <div className="directory-page">
      <section className="section">
        <h1 id="page-title">{t("directory.title")}</h1>
        <p className="muted">{t("directory.lead")}</p>
        <search className="directory-search card" aria-label={t("directory.search")}>
          <form onSubmit={onSubmit}>
            <Field
              label={t("directory.search")}
              hint={t("directory.search.hint")}
              type="search"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-testid="directory-search"
            />
            <button type="submit" className="button button-primary">
              {t("directory.search.submit")}
            </button>
            {q ? (
              <button type="button" className="button button-secondary" onClick={() => setParams({})}>
                {t("directory.search.clear")}
              </button>
            ) : null}
          </form>
        </search>
      </section>
      <QueryState
        query={query}
        isEmpty={(d) => d.total === 0}
        empty={q ? t("directory.noResults") : t("directory.empty")}
      >
        {(data) => (
          <>
            {q ? (
              <p role="status" className="muted">
                {t("directory.results", { count: data.total })}
              </p>
            ) : null}
            {data.sections.map((section) => (
              <section
                key={section.group.code}
                id={section.group.code}
                className="section directory-section"
                aria-labelledby={`group-${section.group.code}`}
              >
                <h2 id={`group-${section.group.code}`} className="directory-section-title">
                  <Icon name={groupIcon(section.group.icon)} />
                  {pick(section.group.name, lang)}
                </h2>
                <ul className="service-cards">
                  {section.items.map((service) => (
                    <ServiceCard key={service.slug} service={service} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </QueryState>
    </div>
  );
}
