import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { Checkbox } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB, formatDateWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { labelUrl, processingApi, type Run } from "./api.ts";
import { formatKg, formatPercent } from "./format.ts";

/** Where a run's raw material was grown: each input traced upstream to its harvest lots. */
function Origins({ run }: { run: Run }) {
  const { t, lang } = usePreferences();
  const query = useQuery({
    queryKey: ["processing", "run", run.id],
    queryFn: () => processingApi.run(run.id),
  });
  return (
    <div className="olahan-origins" data-testid={`olahan-origins-${run.id}`}>
      <p className="olahan-origins-title">{t("processing.runs.origins")}</p>
      <QueryState query={query} isEmpty={(d) => d.origins.length === 0} empty="—">
        {(detail) => (
          <ul>
            {detail.origins.flatMap((origin) =>
              origin.farms.length
                ? origin.farms.map((farm) => (
                    <li key={`${origin.input} ${farm.lgtin}`}>
                      {t("processing.runs.farm", {
                        org: farm.organisation.name,
                        village: farm.village?.label ?? farm.village?.code ?? "—",
                        date: farm.harvestDate ? formatDateWIB(farm.harvestDate, lang) : "—",
                        kg: formatKg(farm.kg, lang),
                        lot: farm.lotCode,
                      })}
                    </li>
                  ))
                : [
                    <li key={origin.input} className="muted">
                      {t("processing.runs.noFarm", { epc: origin.input })}
                    </li>,
                  ],
            )}
          </ul>
        )}
      </QueryState>
    </div>
  );
}

function RunRow({ run }: { run: Run }) {
  const { t, lang } = usePreferences();
  const [open, setOpen] = useState(false);
  const processName = run.process ? (lang === "en" ? run.process.nameEn : run.process.name) : null;
  return (
    <Fragment>
      <tr
        className={run.flagged ? "olahan-run olahan-run-flagged" : "olahan-run"}
        data-testid={`olahan-run-${run.id}`}
        data-flagged={run.flagged}
      >
        <td>{formatDateTimeWIB(run.at, lang)}</td>
        <th scope="row">
          {processName ?? <span className="muted">{t("processing.runs.unknownProcess")}</span>}
        </th>
        <td>{run.organisation?.name ?? "—"}</td>
        <td className="num">{formatKg(run.inputKg, lang)}</td>
        <td className="num">{formatKg(run.outputKg, lang)}</td>
        <td className="num">
          {run.yieldPercent === null ? "—" : `${formatPercent(run.yieldPercent, lang)}%`}
          {run.range ? (
            <span className="muted olahan-range">
              {" "}
              ({formatPercent(run.range.minPercent, lang)}–{formatPercent(run.range.maxPercent, lang)}%)
            </span>
          ) : null}
        </td>
        <td>
          {run.flagged ? (
            <>
              <span className="badge badge-danger">{t("processing.runs.flagged")}</span>
              <p className="olahan-reason" data-testid="olahan-run-reason">
                {lang === "en" ? run.flagReason : run.flagReasonId}
              </p>
            </>
          ) : (
            <span className="badge badge-success">{t("processing.runs.ok")}</span>
          )}
        </td>
        <td>
          <ul className="olahan-lot-links">
            {run.productLots.map((lot) => (
              <li key={lot.id}>
                <a
                  href={labelUrl(lot.id)}
                  download={`label-${lot.lotCode}.pdf`}
                  data-testid={`olahan-label-${lot.lotCode}`}
                >
                  {t("processing.runs.label", { code: lot.lotCode })}
                </a>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid={`olahan-run-details-${run.id}`}
          >
            {open ? t("processing.runs.hideDetails") : t("processing.runs.details")}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="olahan-run-detail">
          <td colSpan={8}>
            <Origins run={run} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

/** The runs so far, newest first, flagged ones marked (and filterable). */
export function RunsSection() {
  const { t } = usePreferences();
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const query = useQuery({
    queryKey: ["processing", "runs", flaggedOnly],
    queryFn: () => processingApi.runs(flaggedOnly),
  });
  return (
    <section className="card" aria-labelledby="olahan-runs-title">
      <div className="olahan-runs-head">
        <h2 id="olahan-runs-title">{t("processing.runs.title")}</h2>
        <div data-testid="olahan-filter-flagged">
          <Checkbox
            label={t("processing.runs.flaggedOnly")}
            checked={flaggedOnly}
            onChange={setFlaggedOnly}
          />
        </div>
      </div>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("processing.runs.empty")}>
        {(data) => (
          <div className="table-wrap">
            <table data-testid="olahan-runs" className="olahan-runs">
              <thead>
                <tr>
                  <th scope="col">{t("processing.runs.at")}</th>
                  <th scope="col">{t("processing.runs.process")}</th>
                  <th scope="col">{t("processing.runs.mill")}</th>
                  <th scope="col">{t("processing.runs.in")}</th>
                  <th scope="col">{t("processing.runs.out")}</th>
                  <th scope="col">{t("processing.runs.yield")}</th>
                  <th scope="col">{t("processing.runs.status")}</th>
                  <th scope="col">{t("processing.runs.lots")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((run) => (
                  <RunRow key={run.id} run={run} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
