import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { ErrorAlert } from "../../components/Alert.tsx";
import { SelectField } from "../../components/Field.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type ActionBody, AGENCY_ACTIONS, type AgencyAction, laporConsoleApi, type Report } from "./api.ts";
import { AssigneeSelect } from "./parts.tsx";

const NOTE_REQUIRED: readonly AgencyAction[] = ["reject", "reply", "resolve"];

/**
 * The actions the server allows on this report for this person (`allowedActions`): a button per
 * action selects it and opens its form (note, target agency, after-photos, staff member); one submit
 * button sends it. `onDone` gets the updated report.
 */
export function ActionPanel({
  report,
  onDone,
}: {
  report: Report;
  onDone: (updated: Report, action: AgencyAction) => void;
}) {
  const { t, td } = usePreferences();
  const noteId = useId();
  const photoId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const agency = useQuery({
    queryKey: ["lapor", "agency"],
    queryFn: laporConsoleApi.agency,
    staleTime: 300_000,
  });
  const [action, setAction] = useState<AgencyAction | null>(null);
  const [note, setNote] = useState("");
  const [target, setTarget] = useState("");
  const [assignee, setAssignee] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState<string | null>(null);
  const allowed = AGENCY_ACTIONS.filter((a) => report.allowedActions.includes(a));

  const send = useMutation({
    mutationFn: async (chosen: AgencyAction) => {
      const body: ActionBody = { action: chosen };
      if (note.trim()) body.note = note.trim();
      if (chosen === "dispose") body.targetAgencyCode = target;
      if (chosen === "assign") body.assigneeUserId = assignee;
      if (chosen === "resolve") {
        const ids: string[] = [];
        for (const file of files) ids.push((await laporConsoleApi.uploadPhoto(file)).id);
        body.photoIds = ids;
      }
      return laporConsoleApi.act(report.id, body);
    },
    onSuccess: (updated, chosen) => {
      setAction(null);
      setNote("");
      setTarget("");
      setAssignee("");
      setFiles([]);
      onDone(updated, chosen);
    },
  });

  if (allowed.length === 0) {
    return (
      <section className="card lc-actions" aria-labelledby="lc-actions-title" data-testid="lapor-actions">
        <h2 id="lc-actions-title">{t("laporConsole.actions.title")}</h2>
        <p className="muted">{t("laporConsole.actions.none")}</p>
      </section>
    );
  }

  const choose = (a: AgencyAction) => {
    setAction(a);
    setMissing(null);
    send.reset();
    // Bring the form's first field into reach for keyboard users.
    window.setTimeout(
      () => formRef.current?.querySelector<HTMLElement>("select, input, textarea")?.focus(),
      0,
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!action || send.isPending) return;
    if (NOTE_REQUIRED.includes(action) && !note.trim())
      return setMissing(t("laporConsole.action.noteRequired"));
    if (action === "dispose" && !target) return setMissing(t("laporConsole.action.targetRequired"));
    if (action === "assign" && !assignee) return setMissing(t("laporConsole.action.assigneeRequired"));
    if (action === "resolve" && files.length === 0) return setMissing(t("laporConsole.action.photoRequired"));
    setMissing(null);
    send.mutate(action);
  };

  const children = agency.data?.disposeTargets ?? agency.data?.children ?? [];
  const staff = agency.data?.staff ?? [];
  const noteRequired = action !== null && NOTE_REQUIRED.includes(action);
  return (
    <section className="card lc-actions" aria-labelledby="lc-actions-title" data-testid="lapor-actions">
      <h2 id="lc-actions-title">{t("laporConsole.actions.title")}</h2>
      <fieldset className="lc-action-buttons">
        <legend className="visually-hidden">{t("laporConsole.actions.choose")}</legend>
        {allowed.map((a) => (
          <button
            key={a}
            type="button"
            className={
              action === a
                ? "button button-primary button-small"
                : a === "reject"
                  ? "button button-secondary button-small lc-danger"
                  : "button button-secondary button-small"
            }
            aria-pressed={action === a}
            onClick={() => choose(a)}
            data-testid={`lapor-action-${a}`}
          >
            {t(`laporConsole.action.${a}`)}
          </button>
        ))}
      </fieldset>
      {action ? (
        <form ref={formRef} className="lc-action-form" onSubmit={submit} data-testid="lapor-action-form">
          <p className="lc-action-help">{t(`laporConsole.actionHelp.${action}`)}</p>
          {action === "dispose" ? (
            <SelectField
              label={t("laporConsole.action.targetAgency")}
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value)}
              data-testid="lapor-target-agency"
            >
              <option value="">{t("laporConsole.action.choose")}</option>
              {children.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({t(`laporConsole.level.${c.level}`)})
                </option>
              ))}
            </SelectField>
          ) : null}
          {action === "assign" ? (
            <AssigneeSelect staff={staff} value={assignee} onChange={setAssignee} testId="lapor-assignee" />
          ) : null}
          {action === "resolve" ? (
            <div className="field">
              <label htmlFor={photoId}>{t("laporConsole.action.afterPhoto")}</label>
              <p className="field-hint" id={`${photoId}-hint`}>
                {t("laporConsole.action.afterPhotoHint")}
              </p>
              <input
                id={photoId}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple
                aria-describedby={`${photoId}-hint`}
                onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []).slice(0, 3))}
                data-testid="lapor-after-photo"
              />
              {files.length > 0 ? <p className="small muted">{files.map((f) => f.name).join(", ")}</p> : null}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={noteId}>
              {noteRequired
                ? t("laporConsole.action.noteRequiredLabel")
                : t("laporConsole.action.noteOptional")}
            </label>
            <textarea
              id={noteId}
              rows={3}
              maxLength={2000}
              value={note}
              required={noteRequired}
              onChange={(e) => setNote(e.currentTarget.value)}
              data-testid="lapor-note"
            />
          </div>
          <ErrorAlert
            message={missing ?? (send.isError ? errorMessage(send.error, t, td) : null)}
            testId="lapor-action-error"
          />
          <div className="lc-action-row">
            <button
              type="submit"
              className={
                action === "reject" ? "button button-primary lc-danger-solid" : "button button-primary"
              }
              aria-disabled={send.isPending || undefined}
              data-testid="lapor-action-submit"
            >
              {send.isPending
                ? t("laporConsole.action.sending")
                : t("laporConsole.action.send", { action: t(`laporConsole.action.${action}`) })}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setAction(null);
                setMissing(null);
              }}
            >
              {t("laporConsole.action.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
