import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useId, useState } from "react";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB, formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import type { SignInState } from "../auth/SignInPage.tsx";
import { useSession } from "../auth/session.ts";
import { marketApi, ORDER_FLOW, type OrderStatus, type OrderView } from "./api.ts";
import { useMarketMount, useMarketPath } from "./base.ts";
import { EmbedSessionEnded } from "./CheckoutPage.tsx";
import { StatusBadge, statusLabel } from "./parts.tsx";

// The QR code panel (and its QR library) loads only for an order that waits for payment.
const QrisPanel = lazy(() => import("../payments/QrisPanel.tsx").then((m) => ({ default: m.QrisPanel })));

/** When the order first reached a status (later entries in the same status are notes, e.g. a return request). */
function reachedAt(order: OrderView, status: OrderStatus): string | null {
  return order.history.find((h) => h.status === status)?.at ?? null;
}

function Timeline({ order }: { order: OrderView }) {
  const { t, lang } = usePreferences();
  const ended = order.status === "dibatalkan" || order.status === "dikembalikan";
  const reachedIndex = ended
    ? Math.max(...order.history.map((h) => ORDER_FLOW.indexOf(h.status)), 0)
    : ORDER_FLOW.indexOf(order.status);
  const steps: {
    status: OrderStatus;
    state: "done" | "current" | "upcoming" | "ended";
    at: string | null;
  }[] = [];
  ORDER_FLOW.forEach((status, i) => {
    if (ended && i > reachedIndex) return;
    steps.push({
      status,
      state:
        i < reachedIndex || (ended && i === reachedIndex)
          ? "done"
          : i === reachedIndex
            ? "current"
            : "upcoming",
      at: reachedAt(order, status) ?? (status === "menunggu_pembayaran" ? order.createdAt : null),
    });
  });
  if (ended) steps.push({ status: order.status, state: "ended", at: reachedAt(order, order.status) });
  const notes = order.history.filter((h) => h.note);
  return (
    <section className="card" aria-labelledby="market-timeline-title">
      <h2 id="market-timeline-title">{t("market.order.timeline")}</h2>
      <ol className="market-timeline" data-testid="market-timeline">
        {steps.map((s) => (
          <li
            key={s.status}
            className={`market-step market-step-${s.state}`}
            aria-current={s.state === "current" || s.state === "ended" ? "step" : undefined}
            data-status={s.status}
          >
            <span className="market-step-dot" aria-hidden="true" />
            <span className="market-step-label">{statusLabel(t, s.status)}</span>
            {s.at && s.state !== "upcoming" ? (
              <span className="market-step-time">{formatDateTimeWIB(s.at, lang)}</span>
            ) : null}
            <span className="visually-hidden">
              {s.state === "done"
                ? t("market.step.done")
                : s.state === "upcoming"
                  ? t("market.step.upcoming")
                  : ""}
            </span>
          </li>
        ))}
      </ol>
      {notes.length > 0 ? (
        <ul className="market-notes">
          {notes.map((h) => (
            <li key={`${h.status}-${h.at}`}>
              <span className="muted small">
                {statusLabel(t, h.status)} · {formatDateTimeWIB(h.at, lang)}
              </span>
              <p>{h.note}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A button that opens a small form asking for a reason (cancel, return). */
function ReasonAction({
  label,
  submitLabel,
  prompt,
  testId,
  tone = "secondary",
  onSubmit,
}: {
  label: string;
  submitLabel: string;
  prompt: string;
  testId: string;
  tone?: "primary" | "secondary";
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const { t, td } = usePreferences();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const action = useMutation({ mutationFn: onSubmit, onSuccess: () => setOpen(false) });
  if (!open) {
    return (
      <button
        type="button"
        className={`button button-${tone}`}
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (action.isPending) return;
    if (reason.trim().length < 5) {
      setError(t("market.order.reasonShort"));
      return;
    }
    setError(null);
    action.mutate(reason.trim());
  };
  return (
    <form className="market-reason card" onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <div className={error ? "field field-invalid" : "field"}>
        <label htmlFor={`${id}-reason`}>{prompt}</label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          // biome-ignore lint/a11y/noAutofocus: the person just asked for this form
          autoFocus
        />
      </div>
      <ErrorAlert message={action.isError ? errorMessage(action.error, t, td) : null} />
      <div className="market-actions">
        <button type="submit" className="button button-primary" aria-disabled={action.isPending || undefined}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t("market.order.back")}
        </button>
      </div>
    </form>
  );
}

function ReviewForm({ order, onDone }: { order: OrderView; onDone: (o: OrderView) => void }) {
  const { t, td } = usePreferences();
  const id = useId();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const review = useMutation({
    mutationFn: () => marketApi.review(order.id, rating, comment.trim()),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (review.isPending) return;
    if (rating < 1) {
      setError(t("market.review.pick"));
      return;
    }
    setError(null);
    review.mutate();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("market.review.title")}</h2>
      <form onSubmit={submit} noValidate data-testid="market-review-form">
        <fieldset className="market-rate" aria-describedby={error ? `${id}-error` : undefined}>
          <legend>{t("market.review.rating")}</legend>
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <div className="market-rate-stars">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="market-rate-star" data-on={n <= rating || undefined}>
                <input
                  type="radio"
                  name={`${id}-rating`}
                  value={n}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  className="visually-hidden"
                />
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{t("market.review.stars", { n })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t("market.review.comment")}</label>
          <textarea
            id={`${id}-comment`}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
        </div>
        <ErrorAlert message={review.isError ? errorMessage(review.error, t, td) : null} />
        <button type="submit" className="button button-primary" aria-disabled={review.isPending || undefined}>
          {t("market.review.submit")}
        </button>
      </form>
    </section>
  );
}

function Actions({
  order,
  onChange,
}: {
  order: OrderView;
  onChange: (o: OrderView, message?: string) => void;
}) {
  const { t, td, lang } = usePreferences();
  const confirm = useMutation({ mutationFn: () => marketApi.confirm(order.id), onSuccess: onChange });
  // The server's workflow says what the buyer may do now; the page only draws the buttons.
  const canCancel = order.actions.includes("cancel");
  const canConfirm = order.actions.includes("confirm");
  const canReturn = order.actions.includes("request_return");
  if (!canCancel && !canConfirm && !canReturn) return null;
  return (
    <section className="card" aria-labelledby="market-actions-title">
      <h2 id="market-actions-title">{t("market.order.actions")}</h2>
      {canConfirm ? <p className="muted">{t("market.order.confirmHint")}</p> : null}
      {canReturn && order.returnDeadline ? (
        <p className="muted small">
          {t("market.order.returnUntil", { date: formatDateTimeWIB(order.returnDeadline, lang) })}
        </p>
      ) : null}
      <div className="market-actions">
        {canConfirm ? (
          <button
            type="button"
            className="button button-primary"
            aria-disabled={confirm.isPending || undefined}
            onClick={() => {
              if (!confirm.isPending && window.confirm(t("market.order.confirmAsk"))) confirm.mutate();
            }}
            data-testid="market-confirm"
          >
            {t("market.order.confirm")}
          </button>
        ) : null}
        {canReturn ? (
          <ReasonAction
            label={t("market.order.return")}
            submitLabel={t("market.order.returnSubmit")}
            prompt={t("market.order.returnReason")}
            testId="market-return"
            onSubmit={(reason) =>
              marketApi.requestReturn(order.id, reason).then((o) => onChange(o, t("market.order.returnSent")))
            }
          />
        ) : null}
        {canCancel ? (
          <ReasonAction
            label={t("market.order.cancel")}
            submitLabel={t("market.order.cancelSubmit")}
            prompt={t("market.order.cancelReason")}
            testId="market-cancel"
            onSubmit={(reason) => marketApi.cancel(order.id, reason).then(onChange)}
          />
        ) : null}
      </div>
      <ErrorAlert message={confirm.isError ? errorMessage(confirm.error, t, td) : null} />
    </section>
  );
}

function Fulfilment({ order }: { order: OrderView }) {
  const { t } = usePreferences();
  const f = order.fulfilment;
  if (!f) return null;
  return (
    <section className="card" aria-labelledby="market-ship-title" data-testid="market-fulfilment">
      <h2 id="market-ship-title">{t("market.order.shipping")}</h2>
      <dl className="market-facts">
        {f.method === "courier" ? (
          <>
            <div>
              <dt>{t("market.order.courier")}</dt>
              <dd>{f.courierName ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("market.order.tracking")}</dt>
              <dd>
                <code data-testid="market-tracking">{f.trackingNumber ?? "—"}</code>
              </dd>
            </div>
          </>
        ) : (
          <>
            <div>
              <dt>{t("market.order.courier")}</dt>
              <dd>{t("market.order.corridor")}</dd>
            </div>
            <div>
              <dt>{t("market.order.shipment")}</dt>
              <dd>
                <code>{f.shipmentNumber ?? f.shipmentId ?? "—"}</code>
              </dd>
            </div>
          </>
        )}
      </dl>
    </section>
  );
}

/** The destination's name ("Kota Bandar Lampung, Lampung") from its Kemendagri code. */
function RegionName({ code }: { code: string }) {
  const province = code.slice(0, 2);
  const region = useQuery({
    queryKey: ["market", "region", code],
    queryFn: () => marketApi.region(code),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const parent = useQuery({
    queryKey: ["market", "region", province],
    queryFn: () => marketApi.region(province),
    enabled: province !== code,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!region.data) return null;
  return (
    <>
      <br />
      {region.data.name}
      {parent.data ? `, ${parent.data.name}` : ""}
    </>
  );
}

/** `/pasar/pesanan/:id`: where an order stands, the QRIS to pay it, and what the buyer may do next. */
export function OrderPage() {
  const { t, lang } = usePreferences();
  const { id = "" } = useParams();
  const path = useMarketPath();
  const { embedded } = useMarketMount();
  const location = useLocation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const order = useQuery({
    queryKey: ["market", "order", id],
    queryFn: () => marketApi.order(id),
    enabled: Boolean(session.data),
    staleTime: 0,
    // Waiting for the bank: look every few seconds, so "Dibayar" shows without a reload.
    refetchInterval: (query) => (query.state.data?.status === "menunggu_pembayaran" ? 3_000 : false),
  });
  useDocumentTitle(
    order.data ? t("market.order.title", { number: order.data.number }) : t("market.orders.title"),
  );
  if (!session.isPending && !session.data) {
    if (embedded) return <EmbedSessionEnded />;
    const state: SignInState = { from: location.pathname };
    return <Navigate to="/masuk" replace state={state} />;
  }
  const update = (o: OrderView, text?: string) => {
    queryClient.setQueryData(["market", "order", id], o);
    void queryClient.invalidateQueries({ queryKey: ["market", "orders"] });
    setMessage(text ?? t("market.order.updated", { status: statusLabel(t, o.status) }));
  };
  return (
    <QueryState query={order} isEmpty={() => false} empty="">
      {(o) => (
        <div className="market-page market-narrow" data-testid="market-order" data-status={o.status}>
          <p>
            <Link to={path("/pesanan")}>← {t("market.orders.title")}</Link>
          </p>
          <header className="market-order-head">
            <h1 id="page-title">{t("market.order.title", { number: o.number })}</h1>
            <p className="market-order-sub">
              <StatusBadge status={o.status} />
              <span className="muted small">{formatDateTimeWIB(o.createdAt, lang)}</span>
            </p>
            <p>
              {t("market.order.from")}{" "}
              <Link to={path(`/toko/${encodeURIComponent(o.seller.slug)}`)}>{o.seller.name}</Link>
            </p>
          </header>
          <StatusMessage message={message} />

          {o.status === "menunggu_pembayaran" && o.payment ? (
            // The panel is the whole payment card: amount, merchant, QR code, countdown, sandbox button.
            <div data-testid="market-pay">
              <Suspense
                fallback={
                  <p className="loading" aria-busy="true">
                    <span className="spinner" aria-hidden="true" />
                    {t("app.loading")}
                  </p>
                }
              >
                <QrisPanel
                  intent={o.payment}
                  onPaid={() => void queryClient.invalidateQueries({ queryKey: ["market", "order", id] })}
                />
              </Suspense>
            </div>
          ) : null}
          {o.status === "dibatalkan" && o.cancelReason ? (
            <p className="alert alert-error" data-testid="market-cancel-reason">
              {t("market.order.cancelledBecause", { reason: o.cancelReason })}
            </p>
          ) : null}
          {o.returnRejectedReason ? (
            <p className="alert alert-error">
              {t("market.order.returnRejected", { reason: o.returnRejectedReason })}
            </p>
          ) : null}
          {o.refundedAmount ? (
            <p className="alert alert-info" data-testid="market-refunded">
              {t("market.order.refunded", { amount: formatRupiah(o.refundedAmount) })}
            </p>
          ) : null}
          {o.returnReason ? (
            <p className="alert alert-info" data-testid="market-return-reason">
              {o.status === "dikembalikan"
                ? t("market.order.returned", { reason: o.returnReason })
                : t("market.order.returnPending", { reason: o.returnReason })}
            </p>
          ) : null}

          <Timeline order={o} />
          <Fulfilment order={o} />
          <Actions order={o} onChange={update} />
          {o.actions.includes("review") ? (
            <ReviewForm order={o} onDone={(next) => update(next, t("market.review.thanks"))} />
          ) : null}
          {o.review ? (
            <section className="card" aria-labelledby="market-my-review">
              <h2 id="market-my-review">{t("market.review.yours")}</h2>
              <p>
                <span
                  className="market-stars"
                  role="img"
                  aria-label={t("market.review.stars", { n: o.review.rating })}
                >
                  {"★".repeat(o.review.rating)}
                  <span className="market-stars-off">{"★".repeat(5 - o.review.rating)}</span>
                </span>
              </p>
              {o.review.comment ? <p className="market-review-text">{o.review.comment}</p> : null}
            </section>
          ) : null}

          <section className="card" aria-labelledby="market-items-title">
            <h2 id="market-items-title">{t("market.order.items")}</h2>
            <ul className="market-summary-lines">
              {o.items.map((item) => (
                <li key={item.variantId}>
                  <span>
                    <Link to={path(`/produk/${encodeURIComponent(item.productId)}`)}>{item.name}</Link>
                    {item.variantName ? <span className="muted"> · {item.variantName}</span> : null}{" "}
                    <span className="muted">
                      × {item.quantity} @ {formatRupiah(item.unitPrice)}
                    </span>
                  </span>
                  <span className="market-amount">{formatRupiah(item.lineTotal)}</span>
                </li>
              ))}
            </ul>
            <dl className="market-totals-list">
              <div>
                <dt>{t("market.checkout.subtotal")}</dt>
                <dd>{formatRupiah(o.subtotal)}</dd>
              </div>
              <div>
                <dt>{t("market.checkout.shipping")}</dt>
                <dd>{formatRupiah(o.shippingFee)}</dd>
              </div>
              <div className="market-total-row">
                <dt>{t("market.checkout.total")}</dt>
                <dd data-testid="market-order-total">{formatRupiah(o.total)}</dd>
              </div>
            </dl>
          </section>

          <section className="card" aria-labelledby="market-addr-title">
            <h2 id="market-addr-title">{t("market.checkout.address")}</h2>
            <address className="market-address">
              <strong>{o.shippingAddress.name}</strong>
              <br />
              {o.shippingAddress.phone}
              <br />
              {o.shippingAddress.address}
              <RegionName code={o.shippingAddress.regionCode} />
              {o.shippingAddress.postalCode ? ` ${o.shippingAddress.postalCode}` : ""}
            </address>
          </section>
        </div>
      )}
    </QueryState>
  );
}
