import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type MethodResult, type StabilityLevel, stabilityApi } from "./api.ts";

export function LevelBadge({ level }: { level: StabilityLevel }) {
  const { t } = usePreferences();
  return (
    <span
      className={`badge stab-level stab-level-${level}`}
      data-testid="stability-level-badge"
      data-level={level}
    >
      {t(`stability.level.${level}`)}
    </span>
  );
}

const METHODS = ["alps", "ipa", "seasonalZ", "referenceGap", "change7d", "change28d"] as const;

const num = (x: unknown, lang: string, digits = 2) =>
  typeof x === "number"
    ? x.toLocaleString(lang === "en" ? "en-US" : "id-ID", { maximumFractionDigits: digits })
    : "—";

function Figure({ method, r }: { method: (typeof METHODS)[number]; r: MethodResult }) {
  const { t, lang } = usePreferences();
  if (!r.eligible) {
    return (
      <p className="muted">
        {t("stability.method.notAvailable")}: {r.reason ? (lang === "en" ? r.reason.en : r.reason.id) : ""}
      </p>
    );
  }
  switch (method) {
    case "alps":
      return (
        <p>
          {t("stability.figure.score", {
            value: num(r.score, lang),
            phase: String(r.phase),
            month: String(r.month),
          })}
        </p>
      );
    case "ipa":
      return (
        <p>
          {t("stability.figure.ipa", {
            value: num(r.ipa, lang),
            phase: String(r.phase),
            month: String(r.month),
          })}
        </p>
      );
    case "seasonalZ":
      return (
        <p>
          {t("stability.figure.z", {
            value: num(r.z, lang),
            median: formatRupiah(Math.round(Number(r.median))),
            n: Number(r.comparators),
          })}
        </p>
      );
    case "referenceGap":
      return (
        <p>
          {t("stability.figure.gap", {
            value: num(Number(r.gap) * 100, lang, 1),
            kind: String(r.kind),
            ceiling: formatRupiah(Number(r.ceiling)),
          })}
        </p>
      );
    default:
      return (
        <p>
          {t("stability.figure.change", {
            value: num(Number(r.change) * 100, lang, 1),
            from: formatDateWIB(String(r.from), lang as "id" | "en"),
          })}
        </p>
      );
  }
}

/** Every method's figures for the series of one commodity and region, or its reason for giving none. */
export function IndicatorPanel({
  commodity,
  region,
  title,
  onClose,
}: {
  commodity: string;
  region: string;
  /** What the panel is about, in words (commodity and place names). */
  title: { commodity: string; region: string };
  onClose: () => void;
}) {
  const { t, lang } = usePreferences();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useQuery({
    queryKey: ["stability", "indicators", commodity, region],
    queryFn: () => stabilityApi.indicators(commodity, region),
  });
  // Move focus to the panel so keyboard and screen-reader users land on what they asked for.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className="card stab-panel"
      aria-labelledby="stab-panel-title"
      data-testid="stability-indicators"
    >
      <div className="stab-panel-head">
        <h2 id="stab-panel-title" tabIndex={-1} ref={heading}>
          {t("stability.panel.title", title)}
        </h2>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onClose}
          data-testid="stability-panel-close"
        >
          {t("stability.panel.close")}
        </button>
      </div>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("stability.panel.empty")}>
        {(data) =>
          data.items.map((s) => (
            <article key={`${s.marketId ?? ""}-${s.priceLevel}`} className="stab-series">
              <h3>
                <LevelBadge level={s.level} /> {t(`stability.priceLevel.${s.priceLevel}` as MessageKey)}
                {` · ${s.placeName}`}
                {s.asOf ? ` · ${formatDateWIB(s.asOf, lang)}` : ""}
              </h3>
              <p className="stab-reason">{lang === "en" ? s.reason.en : s.reason.id}</p>
              <dl className="stab-methods">
                {METHODS.map((m) => {
                  const r = s.indicators[m];
                  return r ? (
                    <div key={m} data-testid={`stability-method-${m}`}>
                      <dt>{t(`stability.method.${m}`)}</dt>
                      <dd>
                        <Figure method={m} r={r} />
                      </dd>
                    </div>
                  ) : null;
                })}
              </dl>
            </article>
          ))
        }
      </QueryState>
    </section>
  );
}
