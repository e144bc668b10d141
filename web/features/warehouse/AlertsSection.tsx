import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type SiteDetail, warehouseApi } from "./api.ts";
import { formatKg } from "./format.ts";
import { siteKey, usePlaceName } from "./shared.tsx";

/** Stock expiring within 14 days (or expired) and stock that has not moved for 60 days. */
export function AlertsSection({ site }: { site: SiteDetail }) {
  const { t, lang } = usePreferences();
  const placeName = usePlaceName();
  const staff = site.role !== "tenant";
  const alerts = useQuery({
    queryKey: [...siteKey(site.code), "alerts"],
    queryFn: () => warehouseApi.alerts(site.code),
  });
  return (
    <section
      className="section card"
      aria-labelledby="wh-alerts-title"
      id="peringatan"
      data-testid="warehouse-alerts"
    >
      <h2 id="wh-alerts-title" className="section-title">
        {t("warehouse.alerts.title")}
      </h2>
      <QueryState query={alerts} isEmpty={() => false} empty="">
        {(data) => (
          <div className="wh-alerts">
            <div>
              <h3>{t("warehouse.alerts.expiring", { days: data.expiringWithinDays })}</h3>
              {data.expiring.length === 0 ? (
                <p className="empty">{t("warehouse.alerts.none")}</p>
              ) : (
                <ul className="wh-alert-list" data-testid="alerts-expiring">
                  {data.expiring.map((a) => (
                    <li key={a.id}>
                      <span className={a.daysLeft < 0 ? "badge badge-danger" : "badge badge-warning"}>
                        {a.daysLeft < 0
                          ? t("warehouse.alerts.expired")
                          : t("warehouse.alerts.daysLeft", { days: a.daysLeft })}
                      </span>{" "}
                      <strong>{a.lot}</strong> · {a.commodity?.name ?? ""} · {placeName(a.location)} ·{" "}
                      {formatKg(a.kg, lang)}
                      {staff ? ` · ${a.tenant.name}` : ""}
                      <span className="cell-sub">
                        {t("warehouse.stock.expiry")}: {formatDateWIB(a.expiryDate as string, lang)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3>{t("warehouse.alerts.slow", { days: data.slowAfterDays })}</h3>
              {data.slow.length === 0 ? (
                <p className="empty">{t("warehouse.alerts.none")}</p>
              ) : (
                <ul className="wh-alert-list" data-testid="alerts-slow">
                  {data.slow.map((a) => (
                    <li key={a.id}>
                      <span className="badge badge-soon">
                        {t("warehouse.alerts.idle", { days: a.idleDays })}
                      </span>{" "}
                      <strong>{a.lot}</strong> · {a.commodity?.name ?? ""} · {placeName(a.location)} ·{" "}
                      {formatKg(a.kg, lang)}
                      {staff ? ` · ${a.tenant.name}` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
