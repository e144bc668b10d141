export interface DailyPoint {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  price: number;
}

export interface MonthlyPoint {
  /** YYYY-MM. */
  month: string;
  /** Mean of the observed days, or null when the month had too few. */
  price: number | null;
  days: number;
}

/** Lumbung's four early-warning levels (the Indonesian words are the ones officials use). */
export const STABILITY_LEVELS = ["normal", "waspada", "siaga", "krisis"] as const;
export type StabilityLevel = (typeof STABILITY_LEVELS)[number];

export function levelRank(level: StabilityLevel): number {
  return STABILITY_LEVELS.indexOf(level);
}

export function maxLevel(a: StabilityLevel, b: StabilityLevel): StabilityLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** A reason in both languages; every ineligible or triggered indicator carries one. */
export interface Bilingual {
  id: string;
  en: string;
}

export type Ineligible = { eligible: false; reason: Bilingual };
