import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../components/QueryState.tsx";
import { api } from "../../lib/api.ts";
import { formatCoordinate } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";

export function SitesTable() {
  const { t } = usePreferences();
  const query = useQuery({ queryKey: ["sites"], queryFn: api.sites, staleTime: 10 * 60_000 });
  return (
    <QueryState query={query} isEmpty={(data) => data.items.length === 0} empty={t("sites.empty")}>
      {(data) => (
        <div className="table-wrap">
          <table data-testid="sites-table">
            <caption className="visually-hidden">{t("sites.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sites.name")}</th>
                <th scope="col">{t("sites.kind")}</th>
                <th scope="col">{t("sites.region")}</th>
                <th scope="col">{t("sites.address")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((site) => (
                <tr key={site.id}>
                  <th scope="row">
                    {site.name}
                    <code className="cell-sub">{site.code}</code>
                  </th>
                  <td>
                    <span className={`badge badge-${site.kind}`}>{t(`sites.kind.${site.kind}`)}</span>
                  </td>
                  <td>
                    {site.regionName} <span className="muted small">({site.regionCode})</span>
                  </td>
                  <td className="small">
                    {site.address}
                    <span className="cell-sub" title={t("sites.coordinates")}>
                      {formatCoordinate(site.latitude)}, {formatCoordinate(site.longitude)}
                    </span>
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
