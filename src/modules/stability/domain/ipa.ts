import { monthIndex } from "./dates";
import { weightedMoments } from "./stats";
import type { Ineligible, MonthlyPoint } from "./types";

/** FAO GIEWS Indicator of Price Anomalies (Baquedano 2015). */
export const IPA_BANDS = { watch: 0.5, alert: 1 } as const;
/** Weight of the quarterly component in the blended IPA; the annual one gets 1 − γ. */
export const IPA_GAMMA = 0.4;
/**
 * Floor on the spread of past growth rates (0.5% a month). With two or three past years a nearly
 * deterministic series has a spread close to zero, and rounding-level differences would read as anomalies.
 */
export const IPA_MIN_SD = 0.005;
/** Past values of the same calendar month needed before a growth rate can be z-scored. */
export const IPA_MIN_PAST_YEARS = 2;

export type IpaPhase = "normal" | "watch" | "alert";

export type IpaResult =
  | Ineligible
  | {
      eligible: true;
      month: string;
      quarterlyGrowth: number;
      annualGrowth: number;
      quarterly: number;
      annual: number;
      ipa: number;
      phase: IpaPhase;
      pastYears: number;
    };

export function ipaPhase(ipa: number): IpaPhase {
  if (ipa >= IPA_BANDS.alert) return "alert";
  if (ipa >= IPA_BANDS.watch) return "watch";
  return "normal";
}

/** Compound monthly growth over `lag` months: (Pₜ / Pₜ₋ₗ)^(1/l) − 1. */
function compoundGrowth(prices: Map<number, number>, i: number, lag: number): number | null {
  const now = prices.get(i);
  const then = prices.get(i - lag);
  if (now === undefined || then === undefined) return null;
  return (now / then) ** (1 / lag) - 1;
}

/**
 * z-score of this month's growth against the same calendar month in earlier years only, weighted 1/k for
 * the year k years back so recent years count more. Returns null when too few earlier years exist.
 */
function seasonalGrowthZ(prices: Map<number, number>, i: number, lag: number, first: number) {
  const g = compoundGrowth(prices, i, lag);
  if (g === null) return null;
  const past: number[] = [];
  const weights: number[] = [];
  for (let k = 1; i - 12 * k - lag >= first; k++) {
    const pg = compoundGrowth(prices, i - 12 * k, lag);
    if (pg !== null) {
      past.push(pg);
      weights.push(1 / k);
    }
  }
  if (past.length < IPA_MIN_PAST_YEARS) return null;
  const { mean, sd } = weightedMoments(past, weights);
  const dev = g - mean;
  const z = Math.abs(dev) < 1e-9 ? 0 : dev / Math.max(sd, IPA_MIN_SD);
  return { growth: g, z, pastYears: past.length };
}

export function ipa(monthly: readonly MonthlyPoint[], asOfMonth: string): IpaResult {
  const asOf = monthIndex(asOfMonth);
  const prices = new Map<number, number>();
  for (const m of monthly) {
    const i = monthIndex(m.month);
    if (m.price !== null && i <= asOf) prices.set(i, m.price);
  }
  const latest = Math.max(...prices.keys());
  if (!Number.isFinite(latest)) {
    return {
      eligible: false,
      reason: { id: "Belum ada bulan dengan data harga", en: "No month has price data yet" },
    };
  }
  if (asOf - latest >= 6) {
    return {
      eligible: false,
      reason: { id: "Tidak ada data dalam 6 bulan terakhir", en: "No observation in the last 6 months" },
    };
  }
  const first = Math.min(...prices.keys());
  const q = seasonalGrowthZ(prices, latest, 3, first);
  const a = seasonalGrowthZ(prices, latest, 12, first);
  if (!q || !a) {
    return {
      eligible: false,
      reason: {
        id: `Deret terlalu pendek untuk IPA: perlu pertumbuhan bulan yang sama pada minimal ${IPA_MIN_PAST_YEARS} tahun sebelumnya (sekitar 3 tahun data bulanan)`,
        en: `Series too short for the IPA: growth for the same month is needed in at least ${IPA_MIN_PAST_YEARS} earlier years (about 3 years of monthly data)`,
      },
    };
  }
  const blended = IPA_GAMMA * q.z + (1 - IPA_GAMMA) * a.z;
  return {
    eligible: true,
    month: [...monthly].find((m) => monthIndex(m.month) === latest)?.month ?? asOfMonth,
    quarterlyGrowth: q.growth,
    annualGrowth: a.growth,
    quarterly: q.z,
    annual: a.z,
    ipa: blended,
    phase: ipaPhase(blended),
    pastYears: Math.min(q.pastYears, a.pastYears),
  };
}
