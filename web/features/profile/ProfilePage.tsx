import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { ApiError, type Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { SESSION_KEY, useSession } from "../auth/session.ts";
import type { Channel } from "../notifications/api.ts";
import { PreferencesSection } from "../notifications/PreferencesSection.tsx";
import {
  type ConsentPurpose,
  deleteAccount,
  downloadMyData,
  type Profile,
  useProfile,
  useRegions,
  useSaveNik,
  useSetConsent,
  useUpdateProfile,
} from "./api.ts";
import { cleanNik, nikProblem } from "./nik.ts";
import "./profile.css";

function todayInJakarta(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Jakarta",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

function Loading() {
  const { t } = usePreferences();
  return (
    <p className="loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {t("app.loading")}
    </p>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t, td } = usePreferences();
  const update = useUpdateProfile();
  const regions = useRegions();
  const [name, setName] = useState(profile.name);
  const [phone, setPhone] = useState(profile.phone ?? "");
  const [regency, setRegency] = useState(profile.regencyCode ?? "");
  const [saved, setSaved] = useState(false);
  const errors = update.isError ? fieldErrorsOf(update.error) : {};
  const fieldError = errors.name ?? errors.phone ?? errors.regencyCode;
  return (
    <section className="card" aria-labelledby="profile-data-title">
      <h2 id="profile-data-title">{t("profile.data.title")}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (update.isPending) return;
          setSaved(false);
          update.mutate(
            {
              name: name.trim(),
              ...(phone.trim()
                ? { phone: phone.trim() }
                : profile.phone && profile.email
                  ? { phone: null }
                  : {}),
              regencyCode: regency || null,
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        <Field
          label={t("profile.name")}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
        />
        <p className="small muted">
          {t("profile.email")}: <strong>{profile.email ?? "—"}</strong>
        </p>
        <Field
          label={t("profile.phone")}
          hint={t("profile.phoneHint")}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={errors.phone}
        />
        <SelectField
          label={t("profile.regency")}
          hint={t("profile.regencyHint")}
          value={regency}
          onChange={(e) => setRegency(e.currentTarget.value)}
          error={errors.regencyCode}
          disabled={regions.isPending}
        >
          <option value="">{t("profile.regencyNone")}</option>
          {[
            { label: "Lampung", prefix: "18." },
            { label: "DKI Jakarta", prefix: "31." },
          ].map((g) => (
            <optgroup key={g.prefix} label={g.label}>
              {(regions.data?.regencies ?? [])
                .filter((r) => r.code.startsWith(g.prefix))
                .map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        {update.isError && !fieldError ? <ErrorAlert message={errorMessage(update.error, t, td)} /> : null}
        <StatusMessage message={saved ? t("profile.saved") : null} />
        <button type="submit" className="button button-primary" aria-disabled={update.isPending || undefined}>
          {t("profile.save")}
        </button>
      </form>
    </section>
  );
}

function NikSection({ profile }: { profile: Profile }) {
  const { t, td } = usePreferences();
  const save = useSaveNik();
  const remove = useUpdateProfile();
  const regions = useRegions();
  const consentId = useId();
  const consentErrorId = `${consentId}-error`;
  const [nik, setNik] = useState("");
  const [consent, setConsent] = useState(false);
  const [touched, setTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const known = {
    provinces: new Set((regions.data?.provinces ?? []).map((p) => p.code)),
    regencies: new Set((regions.data?.regencies ?? []).map((r) => r.code)),
  };
  const digits = cleanNik(nik);
  const problem = nik ? nikProblem(nik, todayInJakarta(), known) : "format";
  // While typing the first 16 digits, only say so once there are 16 (or something that is no digit).
  const showProblem = touched || digits.length >= 16 || /[^\d\s.-]/.test(nik);
  const serverError = save.isError ? fieldErrorsOf(save.error).nik : undefined;
  const liveError = showProblem && problem ? t(`profile.nik.problem.${problem}`) : undefined;
  const consentMissing = submitted && !consent;
  return (
    <section className="card" aria-labelledby="profile-nik-title" data-testid="profile-nik">
      <h2 id="profile-nik-title">{t("profile.nik.title")}</h2>
      <p>{t("profile.nik.why")}</p>
      {profile.nik ? (
        <>
          <p>
            {t("profile.nik.saved")}{" "}
            <strong className="profile-nik-masked" data-testid="profile-nik-masked">
              {profile.nik}
            </strong>
          </p>
          <p className="small muted">{t("profile.nik.maskedNote")}</p>
          {remove.isError ? <ErrorAlert message={errorMessage(remove.error, t, td)} /> : null}
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={remove.isPending || undefined}
            onClick={() => {
              if (!remove.isPending)
                remove.mutate({ nik: null }, { onSuccess: () => setSaved(t("profile.nik.removed")) });
            }}
            data-testid="profile-nik-remove"
          >
            {t("profile.nik.remove")}
          </button>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            setSubmitted(true);
            if (save.isPending || problem || !consent) return;
            setSaved(null);
            save.mutate(
              { nik: digits, profile },
              {
                onSuccess: () => {
                  setNik("");
                  setTouched(false);
                  setSubmitted(false);
                  setSaved(t("profile.nik.savedStatus"));
                },
              },
            );
          }}
        >
          <div
            className={consentMissing ? "checkbox profile-consent field-invalid" : "checkbox profile-consent"}
          >
            <input
              id={consentId}
              type="checkbox"
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
              aria-describedby={consentMissing ? consentErrorId : undefined}
              aria-invalid={consentMissing || undefined}
              data-testid="profile-nik-consent"
            />
            <label htmlFor={consentId}>{t("profile.nik.consent")}</label>
          </div>
          {consentMissing ? (
            <p className="field-error" id={consentErrorId}>
              {t("profile.nik.consentRequired")}
            </p>
          ) : null}
          <Field
            label={t("profile.nik.label")}
            hint={t("profile.nik.hint")}
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            value={nik}
            onChange={(e) => {
              setNik(e.currentTarget.value);
              save.reset();
            }}
            onBlur={() => nik && setTouched(true)}
            error={serverError ?? liveError}
            data-testid="profile-nik-input"
          />
          {save.isError && !serverError ? <ErrorAlert message={errorMessage(save.error, t, td)} /> : null}
          <button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
            {t("profile.nik.save")}
          </button>
        </form>
      )}
      <StatusMessage message={saved} />
    </section>
  );
}

const PURPOSES: readonly ConsentPurpose[] = [
  "nik_processing",
  "notifications_whatsapp",
  "notifications_sms",
  "notifications_email",
  "public_reports",
];

function ConsentsSection({ profile }: { profile: Profile }) {
  const { t, td, lang } = usePreferences();
  const setConsent = useSetConsent();
  return (
    <section className="card" aria-labelledby="profile-consents-title" data-testid="profile-consents">
      <h2 id="profile-consents-title">{t("profile.consents.title")}</h2>
      <p className="muted">{t("profile.consents.intro")}</p>
      {setConsent.isError ? <ErrorAlert message={errorMessage(setConsent.error, t, td)} /> : null}
      <ul className="profile-consents">
        {PURPOSES.map((purpose) => {
          const c = profile.consents.find((x) => x.purpose === purpose);
          const granted = c?.granted ?? false;
          const label = t(`profile.consents.purpose.${purpose}`);
          return (
            <li key={purpose} data-testid={`consent-${purpose}`}>
              <div>
                <strong>{label}</strong>
                <p className="small muted">
                  {c
                    ? t(granted ? "profile.consents.granted" : "profile.consents.withdrawn", {
                        at: formatDateTimeWIB(c.at, lang),
                        version: c.version,
                      })
                    : t("profile.consents.never")}
                </p>
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-disabled={setConsent.isPending || undefined}
                aria-label={`${t(granted ? "profile.consents.withdraw" : "profile.consents.give")}: ${label}`}
                onClick={() => {
                  if (setConsent.isPending) return;
                  if (
                    granted &&
                    purpose === "nik_processing" &&
                    profile.nik &&
                    !window.confirm(t("profile.consents.withdrawNik"))
                  )
                    return;
                  setConsent.mutate({ purpose, granted: !granted, version: profile.consentVersion });
                }}
              >
                {t(granted ? "profile.consents.withdraw" : "profile.consents.give")}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="small muted">{t("profile.consents.law")}</p>
    </section>
  );
}

function DataSection() {
  const { t, td } = usePreferences();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="card" aria-labelledby="profile-download-title">
      <h2 id="profile-download-title">{t("profile.download.title")}</h2>
      <p>{t("profile.download.intro")}</p>
      <ErrorAlert message={error ? errorMessage(error, t, td) : null} />
      <button
        type="button"
        className="button button-secondary"
        aria-disabled={busy || undefined}
        data-testid="profile-download"
        onClick={() => {
          if (busy) return;
          setBusy(true);
          setError(null);
          downloadMyData()
            .catch((e: unknown) => setError(e))
            .finally(() => setBusy(false));
        }}
      >
        {t("profile.download.button")}
      </button>
    </section>
  );
}

function DeleteDialog({ onClose }: { onClose: () => void }) {
  const { t, td } = usePreferences();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  const wrongPassword = error instanceof ApiError && error.code === "profile.wrong_password";
  const confirmError = confirm && confirm !== "HAPUS" ? t("profile.delete.typeExactly") : undefined;
  return (
    <dialog
      ref={ref}
      className="profile-dialog"
      aria-labelledby={titleId}
      data-testid="profile-delete-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t("profile.delete.dialogTitle")}</h2>
      <p>{t("profile.delete.warning")}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (busy || confirm !== "HAPUS" || !password) return;
          setBusy(true);
          setError(null);
          deleteAccount({ password, confirm })
            .then(() => {
              // The account and its sessions are gone: forget everything cached and sign out here too.
              queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
              queryClient.setQueryData(SESSION_KEY, null);
              navigate("/masuk", { replace: true, state: { ended: "signedOut" } });
            })
            .catch((err: unknown) => {
              setError(err);
              setBusy(false);
            });
        }}
      >
        <Field
          label={t("profile.delete.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={wrongPassword ? t("profile.delete.wrongPassword") : undefined}
          required
          data-testid="profile-delete-password"
        />
        <Field
          label={t("profile.delete.confirm")}
          hint={t("profile.delete.confirmHint")}
          autoComplete="off"
          autoCapitalize="characters"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={confirmError}
          required
          data-testid="profile-delete-confirm"
        />
        <ErrorAlert message={error && !wrongPassword ? errorMessage(error, t, td) : null} />
        <div className="profile-dialog-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t("profile.delete.cancel")}
          </button>
          <button
            type="submit"
            className="button button-danger"
            aria-disabled={busy || confirm !== "HAPUS" || !password || undefined}
            data-testid="profile-delete-submit"
          >
            {t("profile.delete.submit")}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function DeleteSection({ session }: { session: Session }) {
  const { t } = usePreferences();
  const [open, setOpen] = useState(false);
  const admin = session.user.isAdmin;
  return (
    <section className="card profile-danger" aria-labelledby="profile-delete-title">
      <h2 id="profile-delete-title">{t("profile.delete.title")}</h2>
      <p>{t(session.organisation ? "profile.delete.introMember" : "profile.delete.intro")}</p>
      {admin ? (
        <p className="muted">{t("profile.delete.admin")}</p>
      ) : (
        <button
          type="button"
          className="button button-danger"
          onClick={() => setOpen(true)}
          data-testid="profile-delete-open"
        >
          {t("profile.delete.open")}
        </button>
      )}
      {open ? <DeleteDialog onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function Page({ session }: { session: Session }) {
  const { t, td } = usePreferences();
  const profile = useProfile();
  const setConsent = useSetConsent();
  const onChannelSaved = (channel: Channel, enabled: boolean) => {
    if (!profile.data) return;
    const purpose = `notifications_${channel}` as ConsentPurpose;
    const current = profile.data.consents.find((c) => c.purpose === purpose);
    if ((current?.granted ?? false) !== enabled) {
      setConsent.mutate({ purpose, granted: enabled, version: profile.data.consentVersion });
    }
  };
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorAlert message={errorMessage(profile.error, t, td)} />;
  return (
    <>
      <ProfileForm profile={profile.data} />
      <NikSection profile={profile.data} />
      <PreferencesSection session={session} onSaved={onChannelSaved} />
      <ConsentsSection profile={profile.data} />
      <DataSection />
      <DeleteSection session={session} />
    </>
  );
}

/** /profil: my data, my NIK (optional), my consents, my notification channels, my copy, my deletion. */
export function ProfilePage() {
  const { t } = usePreferences();
  const session = useSession();
  useDocumentTitle(t("profile.title"));
  return (
    <div className="profile-page" data-testid="profile-page">
      <h1 id="page-title">{t("profile.title")}</h1>
      <p className="muted">{t("profile.intro")}</p>
      {session.isPending ? (
        <Loading />
      ) : session.data ? (
        <Page session={session.data} />
      ) : (
        <p>
          <Link to="/masuk" state={{ from: "/profil" }}>
            {t("signIn.title")}
          </Link>
        </p>
      )}
    </div>
  );
}
