/**
 * Price import throughput: one CSV of N observation rows (Lumbung's format; default 1,000,000) imported
 * through the prices service (parse, map names, outlier check, idempotent upsert, one transaction) on
 * PostgreSQL (a throw-away database on the DATABASE_URL server) or PGlite. Then imports the same file
 * again, which must change nothing. Usage:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/prices-import.ts
 *   npx tsx bench/prices-import.ts --db pglite --rows 100000
 *
 * The file is generated before the clock starts: every market × 18 commodities × consecutive days,
 * prices on a seeded random walk (no outliers, so every row is stored as accepted).
 */
import { parseArgs } from "node:util";
import { systemClock } from "../src/lib/clock";
import { createPricesService, loadMarkets, MARKETS } from "../src/modules/prices";
import { COMMODITIES, createReferenceService } from "../src/modules/reference";
import {
  type BenchDbKind,
  fmt,
  machine,
  openBenchDatabase,
  postgresAdminUrl,
  wholeNumber,
} from "./epcis-harness";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    rows: { type: "string", default: "1000000" },
    keep: { type: "boolean", default: false },
  },
});
const rows = wholeNumber("rows", values.rows, 1, 10_000_000);
const kind: BenchDbKind =
  (values.db as BenchDbKind | undefined) ?? (postgresAdminUrl() ? "postgres" : "pglite");
if (kind !== "postgres" && kind !== "pglite") {
  console.error("--db must be postgres or pglite");
  process.exit(64);
}

function generate(n: number): string {
  const commodities = COMMODITIES.slice(0, 18).map((c) => c.code);
  const series = MARKETS.flatMap((m) =>
    commodities.map((c) => ({ market: m.code, level: m.level, commodity: c })),
  );
  const days = Math.ceil(n / series.length);
  const start = Date.UTC(2026, 0, 1) - days * 86_400_000;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const lines = ["date,commodity,region,market,level,price"];
  let written = 0;
  for (const s of series) {
    let price = 10_000 + Math.floor(random() * 40_000);
    for (let d = 0; d < days && written < n; d++, written++) {
      price = Math.max(1_000, Math.round(price * (1 + (random() - 0.5) * 0.04)));
      const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${date},${s.commodity},,${s.market},${s.level},${price}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

console.log(machine());
const csv = generate(rows);
console.log(`${kind}: ${fmt(rows)} rows, ${fmt(csv.length / 1_048_576, 1)} MiB of CSV`);
const db = await openBenchDatabase(kind, { name: "lumbung_bench_prices", keep: values.keep });
try {
  await loadMarkets(db.handle.db);
  const reference = createReferenceService({ db: db.handle.db, clock: systemClock });
  const prices = createPricesService({ db: db.handle.db, clock: systemClock, reference });
  for (const pass of ["first import", "re-import"]) {
    const t0 = performance.now();
    const r = await prices.importCsv({ type: "anonymous" }, csv, { skipInvalid: false, source: "bench" });
    const s = (performance.now() - t0) / 1000;
    console.log(
      `${pass}: ${fmt(s, 1)} s, ${fmt(rows / s)} rows/s — inserted ${fmt(r.inserted)}, unchanged ${fmt(r.unchanged)}, ` +
        `updated ${fmt(r.updated)}, held ${fmt(r.held)}, skipped ${fmt(r.skipped)}`,
    );
  }
} finally {
  await db.dispose();
}
