/** Masses as events carry them (UN/ECE Rec. 20 units) in whole grams. Pure. */

const GRAMS_PER: Readonly<Record<string, number>> = { GRM: 1, KGM: 1_000, TNE: 1_000_000 };

/** Whole grams of a quantity in KGM, TNE or GRM (kilograms when the unit is left out); null otherwise. */
export function gramsOf(quantity: unknown, uom: unknown): number | null {
  if (typeof quantity !== "number" || !Number.isFinite(quantity) || quantity < 0) return null;
  const unit = uom === undefined || uom === null ? "KGM" : String(uom);
  const per = GRAMS_PER[unit];
  return per === undefined ? null : Math.round(quantity * per);
}

/** Kilograms for display and reports: grams / 1000, exact for whole grams. */
export const kilograms = (grams: number) => grams / 1000;

/** "1.250,5 kg" style figures are the web's business; the API speaks plain decimal kilograms. */
export function gramsFromKg(kg: number): number | null {
  if (!Number.isFinite(kg) || kg < 0) return null;
  const grams = Math.round(kg * 1000);
  // More than three decimals of a kilogram would be finer than a gram: refused rather than rounded.
  return Math.abs(grams - kg * 1000) < 1e-6 ? grams : null;
}
