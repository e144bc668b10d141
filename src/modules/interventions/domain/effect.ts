/**
 * How much a price should move when supply is added, and how much supply a price move needs. Pure.
 *
 * The estimate is the textbook one: with own-price elasticity of demand ε (negative), adding a share s of
 * the market's supply over a period moves the price by s / ε. Once the ledger holds enough measured
 * interventions for a commodity, their median "price change per 1% of supply added" replaces 1/ε, so the
 * estimate follows what past operations actually did.
 */

/** The minimum number of measured interventions before their median replaces the elasticity. */
export const MIN_CALIBRATION = 3;

export interface PriceResponse {
  /** Percent price change for each 1% of the period's demand added (negative). */
  pctPerSupplyPct: number;
  method: "elasticity" | "ledger";
  /** The elasticity used, or the number of measured interventions behind the median. */
  elasticity: number | null;
  measured: number;
}

export function responseFromElasticity(elasticity: number): PriceResponse {
  return { pctPerSupplyPct: 1 / elasticity, method: "elasticity", elasticity, measured: 0 };
}

/**
 * The median response of past interventions that added supply and whose price after is measured; null
 * until there are MIN_CALIBRATION of them. Positive responses (the price rose anyway) count too: leaving
 * them out would flatter the operations.
 */
export function responseFromLedger(
  past: readonly { supplySharePct: number; measuredPct: number }[],
): PriceResponse | null {
  const ratios = past
    .filter((p) => p.supplySharePct > 0 && Number.isFinite(p.measuredPct))
    .map((p) => p.measuredPct / p.supplySharePct)
    .sort((a, b) => a - b);
  if (ratios.length < MIN_CALIBRATION) return null;
  const mid = Math.floor(ratios.length / 2);
  const median =
    ratios.length % 2 ? (ratios[mid] as number) : ((ratios[mid - 1] as number) + (ratios[mid] as number)) / 2;
  return { pctPerSupplyPct: median, method: "ledger", elasticity: null, measured: ratios.length };
}

/** Percent of the period's demand that `addedKg` is. */
export function supplySharePct(addedKg: number, dailyDemandKg: number, days: number): number {
  if (dailyDemandKg <= 0 || days <= 0) return 0;
  return (addedKg / (dailyDemandKg * days)) * 100;
}

/** Expected percent price change from adding `addedKg` over `days` (negative: prices fall). */
export function expectedPriceChangePct(
  addedKg: number,
  dailyDemandKg: number,
  days: number,
  response: PriceResponse,
): number {
  return supplySharePct(addedKg, dailyDemandKg, days) * response.pctPerSupplyPct;
}

/**
 * Kilograms over `days` that should bring the price from `price` down to `target`; 0 when it is already
 * there, or when the response says added supply does not lower prices.
 */
export function kgToReach(
  price: number,
  target: number,
  dailyDemandKg: number,
  days: number,
  response: PriceResponse,
): number {
  if (price <= target || price <= 0 || response.pctPerSupplyPct >= 0) return 0;
  const neededPct = ((target - price) / price) * 100;
  const sharePct = neededPct / response.pctPerSupplyPct;
  return Math.ceil((sharePct / 100) * dailyDemandKg * days);
}

/** Mean of the prices; null when there are none. */
export function meanPrice(prices: readonly number[]): number | null {
  if (prices.length === 0) return null;
  return prices.reduce((s, p) => s + p, 0) / prices.length;
}
