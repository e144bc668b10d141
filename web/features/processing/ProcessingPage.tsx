import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import type { Process } from "./api.ts";
import { formatPercent } from "./format.ts";
import { useProcesses } from "./queries.ts";
import { RunForm } from "./RunForm.tsx";
import { RunsSection } from "./RunsSection.tsx";
import "./processing.css";

function ProcessesSection() {
  const { t, lang } = usePreferences();
  const query = useProcesses();
  return (
    <section className="card" aria-labelledby="olahan-processes-title">
      <h2 id="olahan-processes-title">{t("processing.processes.title")}</h2>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty="—">
        {(data) => (
          <div className="table-wrap">
            <table data-testid="olahan-processes">
              <thead>
                <tr>
                  <th scope="col">{t("processing.processes.process")}</th>
                  <th scope="col">{t("processing.processes.route")}</th>
                  <th scope="col">{t("processing.processes.range")}</th>
                  <th scope="col">{t("processing.processes.source")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p: Process) => (
                  <tr key={p.code} data-testid={`olahan-process-${p.code}`}>
                    <th scope="row">{lang === "en" ? p.nameEn : p.name}</th>
                    <td>
                      {lang === "en" ? p.input.nameEn : p.input.name} →{" "}
                      {lang === "en" ? p.output.nameEn : p.output.name}
                    </td>
                    <td className="num">
                      {formatPercent(p.minYieldPercent, lang)}–{formatPercent(p.maxYieldPercent, lang)}%
                    </td>
                    <td className="muted olahan-source">{p.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function canRecord(session: Session): boolean {
  return session.persona === "processor" || session.persona === "admin" || session.user.isAdmin;
}

/** /konsol/olahan: processes and ranges, recording a run with its live yield, and the runs so far. */
export function ProcessingPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("processing.title")} intro={t("processing.intro")}>
      {(session) => (
        <div className="olahan">
          <ProcessesSection />
          {canRecord(session) ? <RunForm session={session} /> : null}
          <RunsSection />
        </div>
      )}
    </ConsolePage>
  );
}
