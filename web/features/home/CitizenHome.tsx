import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { Icon, type IconName } from "../../components/Icon.tsx";
import type { Session } from "../../lib/api.ts";
import { hourInJakarta } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { useInstallPrompt } from "./install.ts";
import "./home.css";

// Below the fold: a chunk of its own, so the greeting and the tiles paint before it arrives.
const sections = () => import("./sections.tsx");
const PriceSummary = lazy(() => sections().then((m) => ({ default: m.PriceSummary })));
const OpenReports = lazy(() => sections().then((m) => ({ default: m.OpenReports })));
const MyReports = lazy(() => sections().then((m) => ({ default: m.MyReports })));
const HomeNews = lazy(() => sections().then((m) => ({ default: m.HomeNews })));

interface Tile {
  key: string;
  icon: IconName;
  title: MessageKey;
  desc: MessageKey;
  to: string;
}

const TILES: readonly Tile[] = [
  {
    key: "services",
    icon: "services",
    title: "home.tile.services",
    desc: "home.tile.services.desc",
    to: "/layanan",
  },
  { key: "report", icon: "report", title: "home.tile.report", desc: "home.tile.report.desc", to: "/lapor" },
  { key: "prices", icon: "prices", title: "home.tile.prices", desc: "home.tile.prices.desc", to: "/harga" },
  { key: "news", icon: "news", title: "home.tile.news", desc: "home.tile.news.desc", to: "/berita" },
  { key: "trace", icon: "pin", title: "home.tile.trace", desc: "home.tile.trace.desc", to: "/lacak" },
  { key: "market", icon: "market", title: "home.tile.market", desc: "home.tile.market.desc", to: "/pasar" },
];

function greetingKey(hour: number): MessageKey {
  if (hour >= 4 && hour < 11) return "greeting.morning";
  if (hour >= 11 && hour < 15) return "greeting.afternoon";
  if (hour >= 15 && hour < 18) return "greeting.evening";
  return "greeting.night";
}

/** The large switch for older readers: the same preference as the header's toggle. */
export function EasyReadingSwitch() {
  const { t, a11y, setA11y } = usePreferences();
  return (
    <div className="home-a11y">
      <button
        type="button"
        role="switch"
        aria-checked={a11y}
        aria-labelledby="home-a11y-label"
        aria-describedby="home-a11y-desc"
        className="home-switch"
        onClick={() => setA11y(!a11y)}
        data-testid="home-a11y-switch"
      >
        <span className="home-switch-text">
          <span id="home-a11y-label" className="home-switch-label">
            {t("home.a11y.title")}
          </span>
          <span id="home-a11y-desc" className="home-switch-desc">
            {t("home.a11y.desc")}
          </span>
        </span>
        <span className="home-switch-track" aria-hidden="true">
          <span className="home-switch-thumb" />
        </span>
        <span className="home-switch-state" aria-hidden="true">
          {a11y ? t("home.a11y.on") : t("home.a11y.off")}
        </span>
      </button>
    </div>
  );
}

function InstallButton() {
  const { t } = usePreferences();
  const prompt = useInstallPrompt();
  if (!prompt.available) return null;
  return (
    <div className="card home-install" data-testid="home-install">
      <p>{t("home.install.desc")}</p>
      <button type="button" className="button button-secondary" onClick={() => void prompt.install()}>
        <svg className="icon" width={20} height={20} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M12 4v11M7 10.5l5 5 5-5M5 19.5h14"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {t("home.install")}
      </button>
    </div>
  );
}

function TileCard({ tile }: { tile: Tile }) {
  const { t } = usePreferences();
  return (
    <li className="tile" data-testid={`tile-${tile.key}`}>
      <Link to={tile.to} className="tile-link">
        <span className="tile-icon">
          <Icon name={tile.icon} size={28} />
        </span>
        <span className="tile-body">
          <span className="tile-title">{t(tile.title)}</span>
          <span className="tile-desc">{t(tile.desc)}</span>
        </span>
      </Link>
    </li>
  );
}

/** A quiet placeholder the height of a section, so the page does not jump when it arrives. */
function Reserve({ height }: { height: string }) {
  return <div className="home-reserve" style={{ minHeight: height }} aria-hidden="true" />;
}

/**
 * The citizen home at `/`, for everyone: anonymous visitors get a sign-in call to action, signed-in
 * citizens their greeting and their reports. `session` is undefined while the session is not known
 * yet (the page renders at once instead of waiting for it).
 */
export function CitizenHome({ session }: { session: Session | null | undefined }) {
  const { t } = usePreferences();
  useDocumentTitle(t("home.title"));
  const heading = session ? t(greetingKey(hourInJakarta()), { name: session.user.name }) : t("home.welcome");

  return (
    <div className="citizen home" data-testid="citizen-home">
      <section className="hero home-hero" aria-labelledby="page-title">
        <h1 id="page-title">{heading}</h1>
        <p className="hero-lead">{session ? t("citizen.lead") : t("home.lead")}</p>
        {session === null ? (
          <div className="home-cta" data-testid="home-cta">
            <Link to="/masuk" className="button home-cta-primary">
              {t("home.signIn")}
            </Link>
            <Link to="/daftar" className="button button-on-dark">
              {t("home.register")}
            </Link>
            <p className="home-cta-hint">{t("home.signInHint")}</p>
          </div>
        ) : null}
      </section>

      <EasyReadingSwitch />

      <section aria-labelledby="services-title" className="section">
        <h2 id="services-title" className="section-title">
          {t("home.servicesTitle")}
        </h2>
        <ul className="tiles home-tiles">
          {TILES.map((tile) => (
            <TileCard key={tile.key} tile={tile} />
          ))}
        </ul>
      </section>

      <InstallButton />

      {session ? (
        <Suspense fallback={<Reserve height="5rem" />}>
          <MyReports />
        </Suspense>
      ) : null}

      <Suspense fallback={<Reserve height="16rem" />}>
        <PriceSummary />
      </Suspense>
      <Suspense fallback={null}>
        <OpenReports />
      </Suspense>
      <Suspense fallback={<Reserve height="10rem" />}>
        <HomeNews />
      </Suspense>
    </div>
  );
}
