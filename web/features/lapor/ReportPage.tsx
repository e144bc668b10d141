import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { useSession } from "../auth/session.ts";
import {
  type Action,
  type ActionBody,
  type HistoryEntry,
  laporApi,
  type Photo,
  type PublicReportDetail,
  type Report,
} from "./api.ts";
import { LaporMap } from "./LaporMap.tsx";
import { categoryName, DeadlineClock, StateBadge, stateLabel } from "./parts.tsx";
import "./lapor.css";

type Shown = { full: true; report: Report } | { full: false; report: PublicReportDetail };

function Photos({ photos, number }: { photos: Photo[]; number: string }) {
  const { t } = usePreferences();
  if (photos.length === 0) return null;
  return (
    <ul className="lapor-photos">
      {photos.map((p) => (
        <li key={p.id} data-testid="lapor-photo" data-kind={p.kind}>
          <a href={p.url} target="_blank" rel="noreferrer">
            <img
              src={p.url}
              alt={`${t("lapor.photoOf", { number })} (${p.kind === "after" ? t("lapor.report.after") : t("lapor.report.before")})`}
              width={p.width}
              height={p.height}
              loading="lazy"
            />
          </a>
          <span className="muted small">
            {p.kind === "after" ? t("lapor.report.after") : t("lapor.report.before")}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Timeline({ history, number }: { history: HistoryEntry[]; number: string }) {
  const { t, td, lang } = usePreferences();
  return (
    <ol className="lapor-timeline" data-testid="lapor-history">
      {[...history]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((h) => {
          const who = [
            t(`lapor.actor.${h.actor.role}` as MessageKey),
            // The agency's name only for the agency's own steps (the reporter acts for themselves).
            h.actor.role === "agency" || h.actor.role === "admin" || h.actor.role === "system"
              ? h.actor.agency?.name
              : null,
            h.actor.name,
          ]
            .filter(Boolean)
            .join(" · ");
          return (
            <li key={h.id} data-testid="lapor-history-entry" data-action={h.action} data-to={h.toState ?? ""}>
              <p className="lapor-timeline-head">
                <strong>{td(`lapor.action.${h.action}`, h.action)}</strong>
                {h.toState ? <span className="muted small"> → {stateLabel(t, h.toState)}</span> : null}
                {h.onTime === true ? (
                  <span className="badge badge-success">{t("lapor.history.onTime")}</span>
                ) : null}
                {h.onTime === false ? (
                  <span className="badge badge-danger">{t("lapor.history.late")}</span>
                ) : null}
              </p>
              <p className="muted small">
                {who} · <time dateTime={h.at}>{formatDateTimeWIB(h.at, lang)}</time>
              </p>
              {h.note ? <p className="lapor-timeline-note">{h.note}</p> : null}
              <Photos photos={h.photos} number={number} />
            </li>
          );
        })}
    </ol>
  );
}

/** The reporter's (or a follower's) actions: confirm, reopen with a note, rate 1–5, reply. */
function Actions({ report }: { report: Report }) {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const [note, setNote] = useState("");
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const panel = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  const act = useMutation({
    mutationFn: (body: ActionBody) => laporApi.act(report.id, body),
    onSuccess: (next) => {
      client.setQueryData<Shown>(["lapor", "report", report.id, true], { full: true, report: next });
      void client.invalidateQueries({ queryKey: ["lapor", "mine"] });
      setOpen(null);
      setNote("");
      setComment("");
      setRating(null);
      setDone(t("lapor.do.done"));
    },
    onError: (error) => setProblem(errorMessage(error, t, td)),
  });
  const mine: Action[] = (["confirm", "reopen", "rate", "reply"] as const).filter((a) =>
    report.allowedActions.includes(a),
  );
  if (mine.length === 0) return null;
  const label: Record<string, MessageKey> = {
    confirm: "lapor.do.confirm",
    reopen: "lapor.do.reopen",
    rate: "lapor.do.rate",
    reply: "lapor.do.reply",
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!open) return;
    if ((open === "reopen" || open === "reply") && note.trim() === "") {
      setProblem(t("lapor.do.noteRequired"));
      return;
    }
    if (open === "rate" && rating === null) {
      setProblem(t("lapor.do.pickRating"));
      return;
    }
    const body: ActionBody =
      open === "rate"
        ? { action: "rate", rating: rating as number, ...(comment.trim() ? { comment: comment.trim() } : {}) }
        : { action: open, ...(note.trim() ? { note: note.trim() } : {}) };
    act.mutate(body);
  };
  return (
    <section className="card" aria-labelledby="lapor-do-title" data-testid="lapor-actions">
      <h2 id="lapor-do-title" className="section-title">
        {t("lapor.do.title")}
      </h2>
      {report.state === "menunggu_validasi" ? (
        <>
          <p>{t("lapor.do.confirmLead")}</p>
          <p>{t("lapor.do.reopenLead")}</p>
          {report.confirmDueAt ? (
            <p className="muted small" data-testid="lapor-confirm-due">
              {t("lapor.report.confirmDue", { at: formatDateTimeWIB(report.confirmDueAt, lang) })}
            </p>
          ) : null}
        </>
      ) : null}
      <StatusMessage message={done} />
      <p className="lapor-head-actions">
        {mine.map((a) => (
          <button
            key={a}
            type="button"
            className={`button ${a === "confirm" || a === "rate" ? "button-primary" : "button-secondary"}`}
            aria-expanded={open === a}
            onClick={() => {
              setProblem(null);
              setDone(null);
              setOpen(open === a ? null : a);
            }}
            data-testid={`lapor-do-${a}`}
          >
            {t(label[a] as MessageKey)}
          </button>
        ))}
      </p>
      {open ? (
        <form className="lapor-action-form" onSubmit={send} noValidate data-testid="lapor-action-form">
          <h3 ref={panel} tabIndex={-1} className="section-title">
            {t(label[open] as MessageKey)}
          </h3>
          <ErrorAlert message={problem} testId="lapor-action-error" />
          {open === "rate" ? (
            <>
              <fieldset className="lapor-fieldset lapor-stars">
                <legend>{t("lapor.do.stars")}</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="lapor-star">
                    <input
                      type="radio"
                      name="lapor-rating"
                      value={n}
                      checked={rating === n}
                      onChange={() => setRating(n)}
                      data-testid={`lapor-rating-${n}`}
                    />
                    <span aria-hidden="true">{"★".repeat(n)}</span>
                    <span className="visually-hidden">{t("lapor.do.star", { n })}</span>
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor="lapor-comment">{t("lapor.do.comment")}</label>
                <textarea
                  id="lapor-comment"
                  rows={3}
                  maxLength={1000}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  data-testid="lapor-comment"
                />
              </div>
            </>
          ) : (
            <div className="field">
              <label htmlFor="lapor-action-note">
                {t("lapor.do.note")}
                {open === "reopen" || open === "reply" ? " *" : ""}
              </label>
              <textarea
                id="lapor-action-note"
                rows={3}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                required={open === "reopen" || open === "reply"}
                data-testid="lapor-action-note"
              />
            </div>
          )}
          <p className="lapor-head-actions">
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={act.isPending || undefined}
              data-testid="lapor-action-send"
            >
              {t("lapor.do.send")}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(null)}>
              {t("lapor.do.cancel")}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}

function Follow({ report }: { report: Report }) {
  const { t, td } = usePreferences();
  const client = useQueryClient();
  const join = useMutation({
    mutationFn: () => laporApi.join(report.id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["lapor", "report", report.id] }),
  });
  if (report.mine) return null;
  if (report.following) return <p className="muted">{t("lapor.report.followingNow")}</p>;
  if (report.privacy !== "public") return null;
  return (
    <div>
      <ErrorAlert message={join.isError ? errorMessage(join.error, t, td) : null} />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => join.mutate()}
        aria-disabled={join.isPending || undefined}
        data-testid="lapor-follow"
      >
        {t("lapor.report.follow")}
      </button>
    </div>
  );
}

/** `/lapor/:id`: the report, its deadline clock, full history and the reporter's actions. */
export function ReportPage() {
  const { id = "" } = useParams();
  const { t, lang } = usePreferences();
  const session = useSession();
  const signedIn = Boolean(session.data);
  const query = useQuery({
    queryKey: ["lapor", "report", id, signedIn],
    enabled: !session.isPending,
    queryFn: async (): Promise<Shown> => {
      if (signedIn) {
        try {
          return { full: true, report: await laporApi.report(id) };
        } catch (error) {
          if (!(error instanceof ApiError && (error.status === 404 || error.status === 403))) throw error;
        }
      }
      return { full: false, report: await laporApi.publicReport(id) };
    },
  });
  const report = query.data?.report;
  useDocumentTitle(report ? t("lapor.report.title", { number: report.number }) : t("lapor.title"));
  return (
    <div className="lapor-page lapor-narrow" data-testid="lapor-report">
      <p>
        <Link to="/lapor">← {t("lapor.backToFeed")}</Link>
      </p>
      <QueryState query={query} isEmpty={() => false} empty="">
        {(shown) => {
          const r = shown.report;
          const full = shown.full ? shown.report : null;
          return (
            <>
              <header className="lapor-head">
                <h1 id="page-title">
                  {categoryName(lang, r.category.name)}{" "}
                  <span className="muted lapor-number" data-testid="lapor-report-number">
                    {r.number}
                  </span>
                </h1>
                <p className="lapor-card-meta">
                  <span data-testid="lapor-report-state" data-state={r.state}>
                    <StateBadge state={r.state} />
                  </span>
                  <DeadlineClock report={r} />
                  {r.wasOverdue ? (
                    <span className="badge badge-danger">{t("lapor.report.overdueFlag")}</span>
                  ) : null}
                  <span className="muted small" data-testid="lapor-followers">
                    {t("lapor.followers", { n: r.followerCount })}
                  </span>
                </p>
              </header>
              <section className="card">
                <p className="lapor-description" data-testid="lapor-report-description">
                  {r.description}
                </p>
                <dl className="lapor-facts">
                  <dt>{t("lapor.report.agency")}</dt>
                  <dd data-testid="lapor-report-agency">{r.agency.name}</dd>
                  <dt>{t("lapor.report.filed")}</dt>
                  <dd>{formatDateTimeWIB(r.createdAt, lang)}</dd>
                  <dt>{t("lapor.report.location")}</dt>
                  <dd>
                    {r.address ? `${r.address} · ` : ""}
                    {r.latitude.toFixed(5)}, {r.longitude.toFixed(5)}
                  </dd>
                  {full ? (
                    <>
                      <dt>{t("lapor.report.reporter")}</dt>
                      <dd>{full.reporter?.name ?? "–"}</dd>
                      <dt>{t("lapor.report.privacy")}</dt>
                      <dd>{t(`lapor.form.privacy.${full.privacy}` as MessageKey)}</dd>
                    </>
                  ) : null}
                  {r.rating !== null ? (
                    <>
                      <dt>{t("lapor.report.rating")}</dt>
                      <dd data-testid="lapor-report-rating" data-rating={r.rating}>
                        <span aria-hidden="true">{"★".repeat(r.rating)}</span>{" "}
                        {t("lapor.report.stars", { n: r.rating })}
                        {full?.ratingComment ? ` — ${full.ratingComment}` : ""}
                      </dd>
                    </>
                  ) : null}
                </dl>
                {full?.mergedIntoId ? (
                  <p>
                    {t("lapor.report.merged")}{" "}
                    <Link to={`/lapor/${full.mergedIntoId}`}>{t("lapor.report.mergedLink")}</Link>
                  </p>
                ) : null}
                <Photos photos={r.photos} number={r.number} />
                <LaporMap reports={[r]} title={r.number} />
                {full ? (
                  <Follow report={full} />
                ) : !signedIn ? (
                  <p className="muted">
                    <Link to="/masuk" state={{ from: `/lapor/${r.id}` }}>
                      {t("lapor.report.signInMore")}
                    </Link>
                  </p>
                ) : null}
              </section>
              {full ? <Actions report={full} /> : null}
              <section className="card" aria-labelledby="lapor-history-title">
                <h2 id="lapor-history-title" className="section-title">
                  {t("lapor.report.history")}
                </h2>
                <Timeline history={r.history} number={r.number} />
              </section>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
