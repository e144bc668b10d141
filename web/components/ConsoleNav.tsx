import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";
import { useSession } from "../features/auth/session.ts";
import { NotificationsLink } from "../features/notifications/NotificationsLink.tsx";
import type { Persona, Session } from "../lib/api.ts";
import type { MessageKey } from "../lib/i18n.ts";
import { useDocumentTitle, usePreferences } from "../lib/preferences.tsx";
import { Icon, type IconName } from "./Icon.tsx";

interface WorkArea {
  to: string;
  icon: IconName;
  label: MessageKey;
  /** Personas that work here; admins see every area. */
  personas: readonly Persona[];
}

/** The corridor's work areas, each a page of its own under /konsol. */
export const WORK_AREAS: readonly WorkArea[] = [
  { to: "/konsol/lot", icon: "list", label: "console.area.lots", personas: ["koperasi", "farmer"] },
  {
    to: "/konsol/pengiriman",
    icon: "market",
    label: "console.area.shipments",
    personas: [
      "koperasi",
      "farmer",
      "bumd",
      "carrier",
      "processor",
      "umkm",
      "warehouse_operator",
      "hub_operator",
      "dinas",
    ],
  },
  { to: "/konsol/hub", icon: "building", label: "console.area.hub", personas: ["hub_operator"] },
  {
    to: "/konsol/gudang",
    icon: "building",
    label: "console.area.warehouse",
    personas: ["warehouse_operator", "bumd", "koperasi", "umkm"],
  },
  {
    to: "/konsol/olahan",
    icon: "services",
    label: "console.area.processing",
    personas: ["processor", "dinas"],
  },
  { to: "/konsol/stabilitas", icon: "prices", label: "console.area.stability", personas: ["bumd", "dinas"] },
  // The price enumerators (src/modules/prices/prices.routes.ts `recorders`).
  { to: "/konsol/harga/catat", icon: "list", label: "priceEntry.nav", personas: ["dinas", "bumd"] },
  { to: "/konsol/harga/impor", icon: "list", label: "pricesImport.nav", personas: ["dinas", "bumd"] },
  // The citizen super app's back offices (issue 5): agencies answer reports and write news; admins
  // keep the services registry. `admin` as a persona: only admins (who see every area anyway).
  { to: "/konsol/lapor", icon: "report", label: "home.nav.consoleReports", personas: ["dinas"] },
  { to: "/konsol/berita", icon: "news", label: "home.nav.consoleNews", personas: ["dinas"] },
  { to: "/konsol/layanan", icon: "services", label: "home.nav.consoleServices", personas: ["admin"] },
  // Trade (issue 6): the UMKM marketplace's back office, BUMD procurement, payments and partners.
  { to: "/konsol/toko", icon: "market", label: "marketSeller.nav", personas: ["umkm"] },
  { to: "/konsol/toko/pesanan", icon: "list", label: "marketOrders.nav", personas: ["umkm"] },
  { to: "/konsol/penjual", icon: "check", label: "marketSeller.navAdmin", personas: ["admin"] },
  {
    to: "/konsol/pengadaan",
    icon: "market",
    label: "procurement.nav",
    personas: ["bumd", "koperasi", "farmer", "dinas"],
  },
  { to: "/konsol/keuangan", icon: "prices", label: "payments.nav", personas: ["admin"] },
  { to: "/konsol/mitra", icon: "globe", label: "partners.nav", personas: ["admin"] },
  { to: "/lacak", icon: "pin", label: "console.area.trace", personas: [] },
];

export function workAreasFor(session: Session): WorkArea[] {
  const admin = session.persona === "admin" || session.user.isAdmin;
  return WORK_AREAS.filter((a) => admin || a.personas.length === 0 || a.personas.includes(session.persona));
}

/** The console's side navigation: the overview, then the work areas open to this persona. */
export function ConsoleNav({ session, children }: { session: Session; children?: ReactNode }) {
  const { t } = usePreferences();
  return (
    <nav className="console-nav" aria-label={t("console.nav")}>
      <ul className="console-nav-list">
        <li>
          <NavLink to="/" end>
            <Icon name="home" size={20} />
            {t("console.overview")}
          </NavLink>
        </li>
        {/* Second, so its unread count is in view on a phone, where the menu scrolls sideways. */}
        <li>
          <NotificationsLink session={session} />
        </li>
        {workAreasFor(session).map((area) => (
          <li key={area.to}>
            <NavLink to={area.to}>
              <Icon name={area.icon} size={20} />
              {t(area.label)}
            </NavLink>
          </li>
        ))}
      </ul>
      {children}
    </nav>
  );
}

/**
 * A console page of a work area: the side navigation and the page, for signed-in operators. Anyone
 * else is sent to sign in (the API refuses them anyway).
 */
export function ConsolePage({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: (session: Session) => ReactNode;
}) {
  const { t } = usePreferences();
  const session = useSession();
  useDocumentTitle(title);
  if (session.isPending) {
    return (
      <p className="loading page-loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  if (!session.data) {
    return (
      <section className="card narrow">
        <h1 id="page-title">{title}</h1>
        <p>
          <Link to="/masuk">{t("signIn.title")}</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="console">
      <ConsoleNav session={session.data} />
      <div className="console-main">
        <div className="console-page-head">
          <div>
            <h1 id="page-title" className="console-title">
              {title}
            </h1>
            {intro ? <p className="muted">{intro}</p> : null}
          </div>
          {actions ? <div className="console-page-actions">{actions}</div> : null}
        </div>
        {children(session.data)}
      </div>
    </div>
  );
}
