import { type FormEvent, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { Checkbox, Field } from "../../components/Field.tsx";
import { Icon } from "../../components/Icon.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { parseIdentifier } from "../../lib/identifier.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { type SessionEnd, useHealth, useSignIn } from "./session.ts";

export interface SignInState {
  from?: string;
  ended?: SessionEnd | undefined;
}

type Errors = Partial<Record<"identifier" | "password", string>>;

export function SignInPage() {
  const { t, td } = usePreferences();
  useDocumentTitle(t("signIn.title"));
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const signIn = useSignIn();
  const health = useHealth();

  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);

  const serverFields = fieldErrorsOf(signIn.error);
  const fieldError = (name: keyof Errors) => errors[name] ?? serverFields[name];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const next: Errors = {};
    const parsed = parseIdentifier(identifier);
    if (!identifier.trim()) next.identifier = t("validation.required");
    else if (!parsed) next.identifier = t("validation.identifier");
    if (!password) next.password = t("validation.required");
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed) {
      signIn.reset();
      formRef.current?.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
      return;
    }
    signIn.mutate(
      { identifier: parsed.value, password },
      {
        onSuccess: () => {
          const target = state.from && state.from !== "/masuk" ? state.from : "/";
          navigate(target, { replace: true });
        },
      },
    );
  };

  const clientSummary = Object.keys(errors).length > 0 ? t("validation.summary") : null;
  const alert = signIn.isError ? errorMessage(signIn.error, t, td) : clientSummary;
  const ended: Record<SessionEnd, string> = {
    expired: t("error.auth.unauthenticated"),
    signedOut: t("signIn.signedOut"),
  };
  const status = signIn.isPending || signIn.isError || !state.ended ? null : ended[state.ended];

  return (
    <div className="auth-layout">
      <section className="auth-intro" aria-label={t("app.name")}>
        <p className="auth-intro-title">{t("signIn.welcome")}</p>
        <p className="auth-intro-lead">{t("signIn.intro")}</p>
        <ul className="auth-points">
          <li>
            <Icon name="services" />
            <span>{t("signIn.point.services")}</span>
          </li>
          <li>
            <Icon name="pin" />
            <span>{t("signIn.point.corridor")}</span>
          </li>
          <li>
            <Icon name="building" />
            <span>{t("signIn.point.hubs")}</span>
          </li>
        </ul>
        {health.data?.demo ? (
          <p className="demo-hint" data-testid="demo-hint">
            {t("signIn.demoHint")}
          </p>
        ) : null}
      </section>

      <section className="card auth-card" aria-labelledby="page-title">
        <h1 id="page-title">{t("signIn.title")}</h1>
        <StatusMessage message={status} />
        <ErrorAlert message={alert} />
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="page-title">
          <Field
            label={t("signIn.identifier")}
            hint={t("signIn.identifierHint")}
            error={fieldError("identifier")}
            name="identifier"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={identifier}
            onChange={(e) => setIdentifier(e.currentTarget.value)}
          />
          <Field
            label={t("signIn.password")}
            error={fieldError("password")}
            name="password"
            type={showPassword ? "text" : "password"}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Checkbox label={t("signIn.showPassword")} checked={showPassword} onChange={setShowPassword} />
          <button
            type="submit"
            className="button button-primary button-block"
            aria-disabled={signIn.isPending || undefined}
          >
            {signIn.isPending ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
        <p className="auth-switch">
          {t("signIn.noAccount")} <Link to="/daftar">{t("signIn.registerLink")}</Link>
        </p>
      </section>
    </div>
  );
}
