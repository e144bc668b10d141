import type { Lang } from "../../lib/i18n.ts";
import { LOCALES } from "../../lib/i18n.ts";

/** Kilograms as people read them ("1.250,5 kg" in Indonesian, "1,250.5 kg" in English). */
export function formatKg(kg: number, lang: Lang): string {
  return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 }).format(kg)} kg`;
}

/** Tonnes, as warehouse capacities are quoted ("5.000 t"). */
export function formatTonnes(kg: number, lang: Lang): string {
  return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 }).format(kg / 1000)} t`;
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;
}

/** A decimal typed with a comma or a dot ("1,5" or "1.5") as a number; NaN when it is not one. */
export function parseDecimal(text: string): number {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Today in Jakarta as YYYY-MM-DD (a date input's value). */
export function todayInJakarta(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(now);
}
