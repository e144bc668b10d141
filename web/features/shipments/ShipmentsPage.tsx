import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { SelectField } from "../../components/Field.tsx";
import { Icon } from "../../components/Icon.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Role, type ShipmentStatus, STATUSES, shipmentsApi } from "./api.ts";
import { formatKg, statusTone } from "./format.ts";
import "./shipments.css";

const ROLES: (Role | "")[] = ["", "sent", "received", "carrying"];

/** Organisations that ship goods out (and so see the create and packing buttons). */
export function canShip(session: Session): boolean {
  return session.persona !== "dinas" && session.persona !== "hub_operator" && session.persona !== "carrier";
}

function ShipmentList() {
  const { t, td, lang } = usePreferences();
  const [params, setParams] = useSearchParams();
  const role = (params.get("role") ?? "") as Role | "";
  const status = (params.get("status") ?? "") as ShipmentStatus | "";
  const query = useInfiniteQuery({
    queryKey: ["shipments", role, status],
    queryFn: ({ pageParam }) =>
      shipmentsApi.list({ role: role || undefined, status: status || undefined }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <section className="card sh-section" aria-labelledby="sh-list-title">
      <h2 id="sh-list-title" className="visually-hidden">
        {t("shipments.list.title")}
      </h2>
      <div className="sh-filters">
        <fieldset className="sh-segmented">
          <legend>{t("shipments.list.role")}</legend>
          {ROLES.map((r) => (
            <label key={r || "all"} className={role === r ? "is-selected" : undefined}>
              <input
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => set("role", r)}
                data-testid={`shipments-role-${r || "all"}`}
              />
              {t(r ? (`shipments.role.${r}` as const) : "shipments.role.all")}
            </label>
          ))}
        </fieldset>
        <SelectField
          label={t("shipments.list.status")}
          value={status}
          onChange={(e) => set("status", e.currentTarget.value)}
          data-testid="shipments-status-filter"
        >
          <option value="">{t("shipments.status.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {td(`shipments.status.${s}`, s)}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState
        query={query}
        isEmpty={(data) => data.pages.every((p) => p.items.length === 0)}
        empty={t("shipments.list.empty")}
      >
        {(data) => (
          <>
            <div className="table-wrap">
              <table data-testid="shipments-table">
                <caption className="visually-hidden">{t("shipments.list.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("shipments.number")}</th>
                    <th scope="col">{t("shipments.status")}</th>
                    <th scope="col">{t("shipments.fromTo")}</th>
                    <th scope="col">{t("shipments.parties")}</th>
                    <th scope="col" className="num">
                      {t("shipments.weight")}
                    </th>
                    <th scope="col">{t("shipments.eta")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.pages
                    .flatMap((p) => p.items)
                    .map((s) => (
                      <tr key={s.id} data-testid="shipment-row">
                        <th scope="row">
                          <Link
                            to={`/konsol/pengiriman/${s.id}`}
                            className="sh-number"
                            data-testid={`shipment-link-${s.number}`}
                          >
                            {s.number}
                          </Link>
                          <span className="cell-sub">{td(`shipments.route.${s.route}`, s.route)}</span>
                        </th>
                        <td>
                          <span className={`badge ${statusTone(s.status)}`}>
                            {td(`shipments.status.${s.status}`, s.status)}
                          </span>
                        </td>
                        <td>
                          {s.origin.name} → {s.destination.name}
                          {s.current?.name ? (
                            <span className="cell-sub">
                              {t("shipments.now")}: {s.current.name}
                            </span>
                          ) : null}
                        </td>
                        <td className="small">
                          {s.shipper.name}
                          <span className="cell-sub">→ {s.receiver.name}</span>
                        </td>
                        <td className="num">{formatKg(s.totals.shippedKg, lang)}</td>
                        <td className="nowrap small">
                          {s.deliveredAt
                            ? formatDateTimeWIB(s.deliveredAt, lang)
                            : s.eta
                              ? formatDateTimeWIB(s.eta, lang)
                              : "—"}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            {query.hasNextPage ? (
              <p className="sh-more">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => query.fetchNextPage()}
                  disabled={query.isFetchingNextPage}
                  data-testid="shipments-more"
                >
                  {t("shipments.list.more")}
                </button>
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

export function ShipmentsPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("shipments.title")} intro={t("shipments.intro")}>
      {(session) => (
        <div className="sh-page">
          <div className="sh-actions">
            {canShip(session) ? (
              <>
                <Link
                  className="button button-primary"
                  to="/konsol/pengiriman/baru"
                  data-testid="shipments-new"
                >
                  <Icon name="market" size={20} />
                  {t("shipments.new")}
                </Link>
                <Link
                  className="button button-secondary"
                  to="/konsol/pengiriman/kemas"
                  data-testid="shipments-pack"
                >
                  <Icon name="list" size={20} />
                  {t("shipments.pack")}
                </Link>
              </>
            ) : null}
            <Link
              className="button button-secondary"
              to="/konsol/pengiriman/laporan"
              data-testid="shipments-reports"
            >
              <Icon name="report" size={20} />
              {t("shipments.reports")}
            </Link>
          </div>
          <ShipmentList />
        </div>
      )}
    </ConsolePage>
  );
}
