/**
 * First expiry, first out: stock that expires first leaves first; without an expiry date, the oldest
 * receipt leaves first (FIFO), after everything that has a date. Pure.
 */

export interface FefoItem {
  expiryDate: string | null;
  firstReceivedAt: Date;
  /** Tie-breakers so the order never depends on how the database happened to return rows. */
  location: string;
  epc: string;
}

export function fefoCompare(a: FefoItem, b: FefoItem): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  const received = a.firstReceivedAt.getTime() - b.firstReceivedAt.getTime();
  if (received !== 0) return received;
  if (a.epc !== b.epc) return a.epc < b.epc ? -1 : 1;
  return a.location < b.location ? -1 : a.location > b.location ? 1 : 0;
}

export function fefoOrder<T extends FefoItem>(items: readonly T[]): T[] {
  return [...items].sort(fefoCompare);
}

export interface Suggestion<T> {
  lines: (T & { takeGrams: number })[];
  /** What the stock offered could not cover (0 when the request is met). */
  shortGrams: number;
}

/**
 * Lines to pick `grams` from, FEFO: whole balances first-expiring first, the last one partly. Held
 * stock must be filtered out by the caller; it is never offered.
 */
export function suggestPicks<T extends FefoItem & { grams: number }>(
  items: readonly T[],
  grams: number,
): Suggestion<T> {
  const lines: (T & { takeGrams: number })[] = [];
  let left = grams;
  for (const item of fefoOrder(items.filter((i) => i.grams > 0))) {
    if (left <= 0) break;
    const take = Math.min(item.grams, left);
    lines.push({ ...item, takeGrams: take });
    left -= take;
  }
  return { lines, shortGrams: Math.max(0, left) };
}
