import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { Field } from "../../components/Field.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type SupplyPlan, supplyApi } from "./api.ts";

const ones = () => Array.from({ length: 12 }, () => 1);
const zeros = () => Array.from({ length: 12 }, () => 0);

/**
 * Demand and target cover of a plan (dinas, admin). The monthly profiles and the elasticity are kept
 * as they are (defaults 1 and 0 for a new plan); the full plan is set through the API.
 */
export function PlanForm({
  commodityCode,
  regionCode,
  plan,
}: {
  commodityCode: string;
  regionCode: string;
  plan: SupplyPlan | null;
}) {
  const { t, td } = usePreferences();
  const queryClient = useQueryClient();
  const [demandT, setDemandT] = useState(plan ? String(plan.dailyDemandKg / 1000) : "");
  const [target, setTarget] = useState(plan ? String(plan.targetCoverDays) : "");
  const [source, setSource] = useState(plan?.source ?? "");
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      supplyApi.setPlan(commodityCode, regionCode, {
        dailyDemandKg: Math.round(Number(demandT.replace(",", ".")) * 1000),
        targetCoverDays: Number(target),
        inflowIndex: plan?.inflowIndex ?? ones(),
        lampungSupplyKg: plan?.lampungSupplyKg ?? zeros(),
        demandElasticity: plan?.demandElasticity ?? -0.2,
        source,
      }),
    onSuccess: () => {
      setSaved(t("supply.plan.saved"));
      void queryClient.invalidateQueries({ queryKey: ["supply"] });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    save.mutate();
  };
  return (
    <form className="supply-plan" onSubmit={submit} data-testid="supply-plan-form">
      <h3>{t("supply.plan.title")}</h3>
      <p className="muted">{plan ? t("supply.plan.intro") : t("supply.plan.noPlanForm")}</p>
      <div className="supply-plan-fields">
        <Field
          label={t("supply.plan.demand")}
          inputMode="decimal"
          required
          value={demandT}
          error={errors["body/dailyDemandKg"]}
          onChange={(e) => setDemandT(e.currentTarget.value)}
          data-testid="supply-plan-demand"
        />
        <Field
          label={t("supply.plan.target")}
          type="number"
          min={1}
          max={365}
          required
          value={target}
          error={errors["body/targetCoverDays"]}
          onChange={(e) => setTarget(e.currentTarget.value)}
          data-testid="supply-plan-target"
        />
        <Field
          label={t("supply.plan.source")}
          required
          value={source}
          error={errors["body/source"]}
          onChange={(e) => setSource(e.currentTarget.value)}
          data-testid="supply-plan-source"
        />
      </div>
      {save.isError && !Object.keys(errors).length ? (
        <ErrorAlert title={t("error.title")} message={errorMessage(save.error, t, td)} />
      ) : null}
      <StatusMessage message={saved} />
      <button
        type="submit"
        className="button button-primary"
        disabled={save.isPending}
        data-testid="supply-plan-save"
      >
        {t("supply.plan.save")}
      </button>
    </form>
  );
}
