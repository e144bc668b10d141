import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { Field } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Bilingual, interventionsApi, type Recommendation, type Scope } from "./api.ts";
import { formatKg, formatPct } from "./format.ts";
import "./interventions.css";

/** The open recommendations for the focus (commodity and province), each with its decision. */
export function RecommendationsSection({ scope, canDecide }: { scope: Scope; canDecide: boolean }) {
  const { t } = usePreferences();
  const queryClient = useQueryClient();
  // A decided card leaves the open list; what the decision created stays said here.
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["stability", "recommendations", scope],
    queryFn: () => interventionsApi.recommendations(scope),
  });
  const refresh = useMutation({
    mutationFn: () =>
      interventionsApi.refresh(
        scope.commodity && scope.region ? { commodityCode: scope.commodity, regionCode: scope.region } : {},
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["stability", "recommendations"] }),
  });
  return (
    <section className="card itv" aria-labelledby="itv-recs-title" data-testid="recommendations">
      <div className="itv-head">
        <h2 id="itv-recs-title">{t("itv.recs.title")}</h2>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => refresh.mutate()}
          disabled={refresh.isPending}
          data-testid="recommendations-refresh"
        >
          {refresh.isPending ? t("itv.recs.refreshing") : t("itv.recs.refresh")}
        </button>
      </div>
      <p className="muted">{t("itv.recs.intro")}</p>
      <StatusMessage message={notice} />
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("itv.recs.empty")}>
        {(data) => (
          <ul className="itv-list">
            {data.items.map((r) => (
              <li key={r.id}>
                <RecommendationCard rec={r} canDecide={canDecide} onDecided={setNotice} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function RecommendationCard({
  rec,
  canDecide,
  onDecided,
}: {
  rec: Recommendation;
  canDecide: boolean;
  onDecided: (message: string) => void;
}) {
  const { t, td, lang } = usePreferences();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const text = (b: Bilingual) => (lang === "en" ? b.en : b.id);
  const settle = () => {
    void queryClient.invalidateQueries({ queryKey: ["stability", "recommendations"] });
    void queryClient.invalidateQueries({ queryKey: ["stability", "interventions"] });
    void queryClient.invalidateQueries({ queryKey: ["supply"] });
  };
  const approve = useMutation({
    mutationFn: () => interventionsApi.approve(rec.id, note.trim()),
    onSuccess: (itv) => {
      onDecided(
        t("itv.recs.approved", {
          kind: t(`itv.kind.${rec.kind}`),
          shipments: itv.created.map((c) => c.number).join(", ") || t("itv.recs.nothingCreated"),
        }),
      );
      settle();
    },
  });
  const reject = useMutation({
    mutationFn: () => interventionsApi.reject(rec.id, note.trim()),
    onSuccess: () => {
      onDecided(t("itv.recs.rejected", { kind: t(`itv.kind.${rec.kind}`) }));
      settle();
    },
  });
  const effect = rec.expectedEffect.pct;
  const error = approve.error ?? reject.error;
  return (
    <article
      className="itv-card"
      aria-labelledby={`rec-${rec.id}`}
      data-testid={`recommendation-${rec.kind}`}
    >
      <header className="itv-card-head">
        <span className={`itv-kind itv-kind-${rec.kind}`}>{t(`itv.kind.${rec.kind}`)}</span>
        <h3 id={`rec-${rec.id}`}>
          {rec.commodityName} · {rec.regionName}
        </h3>
      </header>
      <dl className="itv-figures">
        <div>
          <dt>{t("itv.recs.quantity")}</dt>
          <dd data-testid="recommendation-quantity">{formatKg(rec.quantityKg, lang)}</dd>
        </div>
        <div>
          <dt>{t("itv.recs.when")}</dt>
          <dd>
            {formatDateWIB(rec.startDate, lang)} – {formatDateWIB(rec.endDate, lang)}
          </dd>
        </div>
        <div>
          <dt>{t("itv.recs.cost")}</dt>
          <dd>{rec.cost?.perKgRp === null ? "—" : formatRupiah(rec.costRp)}</dd>
        </div>
        <div>
          <dt>{t("itv.recs.effect")}</dt>
          <dd data-testid="recommendation-effect">
            {effect === null ? (
              <span className="muted itv-small">{t("itv.recs.noEffect")}</span>
            ) : (
              <>
                {formatPct(effect, lang)}
                <span className="muted itv-small">
                  {" "}
                  {t("itv.recs.share", { share: formatPct(rec.expectedEffect.supplySharePct, lang, false) })}
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {rec.plan.markets.length > 0 ? (
        <div className="table-wrap">
          <table className="itv-table">
            <caption>{t("itv.recs.markets")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("itv.recs.market")}</th>
                <th scope="col" className="num">
                  {t("itv.recs.priceNow")}
                </th>
                <th scope="col" className="num">
                  {t("itv.recs.quantity")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rec.plan.markets.map((m) => (
                <tr key={m.siteCode}>
                  <td>{m.name}</td>
                  <td className="num">{m.priceNow === null ? "—" : formatRupiah(m.priceNow)}</td>
                  <td className="num">{formatKg(m.kg, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rec.plan.shipments.length > 0 ? (
        <p className="itv-small">
          {t("itv.recs.shipments", {
            n: String(rec.plan.shipments.length),
            from: [...new Set(rec.plan.shipments.map((s) => `${s.originName} (${s.shipperName})`))].join(
              ", ",
            ),
            route: t(`itv.route.${rec.plan.shipments[0]?.route ?? "direct"}`),
          })}
        </p>
      ) : null}
      <details className="itv-reasons" open>
        <summary>{t("itv.recs.reasons")}</summary>
        <ul>
          {rec.reasons.map((r) => (
            <li key={r.en}>{text(r)}</li>
          ))}
          {rec.cost ? <li>{text(rec.cost.method)}</li> : null}
          <li className="muted">{text(rec.expectedEffect.method)}</li>
        </ul>
      </details>
      {error ? <ErrorAlert title={t("itv.recs.failed")} message={errorMessage(error, t, td)} /> : null}
      {canDecide && rec.status === "open" ? (
        <div className="itv-decide">
          <Field
            label={t("itv.recs.note")}
            hint={t("itv.recs.noteHint")}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="recommendation-note"
          />
          <div className="itv-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={approve.isPending || reject.isPending}
              onClick={() => approve.mutate()}
              data-testid="recommendation-approve"
            >
              {approve.isPending ? t("itv.recs.approving") : t("itv.recs.approve")}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={approve.isPending || reject.isPending || note.trim().length < 3}
              onClick={() => reject.mutate()}
              data-testid="recommendation-reject"
            >
              {t("itv.recs.reject")}
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}
