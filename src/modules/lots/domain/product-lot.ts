/**
 * Product lots: what a mill or roaster makes out of harvest lots (hilirisasi). Pure.
 */

/**
 * A product lot's number: `P`, the production date and the organisation's sequence for that day,
 * e.g. `P20250420-001`. The `P` tells a sack of tapioca from a harvest lot (`L…`) at a glance; both
 * stay within GS1's 20 characters (AI 10).
 */
export function productLotCode(productionDate: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(productionDate)) throw new RangeError(`not a date: ${productionDate}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 9_999_999_999) {
    throw new RangeError(`lot sequence out of range: ${sequence}`);
  }
  return `P${productionDate.replaceAll("-", "")}-${String(sequence).padStart(3, "0")}`;
}

/** One lot a product lot was made from, and how much of it went in. */
export interface ProductLotInput {
  epc: string;
  grams: number | null;
  commodityCode: string | null;
}
