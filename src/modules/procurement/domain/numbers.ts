/** Document numbers: PO-YYYYMM-NNNNN, KTR-YYYYMM-NNNNN, INV-YYYYMM-NNNNN (month in WIB). */
export type DocumentKind = "PO" | "KTR" | "INV";

export function documentNumber(kind: DocumentKind, month: string, sequence: number): string {
  return `${kind}-${month.replace("-", "")}-${String(sequence).padStart(5, "0")}`;
}

/** Mass in grams from kilograms given to the gram; null when not a positive whole number of grams. */
export function gramsFromKg(kg: number): number | null {
  const grams = Math.round(kg * 1000);
  if (!Number.isFinite(kg) || kg <= 0 || Math.abs(grams - kg * 1000) > 1e-6) return null;
  return grams;
}

export const kg = (grams: number) => grams / 1000;

/** Amount in whole rupiah of `grams` at `pricePerKg`, rounded half up. */
export function amountOf(grams: number, pricePerKg: number): number {
  return Math.round((grams * pricePerKg) / 1000);
}

/** Basic food staples (rice, paddy, corn, soybeans, chili, shallots, eggs, meat, fruit, vegetables) are VAT-exempt. */
export const VAT_EXEMPT_NOTE =
  "Bebas PPN: barang kebutuhan pokok (UU 7/1983 s.t.d.d. UU 7/2021 Pasal 4A; PP 49/2022). / VAT-exempt: basic food staples.";
