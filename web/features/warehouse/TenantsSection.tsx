import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SelectField } from "../../components/Field.tsx";
import { formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type SiteDetail, warehouseApi } from "./api.ts";
import { ProblemAlert, siteKey, useRefreshSite } from "./shared.tsx";

/** Tenants of the site (operator, admin): register an organisation, end a tenancy. */
export function TenantsSection({ site }: { site: SiteDetail }) {
  const { t, td, lang } = usePreferences();
  const refresh = useRefreshSite(site.code);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | undefined>();
  const candidates = useQuery({
    queryKey: [...siteKey(site.code), "candidates"],
    queryFn: () => warehouseApi.tenantCandidates(site.code),
  });
  const register = useMutation({
    mutationFn: (organisationId: string) => warehouseApi.registerTenant(site.code, organisationId),
    onSuccess: async () => {
      setChosen("");
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (organisationId: string) => warehouseApi.removeTenant(site.code, organisationId),
    onSuccess: () => refresh(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) {
      setError(t("validation.required"));
      return;
    }
    setError(undefined);
    register.mutate(chosen);
  };
  return (
    <section className="section card" aria-labelledby="wh-tenants-title" id="penyewa">
      <h2 id="wh-tenants-title" className="section-title">
        {t("warehouse.tenants.title")}
      </h2>
      <div className="table-wrap">
        <table data-testid="warehouse-tenants">
          <caption className="visually-hidden">{t("warehouse.tenants.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("warehouse.stock.tenant")}</th>
              <th scope="col">{t("warehouse.tenants.kind")}</th>
              <th scope="col">{t("warehouse.tenants.since")}</th>
              <th scope="col">{t("warehouse.stock.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {site.tenants.map((x) => (
              <tr key={x.id} data-testid="tenant-row">
                <th scope="row">{x.organisation.name}</th>
                <td>{td(`kind.${x.organisation.kind}`, x.organisation.kind)}</td>
                <td>{formatDateWIB(x.since, lang)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(x.organisation.id)}
                    data-testid="tenant-remove"
                    aria-label={`${t("warehouse.tenants.remove")}: ${x.organisation.name}`}
                  >
                    {t("warehouse.tenants.remove")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="wh-filters" onSubmit={submit} noValidate>
        <SelectField
          label={t("warehouse.tenants.register")}
          value={chosen}
          onChange={(e) => setChosen(e.currentTarget.value)}
          error={error}
          data-testid="tenant-candidate"
        >
          <option value="">{t("warehouse.choose")}</option>
          {(candidates.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({td(`kind.${c.kind}`, c.kind)})
            </option>
          ))}
        </SelectField>
        <div className="wh-filter-action">
          <button
            type="submit"
            className="button button-secondary"
            disabled={register.isPending}
            data-testid="tenant-register"
          >
            {t("warehouse.tenants.add")}
          </button>
        </div>
      </form>
      <ProblemAlert error={register.error ?? remove.error} testId="tenant-error" />
    </section>
  );
}
