/**
 * Masses as the ledger keeps them: whole grams. Events carry kilograms (KGM) or tonnes (TNE) as JSON
 * numbers; they are read through their decimal digits so that 0.1 + 0.2 problems never reach a
 * balance. Pure.
 */

const GRAMS_PER_UOM: Readonly<Record<string, number>> = { KGM: 1_000, TNE: 1_000_000 };
const DECIMALS: Readonly<Record<string, number>> = { KGM: 3, TNE: 6 };

export type Grams =
  | { ok: true; grams: number }
  | { ok: false; why: "unit" | "not_a_mass" | "too_fine" | "negative" };

/**
 * Whole grams (0 or more: a count may find nothing) in an EPCIS quantity; counts of pieces (no uom,
 * H87) and figures finer than a gram are refused.
 */
export function gramsOf(quantity: number, uom: string | null | undefined): Grams {
  if (!uom || !(uom in GRAMS_PER_UOM)) return { ok: false, why: "unit" };
  if (!Number.isFinite(quantity)) return { ok: false, why: "not_a_mass" };
  if (quantity < 0) return { ok: false, why: "negative" };
  // Exponent notation (1e-7, 1e21) is either finer than a gram or beyond any warehouse.
  const text = String(quantity);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { ok: false, why: "too_fine" };
  const [, whole = "0", fraction = ""] = m;
  const decimals = DECIMALS[uom] as number;
  if (fraction.length > decimals) return { ok: false, why: "too_fine" };
  const grams = Number(whole) * (GRAMS_PER_UOM[uom] as number) + Number(fraction.padEnd(decimals, "0"));
  return Number.isSafeInteger(grams) ? { ok: true, grams } : { ok: false, why: "not_a_mass" };
}

/** Kilograms of a whole number of grams, exact below 2^53 g. */
export function kilograms(grams: number): number {
  return grams / 1000;
}

/** "1.250,5 kg"-free: kilograms as a plain decimal with a dot ("1250.5"), for CSV and messages. */
export function kgText(grams: number): string {
  const sign = grams < 0 ? "-" : "";
  const abs = Math.abs(grams);
  const whole = Math.floor(abs / 1000);
  const fraction = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
