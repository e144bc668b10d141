import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { ApiError, api, type Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Declaration, type Lot, lotsApi, newIdempotencyKey, type Region } from "./api.ts";
import {
  checkDeclaration,
  type DeclarationForm,
  EMPTY_FORM,
  FIELD_ORDER,
  type FormErrors,
  todayInJakarta,
} from "./model.ts";
import "./lots.css";

const LAMPUNG = "18";
const PRODUCER_KINDS = new Set(["koperasi", "farmer"]);

function useRegions(parent: string) {
  return useQuery({
    queryKey: ["regions", parent],
    queryFn: () => lotsApi.regions(parent),
    enabled: parent !== "",
    staleTime: 60 * 60_000,
  });
}

/** Server field names (problem+json `errors[].field`, `body/` dropped) → the form's fields. */
function serverFieldErrors(error: unknown): Partial<Record<keyof DeclarationForm, string>> {
  const raw = fieldErrorsOf(error);
  const out: Partial<Record<keyof DeclarationForm, string>> = {};
  for (const [field, message] of Object.entries(raw)) {
    if ((FIELD_ORDER as string[]).includes(field)) out[field as keyof DeclarationForm] = message;
  }
  return out;
}

function RegionSelect({
  label,
  parent,
  value,
  onChange,
  error,
  name,
  testId,
  placeholder,
}: {
  label: string;
  parent: string;
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
  name: keyof DeclarationForm;
  testId: string;
  placeholder: string;
}) {
  const { t } = usePreferences();
  const regions = useRegions(parent);
  const items: Region[] = regions.data?.items ?? [];
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      disabled={parent === "" || regions.isPending}
      error={error ?? (regions.isError ? t("lots.form.regionsFailed") : undefined)}
      data-testid={testId}
      name={name}
    >
      <option value="">{parent === "" ? t("lots.form.chooseAbove") : placeholder}</option>
      {items.map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
        </option>
      ))}
    </SelectField>
  );
}

function DeclareForm({ session }: { session: Session }) {
  const { t, td, lang } = usePreferences();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const admin = session.persona === "admin" || session.user.isAdmin;
  const [form, setForm] = useState<DeclarationForm>(EMPTY_FORM);
  const [localErrors, setLocalErrors] = useState<FormErrors>({});
  // The server's field errors, each cleared once its field is changed.
  const [server, setServer] = useState<Partial<Record<keyof DeclarationForm, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // One key per declaration: a double click or a retry after a lost answer gets the same lot back.
  const keyRef = useRef(newIdempotencyKey());
  // Set at once on submit: a second click in the same frame must not send a second request.
  const sending = useRef(false);
  const today = todayInJakarta();

  const commodities = useQuery({
    queryKey: ["commodities"],
    queryFn: api.commodities,
    staleTime: 10 * 60_000,
  });
  const organisations = useQuery({
    queryKey: ["organisations"],
    queryFn: api.organisations,
    enabled: admin,
    staleTime: 5 * 60_000,
  });

  const declare = useMutation({
    mutationFn: (body: Declaration) => lotsApi.declare(body, keyRef.current),
    onSettled: () => {
      sending.current = false;
    },
    onSuccess: (lot: Lot) => {
      void queryClient.invalidateQueries({ queryKey: ["lots"] });
      queryClient.setQueryData(["lot", lot.id], lot);
      navigate(`/konsol/lot/${encodeURIComponent(lot.id)}`, { state: { declared: true } });
    },
    onError: (error) => {
      // The key went with other data the first time: the next attempt is a new declaration.
      if (error instanceof ApiError && error.code === "lots.idempotency_key_reused") {
        keyRef.current = newIdempotencyKey();
      }
      const fields = serverFieldErrors(error);
      setServer(fields);
      focusFirst(fields);
    },
  });

  const errorOf = (field: keyof DeclarationForm): string | undefined => {
    const local = localErrors[field];
    return local ? t(local) : server[field];
  };

  function focusFirst(errors: Partial<Record<keyof DeclarationForm, unknown>>) {
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (!first) return;
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
  }

  const set = <K extends keyof DeclarationForm>(field: K, value: DeclarationForm[K]) => {
    setForm((f) => {
      const next = { ...f, [field]: value };
      // A new regency or district empties what was chosen below it.
      if (field === "regency") Object.assign(next, { district: "", villageCode: "" });
      if (field === "district") next.villageCode = "";
      return next;
    });
    setLocalErrors((e) => ({ ...e, [field]: undefined }));
    setServer((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current) return;
    const { errors, body } = checkDeclaration(form, { needsOrganisation: admin, today });
    setLocalErrors(errors);
    setServer({});
    if (!body) {
      focusFirst(errors);
      return;
    }
    sending.current = true;
    declare.mutate(body);
  };

  const serverFields = Object.values(server).some(Boolean);
  const anyFieldError = Object.values(localErrors).some(Boolean) || serverFields;
  const summary = anyFieldError
    ? t("validation.summary")
    : declare.isError && Object.keys(serverFieldErrors(declare.error)).length === 0
      ? errorMessage(declare.error, t, td)
      : null;

  const producers = (organisations.data?.items ?? []).filter((o) => PRODUCER_KINDS.has(o.kind));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="card lot-form" data-testid="lot-form">
      <ErrorAlert title={t("lots.form.failed")} message={summary} testId="lot-form-error" />
      {admin ? (
        <SelectField
          label={t("lots.organisation")}
          hint={t("lots.form.organisationHint")}
          value={form.organisationId}
          onChange={(e) => set("organisationId", e.currentTarget.value)}
          error={errorOf("organisationId")}
          name="organisationId"
          data-testid="lot-organisation"
        >
          <option value="">{t("lots.form.choose")}</option>
          {producers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="lot-form-owner">
          <span className="muted">{t("lots.form.declaredFor")}</span>{" "}
          <strong>{session.organisation?.name ?? "—"}</strong>
        </p>
      )}

      <fieldset className="lot-fieldset">
        <legend>{t("lots.form.what")}</legend>
        <SelectField
          label={t("lots.commodity")}
          value={form.commodityCode}
          onChange={(e) => set("commodityCode", e.currentTarget.value)}
          error={errorOf("commodityCode")}
          name="commodityCode"
          required
          data-testid="lot-commodity"
        >
          <option value="">{t("lots.form.choose")}</option>
          {commodities.data?.items.map((c) => (
            <option key={c.code} value={c.code}>
              {lang === "en" ? c.nameEn : c.name}
            </option>
          ))}
        </SelectField>
        <div className="lot-quantity">
          <Field
            label={t("lots.quantity")}
            hint={t("lots.form.quantityHint")}
            value={form.quantity}
            onChange={(e) => set("quantity", e.currentTarget.value)}
            error={errorOf("quantity")}
            name="quantity"
            inputMode="decimal"
            autoComplete="off"
            required
            data-testid="lot-quantity"
          />
          <SelectField
            label={t("lots.form.unit")}
            value={form.unit}
            onChange={(e) => set("unit", e.currentTarget.value === "ton" ? "ton" : "kg")}
            error={errorOf("unit")}
            name="unit"
            data-testid="lot-unit"
          >
            <option value="kg">kg</option>
            <option value="ton">ton</option>
          </SelectField>
        </div>
        <Field
          label={t("lots.grade")}
          hint={t("lots.form.gradeHint")}
          value={form.grade}
          onChange={(e) => set("grade", e.currentTarget.value)}
          error={errorOf("grade")}
          name="grade"
          maxLength={40}
          autoComplete="off"
          required
          data-testid="lot-grade"
        />
      </fieldset>

      <fieldset className="lot-fieldset">
        <legend>{t("lots.form.whereWhen")}</legend>
        <Field
          label={t("lots.harvestDate")}
          hint={t("lots.form.harvestHint")}
          type="date"
          max={today}
          value={form.harvestDate}
          onChange={(e) => set("harvestDate", e.currentTarget.value)}
          error={errorOf("harvestDate")}
          name="harvestDate"
          required
          data-testid="lot-harvest-date"
        />
        <RegionSelect
          label={t("lots.form.regency")}
          parent={LAMPUNG}
          value={form.regency}
          onChange={(code) => set("regency", code)}
          error={errorOf("regency")}
          name="regency"
          testId="lot-regency"
          placeholder={t("lots.form.choose")}
        />
        <RegionSelect
          label={t("lots.form.district")}
          parent={form.regency}
          value={form.district}
          onChange={(code) => set("district", code)}
          error={errorOf("district")}
          name="district"
          testId="lot-district"
          placeholder={t("lots.form.choose")}
        />
        <RegionSelect
          label={t("lots.village")}
          parent={form.district}
          value={form.villageCode}
          onChange={(code) => set("villageCode", code)}
          error={errorOf("villageCode")}
          name="villageCode"
          testId="lot-village"
          placeholder={t("lots.form.choose")}
        />
      </fieldset>

      <fieldset className="lot-fieldset">
        <legend>{t("lots.form.price")}</legend>
        <Field
          label={t("lots.form.farmGatePrice")}
          hint={t("lots.form.farmGatePriceHint")}
          value={form.farmGatePrice}
          onChange={(e) => set("farmGatePrice", e.currentTarget.value)}
          error={errorOf("farmGatePrice")}
          name="farmGatePrice"
          inputMode="numeric"
          autoComplete="off"
          data-testid="lot-price"
        />
      </fieldset>

      <div className="lot-form-actions">
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={declare.isPending || undefined}
          data-testid="lot-submit"
        >
          {declare.isPending ? t("lots.form.submitting") : t("lots.form.submit")}
        </button>
        <Link to="/konsol/lot" className="button button-secondary">
          {t("lots.form.cancel")}
        </Link>
      </div>
    </form>
  );
}

/** `/konsol/lot/baru`: declare a harvest lot. */
export function DeclareLotPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("lots.form.title")} intro={t("lots.form.intro")}>
      {(session) => <DeclareForm session={session} />}
    </ConsolePage>
  );
}
