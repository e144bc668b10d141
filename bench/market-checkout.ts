/**
 * The last units of a popular product: 100 buyers check out at the same instant for the last 50 units
 * (issue 6: exactly 50 orders, stock never negative, no order without its stock reservation). The real
 * app runs in this process on loopback over a fresh database: in-memory PGlite, or, when DATABASE_URL is
 * set, a new database created on that PostgreSQL server for this run and dropped after it. Demo accounts
 * are seeded; a verified shop and one product with the stock are made through the catalogue's service,
 * and the buyers registered through identity (neither is measured). Then every buyer POSTs
 * /api/v1/market/orders (1 unit) at once over HTTP, and the script prints successes, failures by problem
 * code, the final stock, the units held by reservations, orders without a reservation, and latency
 * percentiles of the checkouts. The load shares the server's process (fetch on loopback), so latency
 * includes the client's own work; counts are what the run is about.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/market-checkout.ts
 *        [--buyers 100] [--stock 50] [--quantity 1] [--pool 10]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { type DatabaseHandle, openDatabase } from "../src/db/client";
import { prepareDatabase } from "../src/db/prepare";

const HOST = "127.0.0.1";
const { values } = parseArgs({
  options: {
    buyers: { type: "string", default: "100" },
    stock: { type: "string", default: "50" },
    quantity: { type: "string", default: "1" },
    pool: { type: "string", default: "10" },
  },
});
const BUYERS = Number(values.buyers);
const STOCK = Number(values.stock);
const QUANTITY = Number(values.quantity);
const POOL = Number(values.pool);
for (const [name, v, max] of [
  ["buyers", BUYERS, 5000],
  ["stock", STOCK, 1_000_000],
  ["quantity", QUANTITY, 1000],
  ["pool", POOL, 200],
] as const) {
  if (!Number.isInteger(v) || v < 1 || v > max) {
    console.error(`--${name} must be a whole number from 1 to ${max} (got ${v})`);
    process.exit(64);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

/** A throwaway database on the DATABASE_URL server, so a run never mixes with other data. */
async function scratchPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lumbung_bench_checkout_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: HOST, port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  return `http://${HOST}:${address.port}`;
}

async function setUp(app: FastifyInstance, run: string) {
  const { identity, marketplace } = app.services;
  const meta = { ip: HOST, userAgent: "bench/market-checkout" };
  const umkm = await identity.login({ identifier: "umkm@lumbung.test", password: "lumbung-demo" }, meta);
  const admin = await identity.login({ identifier: "admin@lumbung.test", password: "lumbung-demo" }, meta);
  const seller = await identity.authenticate(umkm.token);
  const official = await identity.authenticate(admin.token);
  const shop =
    (await marketplace.catalog.mySeller(seller).catch(() => null)) ??
    (await marketplace.catalog.apply(seller, {
      displayName: "Kopi Robusta Tanggamus",
      description: "Kopi robusta petik merah dari lereng Tanggamus.",
      nib: "9120001234567",
      bank: { name: "BRI", accountNumber: "001201000123567", accountName: "Kopi Robusta Tanggamus" },
      pickupAddress: "Jl. Raya Kota Agung 1, Tanggamus",
      regionCode: "18.06",
    }));
  if (shop.status !== "verified") await marketplace.catalog.verify(official, shop.id);
  const product = await marketplace.catalog.createProduct(seller, {
    name: `Kopi Robusta Edisi Terbatas ${run}`,
    description: "Lot terakhir musim ini; untuk uji beban checkout.",
    category: "kopi",
    originRegionCode: "18.06",
    variants: [{ name: "250 g", price: 45_000, stock: STOCK, weightGrams: 250 }],
    photos: [],
  });
  await marketplace.catalog.setProductStatus(seller, product.id, "active");
  const detail = await marketplace.catalog.getProduct(product.id);
  const variantId = detail?.variants[0]?.id;
  if (!variantId) throw new Error("the product is not listed");

  // Buyers registered a few at a time (password hashing is not what this measures).
  const tokens: string[] = new Array(BUYERS);
  let next = 0;
  const worker = async () => {
    while (next < BUYERS) {
      const i = next++;
      const s = await identity.register(
        {
          name: `Pembeli Uji ${i + 1}`,
          email: `pembeli-${run}-${i}@bench.lumbung.test`,
          password: "bench-password-123",
        },
        meta,
      );
      tokens[i] = s.token;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { productId: product.id, variantId, tokens };
}

async function main() {
  const pgUrl = process.env.DATABASE_URL;
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? "unknown"}), ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}, ` +
      `${pgUrl ? `PostgreSQL (DATABASE_URL, pool ${POOL})` : "PGlite in memory"}, ` +
      `${BUYERS} buyers × ${QUANTITY} unit(s) for ${STOCK} in stock\n`,
  );
  const scratch = pgUrl ? await scratchPostgres(pgUrl) : null;
  let database: DatabaseHandle | null = null;
  let app: FastifyInstance | null = null;
  try {
    database = scratch
      ? await openDatabase({ kind: "postgres", url: scratch.url, poolSize: POOL })
      : await openDatabase({ kind: "pglite" });
    await prepareDatabase(database, { demo: true });
    app = await buildApp({
      config: loadConfig({
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        WEB_DIST_DIR: "/nonexistent",
        PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE: "100000",
        LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
      }),
      database,
    });
    const base = await listen(app);
    const run = Date.now().toString(36);
    const { productId, variantId, tokens } = await setUp(app, run);

    const body = JSON.stringify({
      items: [{ variantId, quantity: QUANTITY }],
      shippingAddress: {
        name: "Pembeli Uji",
        phone: "+62 812 0000 0000",
        address: "Jl. Kramat Raya 12, Senen",
        regionCode: "31.71",
      },
    });
    const t0 = performance.now();
    const results = await Promise.all(
      tokens.map(async (token) => {
        const start = performance.now();
        const res = await fetch(`${base}/api/v1/market/orders`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body,
        });
        const json = (await res.json()) as { code?: string };
        return {
          status: res.status,
          code: res.status === 201 ? "created" : (json.code ?? String(res.status)),
          ms: performance.now() - start,
        };
      }),
    );
    const wall = performance.now() - t0;

    const byCode = new Map<string, number>();
    for (const r of results) byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    const stock = (await app.services.marketplace.catalog.getProduct(productId))?.variants[0]?.stock;
    const counted = (await database.db.execute(sql`
      select
        (select count(*) from market_orders o join market_order_items i on i.order_id = o.id
           where i.product_id = ${productId})::int as orders,
        (select coalesce(sum(quantity), 0) from market_stock_reservations
           where product_id = ${productId} and status = 'held')::int as held,
        (select count(*) from market_orders o where not exists
           (select 1 from market_stock_reservations r where r.order_id = o.id))::int as orphans,
        (select count(*) from market_variants where stock < 0)::int as negative`)) as unknown as {
      rows: { orders: number; held: number; orphans: number; negative: number }[];
    };
    const row = counted.rows[0];
    const expected = Math.min(BUYERS, Math.floor(STOCK / QUANTITY));
    console.log(`successes (201)              ${byCode.get("created") ?? 0}   (expected ${expected})`);
    for (const [code, n] of [...byCode].filter(([c]) => c !== "created").sort()) {
      console.log(`failures ${code.padEnd(20)} ${n}`);
    }
    console.log(`final stock                  ${stock}   (expected ${STOCK - expected * QUANTITY})`);
    console.log(`units held by reservations   ${row?.held}`);
    console.log(`orders for the product       ${row?.orders}`);
    console.log(`orders without reservation   ${row?.orphans}`);
    console.log(`variants with negative stock ${row?.negative}`);
    console.log(
      `latency ms                   p50 ${percentile(ms, 50).toFixed(1)}  p95 ${percentile(ms, 95).toFixed(1)}  ` +
        `p99 ${percentile(ms, 99).toFixed(1)}  max ${(ms.at(-1) ?? 0).toFixed(1)}  (all ${BUYERS} in ${wall.toFixed(0)} ms)`,
    );
    const ok =
      (byCode.get("created") ?? 0) === expected &&
      stock === STOCK - expected * QUANTITY &&
      row?.orphans === 0 &&
      row?.negative === 0 &&
      row?.held === expected * QUANTITY;
    console.log(ok ? "\nconsistent: yes" : "\nconsistent: NO");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await app?.close();
    await database?.close();
    await scratch?.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
