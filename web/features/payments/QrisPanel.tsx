import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type IntentStatus, type PaymentIntentView, paymentsApi } from "./api.ts";
import { parseQrisPayload } from "./qris.ts";
import "./payments.css";

export type { PaymentIntentView } from "./api.ts";

export interface QrisPanelProps {
  /** The payment to show (from an order, an invoice or `GET /api/v1/payments/intents/{id}`). */
  intent: PaymentIntentView;
  /** Called once when the payment is seen paid: after the sandbox button, or when polling finds it. */
  onPaid?: (intent: PaymentIntentView) => void;
}

// A payer may pay from another phone: the panel asks the server now and then while the code is open.
const POLL_MS = 5_000;

export function StatusBadge({ status }: { status: IntentStatus }) {
  const { t } = usePreferences();
  const cls =
    status === "paid"
      ? "badge-success"
      : status === "pending"
        ? "badge-warning"
        : status === "refunded"
          ? "badge-hub"
          : "badge-danger";
  return (
    <span className={`badge ${cls}`} data-testid="payment-status">
      {t(`payments.status.${status}`)}
    </span>
  );
}

function remainingText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

function merchantOf(intent: PaymentIntentView): { name: string; city: string } | null {
  if (intent.merchant) return intent.merchant;
  const parsed = parseQrisPayload(intent.qrisPayload);
  return parsed.ok ? { name: parsed.qris.merchantName, city: parsed.qris.merchantCity } : null;
}

/**
 * A QRIS payment: the code large enough to scan from another phone, the amount and merchant a payer's app
 * will show, the time left, the status, the payload to copy, and in the sandbox a simulated payment.
 */
export function QrisPanel({ intent, onPaid }: QrisPanelProps) {
  const { t, td, lang } = usePreferences();
  const headingId = useId();
  const [current, setCurrent] = useState(intent);
  const [now, setNow] = useState(() => Date.now());
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const reported = useRef<string | null>(intent.status === "paid" ? intent.id : null);
  const onPaidRef = useRef(onPaid);
  onPaidRef.current = onPaid;

  useEffect(() => {
    setCurrent(intent);
  }, [intent]);

  const expiresAt = new Date(current.expiresAt).getTime();
  const status: IntentStatus = current.status === "pending" && expiresAt <= now ? "expired" : current.status;
  const waiting = status === "pending";

  useEffect(() => {
    if (!waiting) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [waiting]);

  useEffect(() => {
    if (!waiting) return;
    const poll = window.setInterval(() => {
      paymentsApi
        .intent(current.id)
        .then((fresh) => {
          if (fresh.status !== "pending") setCurrent(fresh);
        })
        .catch(() => {
          // A missed poll is retried by the next one.
        });
    }, POLL_MS);
    return () => window.clearInterval(poll);
  }, [waiting, current.id]);

  useEffect(() => {
    if (current.status === "paid" && reported.current !== current.id) {
      reported.current = current.id;
      onPaidRef.current?.(current);
    }
  }, [current]);

  const merchant = merchantOf(current);
  const sandbox = current.provider === "sandbox";

  async function simulatePayment() {
    setPaying(true);
    setError(null);
    try {
      setCurrent(await paymentsApi.sandboxPay(current.qrisPayload));
    } catch (e) {
      setError(errorMessage(e, t, td));
      paymentsApi
        .intent(current.id)
        .then(setCurrent)
        .catch(() => {});
    } finally {
      setPaying(false);
    }
  }

  async function copyPayload() {
    try {
      await navigator.clipboard.writeText(current.qrisPayload);
      setCopied(t("payments.panel.copied"));
    } catch {
      setCopied(t("payments.panel.copyFailed"));
    }
  }

  return (
    <section className="card qris-panel" aria-labelledby={headingId} data-testid="qris-panel">
      <div className="qris-panel-head">
        <h2 id={headingId} className="section-title">
          {t("payments.panel.title")}
        </h2>
        <StatusBadge status={status} />
      </div>

      <p className="qris-amount" data-testid="qris-amount">
        <span className="qris-amount-label">{t("payments.panel.amount")}</span>
        <strong>{formatRupiah(current.amount)}</strong>
      </p>
      {merchant ? (
        <p className="qris-merchant">
          {t("payments.panel.merchant")}: <strong>{merchant.name}</strong>, {merchant.city}
        </p>
      ) : null}

      {waiting ? (
        <>
          <figure className="qris-figure">
            <img
              src={current.qrImageUrl}
              width={280}
              height={280}
              alt={t("payments.panel.qrAlt", {
                amount: formatRupiah(current.amount),
                merchant: merchant?.name ?? "",
              })}
              data-testid="qris-image"
            />
            <figcaption>{t("payments.panel.scan")}</figcaption>
          </figure>
          <p className="qris-countdown">
            {t("payments.panel.timeLeft")}{" "}
            <span role="timer" className="qris-timer" data-testid="qris-timer">
              {remainingText(expiresAt - now)}
            </span>
            <span className="cell-sub">
              {t("payments.panel.until", { time: formatDateTimeWIB(current.expiresAt, lang) })}
            </span>
          </p>
        </>
      ) : status === "paid" || status === "refunded" ? (
        <p className="alert alert-info qris-done" data-testid="qris-paid">
          {t("payments.panel.paid", {
            time: current.paidAt ? formatDateTimeWIB(current.paidAt, lang) : "",
          })}
        </p>
      ) : (
        <p className="alert alert-error qris-done">{t(`payments.panel.${status}`)}</p>
      )}

      <details className="qris-payload">
        <summary>{t("payments.panel.payload")}</summary>
        <label className="visually-hidden" htmlFor={`${headingId}-payload`}>
          {t("payments.panel.payload")}
        </label>
        <textarea
          id={`${headingId}-payload`}
          readOnly
          rows={4}
          value={current.qrisPayload}
          data-testid="qris-payload"
        />
        <button type="button" className="button button-secondary button-small" onClick={copyPayload}>
          {t("payments.panel.copy")}
        </button>
        <StatusMessage message={copied} />
      </details>

      {sandbox && waiting ? (
        <div className="qris-sandbox">
          <p className="cell-sub">{t("payments.sandbox.note")}</p>
          <button
            type="button"
            className="button button-primary button-block"
            onClick={simulatePayment}
            disabled={paying}
            aria-busy={paying}
            data-testid="qris-sandbox-pay"
          >
            {paying ? t("payments.panel.paying") : t("payments.sandbox.pay")}
          </button>
        </div>
      ) : null}
      <ErrorAlert message={error} testId="qris-error" />
    </section>
  );
}
