import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Field } from "../../components/Field.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { laporConsoleApi, type Report } from "./api.ts";
import { StateBadge, useText } from "./parts.tsx";

/** A report number such as LPR-2026-000123 (ids look like lpr_…). */
const NUMBER = /^[a-z]+-\d{4}-\d+$/i;

async function byNumber(wanted: string): Promise<Report | null> {
  const found = await laporConsoleApi.inbox({ q: wanted, limit: 10 });
  const match = found.items.find((i) => i.number.toLowerCase() === wanted.toLowerCase());
  return match ? laporConsoleApi.report(match.id) : null;
}

/** The report behind what was typed: a report number found through the inbox search, or an id. */
async function findReport(input: string): Promise<Report> {
  const wanted = input.trim();
  if (NUMBER.test(wanted)) {
    const found = await byNumber(wanted);
    if (found) return found;
  }
  try {
    return await laporConsoleApi.report(wanted);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
    const found = NUMBER.test(wanted) ? null : await byNumber(wanted);
    if (!found) throw error;
    return found;
  }
}

/**
 * Merge this report into another (a duplicate of it): type the other report's number or id, check
 * it in a confirmation dialog, then merge. `onMerged` gets the target report.
 */
export function MergeSection({ report, onMerged }: { report: Report; onMerged: (target: Report) => void }) {
  const { t, td } = usePreferences();
  const text = useText();
  const noteId = useId();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [input, setInput] = useState("");
  const [note, setNote] = useState("");
  const [candidate, setCandidate] = useState<Report | null>(null);
  const find = useMutation({
    mutationFn: () => findReport(input),
    onSuccess: (target) => setCandidate(target),
  });
  const merge = useMutation({
    mutationFn: (target: Report) =>
      laporConsoleApi.merge(report.id, { intoId: target.id, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (target) => {
      setCandidate(null);
      onMerged(target);
    },
  });
  useEffect(() => {
    const dialog = dialogRef.current;
    if (candidate && dialog && !dialog.open) dialog.showModal();
    if (!candidate && dialog?.open) dialog.close();
  }, [candidate]);
  const same = candidate?.id === report.id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!input.trim() || find.isPending) return;
    merge.reset();
    find.mutate();
  };
  return (
    <section className="card" aria-labelledby="lc-merge-title" data-testid="lapor-merge">
      <h2 id="lc-merge-title">{t("laporConsole.merge.title")}</h2>
      <p className="muted">{t("laporConsole.merge.intro")}</p>
      <form className="lc-merge-form" onSubmit={submit}>
        <Field
          label={t("laporConsole.merge.target")}
          value={input}
          maxLength={100}
          onChange={(e) => setInput(e.currentTarget.value)}
          data-testid="lapor-merge-target"
        />
        <button
          type="submit"
          className="button button-secondary"
          aria-disabled={find.isPending || undefined}
          data-testid="lapor-merge-find"
        >
          {t("laporConsole.merge.find")}
        </button>
      </form>
      <ErrorAlert
        message={find.isError ? errorMessage(find.error, t, td) : null}
        testId="lapor-merge-find-error"
      />
      <dialog
        ref={dialogRef}
        className="lc-dialog"
        aria-labelledby={titleId}
        onCancel={(e) => {
          e.preventDefault();
          setCandidate(null);
        }}
        data-testid="lapor-merge-dialog"
      >
        {candidate ? (
          <>
            <h2 id={titleId}>{t("laporConsole.merge.confirmTitle")}</h2>
            <p>{t("laporConsole.merge.confirmBody", { from: report.number, into: candidate.number })}</p>
            <div className="lc-merge-target">
              <p>
                <strong className="lc-mono">{candidate.number}</strong> · {text(candidate.category.name)}{" "}
                <StateBadge state={candidate.state} />
              </p>
              <p className="lc-desc">{candidate.description}</p>
            </div>
            {same ? <p className="field-error">{t("laporConsole.merge.same")}</p> : null}
            <div className="field">
              <label htmlFor={noteId}>{t("laporConsole.action.noteOptional")}</label>
              <textarea
                id={noteId}
                rows={2}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
            </div>
            <ErrorAlert
              message={merge.isError ? errorMessage(merge.error, t, td) : null}
              testId="lapor-merge-error"
            />
            <div className="lc-action-row">
              <button
                type="button"
                className="button button-primary"
                aria-disabled={same || merge.isPending || undefined}
                onClick={() => {
                  if (!same && !merge.isPending) merge.mutate(candidate);
                }}
                data-testid="lapor-merge-confirm"
              >
                {merge.isPending ? t("laporConsole.action.sending") : t("laporConsole.merge.confirm")}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setCandidate(null)}>
                {t("laporConsole.action.cancel")}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </section>
  );
}
