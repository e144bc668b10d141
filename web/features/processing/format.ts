import { type Lang, LOCALES } from "../../lib/i18n.ts";

/** Kilograms with the reader's digit grouping: "2.500" (id), "2,500" (en). */
export function formatKg(kg: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 }).format(kg);
}

/** A percentage to at most two decimals, without the % sign: "25", "25,05". */
export function formatPercent(percent: number, lang: Lang, decimals = 2): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: decimals }).format(percent);
}
