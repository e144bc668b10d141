import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { FREIGHT_PER, type FreightPer, type FreightRoute, type FreightUpdate, spreadApi } from "./api.ts";

/** Inputs hold text while typing; the server validates the numbers. */
interface ComponentDraft {
  label: string;
  rp: string;
  per: FreightPer;
  km: string;
  source: string;
}

interface Draft {
  route: string;
  name: string;
  payloadKg: string;
  components: ComponentDraft[];
}

function draftOf(route: FreightRoute): Draft {
  return {
    route: route.route,
    name: route.name,
    payloadKg: String(route.payloadKg),
    components: route.components.map((c) => ({
      label: c.label,
      rp: String(c.rp),
      per: c.per,
      km: c.km === undefined ? "" : String(c.km),
      source: c.source,
    })),
  };
}

function bodyOf(d: Draft): FreightUpdate {
  return {
    name: d.name,
    payloadKg: Number(d.payloadKg),
    components: d.components.map((c) => ({
      label: c.label,
      rp: Number(c.rp),
      per: c.per,
      ...(c.per === "tonne_km" ? { km: Number(c.km) } : {}),
      source: c.source,
    })),
  };
}

const EMPTY_COMPONENT: ComponentDraft = { label: "", rp: "0", per: "truck", km: "", source: "" };

/** The dinas' (and admin's) editor for one route's payload and cost components. */
export function FreightEditor({ routes }: { routes: FreightRoute[] }) {
  const { t, td } = usePreferences();
  const queryClient = useQueryClient();
  const first = routes[0];
  const [draft, setDraft] = useState<Draft | null>(first ? draftOf(first) : null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (d: Draft) => spreadApi.updateFreight(d.route, bodyOf(d)),
    onSuccess: () => {
      setSaved(t("spread.editor.saved"));
      void queryClient.invalidateQueries({ queryKey: ["spread"] });
    },
  });
  if (!draft) return null;
  const errors = fieldErrorsOf(save.error);
  const setComponent = (i: number, patch: Partial<ComponentDraft>) =>
    setDraft({ ...draft, components: draft.components.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    save.mutate(draft);
  };
  return (
    <form className="spread-editor" onSubmit={submit} data-testid="spread-freight-editor">
      <h3>{t("spread.editor.title")}</h3>
      <p className="muted">{t("spread.editor.intro")}</p>
      <div className="spread-editor-head">
        <SelectField
          label={t("spread.editor.route")}
          value={draft.route}
          onChange={(e) => {
            const r = routes.find((x) => x.route === e.currentTarget.value);
            if (r) {
              setDraft(draftOf(r));
              save.reset();
              setSaved(null);
            }
          }}
          data-testid="spread-editor-route"
        >
          {routes.map((r) => (
            <option key={r.route} value={r.route}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("spread.editor.name")}
          value={draft.name}
          error={errors.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        <Field
          label={t("spread.editor.payload")}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={draft.payloadKg}
          error={errors.payloadKg}
          onChange={(e) => setDraft({ ...draft, payloadKg: e.currentTarget.value })}
          data-testid="spread-editor-payload"
        />
      </div>
      {errors.components ? <p className="field-error">{errors.components}</p> : null}
      {draft.components.map((c, i) => {
        const n = String(i + 1);
        const err = (f: string) => errors[`components.${i}.${f}`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: components are edited in place by position
          <fieldset key={i} className="spread-editor-component" data-testid={`spread-editor-component-${i}`}>
            <legend>{t("spread.editor.component", { n })}</legend>
            <Field
              label={t("spread.component.label")}
              value={c.label}
              error={err("label")}
              onChange={(e) => setComponent(i, { label: e.currentTarget.value })}
            />
            <Field
              label={t("spread.component.rp")}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={c.rp}
              error={err("rp")}
              onChange={(e) => setComponent(i, { rp: e.currentTarget.value })}
            />
            <SelectField
              label={t("spread.component.per")}
              value={c.per}
              error={err("per")}
              onChange={(e) => setComponent(i, { per: e.currentTarget.value as FreightPer })}
            >
              {FREIGHT_PER.map((p) => (
                <option key={p} value={p}>
                  {t(`spread.per.${p}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t("spread.component.km")}
              hint={t("spread.editor.kmHint")}
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              disabled={c.per !== "tonne_km"}
              value={c.km}
              error={err("km")}
              onChange={(e) => setComponent(i, { km: e.currentTarget.value })}
            />
            <Field
              label={t("spread.component.source")}
              value={c.source}
              error={err("source")}
              onChange={(e) => setComponent(i, { source: e.currentTarget.value })}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setDraft({ ...draft, components: draft.components.filter((_, j) => j !== i) })}
              aria-label={t("spread.editor.remove", { n })}
            >
              ×
            </button>
          </fieldset>
        );
      })}
      <div className="spread-editor-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setDraft({ ...draft, components: [...draft.components, { ...EMPTY_COMPONENT }] })}
        >
          {t("spread.editor.add")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={save.isPending}
          data-testid="spread-editor-save"
        >
          {t("spread.editor.save")}
        </button>
      </div>
      <ErrorAlert
        title={t("spread.editor.error")}
        message={save.isError ? errorMessage(save.error, t, td) : null}
        testId="spread-editor-error"
      />
      <StatusMessage message={saved} />
    </form>
  );
}
