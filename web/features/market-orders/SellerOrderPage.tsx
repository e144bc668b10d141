import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { marketOrdersApi, type Order, type OrderAction } from "./api.ts";
import { formatGrams, mayUseShopConsole, OrderStatusBadge, useOrderError } from "./parts.tsx";
import "./market-orders.css";

/** What a seller may do, in the order the buttons appear. */
const SELLER_ACTIONS = ["pack", "ship", "deliver", "accept_return", "reject_return", "cancel"] as const;
type SellerAction = (typeof SELLER_ACTIONS)[number];
const REASON_REQUIRED: readonly SellerAction[] = ["cancel", "reject_return"];
const DANGER: readonly SellerAction[] = ["cancel", "reject_return"];

function Items({ order }: { order: Order }) {
  const { t, lang } = usePreferences();
  return (
    <section className="card" aria-labelledby="mo-items">
      <h2 id="mo-items">{t("marketOrders.detail.items")}</h2>
      <div className="table-wrap">
        <table className="mo-items">
          <thead>
            <tr>
              <th scope="col">{t("marketOrders.detail.product")}</th>
              <th scope="col" className="mo-num">
                {t("marketOrders.detail.quantity")}
              </th>
              <th scope="col" className="mo-num">
                {t("marketOrders.detail.lineTotal")}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((i) => {
              const weight = formatGrams(i.weightGrams, lang);
              return (
                <tr key={i.variantId}>
                  <th scope="row">
                    {i.name}
                    <span className="cell-sub">
                      {i.variantName === weight ? i.variantName : `${i.variantName} · ${weight}`} ·{" "}
                      {formatRupiah(i.unitPrice)}
                      {i.lotEpc ? ` · ${t("marketOrders.detail.traceable")}` : ""}
                    </span>
                  </th>
                  <td className="mo-num">{i.quantity}</td>
                  <td className="mo-num nowrap">{formatRupiah(i.lineTotal)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t("marketOrders.detail.subtotal")}
              </th>
              <td className="mo-num nowrap">{formatRupiah(order.subtotal)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={2}>
                {t("marketOrders.detail.shipping", { weight: formatGrams(order.weightGrams, lang) })}
              </th>
              <td className="mo-num nowrap">{formatRupiah(order.shippingFee)}</td>
            </tr>
            <tr className="mo-total">
              <th scope="row" colSpan={2}>
                {t("marketOrders.detail.total")}
              </th>
              <td className="mo-num nowrap" data-testid="mo-total">
                {formatRupiah(order.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {order.note ? (
        <p>
          <strong>{t("marketOrders.detail.note")}:</strong> {order.note}
        </p>
      ) : null}
    </section>
  );
}

function Facts({ order }: { order: Order }) {
  const { t, td, lang } = usePreferences();
  const a = order.shippingAddress;
  const f = order.fulfilment;
  return (
    <div className="mo-facts">
      <section className="card" aria-labelledby="mo-buyer">
        <h2 id="mo-buyer">{t("marketOrders.detail.buyer")}</h2>
        <address className="mo-address" data-testid="mo-address">
          <strong>{a.name}</strong>
          <br />
          {a.address}
          <br />
          {t("marketOrders.detail.region")} {a.regionCode}
          {a.postalCode ? ` · ${a.postalCode}` : ""}
          <br />
          {t("marketOrders.detail.phone")}: <a href={`tel:${a.phone.replace(/[^+\d]/g, "")}`}>{a.phone}</a>
        </address>
        <p className="small muted">
          {order.buyer.name} · {t(`marketOrders.detail.source.${order.source}`)}
        </p>
      </section>
      <section className="card" aria-labelledby="mo-payment">
        <h2 id="mo-payment">{t("marketOrders.detail.payment")}</h2>
        <dl className="mo-dl">
          <dt>{t("marketOrders.detail.paymentStatus")}</dt>
          <dd data-testid="mo-payment-status">
            {order.payment ? td(`marketOrders.payment.${order.payment.status}`, order.payment.status) : "—"}
          </dd>
          {order.paidAt ? (
            <>
              <dt>{t("marketOrders.detail.paidAt")}</dt>
              <dd>{formatDateTimeWIB(order.paidAt, lang)}</dd>
            </>
          ) : order.status === "menunggu_pembayaran" ? (
            <>
              <dt>{t("marketOrders.detail.payBy")}</dt>
              <dd>{formatDateTimeWIB(order.expiresAt, lang)}</dd>
            </>
          ) : null}
          {order.refundedAmount ? (
            <>
              <dt>{t("marketOrders.detail.refunded")}</dt>
              <dd>{formatRupiah(order.refundedAmount)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="mo-fulfilment">
        <h2 id="mo-fulfilment">{t("marketOrders.detail.fulfilment")}</h2>
        {f ? (
          <dl className="mo-dl" data-testid="mo-fulfilment">
            {f.method === "courier" ? (
              <>
                <dt>{t("marketOrders.detail.courier")}</dt>
                <dd>{f.courierName}</dd>
                <dt>{t("marketOrders.detail.tracking")}</dt>
                <dd className="mo-mono">{f.trackingNumber}</dd>
              </>
            ) : (
              <>
                <dt>{t("marketOrders.detail.shipment")}</dt>
                <dd>
                  <Link to={`/konsol/pengiriman/${encodeURIComponent(f.shipmentId ?? "")}`}>
                    {f.shipmentNumber}
                  </Link>
                </dd>
                <dt>{t("marketOrders.detail.shipmentStatus")}</dt>
                <dd>{f.shipmentStatus}</dd>
              </>
            )}
            {order.receiverName ? (
              <>
                <dt>{t("marketOrders.detail.receiver")}</dt>
                <dd>{order.receiverName}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="muted">{t("marketOrders.detail.notShipped")}</p>
        )}
      </section>
    </div>
  );
}

function Reasons({ order }: { order: Order }) {
  const { t, lang } = usePreferences();
  const rows: [string, string][] = [];
  if (order.cancelReason) rows.push([t("marketOrders.detail.cancelReason"), order.cancelReason]);
  if (order.returnReason) rows.push([t("marketOrders.detail.returnReason"), order.returnReason]);
  if (order.returnRejectedReason)
    rows.push([t("marketOrders.detail.returnRejected"), order.returnRejectedReason]);
  if (order.status === "diterima" && order.returnDeadline && !order.returnRequestedAt) {
    rows.push([t("marketOrders.detail.returnDeadline"), formatDateTimeWIB(order.returnDeadline, lang)]);
  }
  if (order.review) {
    rows.push([
      t("marketOrders.detail.review"),
      `${t("marketOrders.detail.rating", { rating: order.review.rating })}${order.review.comment ? ` — ${order.review.comment}` : ""}`,
    ]);
  }
  if (rows.length === 0) return null;
  return (
    <dl className="card mo-dl mo-reasons">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function History({ order }: { order: Order }) {
  const { t, td, lang } = usePreferences();
  return (
    <section className="card" aria-labelledby="mo-history">
      <h2 id="mo-history">{t("marketOrders.detail.history")}</h2>
      <ol className="timeline" data-testid="mo-history">
        {order.history.map((h, i) => (
          <li
            key={`${h.at}-${h.action}`}
            className={i === order.history.length - 1 ? "timeline-item is-last" : "timeline-item"}
          >
            <span className="timeline-marker" aria-hidden="true" />
            <div className="timeline-body">
              <p className="timeline-label">
                {td(`marketOrders.history.${h.action}`, h.action)} <OrderStatusBadge status={h.status} />
              </p>
              <p className="timeline-meta muted">
                <time className="timeline-time" dateTime={h.at}>
                  {formatDateTimeWIB(h.at, lang)}
                </time>
                {` · ${t(`marketOrders.actor.${h.actor}`)}`}
              </p>
              {h.note ? <p>{h.note}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Actions({ order, onDone }: { order: Order; onDone: (o: Order, action: SellerAction) => void }) {
  const { t } = usePreferences();
  const orderError = useOrderError();
  const formRef = useRef<HTMLFormElement>(null);
  const reasonId = useId();
  const [action, setAction] = useState<SellerAction | null>(null);
  const [reason, setReason] = useState("");
  const [method, setMethod] = useState<"courier" | "corridor">("courier");
  const [courierName, setCourierName] = useState("");
  const [trackingNumber, setTrackingNumber] = useState("");
  const [shipmentId, setShipmentId] = useState("");
  const [receiverName, setReceiverName] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const allowed = SELLER_ACTIONS.filter((a) => order.actions.includes(a as OrderAction));
  const shipments = useQuery({
    queryKey: ["market-orders", "own-shipments"],
    queryFn: marketOrdersApi.ownShipments,
    enabled: action === "ship" && method === "corridor",
    staleTime: 60_000,
  });

  const send = useMutation({
    mutationFn: (a: SellerAction) => {
      switch (a) {
        case "pack":
          return marketOrdersApi.pack(order.id);
        case "ship":
          return marketOrdersApi.ship(
            order.id,
            method === "courier"
              ? { method, courierName: courierName.trim(), trackingNumber: trackingNumber.trim() }
              : { method, shipmentId },
          );
        case "deliver":
          return marketOrdersApi.deliver(order.id, receiverName.trim());
        case "cancel":
          return marketOrdersApi.cancel(order.id, reason.trim());
        case "accept_return":
          return marketOrdersApi.refund(order.id, reason.trim());
        case "reject_return":
          return marketOrdersApi.rejectReturn(order.id, reason.trim());
      }
    },
    onSuccess: (updated, a) => {
      setAction(null);
      setReason("");
      onDone(updated, a);
    },
  });

  if (allowed.length === 0) {
    return (
      <section className="card" aria-labelledby="mo-actions">
        <h2 id="mo-actions">{t("marketOrders.actions")}</h2>
        <p className="muted">{t("marketOrders.actions.none")}</p>
      </section>
    );
  }

  const choose = (a: SellerAction) => {
    setAction(a);
    setMissing(null);
    send.reset();
    window.setTimeout(
      () => formRef.current?.querySelector<HTMLElement>("select, input, textarea, button")?.focus(),
      0,
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!action || send.isPending) return;
    const required = t("marketOrders.form.required");
    if (REASON_REQUIRED.includes(action) && reason.trim().length < 3) return setMissing(required);
    if (action === "ship" && method === "courier" && (!courierName.trim() || !trackingNumber.trim())) {
      return setMissing(required);
    }
    if (action === "ship" && method === "corridor" && !shipmentId) return setMissing(required);
    setMissing(null);
    send.mutate(action);
  };

  const label = (a: SellerAction) => t(`marketOrders.action.${a}`);
  return (
    <section className="card" aria-labelledby="mo-actions" data-testid="mo-actions">
      <h2 id="mo-actions">{t("marketOrders.actions")}</h2>
      <fieldset className="mo-action-buttons">
        <legend className="visually-hidden">{t("marketOrders.actions.choose")}</legend>
        {allowed.map((a) => (
          <button
            key={a}
            type="button"
            className={
              action === a
                ? "button button-primary button-small"
                : DANGER.includes(a)
                  ? "button button-secondary button-small mo-danger"
                  : "button button-secondary button-small"
            }
            aria-pressed={action === a}
            onClick={() => choose(a)}
            data-testid={`mo-action-${a}`}
          >
            {label(a)}
          </button>
        ))}
      </fieldset>
      {action ? (
        <form ref={formRef} className="mo-action-form" onSubmit={submit} data-testid="mo-action-form">
          <p className="field-hint">{t(`marketOrders.help.${action}`)}</p>
          {action === "ship" ? (
            <>
              <fieldset className="mo-radios">
                <legend>{t("marketOrders.form.method")}</legend>
                {(["courier", "corridor"] as const).map((m) => (
                  <label key={m} className="checkbox">
                    <input
                      type="radio"
                      name="mo-method"
                      value={m}
                      checked={method === m}
                      onChange={() => setMethod(m)}
                      data-testid={`mo-method-${m}`}
                    />
                    {t(`marketOrders.form.${m}`)}
                  </label>
                ))}
              </fieldset>
              {method === "courier" ? (
                <>
                  <Field
                    label={t("marketOrders.form.courierName")}
                    value={courierName}
                    maxLength={80}
                    onChange={(e) => setCourierName(e.currentTarget.value)}
                    data-testid="mo-courier"
                  />
                  <Field
                    label={t("marketOrders.form.trackingNumber")}
                    value={trackingNumber}
                    maxLength={80}
                    onChange={(e) => setTrackingNumber(e.currentTarget.value)}
                    data-testid="mo-tracking"
                  />
                </>
              ) : (
                <SelectField
                  label={t("marketOrders.form.shipment")}
                  value={shipmentId}
                  onChange={(e) => setShipmentId(e.currentTarget.value)}
                  hint={
                    shipments.data && shipments.data.items.length === 0
                      ? t("marketOrders.form.noShipments")
                      : undefined
                  }
                  data-testid="mo-shipment"
                >
                  <option value="">{t("marketOrders.form.chooseShipment")}</option>
                  {(shipments.data?.items ?? [])
                    .filter((s) => s.status !== "cancelled")
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.number} → {s.receiver.name} ({s.status})
                      </option>
                    ))}
                </SelectField>
              )}
            </>
          ) : null}
          {action === "deliver" ? (
            <Field
              label={t("marketOrders.form.receiverName")}
              value={receiverName}
              maxLength={120}
              onChange={(e) => setReceiverName(e.currentTarget.value)}
              data-testid="mo-receiver"
            />
          ) : null}
          {action === "cancel" || action === "accept_return" || action === "reject_return" ? (
            <div className="field">
              <label htmlFor={reasonId}>
                {REASON_REQUIRED.includes(action)
                  ? t("marketOrders.form.reason")
                  : t("marketOrders.form.reasonOptional")}
              </label>
              <textarea
                id={reasonId}
                rows={3}
                maxLength={500}
                value={reason}
                required={REASON_REQUIRED.includes(action)}
                onChange={(e) => setReason(e.currentTarget.value)}
                data-testid="mo-reason"
              />
            </div>
          ) : null}
          <ErrorAlert message={missing ?? orderError(send.error)} testId="mo-action-error" />
          <div className="mo-action-row">
            <button
              type="submit"
              className={
                DANGER.includes(action) ? "button button-primary mo-danger-solid" : "button button-primary"
              }
              aria-disabled={send.isPending || undefined}
              data-testid="mo-action-submit"
            >
              {send.isPending
                ? t("marketOrders.form.sending")
                : t("marketOrders.form.send", { action: label(action) })}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAction(null)}>
              {t("marketOrders.form.close")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function OrderView({ order }: { order: Order }) {
  const { t, lang } = usePreferences();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link to="/konsol/toko/pesanan">← {t("marketOrders.back")}</Link>
      </p>
      <div
        role="status"
        aria-live="polite"
        className={done ? "alert alert-info" : "alert-empty"}
        data-testid="mo-done"
      >
        {done ? <p>{done}</p> : null}
      </div>
      <p className="mo-head">
        <OrderStatusBadge status={order.status} />
        <span className="muted">{formatDateTimeWIB(order.createdAt, lang)}</span>
      </p>
      <div className="mo-layout">
        <div className="mo-main">
          <Items order={order} />
          <Facts order={order} />
          <Reasons order={order} />
        </div>
        <div className="mo-side">
          <Actions
            order={order}
            onDone={(updated, a) => {
              queryClient.setQueryData(["market-orders", "order", order.id], updated);
              void queryClient.invalidateQueries({ queryKey: ["market-orders", "seller"] });
              setDone(t("marketOrders.done", { action: t(`marketOrders.action.${a}`) }));
            }}
          />
          <History order={order} />
        </div>
      </div>
    </>
  );
}

/** `/konsol/toko/pesanan/:id`: one order with its items, address, payment, history and the seller's actions. */
export function SellerOrderPage() {
  const { t } = usePreferences();
  const { id = "" } = useParams();
  const query = useQuery({
    queryKey: ["market-orders", "order", id],
    queryFn: () => marketOrdersApi.get(id),
    enabled: !!id,
  });
  return (
    <ConsolePage title={query.data ? query.data.number : t("marketOrders.title")}>
      {(session) =>
        mayUseShopConsole(session) ? (
          <QueryState query={query} isEmpty={() => false} empty="">
            {(order) => <OrderView order={order} />}
          </QueryState>
        ) : (
          <p className="alert alert-info">{t("marketOrders.notSeller")}</p>
        )
      }
    </ConsolePage>
  );
}
