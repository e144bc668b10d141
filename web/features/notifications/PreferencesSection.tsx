import { useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { Checkbox, Field } from "../../components/Field.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { CHANNELS, type Channel, type Preference, usePreferencesQuery, useSavePreference } from "./api.ts";
import "./notifications.css";

function ChannelForm({
  session,
  channel,
  current,
  onSaved,
}: {
  session: Session;
  channel: Channel;
  current: Preference | undefined;
  onSaved?: (channel: Channel, enabled: boolean) => void;
}) {
  const { t, td } = usePreferences();
  const save = useSavePreference(session.user.id);
  const [address, setAddress] = useState(
    current?.address ?? (channel === "email" ? (session.user.email ?? "") : (session.user.phone ?? "")),
  );
  const [enabled, setEnabled] = useState(current?.enabled ?? false);
  const [saved, setSaved] = useState(false);
  const errors = save.isError ? fieldErrorsOf(save.error) : {};
  const addressError = errors.address;
  return (
    <li className="notif-channel" data-testid={`channel-${channel}`}>
      <h3>{t(`notifications.channel.${channel}`)}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (save.isPending) return;
          setSaved(false);
          save.mutate(
            { channel, address, enabled },
            {
              onSuccess: (p) => {
                setAddress(p.address);
                setSaved(true);
                onSaved?.(channel, p.enabled);
              },
            },
          );
        }}
        noValidate
      >
        <Field
          label={t(channel === "email" ? "notifications.address.email" : "notifications.address.phone")}
          hint={t(
            channel === "email" ? "notifications.address.emailHint" : "notifications.address.phoneHint",
          )}
          error={addressError}
          type={channel === "email" ? "email" : "tel"}
          inputMode={channel === "email" ? "email" : "tel"}
          autoComplete={channel === "email" ? "email" : "tel"}
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          required
        />
        <div className="notif-channel-actions">
          <Checkbox
            label={t("notifications.enabled", { channel: t(`notifications.channel.${channel}`) })}
            checked={enabled}
            onChange={setEnabled}
          />
          <button
            type="submit"
            className="button button-secondary button-small"
            aria-disabled={save.isPending || undefined}
          >
            {t("notifications.save")}
          </button>
        </div>
        {save.isError && !addressError ? <ErrorAlert message={errorMessage(save.error, t, td)} /> : null}
        <StatusMessage message={saved ? t("notifications.saved") : null} />
      </form>
    </li>
  );
}

/**
 * Where the person receives notifications beyond the app. The SMS, WhatsApp and e-mail gateways of
 * this installation are simulated: messages are recorded, not sent (the page says so).
 */
export function PreferencesSection({
  session,
  onSaved,
}: {
  session: Session;
  onSaved?: (channel: Channel, enabled: boolean) => void;
}) {
  const { t, td } = usePreferences();
  const query = usePreferencesQuery(session.user.id);
  const simulated = query.data?.channels.some((c) => c.simulated) ?? true;
  return (
    <section
      className="card"
      aria-labelledby="notif-prefs-title"
      id="notifikasi"
      data-testid="notification-preferences"
    >
      <h2 id="notif-prefs-title">{t("notifications.prefsTitle")}</h2>
      <p className="muted">{t("notifications.prefsIntro")}</p>
      {simulated ? (
        <p className="alert alert-info" data-testid="notifications-simulated">
          {t("notifications.simulated")}
        </p>
      ) : null}
      {query.isPending ? (
        <p className="loading" aria-busy="true">
          <span className="spinner" aria-hidden="true" />
          {t("app.loading")}
        </p>
      ) : query.isError ? (
        <ErrorAlert message={errorMessage(query.error, t, td)} />
      ) : (
        <ul className="notif-channels">
          {CHANNELS.map((c) => (
            <ChannelForm
              key={c}
              session={session}
              channel={c}
              current={query.data.items.find((p) => p.channel === c)}
              {...(onSaved ? { onSaved } : {})}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
