import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { marketSellerApi, type Seller, type SellerInput } from "./api.ts";
import { isUmkm, SellerStatusBadge, TextArea, useLampungRegencies } from "./shared.tsx";
import "./market-seller.css";

const EMPTY: SellerInput = {
  displayName: "",
  description: "",
  nib: "",
  halalNumber: null,
  pirtNumber: null,
  bank: { name: "", accountNumber: "", accountName: "" },
  pickupAddress: "",
  regionCode: "",
};

function inputOf(s: Seller): SellerInput {
  return {
    displayName: s.displayName,
    description: s.description,
    nib: s.nib,
    halalNumber: s.halalNumber,
    pirtNumber: s.pirtNumber,
    bank: s.bank,
    pickupAddress: s.pickupAddress,
    regionCode: s.regionCode,
  };
}

function ShopForm({ seller }: { seller: Seller | null }) {
  const { t, td } = usePreferences();
  const queryClient = useQueryClient();
  const regencies = useLampungRegencies();
  const [form, setForm] = useState<SellerInput>(seller ? inputOf(seller) : EMPTY);
  const [status, setStatus] = useState<string | null>(null);
  const set = <K extends keyof SellerInput>(key: K, value: SellerInput[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setBank = (key: keyof SellerInput["bank"], value: string) =>
    setForm((f) => ({ ...f, bank: { ...f.bank, [key]: value } }));

  const save = useMutation({
    mutationFn: () => (seller ? marketSellerApi.updateSeller(form) : marketSellerApi.apply(form)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(["market", "seller"], saved);
      await queryClient.invalidateQueries({ queryKey: ["market"] });
      setStatus(t(seller ? "marketSeller.shop.saved" : "marketSeller.shop.applied"));
    },
  });
  const errors = fieldErrorsOf(save.error);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    save.mutate();
  };

  return (
    <form className="card market-form" onSubmit={onSubmit} data-testid="shop-form">
      <StatusMessage message={status} />
      <ErrorAlert title={t("error.title")} message={save.error ? errorMessage(save.error, t, td) : null} />
      <Field
        label={t("marketSeller.field.displayName")}
        value={form.displayName}
        error={errors.displayName}
        required
        minLength={3}
        maxLength={100}
        onChange={(e) => set("displayName", e.currentTarget.value)}
      />
      <TextArea
        label={t("marketSeller.field.description")}
        value={form.description}
        error={errors.description}
        required
        onChange={(v) => set("description", v)}
      />
      {seller ? <p className="field-hint">{t("marketSeller.shop.papersHint")}</p> : null}
      <Field
        label={t("marketSeller.field.nib")}
        hint={t("marketSeller.field.nib.hint")}
        value={form.nib}
        error={errors.nib}
        required
        inputMode="numeric"
        onChange={(e) => set("nib", e.currentTarget.value)}
      />
      <Field
        label={t("marketSeller.field.pirt")}
        hint={t("marketSeller.field.pirt.hint")}
        value={form.pirtNumber ?? ""}
        error={errors.pirtNumber}
        onChange={(e) => set("pirtNumber", e.currentTarget.value || null)}
      />
      <Field
        label={t("marketSeller.field.halal")}
        hint={t("marketSeller.field.halal.hint")}
        value={form.halalNumber ?? ""}
        error={errors.halalNumber}
        onChange={(e) => set("halalNumber", e.currentTarget.value || null)}
      />
      <fieldset>
        <legend>{t("marketSeller.bank.legend")}</legend>
        <Field
          label={t("marketSeller.field.bankName")}
          value={form.bank.name}
          error={errors["bank.name"]}
          required
          onChange={(e) => setBank("name", e.currentTarget.value)}
        />
        <Field
          label={t("marketSeller.field.accountNumber")}
          value={form.bank.accountNumber}
          error={errors["bank.accountNumber"]}
          required
          inputMode="numeric"
          onChange={(e) => setBank("accountNumber", e.currentTarget.value)}
        />
        <Field
          label={t("marketSeller.field.accountName")}
          value={form.bank.accountName}
          error={errors["bank.accountName"]}
          required
          onChange={(e) => setBank("accountName", e.currentTarget.value)}
        />
      </fieldset>
      <TextArea
        label={t("marketSeller.field.pickupAddress")}
        value={form.pickupAddress}
        error={errors.pickupAddress}
        required
        onChange={(v) => set("pickupAddress", v)}
      />
      <SelectField
        label={t("marketSeller.field.region")}
        value={form.regionCode}
        error={errors.regionCode}
        required
        onChange={(e) => set("regionCode", e.currentTarget.value)}
      >
        <option value="">{t("marketSeller.field.choose")}</option>
        {regencies.data?.items.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <div className="market-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t(seller ? "marketSeller.shop.save" : "marketSeller.shop.apply")}
        </button>
      </div>
    </form>
  );
}

function MyShop() {
  const { t } = usePreferences();
  const query = useQuery({
    queryKey: ["market", "seller"],
    queryFn: async () => {
      try {
        return await marketSellerApi.mySeller();
      } catch (e) {
        // No shop yet: the page shows the application form.
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  if (query.isPending) {
    return (
      <p className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  if (query.isError) return <p className="alert alert-error">{t("error.unknown")}</p>;
  const seller = query.data;
  return (
    <>
      {seller ? (
        <section className="card market-shop-status" aria-labelledby="shop-status">
          <h2 id="shop-status">
            {seller.displayName} <SellerStatusBadge status={seller.status} />
          </h2>
          {seller.statusReason ? (
            <p>{t("marketSeller.status.reason", { reason: seller.statusReason })}</p>
          ) : null}
          {seller.status === "pending" ? (
            <p className="muted">{t("marketSeller.status.pendingHint")}</p>
          ) : null}
          <p className="market-actions">
            <Link className="button button-primary" to="/konsol/toko/produk">
              {t("marketSeller.shop.products")}
            </Link>
            {seller.status === "verified" ? (
              <Link className="button button-secondary" to={`/pasar/toko/${seller.slug}`}>
                {t("marketSeller.shop.view")}
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}
      <ShopForm key={seller?.updatedAt ?? "new"} seller={seller} />
    </>
  );
}

/** /konsol/toko: the UMKM's shop application, or its profile with the verification status. */
export function ShopPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("marketSeller.shop.title")} intro={t("marketSeller.shop.lead")}>
      {(session) =>
        isUmkm(session) ? <MyShop /> : <p className="alert alert-info">{t("marketSeller.shop.onlyUmkm")}</p>
      }
    </ConsolePage>
  );
}
