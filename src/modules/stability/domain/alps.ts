import { monthIndex } from "./dates";
import { leastSquares, mean } from "./stats";
import type { Ineligible, MonthlyPoint } from "./types";

/** WFP ALPS bands on the standardised residual (WFP 2014). */
export const ALPS_BANDS = { stress: 0.25, alert: 1, crisis: 2 } as const;
export const ALPS_MIN_MONTHS = 36;
export const ALPS_MIN_COVERAGE = 0.7;
export const ALPS_MAX_STALE_MONTHS = 6;

export const ALPS_MIN_SIGMA_SHARE = 0.005;

export type AlpsPhase = "normal" | "stress" | "alert" | "crisis";

export type AlpsResult =
  | Ineligible
  | {
      eligible: true;
      month: string;
      price: number;
      expected: number;
      sigma: number;
      score: number;
      phase: AlpsPhase;
      /** Months in the fit (all observed months before the one scored). */
      fitMonths: number;
    };

export function alpsPhase(score: number): AlpsPhase {
  if (score >= ALPS_BANDS.crisis) return "crisis";
  if (score >= ALPS_BANDS.alert) return "alert";
  if (score >= ALPS_BANDS.stress) return "stress";
  return "normal";
}

function ineligible(id: string, en: string): Ineligible {
  return { eligible: false, reason: { id, en } };
}

/**
 * ALPS for the latest observed month on or before `asOfMonth`. The trend + month-dummy regression is fitted
 * on every observed month BEFORE the one scored (expanding window, out of sample), so a spike cannot pull
 * its own expected value up and hide itself.
 */
export function alps(monthly: readonly MonthlyPoint[], asOfMonth: string): AlpsResult {
  const asOf = monthIndex(asOfMonth);
  const observed = monthly
    .filter((m) => m.price !== null && monthIndex(m.month) <= asOf)
    .map((m) => ({ i: monthIndex(m.month), month: m.month, price: m.price as number }));
  if (observed.length === 0)
    return ineligible("Belum ada bulan dengan data harga", "No month has price data yet");
  const first = (observed[0] as { i: number }).i;
  const span = asOf - first + 1;
  if (span < ALPS_MIN_MONTHS) {
    return ineligible(
      `Deret terlalu pendek: ${span} bulan, ALPS memerlukan minimal ${ALPS_MIN_MONTHS} bulan (3 tahun)`,
      `Series too short: ${span} months, ALPS needs at least ${ALPS_MIN_MONTHS} months (3 years)`,
    );
  }
  const coverage = observed.length / span;
  if (coverage < ALPS_MIN_COVERAGE) {
    const pct = Math.round(coverage * 100);
    return ineligible(
      `Terlalu banyak bulan kosong: hanya ${pct}% bulan terisi, minimal 70%`,
      `Too many missing months: only ${pct}% of months observed, at least 70% needed`,
    );
  }
  const target = observed[observed.length - 1] as { i: number; month: string; price: number };
  if (asOf - target.i >= ALPS_MAX_STALE_MONTHS) {
    return ineligible(
      `Tidak ada data dalam 6 bulan terakhir (terakhir ${target.month})`,
      `No observation in the last 6 months (latest ${target.month})`,
    );
  }
  return (
    scoreAt(observed, observed.length - 1, first) ??
    ineligible(
      "Model tren dan musim tidak dapat diestimasi dari data ini",
      "The trend and seasonal model cannot be estimated from this data",
    )
  );
}

function scoreAt(
  observed: readonly { i: number; month: string; price: number }[],
  k: number,
  first: number,
): AlpsResult | null {
  const fit = observed.slice(0, k);
  const target = observed[k] as { i: number; month: string; price: number };
  // Only month dummies seen in the fit (and the target's own month) can be estimated; January is the base.
  const monthsSeen = new Set(fit.map((o) => o.i % 12));
  if (!monthsSeen.has(target.i % 12)) return null;
  const dummies = [...monthsSeen].filter((m) => m !== 0).sort((a, b) => a - b);
  const design = (i: number) => [1, i - first, ...dummies.map((m) => (i % 12 === m ? 1 : 0))];
  const rows = fit.map((o) => design(o.i));
  const y = fit.map((o) => o.price);
  const p = (rows[0] as number[]).length;
  if (fit.length <= p) return null;
  const beta = leastSquares(rows, y);
  if (!beta) return null;
  const predict = (x: number[]) => x.reduce((s, v, j) => s + v * (beta[j] as number), 0);
  let sse = 0;
  for (let r = 0; r < rows.length; r++) sse += ((y[r] as number) - predict(rows[r] as number[])) ** 2;
  // A series the model fits (almost) exactly has σ̂ ≈ 0 and calendar drift alone would read as a crisis.
  // Monthly means are of prices quoted in whole rupiah, so residuals under 0.5% of the price level are
  // below what the data resolves; the floor only binds for such near-deterministic series.
  const level = Math.abs(mean(y));
  const sigma = Math.max(Math.sqrt(sse / (fit.length - p)), ALPS_MIN_SIGMA_SHARE * level, 1e-12);
  const expected = predict(design(target.i));
  const raw = (target.price - expected) / sigma;
  const score = Math.abs(raw) < 1e-6 ? 0 : raw;
  return {
    eligible: true,
    month: target.month,
    price: target.price,
    expected,
    sigma,
    score,
    phase: alpsPhase(score),
    fitMonths: fit.length,
  };
}
