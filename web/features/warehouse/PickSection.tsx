import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { StatusMessage } from "../../components/Alert.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type PickSuggestion, type SiteDetail, warehouseApi } from "./api.ts";
import { formatKg, parseDecimal } from "./format.ts";
import { ProblemAlert, siteKey, useRefreshSite } from "./shared.tsx";

/**
 * Picking for an order (operator): the warehouse suggests lines FEFO (earliest expiry first, then
 * oldest receipt, never held stock); confirming moves them from their zones to staging.
 */
export function PickSection({ site, ownOrganisation }: { site: SiteDetail; ownOrganisation: string | null }) {
  const { t, lang } = usePreferences();
  const refresh = useRefreshSite(site.code);
  const defaultTenant =
    site.tenants.find((x) => x.organisation.id === ownOrganisation)?.organisation.id ??
    site.tenants[0]?.organisation.id ??
    "";
  const [tenant, setTenant] = useState(defaultTenant);
  const [commodity, setCommodity] = useState("");
  const [kg, setKg] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [suggestion, setSuggestion] = useState<PickSuggestion | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // The commodities this tenant has available in the zones, to pick from.
  const stock = useQuery({
    queryKey: [...siteKey(site.code), "stock", { tenant, state: "available" }],
    queryFn: () => warehouseApi.stock(site.code, { tenant, state: "available" }),
    enabled: tenant !== "",
  });
  const commodities = [
    ...new Map(
      (stock.data?.items ?? [])
        .filter((b) => b.commodity && b.location !== "dock" && b.location !== "staging")
        .map((b) => [b.commodity?.code as string, b.commodity?.name as string]),
    ),
  ];

  const suggest = useMutation({
    mutationFn: (q: { commodity: string; kg: number; tenant: string }) =>
      warehouseApi.pickSuggestions(site.code, q),
    onSuccess: (s) => setSuggestion(s),
  });
  const pick = useMutation({
    mutationFn: (s: PickSuggestion) =>
      warehouseApi.operate(site.code, "pick", {
        tenant,
        lines: s.lines.map((l) => ({ epc: l.epc, zone: l.zone, kg: l.takeKg })),
      }),
    onSuccess: async (result) => {
      setSuggestion(null);
      setDone(t("warehouse.pick.done", { events: result.eventIds.length }));
      await refresh();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    const amount = parseDecimal(kg);
    if (!tenant) found.tenant = t("validation.required");
    if (!commodity) found.commodity = t("validation.required");
    if (!(amount > 0)) found.kg = t("warehouse.validation.positive");
    setErrors(found);
    if (Object.keys(found).length) return;
    suggest.mutate({ commodity, kg: amount, tenant });
  };

  return (
    <section className="section card" aria-labelledby="wh-pick-title" id="ambil">
      <h2 id="wh-pick-title" className="section-title">
        {t("warehouse.pick.title")}
      </h2>
      <p className="muted small">{t("warehouse.pick.intro")}</p>
      <StatusMessage message={done} />
      <form className="wh-filters" onSubmit={submit} noValidate>
        <SelectField
          label={t("warehouse.stock.tenant")}
          value={tenant}
          onChange={(e) => {
            setTenant(e.currentTarget.value);
            setCommodity("");
            setSuggestion(null);
          }}
          error={errors.tenant}
          data-testid="pick-tenant"
        >
          {site.tenants.map((x) => (
            <option key={x.organisation.id} value={x.organisation.id}>
              {x.organisation.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("warehouse.stock.commodity")}
          value={commodity}
          onChange={(e) => {
            setCommodity(e.currentTarget.value);
            setSuggestion(null);
          }}
          error={errors.commodity}
          data-testid="pick-commodity"
        >
          <option value="">{commodities.length ? t("warehouse.choose") : t("warehouse.pick.nothing")}</option>
          {commodities.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("warehouse.op.kg")}
          inputMode="decimal"
          value={kg}
          onChange={(e) => {
            setKg(e.currentTarget.value);
            setSuggestion(null);
          }}
          error={errors.kg}
          data-testid="pick-kg"
        />
        <div className="wh-filter-action">
          <button
            type="submit"
            className="button button-secondary"
            disabled={suggest.isPending}
            data-testid="pick-suggest"
          >
            {t("warehouse.pick.suggest")}
          </button>
        </div>
      </form>
      <ProblemAlert error={suggest.error ?? pick.error} testId="pick-error" />
      {suggestion ? (
        <div className="wh-stack" data-testid="pick-lines">
          {suggestion.lines.length === 0 ? (
            <p className="empty">{t("warehouse.pick.none")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("warehouse.pick.lines")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("warehouse.stock.lot")}</th>
                    <th scope="col">{t("warehouse.zones.zone")}</th>
                    <th scope="col">{t("warehouse.stock.expiry")}</th>
                    <th scope="col" className="num">
                      {t("warehouse.pick.take")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {suggestion.lines.map((l) => (
                    <tr
                      key={`${l.epc}-${l.zone}`}
                      data-testid="pick-line"
                      data-lot={l.lot}
                      data-zone={l.zone}
                    >
                      <th scope="row">{l.lot}</th>
                      <td>{l.zone}</td>
                      <td>{l.expiryDate ? formatDateWIB(l.expiryDate, lang) : "—"}</td>
                      <td className="num wh-num">{formatKg(l.takeKg, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {suggestion.shortKg > 0 ? (
            <p className="alert alert-info" data-testid="pick-short">
              {t("warehouse.pick.short", { kg: formatKg(suggestion.shortKg, lang) })}
            </p>
          ) : null}
          {suggestion.lines.length ? (
            <button
              type="button"
              className="button button-primary"
              disabled={pick.isPending}
              onClick={() => pick.mutate(suggestion)}
              data-testid="pick-confirm"
            >
              {t("warehouse.pick.confirm")}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
