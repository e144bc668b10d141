import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type FarmPayment, type FarmPaymentMethod, procurementApi } from "./api.ts";
import { formatKg, ProcurementTabs, Section, todayWIB } from "./parts.tsx";
import "./procurement.css";

const METHODS: FarmPaymentMethod[] = ["cash", "bank_transfer", "e_wallet"];

function PaymentsTable({ items, farmerView }: { items: FarmPayment[]; farmerView: boolean }) {
  const { t, lang } = usePreferences();
  return (
    <div className="table-wrap">
      <table data-testid="pr-farm-payments">
        <caption className="visually-hidden">{t("procurement.farm.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("procurement.farm.paidOn")}</th>
            <th scope="col">{farmerView ? t("procurement.farm.koperasi") : t("procurement.farm.farmer")}</th>
            <th scope="col">{t("procurement.farm.lot")}</th>
            <th scope="col" className="num">
              {t("procurement.farm.kg")}
            </th>
            <th scope="col" className="num">
              {t("procurement.farm.price")}
            </th>
            <th scope="col" className="num">
              {t("procurement.farm.amount")}
            </th>
            <th scope="col">{t("procurement.farm.method")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-testid="pr-farm-row">
              <th scope="row" className="nowrap">
                {formatDateWIB(p.paidOn, lang)}
              </th>
              <td>
                {farmerView ? p.koperasi.name : p.farmerName}
                {!farmerView && p.farmerOrganisation ? (
                  <span className="cell-sub">{p.farmerOrganisation.name}</span>
                ) : null}
                {!farmerView && p.farmerPhone ? <span className="cell-sub">{p.farmerPhone}</span> : null}
              </td>
              <td>
                {lang === "en" ? p.commodity.nameEn : p.commodity.name} · {p.lot.lotCode ?? p.lot.lgtin}
                {p.lot.tracePath ? (
                  <span className="cell-sub">
                    <Link to={p.lot.tracePath}>{t("procurement.farm.trace")}</Link>
                  </span>
                ) : null}
              </td>
              <td className="num">{formatKg(p.kg, lang)}</td>
              <td className="num">{formatRupiah(p.pricePerKg)}</td>
              <td className="num">{formatRupiah(p.amount)}</td>
              <td className="small">
                {t(`procurement.farm.method.${p.method}`)}
                {p.reference ? <span className="cell-sub">{p.reference}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecordForm() {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const lots = useQuery({ queryKey: ["procurement", "my-lots"], queryFn: procurementApi.myLots });
  const parties = useQuery({ queryKey: ["procurement", "parties"], queryFn: procurementApi.parties });
  const [f, setF] = useState({
    lot: "",
    farmerName: "",
    farmerPhone: "",
    farmerOrganisationId: "",
    kg: "",
    pricePerKg: "",
    paidOn: todayWIB(),
    method: "cash",
    reference: "",
  });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    // Read now: React may run the updater after the event's currentTarget is gone.
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const record = useMutation({
    mutationFn: () =>
      procurementApi.recordFarmPayment({
        lot: f.lot,
        farmerName: f.farmerName,
        ...(f.farmerPhone.trim() ? { farmerPhone: f.farmerPhone } : {}),
        ...(f.farmerOrganisationId ? { farmerOrganisationId: f.farmerOrganisationId } : {}),
        kg: Number(f.kg.replace(",", ".")),
        pricePerKg: Number(f.pricePerKg),
        paidOn: f.paidOn,
        method: f.method as FarmPaymentMethod,
        ...(f.reference.trim() ? { reference: f.reference } : {}),
      }),
    onSuccess: () => {
      setF((x) => ({ ...x, farmerName: "", farmerPhone: "", kg: "", reference: "" }));
      void client.invalidateQueries({ queryKey: ["procurement"] });
    },
  });
  const errors = fieldErrorsOf(record.error);
  return (
    <Section title={t("procurement.farm.new")} id="pr-farm-new">
      <form
        className="pr-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          record.mutate();
        }}
        data-testid="pr-farm-form"
      >
        <div className="pr-wide">
          <ErrorAlert
            title={t("procurement.failed")}
            message={record.isError ? errorMessage(record.error, t, td) : null}
          />
        </div>
        <SelectField
          label={t("procurement.farm.lot")}
          value={f.lot}
          onChange={set("lot")}
          error={errors.lot}
          data-testid="pr-farm-lot"
        >
          <option value="" />
          {(lots.data?.items ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.commodity.name} · {l.lotCode} · {formatKg(l.quantity.grams / 1000, lang)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("procurement.farm.farmer")}
          value={f.farmerName}
          onChange={set("farmerName")}
          error={errors.farmerName}
          data-testid="pr-farm-farmer"
        />
        <Field
          label={t("procurement.farm.phone")}
          type="tel"
          value={f.farmerPhone}
          onChange={set("farmerPhone")}
          error={errors.farmerPhone}
        />
        <SelectField
          label={t("procurement.farm.farmerOrg")}
          value={f.farmerOrganisationId}
          onChange={set("farmerOrganisationId")}
          error={errors.farmerOrganisationId}
        >
          <option value="">{t("procurement.farm.noOrg")}</option>
          {(parties.data?.farmers ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("procurement.farm.kg")}
          inputMode="decimal"
          value={f.kg}
          onChange={set("kg")}
          error={errors.kg}
          data-testid="pr-farm-kg"
        />
        <Field
          label={t("procurement.farm.price")}
          inputMode="numeric"
          value={f.pricePerKg}
          onChange={set("pricePerKg")}
          error={errors.pricePerKg}
          data-testid="pr-farm-price"
        />
        <Field
          label={t("procurement.farm.paidOn")}
          type="date"
          value={f.paidOn}
          onChange={set("paidOn")}
          error={errors.paidOn}
        />
        <SelectField label={t("procurement.farm.method")} value={f.method} onChange={set("method")}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`procurement.farm.method.${m}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("procurement.farm.reference")}
          value={f.reference}
          onChange={set("reference")}
          error={errors.reference}
        />
        <div className="pr-actions pr-wide">
          <button
            type="submit"
            className="button button-primary"
            disabled={record.isPending}
            data-testid="pr-farm-submit"
          >
            {t("procurement.farm.new")}
          </button>
        </div>
      </form>
    </Section>
  );
}

function FarmerView() {
  const { t, lang } = usePreferences();
  const query = useQuery({ queryKey: ["procurement", "farm-mine"], queryFn: procurementApi.myFarmPayments });
  return (
    <Section title={t("procurement.farm.mineTitle")} id="pr-farm-mine">
      <p>{t("procurement.farm.mineIntro")}</p>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("procurement.farm.empty")}>
        {(d) => (
          <>
            <p data-testid="pr-farm-total">
              <strong>
                {t("procurement.farm.total", {
                  kg: formatKg(d.totals.kg, lang).replace(" kg", ""),
                  amount: formatRupiah(d.totals.amount),
                })}
              </strong>
            </p>
            <PaymentsTable items={d.items} farmerView />
          </>
        )}
      </QueryState>
    </Section>
  );
}

function KoperasiView() {
  const { t } = usePreferences();
  const query = useQuery({ queryKey: ["procurement", "farm"], queryFn: procurementApi.farmPayments });
  return (
    <>
      <RecordForm />
      <Section title={t("procurement.farm.title")} id="pr-farm-list">
        <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("procurement.farm.empty")}>
          {(d) => <PaymentsTable items={d.items} farmerView={false} />}
        </QueryState>
      </Section>
    </>
  );
}

export function FarmPaymentsPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("procurement.farm.title")} intro={t("procurement.farm.intro")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          {session.persona === "farmer" ? <FarmerView /> : null}
          {session.persona === "koperasi" || session.persona === "admin" ? <KoperasiView /> : null}
        </div>
      )}
    </ConsolePage>
  );
}
