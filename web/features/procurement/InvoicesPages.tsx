import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateTimeWIB, formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { procurementApi } from "./api.ts";
import { formatKg, ProcurementTabs, Section, StatusBadge, todayWIB } from "./parts.tsx";
import "./procurement.css";

export function InvoicesPage() {
  const { t, lang } = usePreferences();
  const query = useQuery({ queryKey: ["procurement", "invoices"], queryFn: procurementApi.invoices });
  return (
    <ConsolePage title={t("procurement.invoices.title")} intro={t("procurement.intro")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          <Section title={t("procurement.invoices.title")} id="pr-invoices">
            <QueryState
              query={query}
              isEmpty={(d) => d.items.length === 0}
              empty={t("procurement.invoices.empty")}
            >
              {(d) => (
                <div className="table-wrap">
                  <table data-testid="pr-invoices">
                    <caption className="visually-hidden">{t("procurement.invoices.title")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("procurement.invoices.number")}</th>
                        <th scope="col">{t("procurement.invoices.order")}</th>
                        <th scope="col">{t("procurement.orders.parties")}</th>
                        <th scope="col" className="num">
                          {t("procurement.invoices.amount")}
                        </th>
                        <th scope="col">{t("procurement.invoices.due")}</th>
                        <th scope="col">{t("procurement.invoices.status")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.items.map((i) => (
                        <tr key={i.id}>
                          <th scope="row">
                            <Link to={`/konsol/pengadaan/faktur/${i.id}`}>{i.number}</Link>
                          </th>
                          <td>
                            <Link to={`/konsol/pengadaan/po/${i.orderId}`}>{i.orderNumber}</Link>
                          </td>
                          <td className="small">
                            {i.buyer.name}
                            <span className="cell-sub">← {i.supplier.name}</span>
                          </td>
                          <td className="num">{formatRupiah(i.amount)}</td>
                          <td className="small">{formatDateWIB(i.dueDate, lang)}</td>
                          <td>
                            <StatusBadge status={i.status} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </QueryState>
          </Section>
        </div>
      )}
    </ConsolePage>
  );
}

export function InvoicePage() {
  const { t, td, lang } = usePreferences();
  const { id = "" } = useParams();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["procurement", "invoice", id],
    queryFn: () => procurementApi.invoice(id),
  });
  const [reference, setReference] = useState("");
  const [paidOn, setPaidOn] = useState(todayWIB());
  const pay = useMutation({
    mutationFn: () => procurementApi.pay(id, { reference, paidOn }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["procurement"] }),
  });
  const errors = fieldErrorsOf(pay.error);
  return (
    <ConsolePage title={query.data?.number ?? t("procurement.invoices.title")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          <QueryState query={query} isEmpty={() => false} empty="">
            {(i) => {
              const isBuyer = session.persona === "admin" || session.organisation?.id === i.buyer.id;
              return (
                <>
                  <Section title={i.number} id="pr-invoice" actions={<StatusBadge status={i.status} />}>
                    <dl className="pr-facts" data-testid="pr-invoice-facts">
                      <dt>{t("procurement.invoices.from")}</dt>
                      <dd>{i.supplier.name}</dd>
                      <dt>{t("procurement.invoices.to")}</dt>
                      <dd>{i.buyer.name}</dd>
                      <dt>{t("procurement.invoices.order")}</dt>
                      <dd>
                        <Link to={`/konsol/pengadaan/po/${i.orderId}`}>{i.orderNumber}</Link>
                      </dd>
                      <dt>{t("procurement.invoices.issued")}</dt>
                      <dd>{formatDateTimeWIB(i.issuedAt, lang)}</dd>
                      <dt>{t("procurement.invoices.due")}</dt>
                      <dd>{formatDateWIB(i.dueDate, lang)}</dd>
                      <dt>{t("procurement.invoices.amount")}</dt>
                      <dd data-testid="pr-invoice-amount">{formatRupiah(i.amount)}</dd>
                      <dt>{t("procurement.invoices.vat")}</dt>
                      <dd>{i.vatNote}</dd>
                      {i.status === "paid" ? (
                        <>
                          <dt>{t("procurement.status.paid")}</dt>
                          <dd data-testid="pr-invoice-paid">
                            {t("procurement.invoices.paid", {
                              date: i.paidOn ? formatDateWIB(i.paidOn, lang) : "",
                              reference: i.paymentReference ?? "",
                            })}
                          </dd>
                        </>
                      ) : null}
                    </dl>
                    <div className="table-wrap">
                      <table>
                        <caption className="visually-hidden">{i.number}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("procurement.invoices.description")}</th>
                            <th scope="col" className="num">
                              {t("procurement.orders.quantity")}
                            </th>
                            <th scope="col" className="num">
                              {t("procurement.orders.price")}
                            </th>
                            <th scope="col" className="num">
                              {t("procurement.invoices.amount")}
                            </th>
                            <th scope="col">{t("procurement.invoices.lots")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {i.lines.map((l) => (
                            <tr key={l.lineNo}>
                              <th scope="row">{l.description}</th>
                              <td className="num">{formatKg(l.kg, lang)}</td>
                              <td className="num">{formatRupiah(l.pricePerKg)}</td>
                              <td className="num">{formatRupiah(l.amount)}</td>
                              <td className="pr-code">{l.lots.join(", ")}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </Section>
                  {isBuyer && i.status === "issued" ? (
                    <Section title={t("procurement.invoices.pay")} id="pr-pay">
                      <form
                        className="pr-form"
                        noValidate
                        onSubmit={(e: FormEvent) => {
                          e.preventDefault();
                          pay.mutate();
                        }}
                        data-testid="pr-pay-form"
                      >
                        <div className="pr-wide">
                          <ErrorAlert
                            title={t("procurement.failed")}
                            message={pay.isError ? errorMessage(pay.error, t, td) : null}
                          />
                        </div>
                        <Field
                          label={t("procurement.invoices.reference")}
                          value={reference}
                          onChange={(e) => setReference(e.currentTarget.value)}
                          error={errors.reference}
                          data-testid="pr-pay-reference"
                        />
                        <Field
                          label={t("procurement.invoices.paidOn")}
                          type="date"
                          value={paidOn}
                          onChange={(e) => setPaidOn(e.currentTarget.value)}
                          error={errors.paidOn}
                        />
                        <div className="pr-actions">
                          <button
                            type="submit"
                            className="button button-primary"
                            disabled={pay.isPending}
                            data-testid="pr-pay-submit"
                          >
                            {t("procurement.invoices.pay")}
                          </button>
                        </div>
                      </form>
                    </Section>
                  ) : null}
                </>
              );
            }}
          </QueryState>
        </div>
      )}
    </ConsolePage>
  );
}
