import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../components/QueryState.tsx";
import { api } from "../../lib/api.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";

function statusClass(status: number | null): string {
  if (status === null) return "badge";
  if (status >= 500) return "badge badge-danger";
  if (status >= 400) return "badge badge-warning";
  return "badge badge-success";
}

export function AuditTable() {
  const { t, lang } = usePreferences();
  const query = useQuery({ queryKey: ["audit", 50], queryFn: () => api.audit(50), staleTime: 15_000 });
  return (
    <QueryState query={query} isEmpty={(data) => data.items.length === 0} empty={t("audit.empty")}>
      {(data) => (
        <div className="table-wrap">
          <table data-testid="audit-table">
            <caption className="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.time")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">
                    <time dateTime={entry.at}>{formatDateTimeWIB(entry.at, lang)}</time>
                  </td>
                  <td>{entry.actorLabel ?? <span className="muted">{t("audit.anonymous")}</span>}</td>
                  <td>
                    <code className="action" title={entry.path ?? undefined}>
                      {entry.action}
                    </code>
                  </td>
                  <td>
                    <span className={statusClass(entry.status)}>{entry.status ?? "—"}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryState>
  );
}
