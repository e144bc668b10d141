import { type ReactNode, useEffect, useRef, useSyncExternalStore } from "react";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { useSession, useSignOut } from "../features/auth/session.ts";
import { useOwner } from "../features/lapor/owner.ts";
import { isOperator } from "../lib/api.ts";
import { errorMessage } from "../lib/errors.ts";
import type { MessageKey } from "../lib/i18n.ts";
import { usePreferences } from "../lib/preferences.tsx";
import { ErrorAlert } from "./Alert.tsx";
import { Icon, type IconName, Logo } from "./Icon.tsx";

function PreferenceToggles() {
  const { t, lang, setLang, a11y, setA11y } = usePreferences();
  return (
    <div className="toggles">
      <button
        type="button"
        className="toggle"
        aria-pressed={a11y}
        onClick={() => setA11y(!a11y)}
        data-testid="a11y-toggle"
      >
        <Icon name="contrast" size={18} />
        {t("header.a11y")}
      </button>
      <button
        type="button"
        className="toggle toggle-lang"
        lang={lang === "id" ? "en" : "id"}
        aria-label={t("header.langButtonLabel")}
        onClick={() => setLang(lang === "id" ? "en" : "id")}
        data-testid="lang-toggle"
      >
        <Icon name="globe" size={18} />
        {t("header.langButton")}
      </button>
    </div>
  );
}

const BELL = "M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0";
const PERSON = "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20.5a7.5 7.5 0 0 1 15 0";
const ENTER = "M10 17l5-5-5-5M15 12H3M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4";

function PathIcon({ d, size = 20 }: { d: string; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

/** The signed-in person's corner of the header: inbox, profile, sign out (or sign in). */
function UserMenu({ citizenLinks }: { citizenLinks: boolean }) {
  const { t, td } = usePreferences();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  if (!session.data) {
    // The home's hero and the sign-in page have their own.
    if (session.isPending || location.pathname === "/masuk" || location.pathname === "/") return null;
    return (
      <div className="user-menu">
        <Link to="/masuk" className="button button-on-dark header-sign-in" data-testid="header-sign-in">
          <PathIcon d={ENTER} size={18} />
          {t("home.nav.signIn")}
        </Link>
      </div>
    );
  }
  const { user } = session.data;
  return (
    <div className="user-menu">
      <span className="user-name" title={t("header.signedInAs", { name: user.name })}>
        {user.name}
      </span>
      {citizenLinks ? (
        <ul className="account-links">
          <li>
            <NavLink to="/notifikasi" className="account-link" data-testid="nav-notifications">
              <PathIcon d={BELL} />
              <span className="account-link-text">{t("home.nav.notifications")}</span>
            </NavLink>
          </li>
          <li>
            <NavLink to="/profil" className="account-link" data-testid="nav-profile">
              <PathIcon d={PERSON} />
              <span className="account-link-text">{t("home.nav.profile")}</span>
            </NavLink>
          </li>
        </ul>
      ) : null}
      <button
        type="button"
        className="button button-on-dark header-sign-out"
        aria-disabled={signOut.isPending || undefined}
        onClick={() => {
          if (signOut.isPending) return;
          signOut.mutate(undefined, {
            onSuccess: () => navigate("/masuk", { replace: true, state: { ended: "signedOut" } }),
          });
        }}
      >
        <Icon name="signOut" size={18} />
        <span className="header-sign-out-text">{t("header.signOut")}</span>
      </button>
      {signOut.isError ? (
        <div className="user-menu-error">
          <ErrorAlert message={errorMessage(signOut.error, t, td)} testId="signout-error" />
        </div>
      ) : null}
    </div>
  );
}

interface NavEntry {
  to: string;
  label: MessageKey;
  icon: IconName;
}

/** The citizen app's sections: a bar at the bottom of a phone's screen, a row under the header on wider ones. */
const CITIZEN_NAV: readonly NavEntry[] = [
  { to: "/", label: "home.nav.home", icon: "home" },
  { to: "/layanan", label: "home.nav.services", icon: "services" },
  { to: "/lapor", label: "home.nav.report", icon: "report" },
  { to: "/harga", label: "home.nav.prices", icon: "prices" },
  { to: "/berita", label: "home.nav.news", icon: "news" },
];

function CitizenNav() {
  const { t } = usePreferences();
  return (
    <nav className="citizen-nav" aria-label={t("home.nav.main")} data-testid="citizen-nav">
      <ul className="citizen-nav-list">
        {CITIZEN_NAV.map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to} end={entry.to === "/"} className="citizen-nav-link">
              <Icon name={entry.icon} size={22} />
              <span>{t(entry.label)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

/** Says so when the phone has no connection (the offline shell keeps the app open). */
function OfflineNote() {
  const { t } = usePreferences();
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  if (online) return null;
  return (
    <p className="offline-note" role="status" data-testid="offline-note">
      {t("home.offline")}
    </p>
  );
}

/**
 * Reports filed offline wait in the phone's outbox; this is the one place that sends them: at start, when
 * the connection returns and when the app comes back to the foreground, whatever page is open. The outbox
 * code loads only when the phone has a reporter (signed in now, or before going offline).
 */
function useLaporOutboxSync(): void {
  const { ownerId: owner } = useOwner();
  useEffect(() => {
    if (!owner) return;
    const go = () => {
      void import("../features/lapor/outbox.ts").then((m) => m.syncOutbox(owner, true)).catch(() => {});
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") go();
    };
    go();
    window.addEventListener("online", go);
    window.addEventListener("focus", go);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", go);
      window.removeEventListener("focus", go);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [owner]);
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = usePreferences();
  const location = useLocation();
  const session = useSession();
  useLaporOutboxSync();
  const mainRef = useRef<HTMLElement>(null);
  const interacted = useRef(false);
  // Operators get the wide desktop console (tables of stock, shipments, prices); everyone else a
  // reading-width column.
  const inConsole = location.pathname === "/" || location.pathname.startsWith("/konsol");
  const wide = inConsole && !!session.data && isOperator(session.data.persona);

  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    document.addEventListener("keydown", mark, { capture: true, once: true });
    document.addEventListener("pointerdown", mark, { capture: true, once: true });
    return () => {
      document.removeEventListener("keydown", mark, { capture: true });
      document.removeEventListener("pointerdown", mark, { capture: true });
    };
  }, []);

  // After a navigation the person caused, move focus to the new page so screen readers
  // announce it (redirects on first load leave focus alone).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path changes only
  useEffect(() => {
    if (interacted.current) mainRef.current?.focus();
  }, [location.pathname]);

  const citizen = !wide && !location.pathname.startsWith("/konsol");

  return (
    <div className={citizen ? "app app-citizen" : "app"}>
      <a className="skip-link" href="#main">
        {t("skip.toMain")}
      </a>
      <header className="site-top">
        <div className="utility-bar">
          <div className={wide ? "container container-wide utility-inner" : "container utility-inner"}>
            <p className="utility-note">{t("header.utility")}</p>
            <PreferenceToggles />
          </div>
        </div>
        <div className="site-header">
          <div className={wide ? "container container-wide header-inner" : "container header-inner"}>
            <Link to="/" className="brand">
              <Logo size={36} />
              <span className="brand-text">
                <span className="brand-name">{t("app.name")}</span>
                <span className="brand-tagline">{t("app.tagline")}</span>
              </span>
            </Link>
            <UserMenu citizenLinks={citizen && !(session.data && isOperator(session.data.persona))} />
          </div>
        </div>
        {citizen ? <CitizenNav /> : null}
      </header>
      <OfflineNote />
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={wide ? "container container-wide main" : "container main"}
      >
        {children}
      </main>
      <footer className="site-footer">
        <div className={wide ? "container container-wide" : "container"}>
          <p>{t("footer.note")}</p>
          <p>{t("footer.tz")}</p>
        </div>
      </footer>
    </div>
  );
}
