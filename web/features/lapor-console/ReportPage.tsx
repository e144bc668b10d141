import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { ActionPanel } from "./ActionPanel.tsx";
import { type Category, type HistoryEntry, laporConsoleApi, type Photo, type Report } from "./api.ts";
import { Locator } from "./Locator.tsx";
import { MergeSection } from "./MergeSection.tsx";
import {
  DeadlineClock,
  LaporTabs,
  mayUseConsole,
  NotForYou,
  RegionName,
  StateBadge,
  useNow,
  useText,
} from "./parts.tsx";
import "./lapor-console.css";

const CLOSED = new Set(["selesai", "ditolak"]);

function Photos({ photos, kind }: { photos: Photo[]; kind: "before" | "after" }) {
  const { t } = usePreferences();
  const list = photos.filter((p) => p.kind === kind);
  return (
    <div className="lc-photos-group">
      <h3>{t(`laporConsole.photos.${kind}`)}</h3>
      {list.length === 0 ? (
        <p className="muted small">{t("laporConsole.photos.none")}</p>
      ) : (
        <ul className="lc-photos" data-testid={`lapor-photos-${kind}`}>
          {list.map((p, i) => (
            <li key={p.id}>
              <a href={p.url} target="_blank" rel="noreferrer">
                <img
                  src={p.url}
                  alt={t(`laporConsole.photos.alt.${kind}`, { n: i + 1 })}
                  width={p.width}
                  height={p.height}
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The report's category attributes in words, by the category's own definitions. */
function Attributes({ report, categories }: { report: Report; categories: Category[] | undefined }) {
  const { t } = usePreferences();
  const text = useText();
  const entries = Object.entries(report.attributes ?? {});
  if (entries.length === 0) return null;
  const defs = categories?.find((c) => c.code === report.category.code)?.attributes ?? [];
  const shownValue = (code: string, value: unknown): string => {
    const def = defs.find((d) => d.code === code);
    const values = Array.isArray(value) ? value : [value];
    return values
      .map((v) => {
        const named = def?.values?.find((x) => x.key === String(v));
        return named ? text(named.name) : String(v);
      })
      .join(", ");
  };
  return (
    <section aria-labelledby="lc-attr-title">
      <h3 id="lc-attr-title">{t("laporConsole.report.attributes")}</h3>
      <dl className="lc-facts">
        {entries.map(([code, value]) => (
          <div key={code}>
            <dt>{text(defs.find((d) => d.code === code)?.description) || code}</dt>
            <dd>{shownValue(code, value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function History({ history }: { history: HistoryEntry[] }) {
  const { t, td, lang } = usePreferences();
  if (history.length === 0) return <p className="muted">{t("laporConsole.history.empty")}</p>;
  return (
    <ol className="timeline lc-history" data-testid="lapor-history">
      {history.map((h, i) => {
        const who =
          h.actor.role === "agency" || h.actor.role === "admin"
            ? [h.actor.name, h.actor.agency?.name].filter(Boolean).join(" · ")
            : h.actor.role === "reporter"
              ? (h.actor.name ?? t("laporConsole.anonymous"))
              : (h.actor.name ?? t(`laporConsole.role.${h.actor.role}`));
        return (
          <li key={h.id} className={i === history.length - 1 ? "timeline-item is-last" : "timeline-item"}>
            <span className="timeline-marker" aria-hidden="true" />
            <div className="timeline-body">
              <p className="timeline-label">
                {td(`laporConsole.historyAction.${h.action}`, h.action)}
                {h.toState && h.toState !== h.fromState ? <StateBadge state={h.toState} /> : null}
                {h.onTime === false ? (
                  <span className="badge badge-danger">{t("laporConsole.history.late")}</span>
                ) : h.onTime === true ? (
                  <span className="badge badge-success">{t("laporConsole.history.onTime")}</span>
                ) : null}
              </p>
              <p className="timeline-meta muted">
                <time className="timeline-time" dateTime={h.at}>
                  {formatDateTimeWIB(h.at, lang)}
                </time>
                {who ? ` · ${who}` : ""}
              </p>
              {h.note ? <p className="lc-note">{h.note}</p> : null}
              {h.photos.length > 0 ? (
                <ul className="lc-photos lc-photos-small">
                  {h.photos.map((p, n) => (
                    <li key={p.id}>
                      <a href={p.url} target="_blank" rel="noreferrer">
                        <img
                          src={p.url}
                          alt={t(`laporConsole.photos.alt.${p.kind}`, { n: n + 1 })}
                          width={p.width}
                          height={p.height}
                          loading="lazy"
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function ReportView({
  report,
  onAnnounce,
}: {
  report: Report;
  /** Says `message` on the page of report `reportId` (the merge target after a merge). */
  onAnnounce: (reportId: string, message: string) => void;
}) {
  const { t, lang } = usePreferences();
  const text = useText();
  const now = useNow();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const categories = useQuery({
    queryKey: ["lapor", "categories"],
    queryFn: laporConsoleApi.categories,
    staleTime: 300_000,
  });
  const open = !CLOSED.has(report.state) && !report.mergedIntoId;
  const mayMerge = open && report.allowedActions.some((a) => a !== "reply");
  return (
    <div className="lc">
      <LaporTabs current="report" />
      <div className="card lc-report-head">
        <div>
          <p className="lc-mono lc-number" data-testid="lapor-number">
            {report.number}
          </p>
          <p className="lc-category">{text(report.category.name)}</p>
          <p className="muted small">{report.agency.name}</p>
        </div>
        <div className="lc-report-status">
          <span className="badge lc-state-big" data-testid="lapor-state" data-state={report.state}>
            {t(`laporConsole.state.${report.state}`)}
          </span>
          <DeadlineClock report={report} now={now} quiet />
          {report.stageDueAt ? (
            <span className="small muted">
              {t("laporConsole.report.dueAt", { at: formatDateTimeWIB(report.stageDueAt, lang) })}
            </span>
          ) : null}
        </div>
      </div>
      {report.mergedIntoId ? (
        <p className="alert alert-info">
          <span>
            {t("laporConsole.report.merged")}{" "}
            <Link to={`/konsol/lapor/${report.mergedIntoId}`}>{t("laporConsole.report.mergedLink")}</Link>
          </span>
        </p>
      ) : null}
      <div className="lc-report-grid">
        <div className="lc-report-main">
          <section className="card" aria-labelledby="lc-desc-title">
            <h2 id="lc-desc-title">{t("laporConsole.report.description")}</h2>
            <p className="lc-description" data-testid="lapor-description">
              {report.description}
            </p>
            <dl className="lc-facts">
              <div>
                <dt>{t("laporConsole.report.reporter")}</dt>
                <dd data-testid="lapor-reporter">{report.reporter?.name ?? t("laporConsole.anonymous")}</dd>
              </div>
              <div>
                <dt>{t("laporConsole.report.privacy")}</dt>
                <dd>{t(`laporConsole.privacy.${report.privacy}`)}</dd>
              </div>
              <div>
                <dt>{t("laporConsole.report.createdAt")}</dt>
                <dd>{formatDateTimeWIB(report.createdAt, lang)}</dd>
              </div>
              <div>
                <dt>{t("laporConsole.col.assignee")}</dt>
                <dd data-testid="lapor-assignee-name">{report.assignee?.name ?? "—"}</dd>
              </div>
              <div>
                <dt>{t("laporConsole.col.followers")}</dt>
                <dd>{report.followerCount}</dd>
              </div>
              {report.confirmDueAt ? (
                <div>
                  <dt>{t("laporConsole.report.confirmDue")}</dt>
                  <dd>{formatDateTimeWIB(report.confirmDueAt, lang)}</dd>
                </div>
              ) : null}
              {report.rating !== null ? (
                <div>
                  <dt>{t("laporConsole.report.rating")}</dt>
                  <dd>
                    {t("laporConsole.report.ratingValue", { n: report.rating })}
                    {report.ratingComment ? <span className="cell-sub">{report.ratingComment}</span> : null}
                  </dd>
                </div>
              ) : null}
            </dl>
            <Attributes report={report} categories={categories.data?.items} />
          </section>
          <section className="card" aria-labelledby="lc-photos-title">
            <h2 id="lc-photos-title">{t("laporConsole.photos.title")}</h2>
            <div className="lc-photos-wrap">
              <Photos photos={report.photos} kind="before" />
              <Photos photos={report.photos} kind="after" />
            </div>
          </section>
          <section className="card" aria-labelledby="lc-loc-title">
            <h2 id="lc-loc-title">{t("laporConsole.report.location")}</h2>
            <div className="lc-location">
              <dl className="lc-facts lc-facts-column">
                <div>
                  <dt>{t("laporConsole.report.address")}</dt>
                  <dd>{report.address ?? "—"}</dd>
                </div>
                <div>
                  <dt>{t("laporConsole.report.regions")}</dt>
                  <dd>
                    {[report.villageCode, report.districtCode, report.regencyCode].some(Boolean) ? (
                      <span className="lc-regions">
                        {report.villageCode ? (
                          <span>
                            <RegionName code={report.villageCode} />
                          </span>
                        ) : null}
                        {report.districtCode ? (
                          <span>
                            <RegionName code={report.districtCode} />
                          </span>
                        ) : null}
                        {report.regencyCode ? (
                          <span>
                            <RegionName code={report.regencyCode} />
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      "—"
                    )}
                  </dd>
                </div>
              </dl>
              <Locator latitude={report.latitude} longitude={report.longitude} />
            </div>
          </section>
          <section className="card" aria-labelledby="lc-history-title">
            <h2 id="lc-history-title">{t("laporConsole.history.title")}</h2>
            <History history={report.history} />
          </section>
        </div>
        <div className="lc-report-side">
          <ActionPanel
            report={report}
            onDone={(updated, action) => {
              queryClient.setQueryData(["lapor", "report", report.id], updated);
              void queryClient.invalidateQueries({ queryKey: ["lapor", "report", report.id] });
              void queryClient.invalidateQueries({ queryKey: ["lapor", "inbox"] });
              onAnnounce(
                report.id,
                t("laporConsole.announce.done", {
                  action: t(`laporConsole.action.${action}`),
                  state: t(`laporConsole.state.${updated.state}`),
                }),
              );
            }}
          />
          {mayMerge ? (
            <MergeSection
              report={report}
              onMerged={(target) => {
                void queryClient.invalidateQueries({ queryKey: ["lapor"] });
                onAnnounce(
                  target.id,
                  t("laporConsole.announce.merged", { from: report.number, into: target.number }),
                );
                navigate(`/konsol/lapor/${target.id}`);
              }}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** /konsol/lapor/:id, one report for the agency: what, where, who, its history, and what to do next. */
export function ReportPage() {
  const { t } = usePreferences();
  const { id = "" } = useParams();
  const [announce, setAnnounce] = useState<{ reportId: string; message: string } | null>(null);
  const query = useQuery({
    queryKey: ["lapor", "report", id],
    queryFn: () => laporConsoleApi.report(id),
    enabled: !!id,
  });
  const shown = announce && announce.reportId === id ? announce.message : null;
  const title = query.data
    ? t("laporConsole.report.title", { number: query.data.number })
    : t("laporConsole.report.titleLoading");
  return (
    <ConsolePage title={title}>
      {(session) =>
        mayUseConsole(session) ? (
          <>
            {/* Always in the page (also while the next report loads), so what was done is announced. */}
            <div
              role="status"
              aria-live="polite"
              className={shown ? "alert alert-info lc-announce" : "alert-empty"}
              data-testid="lapor-announce"
            >
              {shown ? <p>{shown}</p> : null}
            </div>
            <QueryState query={query} isEmpty={() => false} empty="">
              {(report) => (
                <ReportView
                  report={report}
                  onAnnounce={(reportId, message) => setAnnounce({ reportId, message })}
                />
              )}
            </QueryState>
          </>
        ) : (
          <NotForYou />
        )
      }
    </ConsolePage>
  );
}
