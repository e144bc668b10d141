import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateTimeWIB, formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { ORDER_STATUSES, type Order, type OrderStatus, procurementApi } from "./api.ts";
import { formatKg, ProcurementTabs, Section, StatusBadge, todayWIB, wibInput } from "./parts.tsx";
import "./procurement.css";

const num = (v: string) => Number(v.replace(",", "."));

export function OrdersPage() {
  const { t, td, lang } = usePreferences();
  const [params, setParams] = useSearchParams();
  const role = (params.get("role") ?? "") as "" | "buyer" | "supplier";
  const status = (params.get("status") ?? "") as "" | OrderStatus;
  const query = useQuery({
    queryKey: ["procurement", "orders", role, status],
    queryFn: () => procurementApi.orders({ ...(role ? { role } : {}), ...(status ? { status } : {}) }),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <ConsolePage title={t("procurement.orders.title")} intro={t("procurement.intro")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          <Section
            title={t("procurement.orders.title")}
            id="pr-orders"
            actions={
              session.persona === "bumd" || session.persona === "admin" ? (
                <Link
                  className="button button-primary"
                  to="/konsol/pengadaan/po/baru"
                  data-testid="pr-order-new"
                >
                  {t("procurement.orders.new")}
                </Link>
              ) : null
            }
          >
            <div className="pr-actions">
              <SelectField
                label={t("procurement.orders.parties")}
                value={role}
                onChange={(e) => set("role", e.currentTarget.value)}
              >
                <option value="">{t("procurement.orders.all")}</option>
                <option value="buyer">{t("procurement.orders.asBuyer")}</option>
                <option value="supplier">{t("procurement.orders.asSupplier")}</option>
              </SelectField>
              <SelectField
                label={t("procurement.orders.status")}
                value={status}
                onChange={(e) => set("status", e.currentTarget.value)}
              >
                <option value="">{t("procurement.orders.all")}</option>
                {ORDER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {td(`procurement.status.${s}`, s)}
                  </option>
                ))}
              </SelectField>
            </div>
            <QueryState
              query={query}
              isEmpty={(d) => d.items.length === 0}
              empty={t("procurement.orders.empty")}
            >
              {(d) => (
                <div className="table-wrap">
                  <table data-testid="pr-orders">
                    <caption className="visually-hidden">{t("procurement.orders.title")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("procurement.orders.number")}</th>
                        <th scope="col">{t("procurement.orders.parties")}</th>
                        <th scope="col">{t("procurement.orders.lines")}</th>
                        <th scope="col" className="num">
                          {t("procurement.orders.total")}
                        </th>
                        <th scope="col">{t("procurement.orders.deliverBy")}</th>
                        <th scope="col">{t("procurement.orders.status")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.items.map((o) => (
                        <tr key={o.id} data-testid="pr-order-row">
                          <th scope="row">
                            <Link
                              to={`/konsol/pengadaan/po/${o.id}`}
                              data-testid={`pr-order-link-${o.number}`}
                            >
                              {o.number}
                            </Link>
                          </th>
                          <td className="small">
                            {o.buyer.name}
                            <span className="cell-sub">→ {o.supplier.name}</span>
                          </td>
                          <td className="small">
                            {o.lines.map((l) => (
                              <span key={l.lineNo} className="cell-sub">
                                {lang === "en" ? l.commodity.nameEn : l.commodity.name}{" "}
                                {formatKg(l.quantityKg, lang)}
                              </span>
                            ))}
                          </td>
                          <td className="num">{formatRupiah(o.total)}</td>
                          <td className="small">{formatDateWIB(o.deliverBy, lang)}</td>
                          <td>
                            <StatusBadge status={o.status} />
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

export function NewOrderPage() {
  const { t, td, lang } = usePreferences();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const offerId = params.get("offer") ?? "";
  const contractId = params.get("contract") ?? "";
  const offer = useQuery({
    queryKey: ["procurement", "offer", offerId],
    queryFn: () => procurementApi.offer(offerId),
    enabled: !!offerId,
  });
  const contract = useQuery({
    queryKey: ["procurement", "contract", contractId],
    queryFn: () => procurementApi.contract(contractId),
    enabled: !!contractId,
  });
  const parties = useQuery({ queryKey: ["procurement", "parties"], queryFn: procurementApi.parties });
  const commodities = useQuery({ queryKey: ["commodities"], queryFn: procurementApi.commodities });
  const [f, setF] = useState({
    supplierOrganisationId: "",
    deliverySiteCode: contractId ? "" : "gudang-bersama-jakarta",
    deliverBy: todayWIB(7),
    commodityCode: "beras-medium",
    grade: "",
    quantityKg: "",
    pricePerKg: "",
    notes: "",
  });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    // Read now: React may run the updater after the event's currentTarget is gone.
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const create = useMutation({
    mutationFn: () =>
      procurementApi.createOrder({
        ...(offerId
          ? { offerId }
          : contractId
            ? { contractId }
            : { supplierOrganisationId: f.supplierOrganisationId }),
        ...(f.deliverySiteCode ? { deliverySiteCode: f.deliverySiteCode } : {}),
        deliverBy: f.deliverBy,
        lines: [
          offerId || contractId
            ? { quantityKg: num(f.quantityKg) }
            : {
                commodityCode: f.commodityCode,
                grade: f.grade,
                quantityKg: num(f.quantityKg),
                pricePerKg: num(f.pricePerKg),
              },
        ],
        ...(f.notes.trim() ? { notes: f.notes } : {}),
      }),
    onSuccess: (o) => navigate(`/konsol/pengadaan/po/${o.id}`),
  });
  const errors = fieldErrorsOf(create.error);
  const basis = offer.data
    ? t("procurement.orders.fromOffer", { name: offer.data.organisation.name })
    : contract.data
      ? t("procurement.orders.fromContract", { number: contract.data.number })
      : t("procurement.orders.open");
  return (
    <ConsolePage title={t("procurement.orders.new")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          <Section title={`${t("procurement.orders.against")}: ${basis}`} id="pr-order-new">
            {offer.data ? (
              <p data-testid="pr-order-offer">
                {lang === "en" ? offer.data.commodity.nameEn : offer.data.commodity.name} · {offer.data.grade}{" "}
                · {formatRupiah(offer.data.pricePerKg)}/kg · {t("procurement.offers.remaining")}{" "}
                {formatKg(offer.data.remainingKg, lang)}
              </p>
            ) : null}
            {contract.data ? (
              <p>
                {lang === "en" ? contract.data.commodity.nameEn : contract.data.commodity.name} ·{" "}
                {contract.data.grade} ·{" "}
                {contract.data.priceToday
                  ? `${formatRupiah(contract.data.priceToday.pricePerKg)}/kg — ${contract.data.priceToday.basis}`
                  : "—"}
              </p>
            ) : null}
            <form
              className="pr-form"
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                create.mutate();
              }}
              data-testid="pr-order-form"
            >
              <div className="pr-wide">
                <ErrorAlert
                  title={t("procurement.failed")}
                  message={create.isError ? errorMessage(create.error, t, td) : null}
                  testId="pr-order-error"
                />
              </div>
              {!offerId && !contractId ? (
                <>
                  <SelectField
                    label={t("procurement.orders.supplier")}
                    value={f.supplierOrganisationId}
                    onChange={set("supplierOrganisationId")}
                    error={errors.supplierOrganisationId}
                  >
                    <option value="" />
                    {(parties.data?.suppliers ?? []).map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField
                    label={t("procurement.offers.commodity")}
                    value={f.commodityCode}
                    onChange={set("commodityCode")}
                    error={errors["lines.0.commodityCode"]}
                  >
                    {(commodities.data?.items ?? []).map((c) => (
                      <option key={c.code} value={c.code}>
                        {lang === "en" ? c.nameEn : c.name}
                      </option>
                    ))}
                  </SelectField>
                  <Field
                    label={t("procurement.offers.grade")}
                    value={f.grade}
                    onChange={set("grade")}
                    error={errors["lines.0.grade"]}
                  />
                  <Field
                    label={t("procurement.offers.price")}
                    inputMode="numeric"
                    value={f.pricePerKg}
                    onChange={set("pricePerKg")}
                    error={errors["lines.0.pricePerKg"]}
                  />
                </>
              ) : null}
              <Field
                label={t("procurement.orders.quantity")}
                inputMode="decimal"
                value={f.quantityKg}
                onChange={set("quantityKg")}
                error={errors["lines.0.quantityKg"] ?? errors.lines}
                data-testid="pr-order-quantity"
              />
              <SelectField
                label={t("procurement.orders.site")}
                value={f.deliverySiteCode}
                onChange={set("deliverySiteCode")}
                error={errors.deliverySiteCode}
                data-testid="pr-order-site"
              >
                {contractId ? <option value="">{contract.data?.deliverySite.name ?? ""}</option> : null}
                {(parties.data?.deliverySites ?? []).map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
              <Field
                label={t("procurement.orders.deliverBy")}
                type="date"
                value={f.deliverBy}
                onChange={set("deliverBy")}
                error={errors.deliverBy}
                data-testid="pr-order-deliver-by"
              />
              <Field label={t("procurement.orders.notes")} value={f.notes} onChange={set("notes")} />
              <div className="pr-actions pr-wide">
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={create.isPending}
                  data-testid="pr-order-submit"
                >
                  {t("procurement.orders.new")}
                </button>
              </div>
            </form>
          </Section>
        </div>
      )}
    </ConsolePage>
  );
}

function RespondForm({ order }: { order: Order }) {
  const { t, td } = usePreferences();
  const client = useQueryClient();
  const [mode, setMode] = useState<"accept" | "partial" | "decline">("accept");
  const [kgs, setKgs] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const respond = useMutation({
    mutationFn: () =>
      procurementApi.respond(order.id, {
        decision: mode,
        ...(mode === "partial"
          ? { lines: order.lines.map((l) => ({ lineNo: l.lineNo, acceptedKg: num(kgs[l.lineNo] ?? "0") })) }
          : {}),
        ...(reason.trim() ? { reason } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["procurement"] }),
  });
  const errors = fieldErrorsOf(respond.error);
  return (
    <Section title={t("procurement.orders.respond")} id="pr-respond">
      <form
        className="pr-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          respond.mutate();
        }}
        data-testid="pr-respond-form"
      >
        <div className="pr-wide">
          <ErrorAlert
            title={t("procurement.failed")}
            message={respond.isError ? errorMessage(respond.error, t, td) : null}
          />
        </div>
        <fieldset className="pr-lots pr-wide">
          <legend>{t("procurement.orders.respond")}</legend>
          {(["accept", "partial", "decline"] as const).map((m) => (
            <label key={m} className="checkbox">
              <input
                type="radio"
                name="decision"
                checked={mode === m}
                onChange={() => setMode(m)}
                data-testid={`pr-respond-${m}`}
              />
              {t(`procurement.orders.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === "partial"
          ? order.lines.map((l, i) => (
              <Field
                key={l.lineNo}
                label={t("procurement.orders.acceptedKg", { line: String(l.lineNo) })}
                inputMode="decimal"
                value={kgs[l.lineNo] ?? ""}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setKgs((k) => ({ ...k, [l.lineNo]: v }));
                }}
                error={errors[`lines.${i}.acceptedKg`]}
                data-testid={`pr-respond-kg-${l.lineNo}`}
              />
            ))
          : null}
        {mode !== "accept" ? (
          <Field
            label={t("procurement.orders.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-testid="pr-respond-reason"
          />
        ) : null}
        <div className="pr-actions pr-wide">
          <button
            type="submit"
            className="button button-primary"
            disabled={respond.isPending}
            data-testid="pr-respond-submit"
          >
            {t("procurement.orders.respond")}
          </button>
        </div>
      </form>
    </Section>
  );
}

function DispatchForm({ order }: { order: Order }) {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const lots = useQuery({ queryKey: ["procurement", "my-lots"], queryFn: procurementApi.myLots });
  const [route, setRoute] = useState<"roro" | "ferry" | "direct">("roro");
  const [departure, setDeparture] = useState(wibInput(1));
  const open = order.lines.filter((l) => l.toDispatchKg > 0);
  const [picks, setPicks] = useState<Record<number, { lot: string; kg: string }>>(() =>
    Object.fromEntries(open.map((l) => [l.lineNo, { lot: "", kg: String(l.toDispatchKg) }])),
  );
  const dispatch = useMutation({
    mutationFn: () =>
      procurementApi.dispatch(order.id, {
        route,
        plannedDeparture: `${departure.length === 16 ? `${departure}:00` : departure}+07:00`,
        lines: open.map((l) => ({
          lineNo: l.lineNo,
          lots: [{ lot: picks[l.lineNo]?.lot ?? "", kg: num(picks[l.lineNo]?.kg ?? "0") }],
        })),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["procurement"] }),
  });
  const errors = fieldErrorsOf(dispatch.error);
  return (
    <Section title={t("procurement.orders.dispatch")} id="pr-dispatch">
      <p>{t("procurement.orders.dispatchIntro")}</p>
      <form
        className="pr-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          dispatch.mutate();
        }}
        data-testid="pr-dispatch-form"
      >
        <div className="pr-wide">
          <ErrorAlert
            title={t("procurement.failed")}
            message={dispatch.isError ? errorMessage(dispatch.error, t, td) : null}
            testId="pr-dispatch-error"
          />
        </div>
        <SelectField
          label={t("procurement.orders.route")}
          value={route}
          onChange={(e) => setRoute(e.currentTarget.value as "roro")}
        >
          {(["roro", "ferry", "direct"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`procurement.route.${r}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("procurement.orders.departure")}
          type="datetime-local"
          value={departure}
          onChange={(e) => setDeparture(e.currentTarget.value)}
          error={errors.plannedDeparture}
        />
        {open.map((l, i) => (
          <div key={l.lineNo} className="pr-form pr-wide">
            <SelectField
              label={t("procurement.orders.lot", { line: String(l.lineNo) })}
              value={picks[l.lineNo]?.lot ?? ""}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setPicks((p) => ({ ...p, [l.lineNo]: { kg: p[l.lineNo]?.kg ?? "", lot: v } }));
              }}
              error={errors[`lines.${i}.lots.0`] ?? errors[`lines.${i}.lots`]}
              data-testid={`pr-dispatch-lot-${l.lineNo}`}
            >
              <option value="" />
              {(lots.data?.items ?? [])
                .filter((x) => x.commodity.code === l.commodity.code)
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.lotCode} · {formatKg(x.quantity.grams / 1000, lang)}
                  </option>
                ))}
            </SelectField>
            <Field
              label={t("procurement.orders.lotKg", { line: String(l.lineNo) })}
              inputMode="decimal"
              value={picks[l.lineNo]?.kg ?? ""}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setPicks((p) => ({ ...p, [l.lineNo]: { lot: p[l.lineNo]?.lot ?? "", kg: v } }));
              }}
              error={errors[`lines.${i}.lots.0.kg`]}
              data-testid={`pr-dispatch-kg-${l.lineNo}`}
            />
          </div>
        ))}
        <div className="pr-actions pr-wide">
          <button
            type="submit"
            className="button button-primary"
            disabled={dispatch.isPending}
            data-testid="pr-dispatch-submit"
          >
            {t("procurement.orders.dispatchSubmit")}
          </button>
        </div>
      </form>
    </Section>
  );
}

export function OrderPage() {
  const { t, td, lang } = usePreferences();
  const { id = "" } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ["procurement", "order", id], queryFn: () => procurementApi.order(id) });
  const cancel = useMutation({
    mutationFn: () => procurementApi.cancelOrder(id),
    onSuccess: () => client.invalidateQueries({ queryKey: ["procurement"] }),
  });
  const invoice = useMutation({
    mutationFn: () => procurementApi.issueInvoice(id),
    onSuccess: (inv) => {
      void client.invalidateQueries({ queryKey: ["procurement"] });
      navigate(`/konsol/pengadaan/faktur/${inv.id}`);
    },
  });
  const failure = cancel.error ?? invoice.error;
  return (
    <ConsolePage title={query.data?.number ?? t("procurement.orders.title")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          <QueryState query={query} isEmpty={() => false} empty="">
            {(o) => (
              <>
                <Section title={o.number} id="pr-order" actions={<StatusBadge status={o.status} />}>
                  <ErrorAlert
                    title={t("procurement.failed")}
                    message={failure ? errorMessage(failure, t, td) : null}
                  />
                  <dl className="pr-facts" data-testid="pr-order-facts">
                    <dt>{t("procurement.orders.parties")}</dt>
                    <dd>
                      {o.buyer.name} → {o.supplier.name}
                    </dd>
                    <dt>{t("procurement.orders.site")}</dt>
                    <dd>{o.deliverySite.name}</dd>
                    <dt>{t("procurement.orders.deliverBy")}</dt>
                    <dd>{formatDateWIB(o.deliverBy, lang)}</dd>
                    <dt>{t("procurement.orders.total")}</dt>
                    <dd data-testid="pr-order-total">{formatRupiah(o.total)}</dd>
                    <dt>{t("procurement.orders.createdAt")}</dt>
                    <dd>{formatDateTimeWIB(o.createdAt, lang)}</dd>
                    {o.respondedAt ? (
                      <>
                        <dt>{t("procurement.orders.respondedAt")}</dt>
                        <dd>{formatDateTimeWIB(o.respondedAt, lang)}</dd>
                      </>
                    ) : null}
                    {o.declineReason ? (
                      <>
                        <dt>{t("procurement.orders.declined")}</dt>
                        <dd>{o.declineReason}</dd>
                      </>
                    ) : null}
                    {o.deliveredAt ? (
                      <>
                        <dt>{t("procurement.orders.deliveredAt")}</dt>
                        <dd>{formatDateTimeWIB(o.deliveredAt, lang)}</dd>
                      </>
                    ) : null}
                    {o.shipments.length ? (
                      <>
                        <dt>{t("procurement.orders.shipments")}</dt>
                        <dd data-testid="pr-order-shipments">
                          {o.shipments.map((s) => (
                            <span key={s.id} className="cell-sub">
                              <Link to={`/konsol/pengiriman/${s.id}`}>{s.number}</Link> ·{" "}
                              {s.received
                                ? t("procurement.orders.received")
                                : t("procurement.orders.inTransit")}
                            </span>
                          ))}
                        </dd>
                      </>
                    ) : null}
                    {o.invoice ? (
                      <>
                        <dt>{t("procurement.orders.invoice")}</dt>
                        <dd>
                          <Link
                            to={`/konsol/pengadaan/faktur/${o.invoice.id}`}
                            data-testid="pr-order-invoice"
                          >
                            {o.invoice.number}
                          </Link>{" "}
                          <StatusBadge status={o.invoice.status} />
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  <div className="pr-actions">
                    {o.can.cancel ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => cancel.mutate()}
                      >
                        {t("procurement.orders.cancel")}
                      </button>
                    ) : null}
                    {o.can.invoice ? (
                      <button
                        type="button"
                        className="button button-primary"
                        onClick={() => invoice.mutate()}
                        disabled={invoice.isPending}
                        data-testid="pr-order-issue-invoice"
                      >
                        {t("procurement.orders.issueInvoice")}
                      </button>
                    ) : null}
                  </div>
                  <div className="table-wrap">
                    <table data-testid="pr-order-lines">
                      <caption className="visually-hidden">{t("procurement.orders.lines")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("procurement.orders.line")}</th>
                          <th scope="col">{t("procurement.offers.commodity")}</th>
                          <th scope="col" className="num">
                            {t("procurement.orders.quantity")}
                          </th>
                          <th scope="col" className="num">
                            {t("procurement.orders.price")}
                          </th>
                          <th scope="col" className="num">
                            {t("procurement.orders.accepted")}
                          </th>
                          <th scope="col" className="num">
                            {t("procurement.orders.dispatched")}
                          </th>
                          <th scope="col" className="num">
                            {t("procurement.orders.delivered")}
                          </th>
                          <th scope="col" className="num">
                            {t("procurement.orders.rejected")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {o.lines.map((l) => (
                          <tr key={l.lineNo}>
                            <th scope="row">{l.lineNo}</th>
                            <td>
                              {lang === "en" ? l.commodity.nameEn : l.commodity.name}
                              <span className="cell-sub">{l.grade}</span>
                            </td>
                            <td className="num">{formatKg(l.quantityKg, lang)}</td>
                            <td className="num">
                              {formatRupiah(l.pricePerKg)}
                              <span className="cell-sub">{l.priceBasis}</span>
                            </td>
                            <td className="num">
                              {l.acceptedKg === null ? "—" : formatKg(l.acceptedKg, lang)}
                            </td>
                            <td className="num">{formatKg(l.dispatchedKg, lang)}</td>
                            <td className="num" data-testid={`pr-line-delivered-${l.lineNo}`}>
                              {formatKg(l.deliveredKg, lang)}
                            </td>
                            <td className="num">{formatKg(l.rejectedKg, lang)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </Section>
                {o.can.respond ? <RespondForm order={o} /> : null}
                {o.can.dispatch ? (
                  <DispatchForm key={`${o.status}-${o.dispatches.length}`} order={o} />
                ) : null}
              </>
            )}
          </QueryState>
        </div>
      )}
    </ConsolePage>
  );
}
