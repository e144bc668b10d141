import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field, SelectField } from "../../components/Field.tsx";
import { fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type SiteDetail, warehouseApi, type ZoneInput } from "./api.ts";
import { Dialog } from "./Dialog.tsx";
import { formatCount, formatTonnes, parseDecimal, percent } from "./format.ts";
import { ProblemAlert, useRefreshSite } from "./shared.tsx";

function AddZoneDialog({ site, onClose }: { site: string; onClose: () => void }) {
  const { t } = usePreferences();
  const refresh = useRefreshSite(site);
  const [form, setForm] = useState({ code: "", name: "", kind: "dry", tonnes: "", pallets: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: ZoneInput) => warehouseApi.createZone(site, body),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const server = fieldErrorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tonnes = parseDecimal(form.tonnes);
    const pallets = Number(form.pallets);
    const found: Record<string, string> = {};
    if (!form.code.trim()) found.code = t("validation.required");
    if (!form.name.trim()) found.name = t("validation.required");
    if (!(tonnes > 0)) found.tonnes = t("warehouse.validation.positive");
    if (!Number.isInteger(pallets) || pallets < 0 || form.pallets.trim() === "") {
      found.pallets = t("warehouse.validation.wholeNumber");
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({
      code: form.code.trim(),
      name: form.name.trim(),
      kind: form.kind as "dry" | "cold",
      capacityKg: Math.round(tonnes * 1000),
      palletPlaces: pallets,
    });
  };
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });
  return (
    <Dialog title={t("warehouse.zones.add")} onClose={onClose} testId="zone-dialog">
      <form className="wh-form" onSubmit={submit} noValidate>
        <ProblemAlert error={create.error} />
        <Field
          label={t("warehouse.zones.code")}
          hint={t("warehouse.zones.codeHint")}
          value={form.code}
          onChange={set("code")}
          error={errors.code ?? server.code}
          data-testid="zone-code"
          autoComplete="off"
        />
        <Field
          label={t("warehouse.zones.name")}
          value={form.name}
          onChange={set("name")}
          error={errors.name ?? server.name}
          data-testid="zone-name"
        />
        <SelectField
          label={t("warehouse.zones.kind")}
          value={form.kind}
          onChange={set("kind")}
          data-testid="zone-kind"
        >
          <option value="dry">{t("warehouse.zone.dry")}</option>
          <option value="cold">{t("warehouse.zone.cold")}</option>
        </SelectField>
        <Field
          label={t("warehouse.zones.capacityTonnes")}
          inputMode="decimal"
          value={form.tonnes}
          onChange={set("tonnes")}
          error={errors.tonnes ?? server.capacityKg}
          data-testid="zone-tonnes"
        />
        <Field
          label={t("warehouse.zones.pallets")}
          inputMode="numeric"
          value={form.pallets}
          onChange={set("pallets")}
          error={errors.pallets ?? server.palletPlaces}
          data-testid="zone-pallets"
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending}
          data-testid="zone-submit"
        >
          {t("warehouse.save")}
        </button>
      </form>
    </Dialog>
  );
}

function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  const p = percent(value, max);
  return (
    <div className="wh-meter">
      <meter
        min={0}
        max={max || 1}
        value={Math.min(value, max)}
        aria-label={label}
        high={max * 0.9}
        optimum={0}
      />
      <span className="small">{p}%</span>
    </div>
  );
}

/** Zones with capacity and today's use: what is booked and (for staff) what is stored. */
export function ZonesSection({ site }: { site: SiteDetail }) {
  const { t, lang } = usePreferences();
  const [adding, setAdding] = useState(false);
  const staff = site.role !== "tenant";
  return (
    <section className="section card" aria-labelledby="wh-zones-title" id="zona">
      <div className="wh-section-head">
        <h2 id="wh-zones-title" className="section-title">
          {t("warehouse.zones.title")}
        </h2>
        {staff ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setAdding(true)}
            data-testid="warehouse-add-zone"
          >
            {t("warehouse.zones.add")}
          </button>
        ) : null}
      </div>
      {site.zones.length === 0 ? (
        <p className="empty">{t("warehouse.zones.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="warehouse-zones">
            <caption className="visually-hidden">{t("warehouse.zones.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("warehouse.zones.zone")}</th>
                <th scope="col">{t("warehouse.zones.kind")}</th>
                <th scope="col" className="num">
                  {t("warehouse.zones.capacity")}
                </th>
                <th scope="col" className="num">
                  {t("warehouse.zones.pallets")}
                </th>
                <th scope="col">{t("warehouse.zones.bookedToday")}</th>
                {staff ? <th scope="col">{t("warehouse.zones.stored")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {site.zones.map((z) => (
                <tr key={z.id} data-testid="zone-row" data-zone={z.code}>
                  <th scope="row">
                    {z.name}
                    <code className="cell-sub">{z.code}</code>
                  </th>
                  <td>
                    <span className={z.kind === "cold" ? "badge badge-hub" : "badge badge-warehouse"}>
                      {t(z.kind === "cold" ? "warehouse.zone.cold" : "warehouse.zone.dry")}
                    </span>
                  </td>
                  <td className="num wh-num">{formatTonnes(z.capacityKg, lang)}</td>
                  <td className="num wh-num">{formatCount(z.palletPlaces, lang)}</td>
                  <td>
                    <Meter
                      value={z.today.bookedKg}
                      max={z.capacityKg}
                      label={t("warehouse.zones.bookedToday")}
                    />
                    <span className="cell-sub">
                      {t("warehouse.zones.freeOf", {
                        free: formatTonnes(z.today.freeKg, lang),
                        pallets: formatCount(z.today.freePallets, lang),
                      })}
                    </span>
                  </td>
                  {staff ? (
                    <td>
                      <Meter
                        value={z.today.stockKg ?? 0}
                        max={z.capacityKg}
                        label={t("warehouse.zones.stored")}
                      />
                      <span className="cell-sub">{formatTonnes(z.today.stockKg ?? 0, lang)}</span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding ? <AddZoneDialog site={site.code} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}
