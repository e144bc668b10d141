import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { useSession, useSignOut } from "../features/auth/session.ts";
import { isOperator } from "../lib/api.ts";
import { errorMessage } from "../lib/errors.ts";
import { usePreferences } from "../lib/preferences.tsx";
import { ErrorAlert } from "./Alert.tsx";
import { Icon, Logo } from "./Icon.tsx";

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

function UserMenu() {
  const { t, td } = usePreferences();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!session.data) return null;
  const { user } = session.data;
  return (
    <div className="user-menu">
      <span className="user-name" title={t("header.signedInAs", { name: user.name })}>
        {user.name}
      </span>
      <button
        type="button"
        className="button button-on-dark"
        aria-disabled={signOut.isPending || undefined}
        onClick={() => {
          if (signOut.isPending) return;
          signOut.mutate(undefined, {
            onSuccess: () => navigate("/masuk", { replace: true, state: { ended: "signedOut" } }),
          });
        }}
      >
        <Icon name="signOut" size={18} />
        {t("header.signOut")}
      </button>
      {signOut.isError ? (
        <div className="user-menu-error">
          <ErrorAlert message={errorMessage(signOut.error, t, td)} testId="signout-error" />
        </div>
      ) : null}
    </div>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = usePreferences();
  const location = useLocation();
  const session = useSession();
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

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("skip.toMain")}
      </a>
      <div className="utility-bar">
        <div className={wide ? "container container-wide utility-inner" : "container utility-inner"}>
          <p className="utility-note">{t("header.utility")}</p>
          <PreferenceToggles />
        </div>
      </div>
      <header className="site-header">
        <div className={wide ? "container container-wide header-inner" : "container header-inner"}>
          <Link to="/" className="brand">
            <Logo size={36} />
            <span className="brand-text">
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <UserMenu />
        </div>
      </header>
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
