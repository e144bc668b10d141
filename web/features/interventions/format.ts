import type { Lang } from "../../lib/i18n.ts";

const locale = (lang: Lang) => (lang === "en" ? "en-GB" : "id-ID");

/** Kilograms as tonnes (one decimal) from one tonne up, else kilograms. */
export function formatKg(kg: number, lang: Lang): string {
  const n = (v: number, digits: number) =>
    new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(v);
  return Math.abs(kg) >= 1000 ? `${n(kg / 1000, 1)} t` : `${n(kg, 0)} kg`;
}

/** A percentage with its sign ("−4,2%"); `signed: false` for shares. */
export function formatPct(pct: number, lang: Lang, signed = true): string {
  const text = new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(pct);
  return `${text}%`;
}
