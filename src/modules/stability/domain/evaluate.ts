import { type AlpsResult, alps } from "./alps";
import {
  type ChangeResult,
  type GapResult,
  priceChange,
  type ReferenceCeiling,
  referenceGap,
  type SeasonalZResult,
  seasonalZ,
} from "./daily";
import { addDays } from "./dates";
import { type IpaResult, ipa } from "./ipa";
import { monthlyMeans } from "./monthly";
import { type Bilingual, type DailyPoint, levelRank, type StabilityLevel } from "./types";

/** Seasonal z-score bands; a z-score also needs a practical gap to the norm (sticky prices have tiny MADs). */
export const SEASONAL_Z_BANDS = { waspada: 2, siaga: 3 } as const;
export const SEASONAL_MIN_GAP = 0.03;
/** Above the HET / HAP ceiling: any excess is waspada, 10% siaga, 25% krisis. */
export const REFERENCE_GAP_BANDS = { waspada: 0, siaga: 0.1, krisis: 0.25 } as const;
/** Kemendag's rule for rice: act on a rise above 5%. Other foods swing more; Lumbung uses 15%. */
export const RICE_CHANGE_THRESHOLD = 0.05;
export const OTHER_CHANGE_THRESHOLD = 0.15;

export function changeThreshold(commodityCode: string): number {
  return commodityCode.startsWith("beras") ? RICE_CHANGE_THRESHOLD : OTHER_CHANGE_THRESHOLD;
}

export interface SeriesContext {
  commodityCode: string;
  commodityName: Bilingual;
  placeName: string;
  /** The date the evaluation is made (WIB day): monthly eligibility counts months back from here. */
  today: string;
  reference: ReferenceCeiling | null;
}

export interface Finding {
  indicator: "alps" | "ipa" | "seasonal_z" | "reference_gap" | "change_7d" | "change_28d";
  level: StabilityLevel;
  /** A clause that completes "<commodity> in <place> …". */
  clause: Bilingual;
}

export interface Evaluation {
  asOf: string | null;
  level: StabilityLevel;
  reason: Bilingual;
  findings: Finding[];
  indicators: {
    alps: AlpsResult;
    ipa: IpaResult;
    seasonalZ: SeasonalZResult;
    change7d: ChangeResult;
    change28d: ChangeResult;
    referenceGap: GapResult;
  };
  monthsObserved: number;
}

const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;
const num = (x: number, lang: "id" | "en") =>
  Math.abs(x) > 10 ? "> 10" : lang === "id" ? x.toFixed(1).replace(".", ",") : x.toFixed(1);

function alpsFinding(r: AlpsResult): Finding | null {
  if (!r.eligible || r.phase === "normal") return null;
  const level: StabilityLevel = r.phase === "crisis" ? "krisis" : r.phase === "alert" ? "siaga" : "waspada";
  const phase = { stress: ["stres", "stress"], alert: ["siaga", "alert"], crisis: ["krisis", "crisis"] }[
    r.phase
  ];
  return {
    indicator: "alps",
    level,
    clause: {
      id: `berada pada fase ALPS ${phase[0]} (${num(r.score, "id")} σ di atas tren musimannya, ${r.month})`,
      en: `is in ALPS ${phase[1]} (${num(r.score, "en")} σ above its seasonal trend, ${r.month})`,
    },
  };
}

function ipaFinding(r: IpaResult): Finding | null {
  if (!r.eligible || r.phase === "normal") return null;
  return {
    indicator: "ipa",
    level: r.phase === "alert" ? "siaga" : "waspada",
    clause: {
      id: `memiliki IPA ${num(r.ipa, "id")} (${r.phase === "alert" ? "siaga" : "waspada"}, ${r.month})`,
      en: `has an IPA of ${num(r.ipa, "en")} (${r.phase}, ${r.month})`,
    },
  };
}

function seasonalFinding(r: SeasonalZResult): Finding | null {
  if (!r.eligible || r.z < SEASONAL_Z_BANDS.waspada) return null;
  if ((r.price - r.median) / r.median < SEASONAL_MIN_GAP) return null;
  return {
    indicator: "seasonal_z",
    level: r.z >= SEASONAL_Z_BANDS.siaga ? "siaga" : "waspada",
    clause: {
      id: `${num(r.z, "id")} σ di atas norma musimannya`,
      en: `is ${num(r.z, "en")} σ above its seasonal norm`,
    },
  };
}

function gapFinding(r: GapResult): Finding | null {
  if (!r.eligible || r.gap <= REFERENCE_GAP_BANDS.waspada) return null;
  const level: StabilityLevel =
    r.gap >= REFERENCE_GAP_BANDS.krisis ? "krisis" : r.gap >= REFERENCE_GAP_BANDS.siaga ? "siaga" : "waspada";
  return {
    indicator: "reference_gap",
    level,
    clause: { id: `${pct(r.gap)} di atas ${r.kind}`, en: `is ${pct(r.gap)} above ${r.kind}` },
  };
}

function changeFinding(r: ChangeResult, threshold: number, level: StabilityLevel): Finding | null {
  if (!r.eligible || r.change <= threshold) return null;
  return {
    indicator: r.days === 7 ? "change_7d" : "change_28d",
    level,
    clause: {
      id: `naik ${pct(r.change)} dalam ${r.days} hari`,
      en: `rose ${pct(r.change)} in ${r.days} days`,
    },
  };
}

function joinClauses(clauses: string[], and: string): string {
  if (clauses.length <= 1) return clauses.join("");
  // "is 84% above HAP and 2.3 σ above …" reads better than repeating the verb.
  if (clauses[0]?.startsWith("is ")) {
    clauses = [clauses[0], ...clauses.slice(1).map((c) => c.replace(/^is /, ""))];
  }
  return `${clauses.slice(0, -1).join(", ")} ${and} ${clauses[clauses.length - 1]}`;
}

/**
 * Every indicator for one daily series, then the level: the highest level any indicator reaches. The reason
 * names the commodity, the place and the indicators that raised it, most severe first.
 */
export function evaluateSeries(daily: readonly DailyPoint[], ctx: SeriesContext): Evaluation {
  const sorted = [...daily].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = sorted[sorted.length - 1];
  // Monthly methods score complete months only: a month in progress has a mean biased by where in the
  // month its days fall.
  const monthEnds = last !== undefined && addDays(last.date, 1).slice(8) === "01";
  const monthly = monthlyMeans(sorted).filter(
    (m) => last === undefined || monthEnds || m.month < last.date.slice(0, 7),
  );
  const asOfMonth = ctx.today.slice(0, 7);
  const threshold = changeThreshold(ctx.commodityCode);
  const indicators = {
    alps: alps(monthly, asOfMonth),
    ipa: ipa(monthly, asOfMonth),
    seasonalZ: seasonalZ(sorted),
    change7d: priceChange(sorted, 7),
    change28d: priceChange(sorted, 28),
    referenceGap: referenceGap(last?.price, ctx.reference),
  };
  const findings = [
    alpsFinding(indicators.alps),
    ipaFinding(indicators.ipa),
    gapFinding(indicators.referenceGap),
    seasonalFinding(indicators.seasonalZ),
    changeFinding(indicators.change7d, threshold, "siaga"),
    changeFinding(indicators.change28d, threshold, "waspada"),
  ]
    .filter((f): f is Finding => f !== null)
    .sort((a, b) => levelRank(b.level) - levelRank(a.level));
  const level = findings[0]?.level ?? "normal";
  const subject = {
    id: `${ctx.commodityName.id} di ${ctx.placeName}`,
    en: `${ctx.commodityName.en} in ${ctx.placeName}`,
  };
  const reason =
    findings.length === 0
      ? {
          id: `${subject.id}: tidak ada indikator yang melewati ambang${last ? ` (per ${last.date})` : ""}`,
          en: `${subject.en}: no indicator is past its threshold${last ? ` (as of ${last.date})` : ""}`,
        }
      : {
          id: `${subject.id} ${joinClauses(
            findings.map((f) => f.clause.id),
            "dan",
          )} (per ${last?.date})`,
          en: `${subject.en} ${joinClauses(
            findings.map((f) => f.clause.en),
            "and",
          )} (as of ${last?.date})`,
        };
  return {
    asOf: last?.date ?? null,
    level,
    reason,
    findings,
    indicators,
    monthsObserved: monthly.filter((m) => m.price !== null).length,
  };
}
