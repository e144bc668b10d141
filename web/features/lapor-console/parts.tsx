import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { Link } from "react-router";
import { SelectField } from "../../components/Field.tsx";
import type { Session } from "../../lib/api.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import {
  AGENCY_STAGES,
  type AgencyInfo,
  type Bilingual,
  laporConsoleApi,
  type PublicReport,
  type ReportState,
} from "./api.ts";

/** Personas that work the Lapor console (admins act as any agency). */
export function mayUseConsole(session: Session): boolean {
  return session.persona === "dinas" || session.persona === "admin" || session.user.isAdmin;
}

export function useText() {
  const { lang } = usePreferences();
  return (b: Bilingual | string | null | undefined) =>
    b == null ? "" : typeof b === "string" ? b : lang === "en" ? b.en : b.id;
}

/** The current time, refreshed every minute so deadline clocks tick. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

const STATE_TONE: Record<ReportState, string> = {
  menunggu: "lc-state-wait",
  koordinasi: "lc-state-info",
  disposisi: "lc-state-info",
  proses: "lc-state-work",
  menunggu_validasi: "lc-state-check",
  selesai: "lc-state-done",
  ditolak: "lc-state-rejected",
  dibuka_kembali: "lc-state-reopened",
};

export function StateBadge({ state, testId }: { state: ReportState; testId?: string }) {
  const { t } = usePreferences();
  return (
    <span className={`badge lc-state ${STATE_TONE[state] ?? ""}`} data-testid={testId} data-state={state}>
      {t(`laporConsole.state.${state}`)}
    </span>
  );
}

/** A span of time in words, short: "3 j", "2 h", "45 mnt" (Indonesian) or "3 h", "2 d", "45 min". */
export function shortDuration(ms: number, t: ReturnType<typeof usePreferences>["t"]): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return t("laporConsole.clock.minutes", { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t("laporConsole.clock.hours", { n: hours });
  return t("laporConsole.clock.days", { n: Math.round(hours / 24) });
}

/**
 * The stage clock: time left before the stage's deadline, or how late it is (red, with a warning
 * icon so it does not rest on colour alone); the escalation level beside it when raised.
 */
export function DeadlineClock({
  report,
  now,
  quiet = false,
}: {
  report: Pick<PublicReport, "state" | "stageDueAt" | "overdue" | "escalationLevel">;
  now: number;
  /** Show nothing (rather than a dash) when no clock runs. */
  quiet?: boolean;
}) {
  const { t } = usePreferences();
  const running = AGENCY_STAGES.includes(report.state) && report.stageDueAt;
  let clock: ReactNode = quiet ? null : <span className="muted">—</span>;
  if (running && report.stageDueAt) {
    const left = new Date(report.stageDueAt).getTime() - now;
    const late = report.overdue || left < 0;
    clock = late ? (
      <span className="lc-clock lc-clock-late" data-testid="lapor-clock" data-overdue="true">
        <span aria-hidden="true">⚠ </span>
        {t("laporConsole.clock.late", { d: shortDuration(left, t) })}
      </span>
    ) : (
      <span
        className={left < 6 * 3_600_000 ? "lc-clock lc-clock-soon" : "lc-clock"}
        data-testid="lapor-clock"
        data-overdue="false"
      >
        {t("laporConsole.clock.left", { d: shortDuration(left, t) })}
      </span>
    );
  }
  return (
    <span className="lc-clock-wrap">
      {clock}
      {report.escalationLevel > 0 ? (
        <span
          className="badge lc-escalation"
          title={t("laporConsole.escalation.title", { n: report.escalationLevel })}
          data-testid="lapor-escalation"
        >
          {t("laporConsole.escalation.badge", { n: report.escalationLevel })}
        </span>
      ) : null}
    </span>
  );
}

/** The name of a Kemendagri region by code (cached for the session), or the code while loading. */
export function RegionName({ code }: { code: string | null }) {
  const query = useQuery({
    queryKey: ["regions", code],
    queryFn: () => laporConsoleApi.region(code ?? ""),
    enabled: !!code,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (!code) return null;
  return <>{query.data?.name ?? code}</>;
}

/** The console's own tabs: the inbox and the statistics. */
export function LaporTabs({ current }: { current: "inbox" | "stats" | "report" }) {
  const { t } = usePreferences();
  return (
    <nav className="lc-tabs" aria-label={t("laporConsole.tabs")}>
      <Link to="/konsol/lapor" aria-current={current === "inbox" ? "page" : undefined}>
        {t("laporConsole.tab.inbox")}
      </Link>
      <Link to="/konsol/lapor/statistik" aria-current={current === "stats" ? "page" : undefined}>
        {t("laporConsole.tab.stats")}
      </Link>
    </nav>
  );
}

/** Shown instead of the page to a signed-in person who is not agency staff. */
export function NotForYou() {
  const { t } = usePreferences();
  return (
    <div className="card" data-testid="lapor-console-forbidden">
      <p>{t("laporConsole.forbidden")}</p>
      <p>
        <Link to="/lapor">{t("laporConsole.forbiddenLink")}</Link>
      </p>
    </div>
  );
}

/** The agency's name and level, at the top of the console. */
export function AgencyHeader({ info }: { info: AgencyInfo | undefined }) {
  const { t } = usePreferences();
  if (!info) return null;
  return (
    <p className="lc-agency" data-testid="lapor-agency">
      {info.agency ? (
        <>
          <strong>{info.agency.name}</strong>{" "}
          <span className="badge lc-level">{t(`laporConsole.level.${info.agency.level}`)}</span>
        </>
      ) : (
        <strong>{t("laporConsole.agency.all")}</strong>
      )}
    </p>
  );
}

/** The agency's staff to assign reports to (one report or a bulk selection). */
export function AssigneeSelect({
  staff,
  value,
  onChange,
  testId,
}: {
  staff: AgencyInfo["staff"];
  value: string;
  onChange: (userId: string) => void;
  testId: string;
}) {
  const { t } = usePreferences();
  return (
    <SelectField
      label={t("laporConsole.action.assignee")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid={testId}
    >
      <option value="">{t("laporConsole.action.choose")}</option>
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </SelectField>
  );
}
