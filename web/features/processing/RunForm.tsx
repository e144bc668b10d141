import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useMemo, useState } from "react";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Field } from "../../components/Field.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { labelUrl, processingApi, type Run, type RunBody } from "./api.ts";
import { formatKg, formatPercent } from "./format.ts";
import { useProcesses } from "./queries.ts";
import { liveYield } from "./yield.ts";

const TYPE_LGTIN = "__lgtin";

interface InputRow {
  key: number;
  /** A lot id from the list, TYPE_LGTIN, or "" (nothing chosen yet). */
  choice: string;
  lgtin: string;
  kg: string;
}

interface OutputRow {
  key: number;
  kg: string;
  grade: string;
}

let nextKey = 1;
const newInput = (): InputRow => ({ key: nextKey++, choice: "", lgtin: "", kg: "" });
const newOutput = (): OutputRow => ({ key: nextKey++, kg: "", grade: "" });
const todayInJakarta = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
/** The API reads a dot for decimals; people in Indonesia often type a comma. */
const kgForApi = (typed: string) => typed.trim().replace(",", ".");

/** A labelled select with hint and error wired for screen readers, like components/Field.tsx. */
function SelectField({
  label,
  hint,
  error,
  value,
  onChange,
  testId,
  children,
  required,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  children: ReactNode;
  required?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        className="olahan-select"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
        required={required}
      >
        {children}
      </select>
    </div>
  );
}

function YieldPreview({
  inputs,
  outputs,
  range,
}: {
  inputs: string[];
  outputs: string[];
  range: { minYieldPercent: number; maxYieldPercent: number } | undefined;
}) {
  const { t, lang } = usePreferences();
  const { state, percent } = liveYield(inputs, outputs, range);
  const params = {
    percent: percent === null ? "" : formatPercent(percent, lang, 1),
    min: range ? formatPercent(range.minYieldPercent, lang) : "",
    max: range ? formatPercent(range.maxYieldPercent, lang) : "",
  };
  return (
    <div className={`olahan-yield olahan-yield-${state}`} data-testid="olahan-yield" data-state={state}>
      <p className="olahan-yield-title">{t("processing.yield.title")}</p>
      {/* Polite: announced as the masses change, without interrupting typing. */}
      <p aria-live="polite">{t(`processing.yield.${state}`, params)}</p>
    </div>
  );
}

function Result({ run }: { run: Run }) {
  const { t, lang } = usePreferences();
  return (
    <div
      className={run.flagged ? "alert olahan-result olahan-result-flagged" : "alert alert-info olahan-result"}
      role="status"
      data-testid="olahan-result"
      data-flagged={run.flagged}
    >
      <div>
        <p className="alert-title">
          {t(run.flagged ? "processing.result.flagged" : "processing.result.title")}
        </p>
        {run.flagReason ? (
          <p data-testid="olahan-result-reason">{lang === "en" ? run.flagReason : run.flagReasonId}</p>
        ) : null}
        <p>
          {run.yieldPercent === null
            ? t("processing.result.noYield")
            : t("processing.result.body", { percent: formatPercent(run.yieldPercent, lang) })}
        </p>
        <ul className="olahan-lot-links">
          {run.productLots.map((lot) => (
            <li key={lot.id}>
              <a
                href={labelUrl(lot.id)}
                data-testid="olahan-label-link"
                download={`label-${lot.lotCode}.pdf`}
              >
                {t("processing.runs.label", { code: lot.lotCode })}
              </a>{" "}
              <span className="muted">
                {formatKg(lot.kg, lang)} kg · {lot.grade}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Recording a production run: inputs, outputs, the live yield against the process's range. */
export function RunForm({ session }: { session: Session }) {
  const { t, td, lang } = usePreferences();
  const queryClient = useQueryClient();
  const isAdmin = session.persona === "admin" || session.user.isAdmin;
  const processes = useProcesses();
  const candidates = useQuery({ queryKey: ["processing", "input-lots"], queryFn: processingApi.inputLots });
  const processors = useQuery({
    queryKey: ["processing", "processors"],
    queryFn: processingApi.processors,
    enabled: isAdmin,
  });

  const [organisationId, setOrganisationId] = useState("");
  const [chosenProcess, setProcessCode] = useState("");
  const [inputs, setInputs] = useState<InputRow[]>(() => [newInput()]);
  const [outputs, setOutputs] = useState<OutputRow[]>(() => [newOutput()]);
  const [productionOrder, setProductionOrder] = useState("");
  const [productionDate, setProductionDate] = useState(todayInJakarta);
  const [result, setResult] = useState<Run | null>(null);

  const items = processes.data?.items ?? [];
  const processCode =
    chosenProcess || (items.find((p) => p.code === "pengolahan-tapioka") ?? items[0])?.code || "";
  const process = items.find((p) => p.code === processCode);
  const lots = useMemo(
    () => (candidates.data?.items ?? []).filter((l) => !process || l.commodity.code === process.input.code),
    [candidates.data, process],
  );

  const record = useMutation({
    mutationFn: (body: RunBody) => processingApi.record(body),
    onSuccess: (run) => {
      setResult(run);
      setInputs([newInput()]);
      setOutputs([newOutput()]);
      setProductionOrder("");
      void queryClient.invalidateQueries({ queryKey: ["processing", "runs"] });
      void queryClient.invalidateQueries({ queryKey: ["processing", "input-lots"] });
    },
  });
  const errors = fieldErrorsOf(record.error);
  const err = (...names: string[]) => names.map((n) => errors[n]).find(Boolean);

  function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const body: RunBody = {
      processCode,
      inputs: inputs.map((row) =>
        row.choice === TYPE_LGTIN || row.choice === ""
          ? { lgtin: row.lgtin.trim(), kg: kgForApi(row.kg) }
          : { lotId: row.choice, kg: kgForApi(row.kg) },
      ),
      outputs: outputs.map((row) => ({ kg: kgForApi(row.kg), grade: row.grade.trim() })),
      ...(productionOrder.trim() ? { productionOrder: productionOrder.trim() } : {}),
      ...(productionDate ? { productionDate } : {}),
      ...(isAdmin && organisationId ? { organisationId } : {}),
    };
    record.mutate(body);
  }

  const updateInput = (key: number, patch: Partial<InputRow>) =>
    setInputs((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const updateOutput = (key: number, patch: Partial<OutputRow>) =>
    setOutputs((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <section className="card" aria-labelledby="olahan-form-title">
      <h2 id="olahan-form-title">{t("processing.form.title")}</h2>
      {result ? <Result run={result} /> : null}
      <ErrorAlert
        title={t("error.title")}
        message={record.isError ? errorMessage(record.error, t, td) : null}
        testId="olahan-error"
      />
      <form onSubmit={submit} noValidate data-testid="olahan-form">
        {isAdmin ? (
          <SelectField
            label={t("processing.form.organisation")}
            value={organisationId}
            onChange={setOrganisationId}
            error={err("organisationId")}
            testId="olahan-organisation"
            required
          >
            <option value="">{t("processing.form.organisationPick")}</option>
            {(processors.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : null}

        <SelectField
          label={t("processing.form.process")}
          value={processCode}
          onChange={setProcessCode}
          error={err("processCode")}
          testId="olahan-process"
          required
        >
          {items.map((p) => (
            <option key={p.code} value={p.code}>
              {lang === "en" ? p.nameEn : p.name}
            </option>
          ))}
        </SelectField>

        <fieldset className="olahan-rows">
          <legend>{t("processing.form.inputs")}</legend>
          {inputs.map((row, i) => {
            const n = i + 1;
            return (
              <div className="olahan-row" key={row.key} data-testid={`olahan-input-${i}`}>
                <SelectField
                  label={t("processing.form.inputLot", { n })}
                  hint={i === 0 ? t("processing.form.inputLotHint") : undefined}
                  value={row.choice}
                  onChange={(choice) => updateInput(row.key, { choice })}
                  error={row.choice === TYPE_LGTIN ? undefined : err(`inputs.${i}.lotId`, `inputs.${i}`)}
                  testId={`olahan-input-lot-${i}`}
                >
                  <option value="">{t("processing.form.pickLot")}</option>
                  {lots.map((lot) => (
                    <option key={lot.id} value={lot.id}>
                      {t("processing.form.lotLabel", {
                        code: lot.lotCode,
                        commodity: lot.commodity.name,
                        kg: formatKg(lot.kg, lang),
                        org: lot.organisation.name,
                      })}
                    </option>
                  ))}
                  <option value={TYPE_LGTIN}>{t("processing.form.typeLgtin")}</option>
                </SelectField>
                {row.choice === TYPE_LGTIN || (row.choice === "" && lots.length === 0) ? (
                  <Field
                    label={t("processing.form.lgtin", { n })}
                    hint={t("processing.form.lgtinHint")}
                    value={row.lgtin}
                    onChange={(e) => updateInput(row.key, { lgtin: e.currentTarget.value })}
                    error={err(`inputs.${i}.lgtin`, `inputs.${i}`)}
                    data-testid={`olahan-input-lgtin-${i}`}
                    autoComplete="off"
                    spellCheck={false}
                  />
                ) : null}
                <Field
                  label={t("processing.form.inputKg", { n })}
                  value={row.kg}
                  onChange={(e) => updateInput(row.key, { kg: e.currentTarget.value })}
                  error={err(`inputs.${i}.kg`)}
                  inputMode="decimal"
                  data-testid={`olahan-input-kg-${i}`}
                  required
                />
                {inputs.length > 1 ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setInputs((rows) => rows.filter((r) => r.key !== row.key))}
                    aria-label={t("processing.form.removeInput", { n })}
                  >
                    {t("processing.form.remove")}
                  </button>
                ) : null}
              </div>
            );
          })}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setInputs((rows) => [...rows, newInput()])}
            data-testid="olahan-add-input"
          >
            {t("processing.form.addInput")}
          </button>
        </fieldset>

        <fieldset className="olahan-rows">
          <legend>{t("processing.form.outputs")}</legend>
          {outputs.map((row, i) => {
            const n = i + 1;
            return (
              <div className="olahan-row" key={row.key} data-testid={`olahan-output-${i}`}>
                <Field
                  label={t("processing.form.outputKg", { n })}
                  value={row.kg}
                  onChange={(e) => updateOutput(row.key, { kg: e.currentTarget.value })}
                  error={err(`outputs.${i}.kg`, `outputs.${i}`)}
                  inputMode="decimal"
                  data-testid={`olahan-output-kg-${i}`}
                  required
                />
                <Field
                  label={t("processing.form.outputGrade", { n })}
                  value={row.grade}
                  onChange={(e) => updateOutput(row.key, { grade: e.currentTarget.value })}
                  error={err(`outputs.${i}.grade`)}
                  data-testid={`olahan-output-grade-${i}`}
                  required
                />
                {outputs.length > 1 ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setOutputs((rows) => rows.filter((r) => r.key !== row.key))}
                    aria-label={t("processing.form.removeOutput", { n })}
                  >
                    {t("processing.form.remove")}
                  </button>
                ) : null}
              </div>
            );
          })}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setOutputs((rows) => [...rows, newOutput()])}
            data-testid="olahan-add-output"
          >
            {t("processing.form.addOutput")}
          </button>
        </fieldset>

        <YieldPreview inputs={inputs.map((r) => r.kg)} outputs={outputs.map((r) => r.kg)} range={process} />

        <div className="olahan-row">
          <Field
            label={t("processing.form.order")}
            value={productionOrder}
            onChange={(e) => setProductionOrder(e.currentTarget.value)}
            error={err("productionOrder")}
            data-testid="olahan-order"
            autoComplete="off"
          />
          <Field
            label={t("processing.form.date")}
            type="date"
            value={productionDate}
            onChange={(e) => setProductionDate(e.currentTarget.value)}
            error={err("productionDate")}
            data-testid="olahan-date"
          />
        </div>
        {err("producedAt") ? <p className="field-error">{err("producedAt")}</p> : null}

        <button
          type="submit"
          className="button button-primary"
          disabled={record.isPending}
          data-testid="olahan-submit"
        >
          {record.isPending ? t("processing.form.submitting") : t("processing.form.submit")}
        </button>
      </form>
    </section>
  );
}
