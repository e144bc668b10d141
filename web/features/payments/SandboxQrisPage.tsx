import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { paymentsApi } from "./api.ts";
import { QrisPanel } from "./QrisPanel.tsx";
import { parseQrisPayload } from "./qris.ts";
import "./payments.css";

/**
 * `/sandbox/qris`: a stand-in for a customer's banking app. Anyone can paste a code, see what a payer's
 * app would read from it (and whether its CRC holds), and pay it through the simulated provider.
 * `?intent=<id>` opens a payment's own panel instead.
 */
export function SandboxQrisPage() {
  const { t, td } = usePreferences();
  useDocumentTitle(t("payments.sandbox.title"));
  const [params] = useSearchParams();
  const intentId = params.get("intent");
  const [payload, setPayload] = useState(params.get("payload") ?? "");
  const fieldId = useId();
  const text = payload.trim();
  const decoded = useMemo(() => (text ? parseQrisPayload(text) : null), [text]);
  const intent = useQuery({
    queryKey: ["payments", "intent", intentId],
    queryFn: () => paymentsApi.intent(intentId as string),
    enabled: Boolean(intentId),
  });
  const pay = useMutation({ mutationFn: () => paymentsApi.sandboxPay(text) });
  const result = pay.data;

  return (
    <div className="sandbox-page" data-testid="sandbox-qris">
      <header>
        <h1 id="page-title">{t("payments.sandbox.title")}</h1>
        <p className="muted">{t("payments.sandbox.lead")}</p>
      </header>
      <p className="sandbox-banner">{t("payments.sandbox.note")}</p>

      {intent.data ? <QrisPanel intent={intent.data} /> : null}
      {intent.isError ? <ErrorAlert message={errorMessage(intent.error, t, td)} /> : null}

      <section className="card" aria-labelledby={`${fieldId}-title`}>
        <h2 id={`${fieldId}-title`} className="section-title">
          {t("payments.sandbox.pasteTitle")}
        </h2>
        <div className="field">
          <label htmlFor={fieldId}>{t("payments.sandbox.payloadLabel")}</label>
          <p className="field-hint" id={`${fieldId}-hint`}>
            {t("payments.sandbox.payloadHint")}
          </p>
          <textarea
            id={fieldId}
            aria-describedby={`${fieldId}-hint`}
            rows={5}
            spellCheck={false}
            autoComplete="off"
            value={payload}
            onChange={(e) => {
              setPayload(e.currentTarget.value);
              pay.reset();
            }}
            data-testid="sandbox-payload"
          />
        </div>
      </section>

      <section className="card" aria-labelledby={`${fieldId}-decoded`} aria-live="polite">
        <h2 id={`${fieldId}-decoded`} className="section-title">
          {t("payments.sandbox.decoded")}
        </h2>
        {!decoded ? (
          <p className="empty">{t("payments.sandbox.empty")}</p>
        ) : decoded.ok ? (
          <>
            <p>
              <span className="badge badge-success" data-testid="sandbox-crc-ok">
                {t("payments.sandbox.crcOk")}
              </span>
            </p>
            <dl className="qris-decoded" data-testid="sandbox-decoded">
              <dt>{t("payments.sandbox.merchantName")}</dt>
              <dd>{decoded.qris.merchantName}</dd>
              <dt>{t("payments.sandbox.merchantCity")}</dt>
              <dd>{decoded.qris.merchantCity}</dd>
              <dt>{t("payments.sandbox.amount")}</dt>
              <dd>{decoded.qris.amount === null ? "—" : formatRupiah(decoded.qris.amount)}</dd>
              <dt>{t("payments.sandbox.kind")}</dt>
              <dd>{decoded.qris.dynamic ? t("payments.sandbox.dynamic") : t("payments.sandbox.static")}</dd>
              <dt>{t("payments.sandbox.billNumber")}</dt>
              <dd>{decoded.qris.billNumber ?? "—"}</dd>
              <dt>{t("payments.sandbox.reference")}</dt>
              <dd>{decoded.qris.reference ?? "—"}</dd>
              <dt>{t("payments.sandbox.nmid")}</dt>
              <dd>{decoded.qris.nmid}</dd>
            </dl>
          </>
        ) : (
          <div className="alert alert-error" data-testid="sandbox-invalid">
            <div>
              <p className="alert-title">{t("payments.sandbox.invalid")}</p>
              <ul>
                {decoded.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <button
          type="button"
          className="button button-primary button-block"
          disabled={!text || pay.isPending}
          aria-busy={pay.isPending}
          onClick={() => pay.mutate()}
          data-testid="sandbox-pay"
        >
          {pay.isPending ? t("payments.panel.paying") : t("payments.sandbox.pay")}
        </button>
        <ErrorAlert message={pay.isError ? errorMessage(pay.error, t, td) : null} testId="sandbox-error" />
        <StatusMessage
          message={
            result
              ? t("payments.sandbox.result", {
                  amount: formatRupiah(result.amount),
                  merchant: result.merchant?.name ?? "",
                  status: t(`payments.status.${result.status}`),
                })
              : null
          }
        />
      </section>
    </div>
  );
}
