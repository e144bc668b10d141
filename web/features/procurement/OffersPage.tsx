import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Offer, procurementApi } from "./api.ts";
import { formatKg, ProcurementTabs, Section, StatusBadge, todayWIB } from "./parts.tsx";
import "./procurement.css";

const SUPPLIER_PERSONAS = new Set(["koperasi", "farmer", "admin"]);

function OfferTable({ offers, session, mine }: { offers: Offer[]; session: Session; mine: boolean }) {
  const { t, lang } = usePreferences();
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (id: string) => procurementApi.withdrawOffer(id),
    onSuccess: () => client.invalidateQueries({ queryKey: ["procurement"] }),
  });
  return (
    <div className="table-wrap">
      <table data-testid={mine ? "pr-offers-mine" : "pr-offers-open"}>
        <caption className="visually-hidden">
          {mine ? t("procurement.offers.mine") : t("procurement.offers.open")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("procurement.offers.commodity")}</th>
            <th scope="col">{t("procurement.offers.supplier")}</th>
            <th scope="col" className="num">
              {t("procurement.offers.remaining")}
            </th>
            <th scope="col" className="num">
              {t("procurement.offers.price")}
            </th>
            <th scope="col">{t("procurement.offers.window")}</th>
            <th scope="col">{t("procurement.offers.pickup")}</th>
            <th scope="col">{t("procurement.offers.status")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("procurement.offers.order")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {offers.map((o) => (
            <tr key={o.id} data-testid="pr-offer-row">
              <th scope="row">
                {lang === "en" ? o.commodity.nameEn : o.commodity.name}
                <span className="cell-sub">{o.grade}</span>
                {o.lots.length ? (
                  <span className="cell-sub">{o.lots.map((l) => l.lotCode ?? l.lgtin).join(", ")}</span>
                ) : null}
              </th>
              <td>{o.organisation.name}</td>
              <td className="num">
                {formatKg(o.remainingKg, lang)}
                <span className="cell-sub">/ {formatKg(o.quantityKg, lang)}</span>
              </td>
              <td className="num">{formatRupiah(o.pricePerKg)}</td>
              <td className="small">
                {formatDateWIB(o.availableFrom, lang)} – {formatDateWIB(o.availableUntil, lang)}
              </td>
              <td className="small">
                {o.pickup.siteName ?? [o.pickup.address, o.pickup.regencyName].filter(Boolean).join(", ")}
              </td>
              <td>
                <StatusBadge status={o.status} />
              </td>
              <td>
                {session.persona === "bumd" &&
                o.status === "open" &&
                o.organisation.id !== session.organisation?.id ? (
                  <Link
                    className="button button-primary button-small"
                    to={`/konsol/pengadaan/po/baru?offer=${o.id}`}
                    data-testid={`pr-offer-order-${o.id}`}
                  >
                    {t("procurement.offers.order")}
                  </Link>
                ) : null}
                {mine && o.status === "open" ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => withdraw.mutate(o.id)}
                    disabled={withdraw.isPending}
                  >
                    {t("procurement.offers.withdraw")}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewOfferForm() {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const commodities = useQuery({ queryKey: ["commodities"], queryFn: procurementApi.commodities });
  const parties = useQuery({ queryKey: ["procurement", "parties"], queryFn: procurementApi.parties });
  const lots = useQuery({ queryKey: ["procurement", "my-lots"], queryFn: procurementApi.myLots });
  const [form, setForm] = useState({
    commodityCode: "beras-medium",
    grade: "",
    quantityKg: "",
    pricePerKg: "",
    availableFrom: todayWIB(),
    availableUntil: todayWIB(30),
    pickupSiteCode: "",
    pickupRegencyCode: "",
    pickupAddress: "",
    notes: "",
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    // Read now: React may run the updater after the event's currentTarget is gone.
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };
  const create = useMutation({
    mutationFn: () =>
      procurementApi.createOffer({
        commodityCode: form.commodityCode,
        grade: form.grade,
        quantityKg: Number(form.quantityKg.replace(",", ".")),
        pricePerKg: Number(form.pricePerKg),
        availableFrom: form.availableFrom,
        availableUntil: form.availableUntil,
        ...(form.pickupSiteCode
          ? { pickupSiteCode: form.pickupSiteCode }
          : { pickupRegencyCode: form.pickupRegencyCode, pickupAddress: form.pickupAddress }),
        ...(chosen.length ? { lots: chosen } : {}),
        ...(form.notes.trim() ? { notes: form.notes } : {}),
      }),
    onSuccess: () => {
      setChosen([]);
      setForm((f) => ({ ...f, grade: "", quantityKg: "", pricePerKg: "", notes: "" }));
      void client.invalidateQueries({ queryKey: ["procurement"] });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const myLots = (lots.data?.items ?? []).filter((l) => l.commodity.code === form.commodityCode);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Section title={t("procurement.offers.new")} id="pr-offer-new">
      <form className="pr-form" onSubmit={onSubmit} noValidate data-testid="pr-offer-form">
        <div className="pr-wide">
          <ErrorAlert
            title={t("procurement.failed")}
            message={create.isError ? errorMessage(create.error, t, td) : null}
            testId="pr-offer-error"
          />
          {create.isSuccess ? <p role="status">{t("procurement.offers.created")}</p> : null}
        </div>
        <SelectField
          label={t("procurement.offers.commodity")}
          value={form.commodityCode}
          onChange={set("commodityCode")}
          error={errors.commodityCode}
          data-testid="pr-offer-commodity"
        >
          {(commodities.data?.items ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {lang === "en" ? c.nameEn : c.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("procurement.offers.grade")}
          value={form.grade}
          onChange={set("grade")}
          error={errors.grade}
          data-testid="pr-offer-grade"
        />
        <Field
          label={t("procurement.offers.quantity")}
          inputMode="decimal"
          value={form.quantityKg}
          onChange={set("quantityKg")}
          error={errors.quantityKg}
          data-testid="pr-offer-quantity"
        />
        <Field
          label={t("procurement.offers.price")}
          inputMode="numeric"
          value={form.pricePerKg}
          onChange={set("pricePerKg")}
          error={errors.pricePerKg}
          data-testid="pr-offer-price"
        />
        <Field
          label={t("procurement.offers.from")}
          type="date"
          value={form.availableFrom}
          onChange={set("availableFrom")}
          error={errors.availableFrom}
        />
        <Field
          label={t("procurement.offers.until")}
          type="date"
          value={form.availableUntil}
          onChange={set("availableUntil")}
          error={errors.availableUntil}
        />
        <SelectField
          label={t("procurement.offers.pickupSite")}
          value={form.pickupSiteCode}
          onChange={set("pickupSiteCode")}
          error={errors.pickupSiteCode}
          data-testid="pr-offer-site"
        >
          <option value="">{t("procurement.offers.pickupSiteNone")}</option>
          {(parties.data?.deliverySites ?? [])
            .filter((s) => s.regionCode.startsWith("18"))
            .map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
        </SelectField>
        {form.pickupSiteCode ? null : (
          <>
            <Field
              label={t("procurement.offers.regency")}
              value={form.pickupRegencyCode}
              onChange={set("pickupRegencyCode")}
              error={errors.pickupRegencyCode}
              data-testid="pr-offer-regency"
            />
            <Field
              label={t("procurement.offers.address")}
              value={form.pickupAddress}
              onChange={set("pickupAddress")}
              error={errors.pickupAddress}
              data-testid="pr-offer-address"
            />
          </>
        )}
        <fieldset className="pr-lots pr-wide">
          <legend>{t("procurement.offers.lots")}</legend>
          <p className="field-hint">{t("procurement.offers.lotsHint")}</p>
          {errors["lots.0"] ? <p className="field-error">{errors["lots.0"]}</p> : null}
          {myLots.map((l) => (
            <label key={l.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(l.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChosen((c) => (on ? [...c, l.id] : c.filter((x) => x !== l.id)));
                }}
                data-testid={`pr-offer-lot-${l.lotCode}`}
              />
              {l.lotCode} · {formatKg(l.quantity.grams / 1000, lang)} · {formatDateWIB(l.harvestDate, lang)}
            </label>
          ))}
        </fieldset>
        <Field label={t("procurement.offers.notes")} value={form.notes} onChange={set("notes")} />
        <div className="pr-actions pr-wide">
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending}
            data-testid="pr-offer-submit"
          >
            {t("procurement.offers.new")}
          </button>
        </div>
      </form>
    </Section>
  );
}

export function OffersPage() {
  const { t } = usePreferences();
  const open = useQuery({
    queryKey: ["procurement", "offers", "open"],
    queryFn: () => procurementApi.offers(),
  });
  const mine = useQuery({
    queryKey: ["procurement", "offers", "mine"],
    queryFn: () => procurementApi.offers({ mine: true }),
  });
  const parties = useQuery({ queryKey: ["procurement", "parties"], queryFn: procurementApi.parties });
  return (
    <ConsolePage title={t("procurement.offers.title")} intro={t("procurement.intro")}>
      {(session) => {
        // Lampung BUMDs supply too: the server lists them among the suppliers.
        const supplier =
          SUPPLIER_PERSONAS.has(session.persona) ||
          (parties.data?.suppliers ?? []).some((s) => s.id === session.organisation?.id);
        return (
          <div className="pr-page">
            <ProcurementTabs farmer={session.persona === "farmer"} />
            <Section title={t("procurement.offers.open")} id="pr-offers-open">
              <QueryState
                query={open}
                isEmpty={(d) => d.items.length === 0}
                empty={t("procurement.offers.empty")}
              >
                {(d) => <OfferTable offers={d.items} session={session} mine={false} />}
              </QueryState>
            </Section>
            {supplier ? (
              <>
                <NewOfferForm />
                <Section title={t("procurement.offers.mine")} id="pr-offers-mine">
                  <QueryState
                    query={mine}
                    isEmpty={(d) => d.items.length === 0}
                    empty={t("procurement.offers.empty")}
                  >
                    {(d) => <OfferTable offers={d.items} session={session} mine />}
                  </QueryState>
                </Section>
              </>
            ) : null}
          </div>
        );
      }}
    </ConsolePage>
  );
}
