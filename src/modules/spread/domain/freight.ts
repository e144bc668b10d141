import type { FreightComponent } from "../spread.tables";

export type { FreightComponent };

export const FREIGHT_PER = ["truck", "kg", "tonne_km"] as const;

export interface FreightRate {
  route: string;
  name: string;
  payloadKg: number;
  components: FreightComponent[];
}

/** Rupiah per kg of one component; fractional on purpose, so rounding happens once, on the total. */
export function componentRpPerKg(c: FreightComponent, payloadKg: number): number {
  switch (c.per) {
    case "truck":
      return c.rp / payloadKg;
    case "kg":
      return c.rp;
    case "tonne_km":
      return (c.rp * (c.km ?? 0)) / 1000;
  }
}

/**
 * Labels a figure nobody published: its source text starts with "Asumsi"/"Assumption" (how the defaults
 * and the editor mark them), so the answer can show which parts of a freight cost are guesses.
 */
export function isAssumption(source: string): boolean {
  return /^\s*(asumsi|assumption)/i.test(source);
}

export interface FreightBreakdown {
  route: string;
  name: string;
  payloadKg: number;
  /** Σ components, rounded to whole rupiah once. */
  rpPerKg: number;
  components: (FreightComponent & { rpPerKg: number; assumption: boolean })[];
  /** True when any component rests on an assumption. */
  assumptions: boolean;
}

export function freightPerKg(rate: FreightRate): FreightBreakdown {
  let total = 0;
  const components = rate.components.map((c) => {
    const exact = componentRpPerKg(c, rate.payloadKg);
    total += exact;
    return { ...c, rpPerKg: Math.round(exact * 10) / 10, assumption: isAssumption(c.source) };
  });
  return {
    route: rate.route,
    name: rate.name,
    payloadKg: rate.payloadKg,
    rpPerKg: Math.round(total),
    components,
    assumptions: components.some((c) => c.assumption),
  };
}

/** The route with the lowest cost per kg (ties: the first given), or null when there is none. */
export function cheapestRoute(freight: { route: string; rpPerKg: number }[]): string | null {
  let best: { route: string; rpPerKg: number } | null = null;
  for (const f of freight) if (!best || f.rpPerKg < best.rpPerKg) best = f;
  return best?.route ?? null;
}
