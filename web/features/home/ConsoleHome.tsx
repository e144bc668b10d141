import { ConsoleNav } from "../../components/ConsoleNav.tsx";
import { Icon, type IconName } from "../../components/Icon.tsx";
import type { Session } from "../../lib/api.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { AuditTable } from "../audit/AuditTable.tsx";
import { OrganisationsTable } from "../organisations/OrganisationsTable.tsx";
import { ReferencePriceTable } from "../prices/ReferencePrices.tsx";
import { SitesTable } from "../sites/SitesTable.tsx";

interface Section {
  id: string;
  icon: IconName;
  label: MessageKey;
}

const SOON: readonly MessageKey[] = ["console.soon.orders"];

export function ConsoleHome({ session }: { session: Session }) {
  const { t, td } = usePreferences();
  const { organisation, role, persona, user } = session;
  const isAdmin = persona === "admin" || user.isAdmin;
  const title = organisation ? t("console.title", { org: organisation.name }) : t("console.titleNoOrg");
  useDocumentTitle(title);

  const sections: Section[] = [
    ...(isAdmin
      ? ([
          { id: "audit", icon: "list", label: "console.audit" },
          { id: "organisasi", icon: "building", label: "console.organisations" },
        ] satisfies Section[])
      : []),
    { id: "lokasi", icon: "pin", label: "console.sites" },
    { id: "harga", icon: "prices", label: "console.prices" },
  ];

  return (
    <div className="console" data-testid="console-home">
      <ConsoleNav session={session}>
        <ul className="console-nav-list console-nav-sections">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>
                <Icon name={section.icon} size={20} />
                {t(section.label)}
              </a>
            </li>
          ))}
        </ul>
        <div className="console-soon">
          <p className="console-soon-title">{t("console.comingSoonTitle")}</p>
          <ul>
            {SOON.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
      </ConsoleNav>

      <div className="console-main">
        <h1 id="page-title" className="console-title">
          {title}
        </h1>

        <section id="ringkasan" aria-labelledby="overview-title" className="summary">
          <h2 id="overview-title" className="visually-hidden">
            {t("console.overview")}
          </h2>
          <dl className="summary-grid">
            <div className="summary-item">
              <dt>{t("console.organisation")}</dt>
              <dd data-testid="org-name">
                {organisation ? organisation.name : isAdmin ? t("console.admin") : t("console.noOrg")}
              </dd>
            </div>
            <div className="summary-item">
              <dt>{t("console.kind")}</dt>
              <dd data-testid="org-kind">
                {organisation ? td(`kind.${organisation.kind}`, organisation.kind) : "—"}
              </dd>
            </div>
            <div className="summary-item">
              <dt>{t("console.role")}</dt>
              <dd data-testid="role">
                {role ? td(`role.${role}`, role) : isAdmin ? t("console.admin") : t("console.noRole")}
              </dd>
            </div>
            <div className="summary-item">
              <dt>{t("console.you")}</dt>
              <dd>
                {user.name}
                <span className="summary-sub">{user.email ?? user.phone ?? ""}</span>
              </dd>
            </div>
          </dl>
        </section>

        {isAdmin ? (
          <>
            <section id="audit" aria-labelledby="audit-title" className="card section">
              <div className="card-head">
                <h2 id="audit-title">{t("audit.title")}</h2>
                <p className="muted">{t("audit.intro")}</p>
              </div>
              <AuditTable />
            </section>
            <section id="organisasi" aria-labelledby="orgs-title" className="card section">
              <div className="card-head">
                <h2 id="orgs-title">{t("orgs.title")}</h2>
                <p className="muted">{t("orgs.intro")}</p>
              </div>
              <OrganisationsTable />
            </section>
          </>
        ) : null}

        <section id="lokasi" aria-labelledby="sites-title" className="card section">
          <div className="card-head">
            <h2 id="sites-title">{t("sites.title")}</h2>
            <p className="muted">{t("sites.intro")}</p>
          </div>
          <SitesTable />
        </section>

        <section id="harga" aria-labelledby="prices-title" className="card section">
          <div className="card-head">
            <h2 id="prices-title">{t("prices.title")}</h2>
            <p className="muted">{t("prices.intro")}</p>
          </div>
          <ReferencePriceTable />
        </section>
      </div>
    </div>
  );
}
