import { useQuery } from "@tanstack/react-query";
import { useNavigate, useParams } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { AlertsSection } from "./AlertsSection.tsx";
import { warehouseApi } from "./api.ts";
import { BookingsSection } from "./BookingsSection.tsx";
import { PickSection } from "./PickSection.tsx";
import { StockSection } from "./StockSection.tsx";
import { siteKey } from "./shared.tsx";
import { TenantsSection } from "./TenantsSection.tsx";
import { ZonesSection } from "./ZonesSection.tsx";
import "./warehouse.css";

function SiteView({ code, session }: { code: string; session: Session }) {
  const { t } = usePreferences();
  const site = useQuery({ queryKey: [...siteKey(code), "site"], queryFn: () => warehouseApi.site(code) });
  return (
    <QueryState query={site} isEmpty={() => false} empty="">
      {(s) => {
        const staff = s.role !== "tenant";
        return (
          <div className="wh-sections">
            <p className="muted small" data-testid="warehouse-role">
              {t(
                s.role === "tenant"
                  ? "warehouse.role.tenant"
                  : s.role === "operator"
                    ? "warehouse.role.operator"
                    : "warehouse.role.admin",
              )}{" "}
              · {s.address} · <code>{s.sgln}</code>
            </p>
            <nav aria-label={t("warehouse.sections")} className="wh-jump">
              <a href="#zona">{t("warehouse.zones.title")}</a>
              <a href="#stok">{t("warehouse.stock.title")}</a>
              {staff ? <a href="#ambil">{t("warehouse.pick.title")}</a> : null}
              <a href="#pemesanan">{t("warehouse.bookings.title")}</a>
              <a href="#peringatan">{t("warehouse.alerts.title")}</a>
              {staff ? <a href="#penyewa">{t("warehouse.tenants.title")}</a> : null}
            </nav>
            <ZonesSection site={s} />
            <StockSection site={s} />
            {staff ? <PickSection site={s} ownOrganisation={session.organisation?.id ?? null} /> : null}
            <BookingsSection site={s} />
            <AlertsSection site={s} />
            {staff ? <TenantsSection site={s} /> : null}
          </div>
        );
      }}
    </QueryState>
  );
}

function Warehouse({ session }: { session: Session }) {
  const { t } = usePreferences();
  const params = useParams();
  const navigate = useNavigate();
  const sites = useQuery({ queryKey: ["warehouse", "sites"], queryFn: warehouseApi.sites });
  return (
    <QueryState query={sites} isEmpty={(d) => d.items.length === 0} empty={t("warehouse.noSites")}>
      {(data) => {
        const requested = params.site;
        const code = data.items.some((s) => s.code === requested)
          ? (requested as string)
          : (data.items[0]?.code ?? "");
        return (
          <div className="warehouse" data-testid="warehouse-page">
            <div className="wh-site-picker">
              <SelectField
                label={t("warehouse.site")}
                value={code}
                onChange={(e) => navigate(`/konsol/gudang/${encodeURIComponent(e.currentTarget.value)}`)}
                data-testid="warehouse-site"
              >
                {data.items.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
            </div>
            {code ? <SiteView key={code} code={code} session={session} /> : null}
          </div>
        );
      }}
    </QueryState>
  );
}

/**
 * /konsol/gudang (the first warehouse the caller works at) and /konsol/gudang/:site: the shared
 * warehouse, for its operator and its tenants.
 */
export function WarehousePage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("warehouse.title")} intro={t("warehouse.intro")}>
      {(session) => <Warehouse session={session} />}
    </ConsolePage>
  );
}
