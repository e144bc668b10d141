import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Dashboard, procurementApi } from "./api.ts";
import { formatKg, ProcurementTabs, rupiahOrDash, Section, Stat } from "./parts.tsx";
import "./procurement.css";

function BuyerView({ buyer }: { buyer: NonNullable<Dashboard["buyer"]> }) {
  const { t, lang } = usePreferences();
  const pct = (n: number | null) =>
    n === null ? "—" : `${n.toLocaleString(lang === "en" ? "en-GB" : "id-ID")}%`;
  return (
    <>
      <Section title={t("procurement.dash.buyer")} id="pr-dash-buyer">
        <div className="pr-stats">
          <Stat label={t("procurement.dash.ordered")} value={formatKg(buyer.totals.orderedKg, lang)} />
          <Stat
            label={t("procurement.dash.delivered")}
            value={formatKg(buyer.totals.deliveredKg, lang)}
            testId="pr-dash-delivered"
          />
          <Stat label={t("procurement.dash.avgPrice")} value={rupiahOrDash(buyer.totals.averagePricePaid)} />
          <Stat label={t("procurement.dash.onTime")} value={pct(buyer.totals.onTimeRate)} />
          <Stat
            label={t("procurement.dash.paid")}
            value={formatRupiah(buyer.totals.paidAmount)}
            testId="pr-dash-paid"
          />
          <Stat
            label={t("procurement.dash.outstanding")}
            value={formatRupiah(buyer.totals.outstandingAmount)}
          />
        </div>
        <div className="table-wrap">
          <table data-testid="pr-dash-suppliers">
            <caption className="visually-hidden">{t("procurement.dash.buyer")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("procurement.dash.supplierCol")}</th>
                <th scope="col" className="num">
                  {t("procurement.dash.contracts")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.committed")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.ordered")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.accepted")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.delivered")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.rejected")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.avgPrice")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.onTime")}
                </th>
                <th scope="col" className="num">
                  {t("procurement.dash.outstanding")}
                </th>
              </tr>
            </thead>
            <tbody>
              {buyer.bySupplier.map((s) => (
                <tr key={s.supplier.id}>
                  <th scope="row">{s.supplier.name}</th>
                  <td className="num">{s.activeContracts}</td>
                  <td className="num">{formatKg(s.committedKg, lang)}</td>
                  <td className="num">{formatKg(s.orderedKg, lang)}</td>
                  <td className="num">{formatKg(s.acceptedKg, lang)}</td>
                  <td className="num">{formatKg(s.deliveredKg, lang)}</td>
                  <td className="num">{formatKg(s.rejectedKg, lang)}</td>
                  <td className="num">{rupiahOrDash(s.averagePricePaid)}</td>
                  <td className="num">{pct(s.onTimeRate)}</td>
                  <td className="num">{formatRupiah(s.outstandingAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      {buyer.byCommodity.length ? (
        <Section title={t("procurement.dash.byCommodity")} id="pr-dash-commodity">
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("procurement.dash.byCommodity")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("procurement.offers.commodity")}</th>
                  <th scope="col" className="num">
                    {t("procurement.dash.delivered")}
                  </th>
                  <th scope="col" className="num">
                    {t("procurement.dash.avgPrice")}
                  </th>
                  <th scope="col" className="num">
                    {t("procurement.dash.reference")}
                  </th>
                  <th scope="col" className="num">
                    {t("procurement.dash.wholesale")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {buyer.byCommodity.map((c) => (
                  <tr key={c.commodity.code}>
                    <th scope="row">{lang === "en" ? c.commodity.nameEn : c.commodity.name}</th>
                    <td className="num">{formatKg(c.deliveredKg, lang)}</td>
                    <td className="num">{rupiahOrDash(c.averagePricePaid)}</td>
                    <td className="num">
                      {c.reference ? `${c.reference.kind} ${formatRupiah(c.reference.pricePerKg)}` : "—"}
                    </td>
                    <td className="num">
                      {c.jakartaWholesale ? formatRupiah(c.jakartaWholesale.price) : "—"}
                      {c.jakartaWholesale ? (
                        <span className="cell-sub">{formatDateWIB(c.jakartaWholesale.date, lang)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
    </>
  );
}

function SupplierView({ supplier }: { supplier: NonNullable<Dashboard["supplier"]> }) {
  const { t, td, lang } = usePreferences();
  return (
    <Section title={t("procurement.dash.supplier")} id="pr-dash-supplier">
      <div className="pr-stats">
        <Stat
          label={t("procurement.dash.openOffers")}
          value={`${supplier.offers.open} · ${formatKg(supplier.offers.openKg, lang)}`}
        />
        <Stat label={t("procurement.dash.openOrders")} value={supplier.totals.openOrders} />
        <Stat label={t("procurement.dash.proposed")} value={supplier.proposedContracts} />
        <Stat label={t("procurement.dash.contracts")} value={supplier.activeContracts} />
        <Stat label={t("procurement.dash.delivered")} value={formatKg(supplier.totals.deliveredKg, lang)} />
        <Stat label={t("procurement.dash.invoiced")} value={formatRupiah(supplier.totals.invoicedAmount)} />
        <Stat label={t("procurement.dash.paid")} value={formatRupiah(supplier.totals.paidAmount)} />
        <Stat
          label={t("procurement.dash.outstanding")}
          value={formatRupiah(supplier.totals.outstandingAmount)}
        />
        <Stat
          label={t("procurement.dash.farmPaid")}
          value={`${formatRupiah(supplier.farmPayments.amount)} · ${formatKg(supplier.farmPayments.kg, lang)}`}
        />
      </div>
      {Object.keys(supplier.ordersByStatus).length ? (
        <p className="pr-actions">
          {Object.entries(supplier.ordersByStatus).map(([status, n]) => (
            <Link key={status} to={`/konsol/pengadaan/po?status=${status}`} className="badge">
              {td(`procurement.status.${status}`, status)}: {n}
            </Link>
          ))}
        </p>
      ) : null}
    </Section>
  );
}

export function DashboardPage() {
  const { t } = usePreferences();
  const query = useQuery({ queryKey: ["procurement", "dashboard"], queryFn: procurementApi.dashboard });
  return (
    <ConsolePage title={t("procurement.title")} intro={t("procurement.intro")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          {session.persona === "farmer" ? (
            <p>
              <Link className="button button-primary" to="/konsol/pengadaan/petani">
                {t("procurement.dash.farmer")}
              </Link>
            </p>
          ) : null}
          <QueryState
            query={query}
            isEmpty={(d) => !d.buyer && !d.supplier}
            empty={t("procurement.dash.empty")}
          >
            {(d) => (
              <>
                {d.buyer ? <BuyerView buyer={d.buyer} /> : null}
                {d.supplier ? <SupplierView supplier={d.supplier} /> : null}
              </>
            )}
          </QueryState>
        </div>
      )}
    </ConsolePage>
  );
}
