/**
 * Catalogue search latency at 100,000 products: `marketplace.catalog.search()` (what
 * `GET /api/v1/market/products` runs) for a few hundred mixed queries — exact words, prefixes, typos,
 * accents, filters, every sort, deep pages. Usage:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/market-search.ts          # 100,000 products
 *   DATABASE_URL=… npx tsx bench/market-search.ts --products 20000 --queries 600 --keep
 *   DATABASE_URL=… npx tsx bench/market-search.ts --reuse                                          # measure the kept data again
 *   npx tsx bench/market-search.ts --db pglite --products 10000                                    # a temporary PGlite
 *
 * The products are made by SQL (`generate_series`) in a fresh database migrated and seeded as in demo
 * mode: 400 verified shops, names composed from word lists of Lampung UMKM goods ("Keripik Pisang
 * Cokelat Lampung Barat", "Kopi Robusta Petik Merah Tanggamus"), one to three variants each, one in
 * eight traceable, then ANALYZE. Queries run one at a time after 40 warm-up queries, so the figures
 * are the latency of one search, not throughput. Prints p50/p95/p99 per kind of query and overall.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import type { Database } from "../src/db/client";
import type { SearchQuery } from "../src/modules/marketplace/marketplace.catalog";
import { type BenchDbKind, fmt, machine, openBenchDatabase, percentile, wholeNumber } from "./epcis-harness";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: process.env.DATABASE_URL ? "postgres" : "pglite" },
    products: { type: "string", default: "100000" },
    queries: { type: "string", default: "400" },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
  },
});
const kind = args.db as BenchDbKind;
const PRODUCTS = wholeNumber("--products", args.products, 100, 2_000_000);
const QUERIES = wholeNumber("--queries", args.queries, 10, 100_000);
const SHOPS = 400;

/** [word, category] pairs for what a product is, then what kind of it, then a flavour, then where. */
const KINDS: [string, string][] = [
  ["Kopi", "kopi"],
  ["Kopi Bubuk", "kopi"],
  ["Biji Kopi", "kopi"],
  ["Keripik", "keripik"],
  ["Kerupuk", "keripik"],
  ["Emping", "keripik"],
  ["Tepung", "olahan-singkong"],
  ["Tiwul", "olahan-singkong"],
  ["Madu", "madu"],
  ["Beras", "beras"],
  ["Sambal", "bumbu"],
  ["Bumbu", "bumbu"],
  ["Sirup", "minuman"],
  ["Teh", "minuman"],
  ["Dodol", "kue"],
  ["Lapis Legit", "kue"],
  ["Abon", "olahan-laut"],
  ["Kain Tapis", "kerajinan"],
];
const WHATS = [
  "Robusta",
  "Arabika",
  "Luwak",
  "Pisang",
  "Singkong",
  "Tapioka",
  "Hutan",
  "Kelulut",
  "Organik",
  "Merah",
  "Ikan Tenggiri",
  "Lingkung",
  "Nanas",
  "Durian",
  "Jahe Merah",
  "Gula Aren",
  "Cokelat",
  "Pandan",
  "Siger",
  "Kelapa",
];
const FLAVOURS = [
  "Original",
  "Pedas",
  "Manis",
  "Balado",
  "Premium",
  "Petik Merah",
  "Asli",
  "Lumer",
  "Renyah",
  "Éksklusif",
  "Spesial",
  "Super",
];
const PLACES: [string, string][] = [
  ["Lampung Barat", "18.04"],
  ["Tanggamus", "18.06"],
  ["Lampung Selatan", "18.01"],
  ["Lampung Timur", "18.07"],
  ["Lampung Tengah", "18.02"],
  ["Way Kanan", "18.08"],
  ["Pesawaran", "18.09"],
  ["Pringsewu", "18.10"],
  ["Metro", "18.72"],
  ["Bandar Lampung", "18.71"],
  ["Tulang Bawang", "18.05"],
  ["Mesuji", "18.11"],
];

const arr = (xs: readonly string[]) =>
  sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`);
/** A stable pseudo-random pick for row `i` from a list of `n` (different salts decorrelate the columns). */
const pick = (salt: string, n: number) => sql.raw(`(1 + abs(hashtext(i::text || '${salt}')) % ${n})`);

async function fill(db: Database) {
  const started = performance.now();
  await db.execute(sql`
    insert into organisations (id, name, kind, region_code, created_at)
    select 'org_bench_' || i, 'UMKM Bench ' || i, 'umkm', null, now() from generate_series(1, ${SHOPS}) i`);
  await db.execute(sql`
    insert into market_sellers (id, organisation_id, display_name, slug, description, nib, bank_name,
      bank_account_number, bank_account_name, pickup_address, region_code, region_name, status,
      reviewed_at, created_at, updated_at)
    select 'sel_bench_' || i, 'org_bench_' || i, 'UMKM Bench ' || i, 'umkm-bench-' || i,
      'Usaha mikro di Lampung', lpad(i::text, 13, '9'), 'Bank Lampung', lpad(i::text, 12, '0'), 'Pemilik ' || i,
      'Jl. Bench No. ' || i, (${arr(PLACES.map((p) => p[1]))})[${pick("r", PLACES.length)}],
      (${arr(PLACES.map((p) => p[0]))})[${pick("r", PLACES.length)}], 'verified', now(), now(), now()
    from generate_series(1, ${SHOPS}) i`);
  await db.execute(sql`
    insert into market_products (id, seller_id, name, slug, description, category, origin_region_code,
      origin_region_name, lot_epc, lot_gtin, lot_code, status, listed, price, price_max, sold_count,
      rating_sum, rating_count, published_at, created_at, updated_at)
    select 'prd_bench_' || i, 'sel_bench_' || (1 + i % ${SHOPS}), name, 'bench-' || i,
      name || '. Produk UMKM ' || place || ', dikemas rapi dan dikirim dari Lampung.', category, region,
      place, case when i % 8 = 0 then 'urn:epc:class:lgtin:8990000.0' || lpad((i % 1000)::text, 5, '0') || '.B' || i end,
      case when i % 8 = 0 then '08990000' || lpad((i % 1000)::text, 5, '0') || '0' end,
      case when i % 8 = 0 then 'B' || i end,
      case when i % 23 = 0 then 'draft' else 'active' end, i % 23 <> 0, price, price * 3,
      abs(hashtext(i::text || 's')) % 500, 0, 0, now() - (i || ' minutes')::interval, now(), now()
    from (
      select i,
        k.word || ' ' || (${arr(WHATS)})[${pick("w", WHATS.length)}] || ' ' ||
          (${arr(FLAVOURS)})[${pick("f", FLAVOURS.length)}] || ' ' || (${arr(PLACES.map((p) => p[0]))})[${pick("p", PLACES.length)}] as name,
        k.category, (${arr(PLACES.map((p) => p[0]))})[${pick("p", PLACES.length)}] as place,
        (${arr(PLACES.map((p) => p[1]))})[${pick("p", PLACES.length)}] as region,
        (5 + abs(hashtext(i::text || 'price')) % 300) * 1000 as price
      from generate_series(1, ${PRODUCTS}) i
      join (select row_number() over () as n, word, category
            from unnest(${arr(KINDS.map((k) => k[0]))}, ${arr(KINDS.map((k) => k[1]))}) as u(word, category)) k
        on k.n = ${pick("k", KINDS.length)}
    ) g`);
  await db.execute(sql`
    insert into market_variants (id, product_id, name, sku, price, stock, weight_grams, position, active)
    select 'var_bench_' || p.i || '_' || v, 'prd_bench_' || p.i, (array['250 g', '500 g', '1 kg'])[v + 1],
      null, (5 + abs(hashtext(p.i::text || 'price')) % 300) * 1000 * (v + 1), 50, 250 * (v + 1), v, true
    from generate_series(1, ${PRODUCTS}) p(i), generate_series(0, 2) v
    where v < 1 + p.i % 3`);
  // The vocabulary the service keeps as names are written (typo corrections are looked up in it).
  await db.execute(sql`
    insert into market_search_words (word)
    select distinct w from market_products, regexp_split_to_table(search_name, '[^[:alnum:]]+') w
    where length(w) >= 3 on conflict do nothing`);
  // What autovacuum does to a table this size soon after: statistics, and the visibility map that lets
  // counts read the narrow partial indexes instead of the rows.
  for (const table of ["market_search_words", "market_sellers", "market_products", "market_variants"]) {
    await db.execute(sql.raw(kind === "postgres" ? `vacuum analyze ${table}` : `analyze ${table}`));
  }
  return performance.now() - started;
}

/** The mix: what people type in a shop's search box, and the filters and sorts of the storefront. */
function queries(n: number): { kind: string; q: SearchQuery }[] {
  const exact = [
    "kopi robusta",
    "keripik pisang",
    "madu hutan",
    "sambal lingkung",
    "beras organik",
    "kain tapis",
  ];
  const prefixes = ["kop", "keri", "madu ke", "tepung tap", "dodol dur", "sirup pa"];
  const typos = [
    "kopi robsta",
    "kripik pisang",
    "madu hutn",
    "sambel lingkung",
    "tepung tapioca",
    "keripik pisng",
  ];
  const accents = ["kópi arabika", "éksklusif", "KERIPIK Balado", "Madu  Kelulut!"];
  const categories = KINDS.map((k) => k[1]);
  const sorts = ["relevance", "newest", "price_asc", "price_desc", "popular"] as const;
  const out: { kind: string; q: SearchQuery }[] = [];
  for (let i = 0; i < n; i++) {
    const at = <T>(xs: readonly T[], salt = 0) => xs[(i * 7 + salt) % xs.length] as T;
    const sort = at(sorts, 3);
    const page = { limit: 20, offset: i % 10 === 9 ? 100 : i % 4 === 3 ? 20 : 0 };
    switch (i % 8) {
      case 0:
        out.push({ kind: "exact words", q: { q: at(exact), sort, ...page } });
        break;
      case 1:
        out.push({ kind: "prefix", q: { q: at(prefixes), ...page } });
        break;
      case 2:
        out.push({ kind: "typo", q: { q: at(typos), ...page } });
        break;
      case 3:
        out.push({ kind: "accents/case", q: { q: at(accents), ...page } });
        break;
      case 4:
        out.push({
          kind: "words + filters",
          q: { q: at(exact, 1), category: at(categories), traceable: i % 3 === 0, sort, ...page },
        });
        break;
      case 5:
        out.push({
          kind: "filters only",
          q: {
            category: at(categories, 2),
            regency: at(PLACES, 1)[1],
            minPrice: 20_000,
            maxPrice: 150_000,
            sort,
            ...page,
          },
        });
        break;
      case 6:
        out.push({ kind: "browse (sort)", q: { sort, ...page } });
        break;
      default:
        out.push({
          kind: "seller page",
          q: { seller: `umkm-bench-${1 + (i % SHOPS)}`, sort: "popular", ...page },
        });
    }
  }
  return out;
}

async function main() {
  const bench = await openBenchDatabase(kind, {
    name: "lumbung_bench_market",
    keep: args.keep,
    reuse: args.reuse,
  });
  const db = bench.handle.db;
  console.log(`market search: ${kind} (${bench.where}), ${machine()}`);
  if (!bench.reused) {
    const ms = await fill(db);
    console.log(`filled ${fmt(PRODUCTS)} products of ${SHOPS} shops in ${fmt(ms / 1000, 1)} s`);
  }
  const counted = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from market_products where listed`,
  );
  const listed = (counted as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? Number.NaN;
  console.log(`listed products: ${fmt(listed)}`);

  const app = await buildApp({
    config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST_DIR: "/nonexistent" }),
    database: bench.handle,
  });
  await app.ready();
  const catalog = app.services.marketplace.catalog;
  try {
    for (const { q } of queries(40)) await catalog.search(q);
    const timings = new Map<string, number[]>();
    const all: number[] = [];
    let fuzzyHits = 0;
    for (const { kind: k, q } of queries(QUERIES)) {
      const t0 = performance.now();
      const page = await catalog.search(q);
      const ms = performance.now() - t0;
      if (k === "typo" && page.total > 0) fuzzyHits++;
      timings.set(k, [...(timings.get(k) ?? []), ms]);
      all.push(ms);
    }
    const row = (label: string, xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `${label.padEnd(18)} ${String(s.length).padStart(6)} ${fmt(percentile(s, 50), 1).padStart(8)} ${fmt(percentile(s, 95), 1).padStart(8)} ${fmt(percentile(s, 99), 1).padStart(8)} ${fmt(s[s.length - 1] ?? 0, 1).padStart(8)}`;
    };
    console.log(
      `\n${"query kind".padEnd(18)} ${"n".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}`,
    );
    for (const [label, xs] of timings) console.log(row(label, xs));
    console.log(row("all", all));
    console.log(`\ntypo queries that found something: ${fuzzyHits}/${timings.get("typo")?.length ?? 0}`);
  } finally {
    await app.close();
    await bench.dispose();
  }
}

await main();
