import { useMutation, useQueries, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { Link, Navigate, useLocation, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import type { SignInState } from "../auth/SignInPage.tsx";
import { useSession } from "../auth/session.ts";
import { marketApi, type ProductDetail, type ShippingAddress } from "./api.ts";
import { useMarketMount, useMarketPath } from "./base.ts";
import { type CartLine, removeFromCart, useCart } from "./cart.ts";
import { formatWeight } from "./parts.tsx";

const LAMPUNG = "18";
const JAKARTA = "31";
const ADDRESS_KEY = "lumbung.market.address.v1";

interface AddressDraft {
  name: string;
  phone: string;
  address: string;
  province: string;
  regency: string;
  postalCode: string;
}

type Errors = Partial<Record<keyof AddressDraft | "items", string>>;

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Not a secure context (plain http on a LAN address): random hex is as good for a key.
  return [...crypto.getRandomValues(new Uint8Array(16))].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/** The last address this person used on this browser (kept per account: a shared phone shows nobody else's). */
function addressKey(userId: string): string {
  return `${ADDRESS_KEY}.${userId}`;
}

function savedAddress(userId: string): Partial<AddressDraft> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(addressKey(userId)) ?? "null");
    return typeof parsed === "object" && parsed !== null ? (parsed as Partial<AddressDraft>) : {};
  } catch {
    return {};
  }
}

/** "0812…", "62812…", "+62 812-…" → the digits after +62, or null when it cannot be an Indonesian number. */
export function phoneDigits(input: string): string | null {
  let digits = input.replace(/[\s().-]/g, "");
  if (digits.startsWith("+62")) digits = digits.slice(3);
  else if (digits.startsWith("62")) digits = digits.slice(2);
  else if (digits.startsWith("0")) digits = digits.slice(1);
  return /^[1-9]\d{7,12}$/.test(digits) ? digits : null;
}

function initialDraft(session: Session): AddressDraft {
  const saved = savedAddress(session.user.id);
  const phone = saved.phone ?? (session.user.phone ? (phoneDigits(session.user.phone) ?? "") : "");
  return {
    name: saved.name ?? session.user.name,
    phone,
    address: saved.address ?? "",
    province: saved.province ?? LAMPUNG,
    regency: saved.regency ?? "",
    postalCode: saved.postalCode ?? "",
  };
}

/** The cart's lines with today's price and stock from the catalogue. */
function useFreshLines(lines: CartLine[]) {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const products = useQueries({
    queries: ids.map((id) => ({
      queryKey: ["market", "product", id],
      queryFn: () => marketApi.product(id),
      staleTime: 0,
    })),
  });
  const byId = new Map<string, ProductDetail>();
  ids.forEach((id, i) => {
    const data = products[i]?.data;
    if (data) byId.set(id, data);
  });
  const pending = products.some((p) => p.isPending);
  const failed = products.find((p) => p.isError && (p.error as { status?: number }).status !== 404);
  const fresh = lines.map((line) => {
    const product = byId.get(line.productId);
    const variant = product?.variants.find((v) => v.id === line.variantId);
    const gone = !pending && !failed && !variant;
    return {
      line,
      price: variant?.price ?? line.price,
      stock: variant?.stock ?? line.stock,
      gone,
      priceChanged: variant !== undefined && variant.price !== line.price,
      short: variant !== undefined && variant.stock < line.quantity,
      weightGrams: variant?.weightGrams ?? 0,
    };
  });
  return { fresh, pending, failed };
}

function Form({ session, sellerId, lines }: { session: Session; sellerId: string; lines: CartLine[] }) {
  const { t, td, lang } = usePreferences();
  const path = useMarketPath();
  const navigate = useNavigate();
  const id = useId();
  const [draft, setDraft] = useState<AddressDraft>(() => initialDraft(session));
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  // One key per distinct order: a double tap or a retry after a lost answer sends the same key, so the
  // server makes one order; a changed address or cart is a new order and gets a new key.
  const keyRef = useRef<{ body: string; key: string } | null>(null);
  const { fresh, pending, failed } = useFreshLines(lines);
  const set = (name: keyof AddressDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [name]: value, ...(name === "province" ? { regency: "" } : {}) }));
  };

  const provinces = useQuery({
    queryKey: ["market", "provinces"],
    queryFn: () => marketApi.regions({ level: "province" }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const hasRegencies = draft.province === LAMPUNG || draft.province === JAKARTA;
  const regencies = useQuery({
    queryKey: ["market", "regencies", draft.province],
    queryFn: () => marketApi.regions({ level: "regency", parent: draft.province }),
    enabled: hasRegencies,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const regionCode = hasRegencies ? draft.regency : draft.province;
  const orderable = fresh.filter((f) => !f.gone);
  const items = orderable.map((f) => ({ variantId: f.line.variantId, quantity: f.line.quantity }));
  const quote = useQuery({
    queryKey: ["market", "quote", regionCode, items],
    queryFn: () => marketApi.shippingQuote(items, regionCode),
    enabled: Boolean(regionCode) && items.length > 0,
  });
  const subtotal = orderable.reduce((sum, f) => sum + f.price * f.line.quantity, 0);
  const total = quote.data ? subtotal + quote.data.fee : null;

  const create = useMutation({
    mutationFn: ({ body, key }: { body: Parameters<typeof marketApi.createOrder>[0]; key: string }) =>
      marketApi.createOrder(body, key),
    onSuccess: (order) => {
      removeFromCart(lines.map((l) => l.variantId));
      navigate(path(`/pesanan/${encodeURIComponent(order.id)}`), { replace: true });
    },
  });
  const server = fieldErrorsOf(create.error);
  const fieldError = (name: keyof AddressDraft) =>
    errors[name] ??
    server[`shippingAddress.${name === "province" || name === "regency" ? "regionCode" : name}`] ??
    undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Today's prices are still loading: the order waits for them rather than go out with old ones.
    if (create.isPending || pending) return;
    const next: Errors = {};
    if (!draft.name.trim()) next.name = t("validation.required");
    const digits = phoneDigits(draft.phone);
    if (!draft.phone.trim()) next.phone = t("validation.required");
    else if (!digits) next.phone = t("market.checkout.phoneInvalid");
    if (draft.address.trim().length < 10) next.address = t("market.checkout.addressShort");
    if (!draft.province) next.province = t("validation.required");
    if (hasRegencies && !draft.regency) next.regency = t("validation.required");
    if (draft.postalCode && !/^\d{5}$/.test(draft.postalCode.trim()))
      next.postalCode = t("market.checkout.postalInvalid");
    if (items.length === 0) next.items = t("market.checkout.nothing");
    setErrors(next);
    if (Object.keys(next).length > 0 || !digits) {
      create.reset();
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    const shippingAddress: ShippingAddress = {
      name: draft.name.trim(),
      phone: `+62${digits}`,
      address: draft.address.trim(),
      regionCode,
      ...(draft.postalCode.trim() ? { postalCode: draft.postalCode.trim() } : {}),
    };
    const body = { items, shippingAddress, ...(note.trim() ? { note: note.trim() } : {}) };
    const text = JSON.stringify(body);
    if (keyRef.current?.body !== text) keyRef.current = { body: text, key: newKey() };
    try {
      window.localStorage.setItem(addressKey(session.user.id), JSON.stringify({ ...draft, phone: digits }));
    } catch {
      // Not remembered next time; the order goes ahead.
    }
    create.mutate({ body, key: keyRef.current.key });
  };

  const weight = orderable.reduce((sum, f) => sum + f.weightGrams * f.line.quantity, 0);
  const etaText = !quote.data
    ? ""
    : quote.data.etaDaysMin < quote.data.etaDays
      ? t("market.checkout.etaRange", { min: quote.data.etaDaysMin, max: quote.data.etaDays })
      : t("market.checkout.etaDays", { n: quote.data.etaDays });

  return (
    <form
      ref={formRef}
      className="market-checkout"
      onSubmit={onSubmit}
      noValidate
      data-testid="market-checkout-form"
    >
      <section className="card" aria-labelledby={`${id}-items`}>
        <h2 id={`${id}-items`}>{t("market.checkout.items", { seller: lines[0]?.seller.name ?? "" })}</h2>
        <ul className="market-summary-lines">
          {fresh.map((f) => (
            <li key={f.line.variantId} data-gone={f.gone || undefined}>
              <span>
                {f.line.productName}
                {f.line.variantName ? <span className="muted"> · {f.line.variantName}</span> : null}{" "}
                <span className="muted">× {f.line.quantity}</span>
                {f.gone ? <span className="field-error">{t("market.checkout.gone")}</span> : null}
                {f.priceChanged ? (
                  <span className="market-note">
                    {t("market.checkout.priceChanged", { from: formatRupiah(f.line.price) })}
                  </span>
                ) : null}
                {f.short ? (
                  <span className="field-error">{t("market.checkout.short", { n: f.stock })}</span>
                ) : null}
              </span>
              <span className="market-amount">{formatRupiah(f.price * f.line.quantity)}</span>
            </li>
          ))}
        </ul>
        {failed ? <ErrorAlert message={errorMessage(failed.error, t, td)} /> : null}
        {errors.items ? <p className="field-error">{errors.items}</p> : null}
      </section>

      <section className="card" aria-labelledby={`${id}-address`}>
        <h2 id={`${id}-address`}>{t("market.checkout.address")}</h2>
        <Field
          label={t("market.checkout.name")}
          value={draft.name}
          onChange={(e) => set("name")(e.currentTarget.value)}
          error={fieldError("name")}
          autoComplete="name"
          required
        />
        <div className={fieldError("phone") ? "field field-invalid" : "field"}>
          <label htmlFor={`${id}-phone`}>{t("market.checkout.phone")}</label>
          <p className="field-hint" id={`${id}-phone-hint`}>
            {t("market.checkout.phoneHint")}
          </p>
          {fieldError("phone") ? (
            <p className="field-error" id={`${id}-phone-error`}>
              {fieldError("phone")}
            </p>
          ) : null}
          <div className="market-phone">
            <span className="market-phone-prefix" aria-hidden="true">
              +62
            </span>
            <input
              id={`${id}-phone`}
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              value={draft.phone}
              onChange={(e) => set("phone")(e.currentTarget.value)}
              aria-describedby={`${id}-phone-hint${fieldError("phone") ? ` ${id}-phone-error` : ""}`}
              aria-invalid={fieldError("phone") ? true : undefined}
              placeholder="812 3456 7890"
              data-testid="market-phone"
              required
            />
          </div>
        </div>
        <div className={fieldError("address") ? "field field-invalid" : "field"}>
          <label htmlFor={`${id}-street`}>{t("market.checkout.street")}</label>
          <p className="field-hint" id={`${id}-street-hint`}>
            {t("market.checkout.streetHint")}
          </p>
          {fieldError("address") ? (
            <p className="field-error" id={`${id}-street-error`}>
              {fieldError("address")}
            </p>
          ) : null}
          <textarea
            id={`${id}-street`}
            rows={3}
            value={draft.address}
            onChange={(e) => set("address")(e.currentTarget.value)}
            autoComplete="street-address"
            aria-describedby={`${id}-street-hint${fieldError("address") ? ` ${id}-street-error` : ""}`}
            aria-invalid={fieldError("address") ? true : undefined}
            data-testid="market-address"
            required
          />
        </div>
        <SelectField
          label={t("market.checkout.province")}
          value={draft.province}
          onChange={(e) => set("province")(e.currentTarget.value)}
          error={fieldError("province")}
          data-testid="market-province"
        >
          <option value={LAMPUNG}>Lampung</option>
          <option value={JAKARTA}>DKI Jakarta</option>
          <optgroup label={t("market.checkout.otherProvinces")}>
            {provinces.data?.items
              .filter((p) => p.code !== LAMPUNG && p.code !== JAKARTA)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
          </optgroup>
        </SelectField>
        {hasRegencies ? (
          <SelectField
            label={t("market.checkout.regency")}
            value={draft.regency}
            onChange={(e) => set("regency")(e.currentTarget.value)}
            error={fieldError("regency")}
            disabled={!regencies.data}
            data-testid="market-regency"
          >
            <option value="">{regencies.data ? t("market.checkout.choose") : t("app.loading")}</option>
            {regencies.data?.items.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Field
          label={t("market.checkout.postal")}
          value={draft.postalCode}
          onChange={(e) => set("postalCode")(e.currentTarget.value)}
          error={fieldError("postalCode")}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={5}
        />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t("market.checkout.note")}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </div>
      </section>

      <section className="card market-totals" aria-labelledby={`${id}-total`} aria-live="polite">
        <h2 id={`${id}-total`}>{t("market.checkout.summary")}</h2>
        <dl className="market-totals-list">
          <div>
            <dt>{t("market.checkout.subtotal")}</dt>
            <dd data-testid="market-checkout-subtotal">{formatRupiah(subtotal)}</dd>
          </div>
          <div>
            <dt>
              {t("market.checkout.shipping")}
              {weight > 0 ? (
                <span className="muted small">
                  {" "}
                  · {formatWeight(quote.data?.weightGrams ?? weight, lang)}
                </span>
              ) : null}
            </dt>
            <dd data-testid="market-checkout-shipping">
              {!regionCode
                ? t("market.checkout.chooseRegion")
                : quote.isPending
                  ? t("app.loading")
                  : quote.isError
                    ? t("market.checkout.quoteFailed")
                    : quote.data
                      ? formatRupiah(quote.data.fee)
                      : "—"}
            </dd>
          </div>
          {etaText ? (
            <div>
              <dt>{t("market.checkout.eta")}</dt>
              <dd>{etaText}</dd>
            </div>
          ) : null}
          <div className="market-total-row">
            <dt>{t("market.checkout.total")}</dt>
            <dd data-testid="market-checkout-total">{total === null ? "—" : formatRupiah(total)}</dd>
          </div>
        </dl>
        {quote.isError ? <ErrorAlert message={errorMessage(quote.error, t, td)} /> : null}
        <ErrorAlert
          title={t("market.checkout.failed")}
          message={create.isError ? errorMessage(create.error, t, td) : null}
        />
        <button
          type="submit"
          className="button button-primary button-block market-place-order"
          aria-disabled={create.isPending || pending || undefined}
          data-testid="market-place-order"
        >
          {create.isPending ? t("market.checkout.placing") : t("market.checkout.place")}
        </button>
        <p className="muted small">{t("market.checkout.payHint")}</p>
        <p>
          <Link to={path("/keranjang")}>← {t("market.checkout.backToCart")}</Link>
        </p>
      </section>
      <input type="hidden" name="seller" value={sellerId} />
    </form>
  );
}

/** `/pasar/checkout/:sellerId`: one seller's part of the cart becomes one order, paid by QRIS. */
export function CheckoutPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("market.checkout.title"));
  const { sellerId = "" } = useParams();
  const { embedded } = useMarketMount();
  const path = useMarketPath();
  const location = useLocation();
  const session = useSession();
  const lines = useCart().filter((l) => l.seller.id === sellerId);

  if (session.isPending) {
    return (
      <p className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  if (!session.data) {
    if (embedded) return <EmbedSessionEnded />;
    const state: SignInState = { from: location.pathname };
    return <Navigate to="/masuk" replace state={state} />;
  }
  return (
    <div className="market-page market-narrow" data-testid="market-checkout">
      <h1 id="page-title">{t("market.checkout.title")}</h1>
      {lines.length === 0 ? (
        <div className="card market-empty">
          <p>{t("market.checkout.nothing")}</p>
          <p>
            <Link to={path("/keranjang")}>{t("market.checkout.backToCart")}</Link>
          </p>
        </div>
      ) : (
        <Form session={session.data} sellerId={sellerId} lines={lines} />
      )}
    </div>
  );
}

/** In a partner's app the session came from its token; when it is gone only the partner can make a new one. */
export function EmbedSessionEnded() {
  const { t } = usePreferences();
  return (
    <section className="card narrow" data-testid="market-embed-ended">
      <h1 id="page-title">{t("market.embed.ended")}</h1>
      <p>{t("market.embed.endedBody")}</p>
    </section>
  );
}
