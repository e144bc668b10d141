import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { ApiError, request } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import "./prices-import.css";

interface ImportResult {
  format: string;
  rows: number;
  inserted: number;
  unchanged: number;
  updated: number;
  held: number;
  skipped: number;
  noPrice: number;
  skippedRows: { line: number; column: string; reason: string }[];
}

function importCsv(file: File, skipInvalid: boolean) {
  // The API reads the CSV as text; browsers label .csv files inconsistently, so the type is set here.
  const body = new Blob([file], { type: "text/csv" });
  return request<ImportResult>("POST", `/api/v1/prices/import?skipInvalid=${skipInvalid}`, body);
}

/**
 * /konsol/harga/impor: a Dinas or BUMD official imports a CSV of prices (Lumbung's format or Panel Harga's
 * long format). Rows that cannot be read are listed with their line; the whole file is refused unless
 * the official chooses to skip them. Alerts follow the import at once.
 */
export function ImportPricesPage() {
  const { t, td } = usePreferences();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const run = useMutation({ mutationFn: () => importCsv(file as File, skipInvalid) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate();
  };
  const refused = run.error instanceof ApiError ? Object.entries(run.error.fieldErrors) : [];
  const result = run.data;
  return (
    <ConsolePage title={t("pricesImport.title")} intro={t("pricesImport.intro")}>
      {() => (
        <div className="pimp">
          <form className="card pimp-form" onSubmit={submit} data-testid="prices-import-form">
            <div className="field">
              <label htmlFor="pimp-file">{t("pricesImport.file")}</label>
              <p className="field-hint" id="pimp-file-hint">
                {t("pricesImport.fileHint")}
              </p>
              <input
                id="pimp-file"
                type="file"
                accept=".csv,text/csv"
                aria-describedby="pimp-file-hint"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  run.reset();
                }}
                data-testid="prices-import-file"
              />
            </div>
            <label className="pimp-check">
              <input
                type="checkbox"
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
                data-testid="prices-import-skip"
              />
              {t("pricesImport.skipInvalid")}
            </label>
            <div>
              <button
                type="submit"
                className="button button-primary"
                disabled={!file || run.isPending}
                data-testid="prices-import-submit"
              >
                {run.isPending ? t("pricesImport.running") : t("pricesImport.submit")}
              </button>
            </div>
          </form>
          {run.error ? (
            <ErrorAlert title={t("pricesImport.refused")} message={errorMessage(run.error, t, td)}>
              {refused.length ? (
                <ul className="pimp-rows" data-testid="prices-import-errors">
                  {refused.slice(0, 50).map(([where, why]) => (
                    <li key={where}>
                      <strong>{where}</strong>: {why}
                    </li>
                  ))}
                </ul>
              ) : null}
            </ErrorAlert>
          ) : null}
          {result ? (
            <section className="card" aria-labelledby="pimp-result" data-testid="prices-import-result">
              <h2 id="pimp-result">
                {t("pricesImport.done", { rows: String(result.rows), format: result.format })}
              </h2>
              <dl className="pimp-counts">
                {(["inserted", "updated", "unchanged", "held", "skipped", "noPrice"] as const).map((k) => (
                  <div key={k}>
                    <dt>{t(`pricesImport.count.${k}`)}</dt>
                    <dd data-testid={`prices-import-${k}`}>{result[k]}</dd>
                  </div>
                ))}
              </dl>
              {result.skippedRows.length ? (
                <ul className="pimp-rows">
                  {result.skippedRows.slice(0, 50).map((r) => (
                    <li key={`${r.line}-${r.column}`}>
                      {t("pricesImport.line", { line: String(r.line), column: r.column })}: {r.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p>
                <Link
                  to="/konsol/stabilitas"
                  className="button button-secondary"
                  data-testid="prices-import-alerts"
                >
                  {t("pricesImport.toAlerts")}
                </Link>
              </p>
            </section>
          ) : null}
        </div>
      )}
    </ConsolePage>
  );
}
