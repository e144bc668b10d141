import { Link } from "react-router";
import { Icon, type IconName } from "../../components/Icon.tsx";
import type { Session } from "../../lib/api.ts";
import { hourInJakarta } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { ReferencePriceList } from "../prices/ReferencePrices.tsx";

/** Services on the home screen; those with a page link to it, the rest say they are coming. */
const TILES: readonly { key: string; icon: IconName; title: MessageKey; desc: MessageKey; to?: string }[] = [
  { key: "services", icon: "services", title: "tile.services", desc: "tile.services.desc" },
  { key: "report", icon: "report", title: "tile.report", desc: "tile.report.desc" },
  { key: "prices", icon: "prices", title: "tile.prices", desc: "tile.prices.desc", to: "/harga" },
  { key: "news", icon: "news", title: "tile.news", desc: "tile.news.desc" },
  { key: "market", icon: "market", title: "tile.market", desc: "tile.market.desc" },
];

function greetingKey(hour: number): MessageKey {
  if (hour >= 4 && hour < 11) return "greeting.morning";
  if (hour >= 11 && hour < 15) return "greeting.afternoon";
  if (hour >= 15 && hour < 18) return "greeting.evening";
  return "greeting.night";
}

export function CitizenHome({ session }: { session: Session }) {
  const { t } = usePreferences();
  useDocumentTitle(t("citizen.servicesTitle"));
  const greeting = t(greetingKey(hourInJakarta()), { name: session.user.name });

  return (
    <div className="citizen" data-testid="citizen-home">
      <section className="hero">
        <h1 id="page-title">{greeting}</h1>
        <p className="hero-lead">{t("citizen.lead")}</p>
      </section>

      <section aria-labelledby="services-title" className="section">
        <h2 id="services-title" className="section-title">
          {t("citizen.servicesTitle")}
        </h2>
        <ul className="tiles">
          {TILES.map((tile) => (
            <li key={tile.key} className="tile" data-testid={`tile-${tile.key}`}>
              {tile.to ? (
                <Link to={tile.to} className="tile-link">
                  <span className="tile-icon">
                    <Icon name={tile.icon} size={28} />
                  </span>
                  <span className="tile-body">
                    <span className="tile-title">{t(tile.title)}</span>
                    <span className="tile-desc">{t(tile.desc)}</span>
                  </span>
                </Link>
              ) : (
                <>
                  <span className="tile-icon">
                    <Icon name={tile.icon} size={28} />
                  </span>
                  <span className="tile-body">
                    <span className="tile-title">{t(tile.title)}</span>
                    <span className="tile-desc">{t(tile.desc)}</span>
                    <span className="badge badge-soon">{t("citizen.comingSoon")}</span>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="prices-title" className="card section">
        <div className="card-head">
          <h2 id="prices-title">{t("prices.title")}</h2>
          <p className="muted">{t("prices.intro")}</p>
        </div>
        <ReferencePriceList />
      </section>
    </div>
  );
}
