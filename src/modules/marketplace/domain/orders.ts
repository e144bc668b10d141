/** Order numbers and money sums. Pure. */

/** PSR-2026-000123: the prefix says "pasar", then the year in Jakarta and a per-year counter. */
export function orderNumber(year: number, seq: number): string {
  return `PSR-${year}-${String(seq).padStart(6, "0")}`;
}

export const ORDER_NUMBER_PATTERN = /^PSR-\d{4}-\d{6,}$/;

export interface PricedLine {
  unitPrice: number;
  quantity: number;
  weightGrams: number;
}

export function lineTotal(l: Pick<PricedLine, "unitPrice" | "quantity">): number {
  return l.unitPrice * l.quantity;
}

export function totals(lines: readonly PricedLine[], shippingFee: number) {
  const subtotal = lines.reduce((s, l) => s + lineTotal(l), 0);
  const weightGrams = lines.reduce((s, l) => s + l.weightGrams * l.quantity, 0);
  return { subtotal, weightGrams, shippingFee, total: subtotal + shippingFee };
}

/**
 * Merges repeated lines of the same variant (a cart that lists it twice) so the stock check and the
 * reservation see one quantity per variant; keeps the first line's position for error paths.
 */
export function mergeLines<T extends { key: string; quantity: number; index: number }>(
  lines: readonly T[],
): T[] {
  const byKey = new Map<string, T>();
  for (const l of lines) {
    const seen = byKey.get(l.key);
    if (seen) byKey.set(l.key, { ...seen, quantity: seen.quantity + l.quantity });
    else byKey.set(l.key, { ...l });
  }
  return [...byKey.values()];
}
