import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type BookingInput, type SiteDetail, warehouseApi } from "./api.ts";
import { formatCount, formatTonnes, parseDecimal, todayInJakarta } from "./format.ts";
import { ProblemAlert, siteKey, useRefreshSite } from "./shared.tsx";

interface Form {
  zone: string;
  tenant: string;
  fromDate: string;
  toDate: string;
  tonnes: string;
  pallets: string;
  note: string;
}

/** Capacity bookings: a tenant books for itself, the operator for any tenant; both may cancel. */
export function BookingsSection({ site }: { site: SiteDetail }) {
  const { t, lang } = usePreferences();
  const refresh = useRefreshSite(site.code);
  const staff = site.role !== "tenant";
  const today = todayInJakarta();
  const [form, setForm] = useState<Form>({
    zone: site.zones[0]?.code ?? "",
    tenant: site.tenants[0]?.organisation.id ?? "",
    fromDate: today,
    toDate: today,
    tonnes: "",
    pallets: "0",
    note: "",
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const bookings = useQuery({
    queryKey: [...siteKey(site.code), "bookings"],
    queryFn: () => warehouseApi.bookings(site.code),
  });
  const create = useMutation({
    mutationFn: (body: BookingInput) => warehouseApi.createBooking(site.code, body),
    onSuccess: async () => {
      setForm((f) => ({ ...f, tonnes: "", note: "" }));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => warehouseApi.cancelBooking(site.code, id),
    onSuccess: () => refresh(),
  });
  const set = (key: keyof Form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<keyof Form, string>> = {};
    const tonnes = parseDecimal(form.tonnes);
    const pallets = Number(form.pallets);
    if (!form.zone) found.zone = t("validation.required");
    if (staff && !form.tenant) found.tenant = t("validation.required");
    if (!form.fromDate) found.fromDate = t("validation.required");
    if (!form.toDate) found.toDate = t("validation.required");
    else if (form.fromDate && form.toDate < form.fromDate)
      found.toDate = t("warehouse.validation.toBeforeFrom");
    if (!(tonnes > 0)) found.tonnes = t("warehouse.validation.positive");
    if (!Number.isInteger(pallets) || pallets < 0) found.pallets = t("warehouse.validation.wholeNumber");
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({
      zone: form.zone,
      ...(staff ? { tenant: form.tenant } : {}),
      fromDate: form.fromDate,
      toDate: form.toDate,
      kg: Math.round(tonnes * 1000),
      pallets,
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    });
  };

  return (
    <section className="section card" aria-labelledby="wh-bookings-title" id="pemesanan">
      <h2 id="wh-bookings-title" className="section-title">
        {t("warehouse.bookings.title")}
      </h2>
      <form className="wh-filters" onSubmit={submit} noValidate aria-label={t("warehouse.bookings.new")}>
        <SelectField
          label={t("warehouse.zones.zone")}
          value={form.zone}
          onChange={set("zone")}
          error={errors.zone}
          data-testid="booking-zone"
        >
          {site.zones.map((z) => (
            <option key={z.code} value={z.code}>
              {z.name} ({z.code})
            </option>
          ))}
        </SelectField>
        {staff ? (
          <SelectField
            label={t("warehouse.stock.tenant")}
            value={form.tenant}
            onChange={set("tenant")}
            error={errors.tenant}
            data-testid="booking-tenant"
          >
            {site.tenants.map((x) => (
              <option key={x.organisation.id} value={x.organisation.id}>
                {x.organisation.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Field
          label={t("warehouse.bookings.from")}
          type="date"
          min={today}
          value={form.fromDate}
          onChange={set("fromDate")}
          error={errors.fromDate}
          data-testid="booking-from"
        />
        <Field
          label={t("warehouse.bookings.to")}
          type="date"
          min={form.fromDate || today}
          value={form.toDate}
          onChange={set("toDate")}
          error={errors.toDate}
          data-testid="booking-to"
        />
        <Field
          label={t("warehouse.bookings.tonnes")}
          inputMode="decimal"
          value={form.tonnes}
          onChange={set("tonnes")}
          error={errors.tonnes}
          data-testid="booking-tonnes"
        />
        <Field
          label={t("warehouse.zones.pallets")}
          inputMode="numeric"
          value={form.pallets}
          onChange={set("pallets")}
          error={errors.pallets}
          data-testid="booking-pallets"
        />
        <Field
          label={t("warehouse.bookings.note")}
          value={form.note}
          onChange={set("note")}
          maxLength={200}
          data-testid="booking-note"
        />
        <div className="wh-filter-action">
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending}
            data-testid="booking-submit"
          >
            {t("warehouse.bookings.submit")}
          </button>
        </div>
      </form>
      <ProblemAlert error={create.error ?? cancel.error} testId="booking-error" />
      <QueryState
        query={bookings}
        isEmpty={(d) => d.items.length === 0}
        empty={t("warehouse.bookings.empty")}
      >
        {(data) => (
          <div className="table-wrap">
            <table data-testid="warehouse-bookings">
              <caption className="visually-hidden">{t("warehouse.bookings.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("warehouse.zones.zone")}</th>
                  {staff ? <th scope="col">{t("warehouse.stock.tenant")}</th> : null}
                  <th scope="col">{t("warehouse.bookings.dates")}</th>
                  <th scope="col" className="num">
                    {t("warehouse.bookings.space")}
                  </th>
                  <th scope="col">{t("warehouse.bookings.status")}</th>
                  <th scope="col">{t("warehouse.stock.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((b) => (
                  <tr key={b.id} data-testid="booking-row" data-status={b.status}>
                    <th scope="row">{b.zone.code}</th>
                    {staff ? <td>{b.tenant.name}</td> : null}
                    <td>
                      {formatDateWIB(b.fromDate, lang)} – {formatDateWIB(b.toDate, lang)}
                      {b.note ? <span className="cell-sub">{b.note}</span> : null}
                    </td>
                    <td className="num wh-num">
                      {formatTonnes(b.kg, lang)}
                      <span className="cell-sub">
                        {t("warehouse.bookings.pallets", { n: formatCount(b.pallets, lang) })}
                      </span>
                    </td>
                    <td>
                      <span className={b.status === "confirmed" ? "badge badge-success" : "badge badge-soon"}>
                        {t(
                          b.status === "confirmed"
                            ? "warehouse.bookings.confirmed"
                            : "warehouse.bookings.cancelled",
                        )}
                      </span>
                    </td>
                    <td>
                      {b.status === "confirmed" ? (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={cancel.isPending}
                          onClick={() => cancel.mutate(b.id)}
                          data-testid="booking-cancel"
                          aria-label={`${t("warehouse.bookings.cancel")}: ${b.zone.code}, ${b.fromDate}`}
                        >
                          {t("warehouse.bookings.cancel")}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
