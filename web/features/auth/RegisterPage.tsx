import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Checkbox, Field } from "../../components/Field.tsx";
import type { RegisterRequest } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { parseIdentifier } from "../../lib/identifier.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { useRegister } from "./session.ts";

type FieldName = "name" | "contact" | "password";
type Errors = Partial<Record<FieldName, string>>;

export const MIN_PASSWORD_LENGTH = 10;

export function RegisterPage() {
  const { t, td } = usePreferences();
  useDocumentTitle(t("register.title"));
  const navigate = useNavigate();
  const register = useRegister();

  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);

  // The server reports `email` or `phone`; both belong to the one contact field.
  const server = fieldErrorsOf(register.error);
  const serverErrors: Errors = {
    name: server.name,
    contact: server.email ?? server.phone ?? server.identifier,
    password: server.password,
  };
  const fieldError = (field: FieldName) => errors[field] ?? serverErrors[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (register.isPending) return;
    const next: Errors = {};
    const parsed = parseIdentifier(contact);
    if (!name.trim()) next.name = t("validation.required");
    if (!contact.trim()) next.contact = t("validation.required");
    else if (!parsed) next.contact = t("validation.identifier");
    if (!password) next.password = t("validation.required");
    else if (password.length < MIN_PASSWORD_LENGTH) next.password = t("validation.passwordLength");
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed) {
      register.reset();
      formRef.current?.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
      return;
    }
    const body: RegisterRequest = { name: name.trim(), password };
    if (parsed.kind === "email") body.email = parsed.value;
    else body.phone = parsed.value;
    register.mutate(body, { onSuccess: () => navigate("/", { replace: true }) });
  };

  const clientSummary = Object.keys(errors).length > 0 ? t("validation.summary") : null;
  const alert = register.isError ? errorMessage(register.error, t, td) : clientSummary;

  return (
    <div className="auth-layout auth-layout-single">
      <section className="card auth-card" aria-labelledby="page-title">
        <div className="card-head">
          <h1 id="page-title">{t("register.title")}</h1>
          <p className="muted">{t("register.intro")}</p>
        </div>
        <ErrorAlert message={alert} />
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="page-title">
          <Field
            label={t("register.name")}
            error={fieldError("name")}
            name="name"
            type="text"
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Field
            label={t("register.contact")}
            hint={t("register.contactHint")}
            error={fieldError("contact")}
            name="contact"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
          />
          <Field
            label={t("register.password")}
            hint={t("register.passwordHint")}
            error={fieldError("password")}
            name="password"
            type={showPassword ? "text" : "password"}
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Checkbox label={t("signIn.showPassword")} checked={showPassword} onChange={setShowPassword} />
          <button
            type="submit"
            className="button button-primary button-block"
            aria-disabled={register.isPending || undefined}
          >
            {register.isPending ? t("register.submitting") : t("register.submit")}
          </button>
        </form>
        <p className="auth-switch">
          {t("register.haveAccount")} <Link to="/masuk">{t("register.signInLink")}</Link>
        </p>
      </section>
    </div>
  );
}
