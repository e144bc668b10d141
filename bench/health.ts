/**
 * GET /health on the real Lumbung app against a bare Fastify app, on loopback, one after the other.
 * Shows what the platform's per-request pipeline (helmet headers, cookie parsing, the authentication
 * hook, request ids, the readiness check, the audit onSend hook, zod response serialisation) costs on
 * the cheapest route, which touches no database. Then the public price board (issue 4 asks for ≥ 40%
 * of bare Fastify's requests/s) on a month of prices for every demo market, in the same run. Every
 * target is asked with a browser's Accept-Encoding; the board is loaded once more without it.
 * Usage: npm run bench -- --duration 10
 */
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { prepareDatabase } from "../src/db/prepare";
import { MARKETS } from "../src/modules/prices";

const HOST = "127.0.0.1";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    warmup: { type: "string", default: "2" },
  },
});

function wholeNumber(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max} (got ${raw})`);
    process.exit(64); // EX_USAGE
  }
  return n;
}

const duration = wholeNumber("duration", values.duration, 1, 600);
const connections = wholeNumber("connections", values.connections, 1, 1000);
const warmup = wholeNumber("warmup", values.warmup, 0, 60);

async function listen(app: FastifyInstance): Promise<string> {
  // Port 0: the kernel picks a free port; loopback only.
  await app.listen({ host: HOST, port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  return `http://${HOST}:${address.port}/health`;
}

/**
 * What Chrome sends: every target gets the same request, so a server that compresses is measured as a
 * browser would meet it, and one that does not (bare Fastify's tiny answer) pays nothing for the header.
 */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };

/** GET with exactly these headers (fetch would add its own Accept-Encoding), the body as sent. */
function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; coding: string; raw: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            coding: String(res.headers["content-encoding"] ?? "identity"),
            raw: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const DECODE: Record<string, (b: Buffer) => Buffer> = {
  identity: (b) => b,
  gzip: (b) => zlib.gunzipSync(b),
  br: (b) => zlib.brotliDecompressSync(b),
};

/**
 * The target answers 200 with what it should (a health check says ok, the board has prices), in a
 * coding the client asked for. Returns that coding, for the table.
 */
async function check(url: string, headers: Record<string, string>) {
  const { status, coding, raw } = await get(url, headers);
  const decode = DECODE[coding];
  if (!decode || (coding !== "identity" && !headers["accept-encoding"]?.includes(coding)))
    throw new Error(`${url} answered in a coding the client did not ask for: ${coding}`);
  const body = JSON.parse(decode(raw).toString("utf8")) as { status?: string; entries?: unknown[] };
  const ok = url.endsWith("/health") ? body.status === "ok" : (body.entries?.length ?? 0) > 0;
  if (status !== 200 || !ok)
    throw new Error(`${url} answered ${status} ${JSON.stringify(body).slice(0, 300)}`);
  return coding;
}

async function load(title: string, url: string, headers: Record<string, string> = BROWSER_HEADERS) {
  const coding = await check(url, headers);
  // workers: 1 puts the load generator on its own thread, so it does not share the servers' event loop.
  if (warmup > 0) await autocannon({ url, headers, connections, duration: warmup, workers: 1 });
  const result = await autocannon({ title, url, headers, connections, duration, workers: 1 });
  if (result.errors || result.timeouts || result.non2xx) {
    console.warn(
      `warning: ${title}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`,
    );
  }
  return { result, coding };
}

const BOARD_DAY = "2026-03-31";

/** 31 days of prices for ten commodities at every market Lumbung knows, recorded as an admin would. */
async function recordMonthOfPrices(app: FastifyInstance) {
  const admin = {
    type: "user" as const,
    userId: "bench",
    name: "bench",
    isAdmin: true,
    persona: "admin" as const,
    sessionId: "bench",
    organisationId: null,
    organisationKind: null,
    membershipRole: null,
  };
  const commodities = [
    "beras-medium",
    "beras-premium",
    "cabai-rawit",
    "cabai-merah-keriting",
    "bawang-merah",
    "bawang-putih",
    "gula-pasir",
    "minyak-goreng",
    "telur-ayam",
    "daging-ayam",
  ];
  const markets = MARKETS.map((m) => m.code);
  const items = [];
  for (let d = 1; d <= 31; d++) {
    const date = `2026-03-${String(d).padStart(2, "0")}`;
    for (const [i, commodityCode] of commodities.entries()) {
      for (const [j, marketCode] of markets.entries()) {
        items.push({ commodityCode, marketCode, date, price: 10_000 + i * 3_000 + j * 100 + (d % 5) * 50 });
      }
    }
  }
  for (let i = 0; i < items.length; i += 5_000) {
    await app.services.prices.record(admin, items.slice(i, i + 5_000));
  }
}

async function main() {
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? "unknown"}), ` +
      `${connections} connections, ${warmup} s warm-up + ${duration} s per target\n`,
  );

  // (a) The real app: in-memory PGlite, migrated and loaded with reference data, no demo accounts.
  const database = await openDatabase({ kind: "pglite" });
  await prepareDatabase(database, { demo: false });
  const lumbung = await buildApp({
    config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST_DIR: "/nonexistent" }),
    database,
  });
  // (b) The floor: Fastify with one route and nothing else.
  const bare = Fastify({ logger: false });
  bare.get("/health", async () => ({ status: "ok" }));

  try {
    const bareUrl = await listen(bare);
    const lumbungUrl = await listen(lumbung);
    const floor = await load("bare Fastify", bareUrl);
    const health = await load("Lumbung", lumbungUrl);
    const boardUrl = lumbungUrl.replace(/\/health$/, `/api/v1/public/prices/board?date=${BOARD_DAY}`);
    await recordMonthOfPrices(lumbung);
    const board = await load("price board", boardUrl);
    // For the record, not the target: a client that asks for no compression gets the whole ≈ 90 kB.
    const boardPlain = await load("price board, uncompressed", boardUrl, {});

    const rows = [
      { name: "bare Fastify", ...floor },
      { name: "Lumbung", ...health },
      { name: "Lumbung public price board", ...board },
      { name: "Lumbung public price board, no Accept-Encoding", ...boardPlain },
    ];
    const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
    console.log(
      "| target | content-encoding | requests/s (mean) | p50 latency (ms) | p99 latency (ms) | " +
        "bytes/response | requests | errors/non-2xx |",
    );
    console.log("|---|---|---:|---:|---:|---:|---:|---:|");
    for (const { name, result: r, coding } of rows) {
      console.log(
        `| ${name} | ${coding} | ${fmt(r.requests.average)} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p99)} | ` +
          `${fmt((r.throughput.total ?? 0) / Math.max(r.requests.total ?? 0, 1))} | ${fmt(r["2xx"])} | ` +
          `${r.errors + r.timeouts}/${r.non2xx} |`,
      );
    }
    const bareResult = floor.result;
    const lumbungResult = health.result;
    const boardResult = board.result;
    const ratio = lumbungResult.requests.average / bareResult.requests.average;
    console.log(`\nratio Lumbung/bare (requests/s): ${ratio.toFixed(2)}`);
    const boardRatio = boardResult.requests.average / bareResult.requests.average;
    console.log(`ratio price board/bare (requests/s): ${boardRatio.toFixed(2)} (issue 4 asks ≥ 0.40)`);
  } finally {
    await lumbung.close();
    await bare.close();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
