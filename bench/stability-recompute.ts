/**
 * Early-warning recompute at scale: 60 markets × 30 commodities × 5 years of daily retail prices
 * (1,800 series, ≈3.3 million prices), generated in memory with a fixed seed.
 *
 * 1. engine: `evaluateSeries` on every series (pure computation: monthly means, ALPS, IPA, seasonal z,
 *    changes, gap to HET/HAP).
 * 2. service: `stability.recompute()` on a PGlite database with reference data, the series served from
 *    memory through the same `series`/`seriesKeys` signature as the prices module, so the figure is the
 *    indicators plus storing indicators, alerts and outbox rows (one subscription listens to everything).
 *    Loading 3.3 million prices into the database is the prices import's cost, measured by
 *    bench/prices-import.ts.
 *
 *   npx tsx bench/stability-recompute.ts [--markets 60] [--commodities 30] [--years 5]
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { systemClock } from "../src/lib/clock";
import { newId } from "../src/lib/ids";
import { jakartaDate } from "../src/lib/time";
import { users } from "../src/modules/identity/identity.tables";
import { COMMODITIES, createReferenceService } from "../src/modules/reference";
import { commodities } from "../src/modules/reference/reference.tables";
import { addDays } from "../src/modules/stability/domain/dates";
import { evaluateSeries } from "../src/modules/stability/domain/evaluate";
import type { DailyPoint } from "../src/modules/stability/domain/types";
import { createStabilityService, type SeriesKey } from "../src/modules/stability/stability.service";
import { stabilitySubscriptions } from "../src/modules/stability/stability.tables";
import { fmt, machine, openBenchDatabase, wholeNumber } from "./epcis-harness";

const { values } = parseArgs({
  options: {
    markets: { type: "string", default: "60" },
    commodities: { type: "string", default: "30" },
    years: { type: "string", default: "5" },
  },
});
const nMarkets = wholeNumber("markets", values.markets, 1, 1000);
const nCommodities = wholeNumber("commodities", values.commodities, 1, 200);
const years = wholeNumber("years", values.years, 1, 20);

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const today = jakartaDate(new Date());
const days = Math.round(years * 365.25);
const start = addDays(today, -days);
const commodityCodes = Array.from({ length: nCommodities }, (_, i) =>
  i < COMMODITIES.length ? (COMMODITIES[i]?.code as string) : `bench-komoditas-${i}`,
);

/** A seasonal random walk; one series in twenty ends with a spike so alerts and outbox rows are written. */
function generate(spike: boolean): DailyPoint[] {
  let price = 10_000 + Math.floor(random() * 40_000);
  const phase = random() * 2 * Math.PI;
  const out: DailyPoint[] = [];
  for (let d = 0; d < days; d++) {
    price = Math.max(1_000, price * (1 + (random() - 0.5) * 0.02));
    const seasonal = 1 + 0.08 * Math.sin(phase + (2 * Math.PI * d) / 365.25);
    if (random() < 0.1) continue; // markets skip days
    out.push({
      date: addDays(start, d),
      price: Math.round(price * seasonal * (spike && d > days - 5 ? 1.6 : 1)),
    });
  }
  return out;
}

console.log(machine());
const t0 = performance.now();
const db = await openBenchDatabase("pglite", { name: "lumbung_bench_stability" });
const reference = createReferenceService({ db: db.handle.db, clock: systemClock });
const regencies = (await reference.listRegions({ level: "regency" })).map((r) => r.code);
const series = new Map<string, { key: SeriesKey; points: DailyPoint[] }>();
let prices = 0;
for (let m = 0; m < nMarkets; m++) {
  for (const c of commodityCodes) {
    const key: SeriesKey = {
      commodityCode: c,
      regionCode: regencies[m % regencies.length] as string,
      marketId: `bench-pasar-${m}`,
      level: "retail",
    };
    const points = generate(random() < 0.05);
    prices += points.length;
    series.set(JSON.stringify([c, key.regionCode, key.marketId, key.level]), { key, points });
  }
}
console.log(
  `${fmt(series.size)} series (${nMarkets} markets × ${nCommodities} commodities), ${fmt(prices)} prices over ${years} years, ` +
    `generated in ${fmt((performance.now() - t0) / 1000, 1)} s (database included)`,
);

// 1. The pure engine.
let t = performance.now();
const levels: Record<string, number> = {};
for (const { key, points } of series.values()) {
  const e = evaluateSeries(points, {
    commodityCode: key.commodityCode,
    commodityName: { id: key.commodityCode, en: key.commodityCode },
    placeName: key.marketId ?? key.regionCode,
    today,
    reference: null,
  });
  levels[e.level] = (levels[e.level] ?? 0) + 1;
}
let s = (performance.now() - t) / 1000;
console.log(
  `engine: ${fmt(s, 2)} s, ${fmt(series.size / s)} series/s, ${fmt(prices / s)} prices/s — levels ${JSON.stringify(levels)}`,
);

// 2. The service, storing into PGlite.
try {
  const extra = commodityCodes.filter((c) => c.startsWith("bench-"));
  if (extra.length) {
    await db.handle.db
      .insert(commodities)
      .values(extra.map((code) => ({ code, name: code, nameEn: code, category: "bench", unit: "kg" })))
      .onConflictDoNothing();
  }
  const [admin] = await db.handle.db
    .select()
    .from(users)
    .where(eq(users.email, "admin@lumbung.test"))
    .limit(1);
  if (admin) {
    await db.handle.db.insert(stabilitySubscriptions).values({
      id: newId("sub"),
      userId: admin.id,
      commodityCode: null,
      regionCode: null,
      minLevel: "waspada",
      createdAt: new Date(),
    });
  }
  const source = {
    async seriesKeys() {
      return [...series.values()].map((x) => x.key);
    },
    async series(q: {
      commodityCode: string;
      regionCode: string;
      marketId?: string | null;
      level: SeriesKey["level"];
    }) {
      return (
        series.get(JSON.stringify([q.commodityCode, q.regionCode, q.marketId ?? null, q.level]))?.points ?? []
      );
    },
    async listMarkets() {
      return Array.from({ length: nMarkets }, (_, m) => ({ id: `bench-pasar-${m}`, name: `Pasar Uji ${m}` }));
    },
  };
  const stability = createStabilityService({
    db: db.handle.db,
    clock: systemClock,
    reference,
    prices: source,
  });
  for (const pass of ["first recompute", "second recompute"]) {
    t = performance.now();
    const r = await stability.recompute();
    s = (performance.now() - t) / 1000;
    console.log(
      `service ${pass}: ${fmt(s, 2)} s, ${fmt(r.series / s)} series/s — levels ${JSON.stringify(r.levels)}, ` +
        `${fmt(r.notifications)} notifications`,
    );
  }
} finally {
  await db.dispose();
}
