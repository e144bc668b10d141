import type { Database } from "../../db/client";
import { supplyPlans } from "./supply.tables";

/**
 * Default supply plans, loaded at every start and never over a plan that exists (officials change
 * them through the API). Only what reference/corridor.md gives a figure for; docs/supply-outlook.md
 * explains each number and marks what is assumed.
 */
export const DEFAULT_SUPPLY_PLANS = [
  {
    commodityCode: "beras-medium",
    regionCode: "31",
    // "Jakarta eats ≈ 2,500 t of rice a day (≈ 86 kt/month)".
    dailyDemandKg: 2_500_000,
    // Food Station's stock target 25–30 kt ÷ 2,500 t a day = 10–12 days; the lower end.
    targetCoverDays: 10,
    // Paddy seasons: panen raya Feb–May (peak March), gadu Jun–Sep, paceklik Oct–Jan. The shares are
    // an assumption shaped by those seasons and balanced over the year (the surplus Feb–May, +0.35
    // months of demand, refills what Oct–Jan draws, −0.35).
    inflowIndex: [0.95, 1.05, 1.15, 1.1, 1.05, 1, 1, 1, 1, 0.92, 0.9, 0.88],
    // PT Wahana Raharja 500 t a month (Food Station's request, 2021), all year (a mill stores dried
    // paddy); plus Gapoktan Sari Makmur's ≈ 450 t a season: the main crop spread Feb–May 90/180/120/60 t
    // (peak March), the gadu crop assumed 240 t (35:65 of the main one) over Jun–Sep.
    lampungSupplyKg: [
      500_000, 590_000, 680_000, 620_000, 560_000, 560_000, 560_000, 560_000, 560_000, 500_000, 500_000,
      500_000,
    ],
    // Assumption: staple rice demand is inelastic; −0.2 sits in the range commonly estimated for rice
    // in Indonesia (−0.1 to −0.3). No source in reference/corridor.md.
    demandElasticity: -0.2,
    source:
      "reference/corridor.md: Jakarta eats ≈ 2,500 t of rice a day; Food Station stock target 25–30 kt (10 days at 2,500 t); " +
      "paddy seasons (panen raya Feb–May peak March, gadu Jun–Sep, paceklik Oct–Jan) shape the inflow index (assumed values, balanced over the year); " +
      "Lampung supply = PT Wahana Raharja 500 t/month (Food Station request) + Gapoktan Sari Makmur ≈ 450 t per main season, gadu crop assumed 240 t; " +
      "demand elasticity −0.2 is an assumption (no source).",
  },
] as const;

export async function loadSupplyDefaults(db: Database): Promise<void> {
  // Load time, not a service's clock: like the reference data, defaults are stamped when written.
  const now = new Date();
  for (const p of DEFAULT_SUPPLY_PLANS) {
    await db
      .insert(supplyPlans)
      .values({
        ...p,
        inflowIndex: [...p.inflowIndex],
        lampungSupplyKg: [...p.lampungSupplyKg],
        updatedBy: null,
        updatedAt: now,
      })
      .onConflictDoNothing();
  }
}
