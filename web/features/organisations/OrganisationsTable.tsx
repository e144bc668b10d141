import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../components/QueryState.tsx";
import { api } from "../../lib/api.ts";
import { usePreferences } from "../../lib/preferences.tsx";

export function OrganisationsTable() {
  const { t, td } = usePreferences();
  const query = useQuery({ queryKey: ["organisations"], queryFn: api.organisations, staleTime: 60_000 });
  return (
    <QueryState query={query} isEmpty={(data) => data.items.length === 0} empty={t("orgs.empty")}>
      {(data) => (
        <div className="table-wrap">
          <table data-testid="organisations-table">
            <caption className="visually-hidden">{t("orgs.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("orgs.name")}</th>
                <th scope="col">{t("orgs.kind")}</th>
                <th scope="col">{t("orgs.region")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((org) => (
                <tr key={org.id}>
                  <th scope="row">{org.name}</th>
                  <td>{td(`kind.${org.kind}`, org.kind)}</td>
                  <td>{org.regionCode ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryState>
  );
}
