import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB, formatDateWIB } from "../../lib/format.ts";
import { LOCALES } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { useSession } from "../auth/session.ts";
import { type SupplyPosition, supplyApi } from "./api.ts";
import { OutlookChart } from "./OutlookChart.tsx";
import { PlanForm } from "./PlanForm.tsx";
import "./supply.css";

const PLANNERS = new Set(["dinas", "admin"]);

/**
 * The supply position of a commodity in a province on the stability dashboard: cover now against
 * target, who holds what where, what is on its way, what Lampung can send, and 16 weeks ahead.
 * A regency code is read as its province (supply is planned per province).
 */
export function SupplySection({ commodityCode, regionCode }: { commodityCode: string; regionCode: string }) {
  const { t } = usePreferences();
  const session = useSession();
  const province = regionCode.slice(0, 2);
  const ready = Boolean(commodityCode && province.length === 2);
  const query = useQuery({
    queryKey: ["supply", "position", commodityCode, province],
    queryFn: () => supplyApi.position(commodityCode, province),
    enabled: ready,
  });
  const canPlan = Boolean(session.data && PLANNERS.has(session.data.persona));
  return (
    <section className="card supply" aria-labelledby="supply-title" data-testid="supply-section">
      <h2 id="supply-title">{t("supply.title")}</h2>
      <p className="muted">{t("supply.intro")}</p>
      {ready ? (
        <QueryState query={query} isEmpty={() => false} empty="">
          {(p) => (
            <>
              <Position p={p} />
              {canPlan ? (
                <PlanForm
                  key={`${p.commodityCode}-${p.regionCode}-${p.plan?.updatedAt ?? "none"}`}
                  commodityCode={p.commodityCode}
                  regionCode={p.regionCode}
                  plan={p.plan}
                />
              ) : null}
            </>
          )}
        </QueryState>
      ) : (
        <p className="empty">{t("supply.empty")}</p>
      )}
    </section>
  );
}

function Position({ p }: { p: SupplyPosition }) {
  const { t, lang } = usePreferences();
  const num = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  const tonnes = (kg: number) => t("supply.tonnes", { t: num.format(kg / 1000) });
  const below = p.plan && p.coverDays !== null && p.coverDays < p.plan.targetCoverDays;
  return (
    <>
      <p className="supply-heading">
        {p.commodityName} · {p.regionName} · {formatDateWIB(p.asOf, lang)}
      </p>
      <dl className="supply-figures">
        <div
          className={below ? "supply-figure supply-figure-low" : "supply-figure"}
          data-testid="supply-cover"
        >
          <dt>{t("supply.cover.now")}</dt>
          <dd>
            {p.coverDays === null
              ? t("supply.cover.none")
              : t("supply.cover.days", { days: num.format(p.coverDays) })}
            {p.plan ? (
              <span className="supply-target">
                {t("supply.cover.target", { days: num.format(p.plan.targetCoverDays) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="supply-figure">
          <dt>{t("supply.stock.total")}</dt>
          <dd data-testid="supply-stock-total">{tonnes(p.stock.totalKg)}</dd>
        </div>
        <div className="supply-figure">
          <dt>{t("supply.transit.total")}</dt>
          <dd data-testid="supply-transit-total">{tonnes(p.inTransit.totalKg)}</dd>
        </div>
      </dl>
      {p.notes.map((n) => (
        <p key={n.en} className="alert alert-info supply-note" data-testid="supply-note">
          {lang === "en" ? n.en : n.id}
        </p>
      ))}
      {p.plan ? (
        <div
          className={p.leanGap ? "alert alert-warning supply-gap" : "alert alert-info supply-gap"}
          data-testid="supply-gap"
        >
          <p>
            <strong>{t("supply.gap.title")}: </strong>
            {p.leanGap
              ? t("supply.gap.text", {
                  week: formatDateWIB(p.leanGap.firstWeek, lang),
                  weeks: p.leanGap.weeks,
                  t: num.format(p.leanGap.maxGapKg / 1000),
                })
              : t("supply.gap.none")}
          </p>
        </div>
      ) : null}
      {p.plan && p.outlook.length ? (
        <section aria-labelledby="supply-outlook-title">
          <h3 id="supply-outlook-title">{t("supply.outlook.title")}</h3>
          <OutlookChart weeks={p.outlook} targetDays={p.plan.targetCoverDays} />
        </section>
      ) : null}
      <Holdings p={p} tonnes={tonnes} />
      <Transit p={p} tonnes={tonnes} />
      <section aria-labelledby="supply-lampung-title">
        <h3 id="supply-lampung-title">{t("supply.lampung.title")}</h3>
        <dl className="supply-figures" data-testid="supply-lampung">
          <div className="supply-figure">
            <dt>{t("supply.lampung.lots")}</dt>
            <dd>
              {t("supply.lampung.lotsValue", {
                t: num.format(p.lampung.declaredLotsKg / 1000),
                n: p.lampung.declaredLots,
              })}
            </dd>
          </div>
          <div className="supply-figure">
            <dt>{t("supply.lampung.warehouse")}</dt>
            <dd>{tonnes(p.lampung.warehouseKg)}</dd>
          </div>
          <div className="supply-figure">
            <dt>{t("supply.lampung.expected")}</dt>
            <dd>{p.plan ? tonnes(p.lampung.expectedKg) : "—"}</dd>
          </div>
        </dl>
      </section>
      {p.plan ? (
        <p className="muted supply-source">{t("supply.plan.source.current", { source: p.plan.source })}</p>
      ) : null}
    </>
  );
}

function Holdings({ p, tonnes }: { p: SupplyPosition; tonnes: (kg: number) => string }) {
  const { t, lang } = usePreferences();
  return (
    <section aria-labelledby="supply-holdings-title">
      <h3 id="supply-holdings-title">{t("supply.holdings.title")}</h3>
      {p.stock.holdings.length === 0 ? (
        <p className="empty">{t("supply.holdings.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="supply-holdings">
            <thead>
              <tr>
                <th scope="col">{t("supply.holdings.where")}</th>
                <th scope="col">{t("supply.holdings.who")}</th>
                <th scope="col">{t("supply.holdings.tonnes")}</th>
                <th scope="col">{t("supply.holdings.asOf")}</th>
              </tr>
            </thead>
            <tbody>
              {p.stock.holdings.map((h) => {
                const expiry = h.lots.find((l) => l.expiryDate)?.expiryDate;
                return (
                  <tr key={`${h.source}-${h.siteCode ?? ""}-${h.organisationId}`}>
                    <td>
                      {h.source === "report" ? (
                        <span className="badge">{t("supply.holdings.reported")}</span>
                      ) : null}{" "}
                      {h.siteName}
                      {h.lots.length ? (
                        <span className="muted supply-lots">
                          {expiry
                            ? t("supply.holdings.lots", {
                                n: h.lots.length,
                                date: formatDateWIB(expiry, lang),
                              })
                            : t("supply.holdings.lotsNoExpiry", { n: h.lots.length })}
                        </span>
                      ) : null}
                    </td>
                    <td>{h.organisationName}</td>
                    <td className="num">{tonnes(h.kg)}</td>
                    <td className="num">{formatDateWIB(h.asOf, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Transit({ p, tonnes }: { p: SupplyPosition; tonnes: (kg: number) => string }) {
  const { t, lang } = usePreferences();
  return (
    <section aria-labelledby="supply-transit-title">
      <h3 id="supply-transit-title">{t("supply.transit.title")}</h3>
      {p.inTransit.shipments.length === 0 ? (
        <p className="empty">{t("supply.transit.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="supply-transit">
            <thead>
              <tr>
                <th scope="col">{t("supply.transit.number")}</th>
                <th scope="col">{t("supply.transit.route")}</th>
                <th scope="col">{t("supply.holdings.tonnes")}</th>
                <th scope="col">{t("supply.transit.eta")}</th>
                <th scope="col">{t("supply.transit.status")}</th>
              </tr>
            </thead>
            <tbody>
              {p.inTransit.shipments.map((s) => (
                <tr key={s.id}>
                  <td>{s.number}</td>
                  <td>
                    {s.originName} → {s.destinationName}
                  </td>
                  <td className="num">{tonnes(s.kg)}</td>
                  <td className="num">{s.eta ? formatDateTimeWIB(s.eta, lang) : "—"}</td>
                  <td>{s.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
