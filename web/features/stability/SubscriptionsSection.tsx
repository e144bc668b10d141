import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Subscription, type SubscriptionBody, stabilityApi } from "./api.ts";
import { LevelBadge } from "./IndicatorPanel.tsx";

const SUB_LEVELS = ["waspada", "siaga", "krisis"] as const;

/** The signed-in official's subscriptions: add one (commodity, region, minimum level) or cancel one. */
export function SubscriptionsSection() {
  const { t, td, lang } = usePreferences();
  const queryClient = useQueryClient();
  const subs = useQuery({ queryKey: ["stability", "subscriptions"], queryFn: stabilityApi.subscriptions });
  const commodities = useQuery({
    queryKey: ["commodities"],
    queryFn: stabilityApi.commodities,
    staleTime: 300_000,
  });
  const [draft, setDraft] = useState<SubscriptionBody>({
    commodityCode: null,
    regionCode: null,
    minLevel: "siaga",
  });
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["stability", "subscriptions"] });
  const add = useMutation({
    mutationFn: stabilityApi.subscribe,
    onSuccess: () => {
      setSaved(t("stability.subs.saved"));
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: stabilityApi.unsubscribe, onSuccess: () => void refresh() });
  const errors = fieldErrorsOf(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    add.mutate(draft);
  };
  const scope = (s: Subscription) =>
    `${s.commodityCode ?? t("stability.subs.allCommodities")} · ${s.regionCode ?? t("stability.subs.everywhere")}`;
  return (
    <section className="card" aria-labelledby="stab-subs-title" data-testid="stability-subscriptions">
      <h2 id="stab-subs-title">{t("stability.subs.title")}</h2>
      <p className="muted">{t("stability.subs.intro")}</p>
      <form className="stab-filters" onSubmit={submit} data-testid="stability-subscribe-form">
        <SelectField
          label={t("stability.filter.commodity")}
          value={draft.commodityCode ?? ""}
          error={errors["body/commodityCode"]}
          onChange={(e) => setDraft({ ...draft, commodityCode: e.currentTarget.value || null })}
          data-testid="stability-subscribe-commodity"
        >
          <option value="">{t("stability.subs.allCommodities")}</option>
          {(commodities.data?.items ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {lang === "en" ? c.nameEn : c.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("stability.filter.region")}
          hint={t("stability.filter.regionHint")}
          value={draft.regionCode ?? ""}
          error={errors["body/regionCode"]}
          onChange={(e) => setDraft({ ...draft, regionCode: e.currentTarget.value.trim() || null })}
          data-testid="stability-subscribe-region"
        />
        <SelectField
          label={t("stability.filter.level")}
          value={draft.minLevel}
          onChange={(e) =>
            setDraft({ ...draft, minLevel: e.currentTarget.value as SubscriptionBody["minLevel"] })
          }
          data-testid="stability-subscribe-level"
        >
          {SUB_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`stability.level.${l}`)}
            </option>
          ))}
        </SelectField>
        <div className="stab-filters-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={add.isPending}
            data-testid="stability-subscribe-submit"
          >
            {t("stability.subs.add")}
          </button>
        </div>
      </form>
      <ErrorAlert
        title={t("stability.subs.error")}
        message={add.isError ? errorMessage(add.error, t, td) : null}
        testId="stability-subscribe-error"
      />
      <StatusMessage message={saved} />
      <QueryState query={subs} isEmpty={(d) => d.items.length === 0} empty={t("stability.subs.empty")}>
        {(data) => (
          <ul className="stab-subs" data-testid="stability-subscription-list">
            {data.items.map((s) => (
              <li key={s.id} data-testid={`stability-subscription-${s.id}`}>
                <LevelBadge level={s.minLevel} /> {scope(s)}{" "}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => remove.mutate(s.id)}
                  aria-label={t("stability.subs.remove", { scope: scope(s) })}
                  data-testid="stability-unsubscribe"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
