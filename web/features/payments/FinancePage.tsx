import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { formatDateTimeWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { INTENT_STATUSES, type IntentStatus, paymentsApi } from "./api.ts";
import { StatusBadge } from "./QrisPanel.tsx";
import "./payments.css";

const JOURNALS_PER_PAGE = 10;
const INTENTS_PER_PAGE = 20;

function Money({ amount }: { amount: number }) {
  return <td className="payments-num">{amount ? formatRupiah(amount) : ""}</td>;
}

function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = usePreferences();
  if (total <= limit) return null;
  return (
    <nav
      className="pager"
      aria-label={t("payments.console.pageOf", {
        from: offset + 1,
        to: Math.min(offset + limit, total),
        total,
      })}
    >
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t("payments.console.previous")}
      </button>
      <span>
        {t("payments.console.pageOf", { from: offset + 1, to: Math.min(offset + limit, total), total })}
      </span>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t("payments.console.next")}
      </button>
    </nav>
  );
}

function TrialBalance() {
  const { t } = usePreferences();
  const query = useQuery({ queryKey: ["payments", "trial-balance"], queryFn: paymentsApi.trialBalance });
  return (
    <section className="card" aria-labelledby="tb-title">
      <h2 id="tb-title" className="section-title">
        {t("payments.console.trialBalance")}
      </h2>
      <QueryState
        query={query}
        isEmpty={(d) => d.accounts.length === 0}
        empty={t("payments.console.noAccounts")}
      >
        {(data) => (
          <div className="table-wrap">
            <table data-testid="trial-balance">
              <thead>
                <tr>
                  <th scope="col">{t("payments.console.account")}</th>
                  <th scope="col" className="payments-num">
                    {t("payments.console.debit")}
                  </th>
                  <th scope="col" className="payments-num">
                    {t("payments.console.credit")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.accounts.map((a) => (
                  <tr key={a.account}>
                    <th scope="row" className="ledger-account">
                      {a.account}
                    </th>
                    <Money amount={Math.max(a.balance, 0)} />
                    <Money amount={Math.max(-a.balance, 0)} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="finance-sum">
                  <th scope="row">
                    {t("payments.console.debit")} / {t("payments.console.credit")}
                  </th>
                  <td className="payments-num">{formatRupiah(data.debits)}</td>
                  <td className="payments-num">{formatRupiah(data.credits)}</td>
                </tr>
                <tr className="finance-sum">
                  <th scope="row">{t("payments.console.sum")}</th>
                  <td className="payments-num" colSpan={2} data-testid="trial-balance-total">
                    {formatRupiah(data.total)}{" "}
                    <span className={`badge ${data.total === 0 ? "badge-success" : "badge-danger"}`}>
                      {data.total === 0 ? t("payments.console.balanced") : t("payments.console.unbalanced")}
                    </span>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function Journals() {
  const { t, lang } = usePreferences();
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: ["payments", "journals", offset],
    queryFn: () => paymentsApi.journals({ limit: JOURNALS_PER_PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="journals-title">
      <h2 id="journals-title" className="section-title">
        {t("payments.console.journals")}
      </h2>
      <QueryState
        query={query}
        isEmpty={(d) => d.items.length === 0}
        empty={t("payments.console.noJournals")}
      >
        {(data) => (
          <>
            <ol className="journal-list" data-testid="journals">
              {data.items.map((j) => (
                <li key={j.id} className="journal">
                  <p className="journal-head">
                    <span className="badge badge-hub">{j.kind}</span>
                    <span className="ledger-account">{j.referenceId}</span>
                    <span className="cell-sub">{formatDateTimeWIB(j.createdAt, lang)}</span>
                  </p>
                  <p className="cell-sub">{j.memo}</p>
                  <table>
                    <caption className="visually-hidden">
                      {j.kind} {j.referenceId}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("payments.console.account")}</th>
                        <th scope="col" className="payments-num">
                          {t("payments.console.debit")}
                        </th>
                        <th scope="col" className="payments-num">
                          {t("payments.console.credit")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {j.entries.map((e) => (
                        <tr key={`${j.id}-${e.account}-${e.amount}`}>
                          <th scope="row" className="ledger-account">
                            {e.account}
                          </th>
                          <Money amount={Math.max(e.amount, 0)} />
                          <Money amount={Math.max(-e.amount, 0)} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </li>
              ))}
            </ol>
            <Pager offset={offset} limit={JOURNALS_PER_PAGE} total={data.total} onChange={setOffset} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function Payouts() {
  const { t, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["payments", "payouts"],
    queryFn: () => paymentsApi.payouts({ limit: 50 }),
  });
  return (
    <section className="card" aria-labelledby="payouts-title">
      <h2 id="payouts-title" className="section-title">
        {t("payments.console.payouts")}
      </h2>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("payments.console.noPayouts")}>
        {(data) => (
          <div className="table-wrap">
            <table data-testid="payouts">
              <thead>
                <tr>
                  <th scope="col">{t("payments.console.beneficiary")}</th>
                  <th scope="col">{t("payments.console.bank")}</th>
                  <th scope="col" className="payments-num">
                    {t("payments.console.amount")}
                  </th>
                  <th scope="col">{t("payments.console.at")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.beneficiaryName}
                      <span className="cell-sub">{p.memo}</span>
                    </th>
                    <td>
                      {p.bank.name} {p.bank.accountNumberMasked}
                      <span className="cell-sub">{p.bank.accountName}</span>
                    </td>
                    <td className="payments-num">{formatRupiah(p.amount)}</td>
                    <td className="nowrap">{formatDateTimeWIB(p.createdAt, lang)}</td>
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

function Intents() {
  const { t, lang } = usePreferences();
  const [status, setStatus] = useState<IntentStatus | "">("");
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: ["payments", "intents", status, offset],
    queryFn: () => paymentsApi.intents({ status: status || undefined, limit: INTENTS_PER_PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="intents-title">
      <h2 id="intents-title" className="section-title">
        {t("payments.console.intents")}
      </h2>
      <SelectField
        label={t("payments.console.statusFilter")}
        value={status}
        onChange={(e) => {
          setStatus(e.currentTarget.value as IntentStatus | "");
          setOffset(0);
        }}
        data-testid="intent-status-filter"
      >
        <option value="">{t("payments.console.allStatuses")}</option>
        {INTENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`payments.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("payments.console.noIntents")}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table data-testid="intents">
                <thead>
                  <tr>
                    <th scope="col">{t("payments.console.reference")}</th>
                    <th scope="col">{t("payments.console.purpose")}</th>
                    <th scope="col" className="payments-num">
                      {t("payments.console.amount")}
                    </th>
                    <th scope="col">{t("payments.console.status")}</th>
                    <th scope="col">{t("payments.console.created")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">
                        {i.billNumber ?? i.referenceId}
                        <span className="cell-sub">{i.merchant?.name}</span>
                      </th>
                      <td>
                        {t(`payments.purpose.${i.purpose}`)}
                        <span className="cell-sub ledger-account">{i.referenceId}</span>
                      </td>
                      <td className="payments-num">{formatRupiah(i.amount)}</td>
                      <td>
                        <StatusBadge status={i.status} />
                      </td>
                      <td className="nowrap">{formatDateTimeWIB(i.createdAt, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager offset={offset} limit={INTENTS_PER_PAGE} total={data.total} onChange={setOffset} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function isAdmin(session: Session): boolean {
  return session.user.isAdmin || session.persona === "admin";
}

/** `/konsol/keuangan`: the ledger's trial balance, journals, payouts and QRIS payments (admins). */
export function FinancePage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("payments.console.title")} intro={t("payments.console.lead")}>
      {(session) =>
        isAdmin(session) ? (
          <div className="finance-grid">
            <TrialBalance />
            <Intents />
            <Journals />
            <Payouts />
          </div>
        ) : (
          <p className="alert alert-info">{t("payments.console.forbidden")}</p>
        )
      }
    </ConsolePage>
  );
}
