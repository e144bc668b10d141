/** Pieces shared by the citizen Lapor pages: state badge, deadline clock, report card, the owner. */
import { type ReactNode, useEffect, useState } from "react";
import { Link } from "react-router";
import type { MessageKey } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { AGENCY_STAGES, type PublicReport, type ReportState } from "./api.ts";
import { clockOf } from "./model.ts";

export { useOwner } from "./owner.ts";

/** The current time, updated every `everyMs` (the clocks tick each minute). */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

export function stateLabel(t: (key: MessageKey) => string, state: ReportState): string {
  return t(`lapor.state.${state}` as MessageKey);
}

export function StateBadge({ state }: { state: ReportState }) {
  const { t } = usePreferences();
  const tone =
    state === "selesai"
      ? "badge-success"
      : state === "ditolak"
        ? "badge-danger"
        : state === "menunggu_validasi"
          ? "badge-hap"
          : "badge-warning";
  return (
    <span className={`badge ${tone}`} data-testid="lapor-state-badge" data-state={state}>
      {stateLabel(t, state)}
    </span>
  );
}

/** "Sisa 5 jam" / "Terlambat 2 jam" for the current agency stage, in colour and words; ticks each minute. */
export function DeadlineClock({ report }: { report: Pick<PublicReport, "state" | "stageDueAt"> }) {
  const { t } = usePreferences();
  const now = useNow();
  if (!AGENCY_STAGES.includes(report.state)) return null;
  const clock = clockOf(report.stageDueAt, now);
  if (!clock) return null;
  const text = t(`lapor.clock.${clock.late ? "late" : "left"}.${clock.unit}` as MessageKey).replace(
    "{n}",
    String(clock.amount),
  );
  return (
    <span
      className={`lapor-clock lapor-clock-${clock.tone}`}
      data-testid="lapor-clock"
      data-late={clock.late}
      title={t("lapor.clock.label")}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="icon">
        <path
          d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3.5 2"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        />
      </svg>
      {text}
    </span>
  );
}

export function categoryName(lang: string, name: { id: string; en: string }): string {
  return lang === "en" ? name.en : name.id;
}

/** One report in a list: category, short description, state, clock, followers, thumbnail. */
export function ReportCard({ report, extra }: { report: PublicReport; extra?: ReactNode }) {
  const { t, lang } = usePreferences();
  const photo = report.photos[0];
  const short = report.description.length > 140 ? `${report.description.slice(0, 137)}…` : report.description;
  return (
    <li
      className="lapor-card"
      data-testid="lapor-card"
      data-id={report.id}
      data-number={report.number}
      data-state={report.state}
    >
      {photo ? (
        <img
          className="lapor-thumb"
          src={photo.url}
          alt={t("lapor.photoOf", { number: report.number })}
          width={72}
          height={72}
          loading="lazy"
        />
      ) : (
        <span className="lapor-thumb lapor-thumb-empty" aria-hidden="true" />
      )}
      <div className="lapor-card-body">
        <h3 className="lapor-card-title">
          <Link to={`/lapor/${report.id}`}>{categoryName(lang, report.category.name)}</Link>{" "}
          <span className="muted small">{report.number}</span>
        </h3>
        <p className="lapor-card-desc">{short}</p>
        <p className="lapor-card-meta">
          <StateBadge state={report.state} />
          <DeadlineClock report={report} />
          <span className="muted small">{t("lapor.followers", { n: report.followerCount })}</span>
          {extra}
        </p>
      </div>
    </li>
  );
}
