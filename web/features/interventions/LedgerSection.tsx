import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB, formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { interventionsApi, type PriceWindow, type Scope } from "./api.ts";
import { formatKg, formatPct } from "./format.ts";

/**
 * The intervention ledger: what was approved, what it created, and prices before and after. Shipment
 * numbers link to the shipment for those who take part in it (the Dinas reads the ledger, not the
 * BUMDs' shipments).
 */
export function LedgerSection({ scope, canOpenShipments }: { scope: Scope; canOpenShipments: boolean }) {
  const { t, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["stability", "interventions", scope],
    queryFn: () => interventionsApi.ledger(scope),
  });
  const price = (w: PriceWindow) =>
    w.meanRp === null ? (
      <span className="muted">{t("itv.ledger.noPrices")}</span>
    ) : (
      <>
        {formatRupiah(w.meanRp)}
        <span className="muted itv-small"> · {t("itv.ledger.days", { n: String(w.days) })}</span>
      </>
    );
  return (
    <section className="card itv" aria-labelledby="itv-ledger-title" data-testid="intervention-ledger">
      <h2 id="itv-ledger-title">{t("itv.ledger.title")}</h2>
      <p className="muted">{t("itv.ledger.intro")}</p>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("itv.ledger.empty")}>
        {(data) => (
          <div className="table-wrap">
            <table className="itv-table">
              <thead>
                <tr>
                  <th scope="col">{t("itv.ledger.action")}</th>
                  <th scope="col">{t("itv.ledger.created")}</th>
                  <th scope="col" className="num">
                    {t("itv.ledger.before")}
                  </th>
                  <th scope="col" className="num">
                    {t("itv.ledger.after")}
                  </th>
                  <th scope="col" className="num">
                    {t("itv.ledger.effect")}
                  </th>
                  <th scope="col">{t("itv.ledger.approved")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.id} data-testid="ledger-row">
                    <td>
                      <strong>{t(`itv.kind.${i.kind}`)}</strong>
                      <br />
                      {i.commodityName} · {i.regionName} · {formatKg(i.quantityKg, lang)}
                      <br />
                      <span className="muted itv-small">
                        {t("itv.ledger.from", { date: formatDateWIB(i.effectiveDate, lang) })}
                      </span>
                    </td>
                    <td>
                      {i.created.length === 0 ? (
                        <span className="muted">{t("itv.recs.nothingCreated")}</span>
                      ) : (
                        <ul className="itv-created">
                          {i.created.map((c) => (
                            <li key={c.id}>
                              {canOpenShipments ? (
                                <Link to={`/konsol/pengiriman/${encodeURIComponent(c.id)}`}>{c.number}</Link>
                              ) : (
                                c.number
                              )}{" "}
                              → {c.destinationName} ({formatKg(c.kg, lang)})
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="num">{price(i.priceBefore)}</td>
                    <td className="num">{price(i.priceAfter)}</td>
                    <td className="num" data-testid="ledger-effect">
                      {i.measuredEffectPct === null ? "—" : formatPct(i.measuredEffectPct, lang)}
                      <br />
                      <span className="muted itv-small">
                        {t("itv.ledger.expected", {
                          pct: i.expectedEffectPct === null ? "—" : formatPct(i.expectedEffectPct, lang),
                        })}
                        {i.measurementComplete ? "" : ` · ${t("itv.ledger.running")}`}
                      </span>
                    </td>
                    <td>
                      {i.approvedByName}
                      <br />
                      <span className="muted itv-small">{formatDateTimeWIB(i.approvedAt, lang)}</span>
                      {i.note ? <p className="itv-small">“{i.note}”</p> : null}
                    </td>
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
