import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { formatDateTimeWIB, formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { useSession } from "../auth/session.ts";
import { type FreightRoute, type SpreadItem, type SpreadSide, spreadApi } from "./api.ts";
import { FreightEditor } from "./FreightEditor.tsx";
import "./spread.css";

const ROUTES = ["roro", "ferry"] as const;

function canEditFreight(session: Session | null | undefined): boolean {
  if (!session) return false;
  return session.persona === "dinas" || session.persona === "admin" || session.user.isAdmin;
}

function Side({ side }: { side: SpreadSide | null }) {
  const { t, lang } = usePreferences();
  if (!side) return <span className="muted">{t("spread.noValue")}</span>;
  const basis =
    side.basis === "province"
      ? t("spread.basis.province")
      : t("spread.basis.markets", { n: String(side.markets.length) });
  return (
    <div className="spread-side">
      <strong>{formatRupiah(side.price)}</strong>
      <span className="muted">
        {t(`spread.level.${side.level}`)} · {t("spread.asOfDate", { date: formatDateWIB(side.date, lang) })}
      </span>
      <span className="muted spread-markets" title={side.markets.join(", ")}>
        {basis}: {side.markets.join(", ")}
      </span>
    </div>
  );
}

function Freight({ item }: { item: SpreadItem }) {
  const { t } = usePreferences();
  return (
    <ul className="spread-freight">
      {ROUTES.map((r) => {
        const value = item.freight[r];
        const net = item.netByRoute?.[r];
        return (
          <li key={r}>
            {t(`spread.route.${r}`)}: {value === null ? t("spread.noValue") : formatRupiah(value)}
            {item.freight.cheapestRoute === r ? (
              <span className="spread-cheapest"> ({t("spread.cheapest")})</span>
            ) : null}
            {net !== undefined ? (
              <span className="muted"> · {t("spread.netVia", { rp: formatRupiah(net) })}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Assessment({ item }: { item: SpreadItem }) {
  const { t, lang } = usePreferences();
  const reason = lang === "en" ? item.reason.en : item.reason.id;
  let badge = <span className="badge spread-badge-none">{t("spread.noFlag")}</span>;
  if (item.status === "missing") badge = <span className="badge badge-warning">{t("spread.missing")}</span>;
  else if (item.flagged) badge = <span className="badge badge-success">{t("spread.flag")}</span>;
  return (
    <div className="spread-assessment">
      {badge}
      <p className="spread-reason">{reason}</p>
    </div>
  );
}

function SpreadTable({ items, asOf, highlight }: { items: SpreadItem[]; asOf: string; highlight?: string }) {
  const { t, lang } = usePreferences();
  return (
    <div className="table-wrap">
      <table data-testid="spread-table">
        <caption>{t("spread.table", { date: formatDateWIB(asOf, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("spread.col.commodity")}</th>
            <th scope="col">{t("spread.col.lampung")}</th>
            <th scope="col">{t("spread.col.jakarta")}</th>
            <th scope="col">{t("spread.col.freight")}</th>
            <th scope="col">{t("spread.col.net")}</th>
            <th scope="col">{t("spread.col.assessment")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.commodityCode}
              className={[
                item.flagged ? "spread-row-flagged" : "",
                highlight === item.commodityCode ? "spread-row-highlight" : "",
              ]
                .filter(Boolean)
                .join(" ")}
              data-testid={`spread-row-${item.commodityCode}`}
            >
              <th scope="row">{lang === "en" ? item.commodityNameEn : item.commodityName}</th>
              <td>
                <Side side={item.lampung} />
              </td>
              <td>
                <Side side={item.jakarta} />
              </td>
              <td>
                <Freight item={item} />
              </td>
              <td className="spread-net">
                {item.netSpreadRp === null ? (
                  <span className="muted">{t("spread.noValue")}</span>
                ) : (
                  <>
                    <strong className={item.netSpreadRp < 0 ? "spread-negative" : undefined}>
                      {formatRupiah(item.netSpreadRp)}
                    </strong>
                    <span className="muted">
                      {t("spread.ofLampung", {
                        pct: new Intl.NumberFormat(lang === "en" ? "en-US" : "id-ID", {
                          maximumFractionDigits: 1,
                        }).format(item.netSpreadPct ?? 0),
                      })}
                    </span>
                  </>
                )}
              </td>
              <td>
                <Assessment item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each route's cost per kg and its components, every assumption marked. */
export function RoutesList({ routes }: { routes: FreightRoute[] }) {
  const { t, lang } = usePreferences();
  return (
    <div className="spread-routes" data-testid="spread-routes">
      {routes.map((r) => (
        <article key={r.route} className="spread-route" data-testid={`spread-route-${r.route}`}>
          <h4>
            {r.name}: {formatRupiah(r.rpPerKg)}/kg
          </h4>
          <p className="muted">
            {t("spread.routes.payload", { kg: new Intl.NumberFormat("id-ID").format(r.payloadKg) })} ·{" "}
            {r.updatedBy
              ? t("spread.routes.changed", { at: formatDateTimeWIB(r.updatedAt, lang) })
              : t("spread.routes.default")}
            {r.assumptions ? (
              <>
                {" "}
                <span className="badge badge-warning">{t("spread.routes.hasAssumptions")}</span>
              </>
            ) : null}
          </p>
          <details>
            <summary>{t("spread.routes.components")}</summary>
            <ul className="spread-components">
              {r.components.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: components have no id and may repeat labels
                <li key={i}>
                  <strong>{c.label}</strong>: {formatRupiah(c.rp)} {t(`spread.per.${c.per}`)}
                  {c.km !== undefined ? ` × ${new Intl.NumberFormat("id-ID").format(c.km)} km` : ""} →{" "}
                  {new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 }).format(c.rpPerKg)} Rp/kg
                  {c.assumption ? (
                    <>
                      {" "}
                      <span className="badge badge-warning">{t("spread.assumption")}</span>
                    </>
                  ) : null}
                  <br />
                  <span className="muted spread-source">
                    {t("spread.component.source")}: {c.source}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </article>
      ))}
    </div>
  );
}

/**
 * The corridor spread on the stability dashboard: per commodity, Lampung price against Jakarta retail net
 * of freight, flagged where a BUMD-to-BUMD trade could close it; the dinas and the admin can edit freight.
 */
export function SpreadSection({ commodityCode }: { commodityCode?: string } = {}) {
  const { t } = usePreferences();
  const session = useSession();
  const [date, setDate] = useState("");
  const [draft, setDraft] = useState("");
  const spread = useQuery({
    queryKey: ["spread", date],
    queryFn: () => spreadApi.spread(date || undefined),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDate(draft);
  };
  return (
    <section className="card spread" aria-labelledby="spread-title" data-testid="spread-section">
      <h2 id="spread-title">{t("spread.title")}</h2>
      {spread.data ? (
        <p className="muted">
          {t("spread.intro", {
            threshold: String(spread.data.thresholdPct),
            days: String(spread.data.maxAgeDays),
          })}
        </p>
      ) : null}
      <form className="spread-filters" onSubmit={submit}>
        <Field
          label={t("spread.asOf")}
          type="date"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          data-testid="spread-date"
        />
        <div className="spread-filters-actions">
          <button type="submit" className="button button-secondary">
            {t("spread.apply")}
          </button>
        </div>
      </form>
      <QueryState
        query={spread}
        isEmpty={(d) => d.items.length === 0 && d.routes.length === 0}
        empty={t("spread.empty")}
      >
        {(data) => (
          <>
            {data.items.length ? (
              <SpreadTable
                items={data.items}
                asOf={data.asOf}
                {...(commodityCode ? { highlight: commodityCode } : {})}
              />
            ) : (
              <p className="empty">{t("spread.empty")}</p>
            )}
            <h3>{t("spread.routes.title")}</h3>
            <RoutesList routes={data.routes} />
            {canEditFreight(session.data) ? <FreightEditor routes={data.routes} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
