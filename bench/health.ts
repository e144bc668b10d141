/**
 * GET /health on the real Lumbung app against a bare Fastify app, on loopback, one after the other.
 * Shows what the platform's per-request pipeline (helmet headers, cookie parsing, the authentication
 * hook, request ids, the readiness check, the audit onSend hook, zod response serialisation) costs on
 * the cheapest route, which touches no database. Usage: npm run bench -- --duration 10
 */
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon, { type Result } from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { prepareDatabase } from "../src/db/prepare";

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

async function check(url: string) {
  const res = await fetch(url);
  const body = (await res.json()) as { status?: string };
  if (res.status !== 200 || body.status !== "ok")
    throw new Error(`${url} answered ${res.status} ${JSON.stringify(body)}`);
}

async function load(title: string, url: string): Promise<Result> {
  await check(url);
  // workers: 1 puts the load generator on its own thread, so it does not share the servers' event loop.
  if (warmup > 0) await autocannon({ url, connections, duration: warmup, workers: 1 });
  const result = await autocannon({ title, url, connections, duration, workers: 1 });
  if (result.errors || result.timeouts || result.non2xx) {
    console.warn(
      `warning: ${title}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`,
    );
  }
  return result;
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
    const bareResult = await load("bare Fastify", bareUrl);
    const lumbungResult = await load("Lumbung", lumbungUrl);

    const rows = [
      { name: "bare Fastify", r: bareResult },
      { name: "Lumbung", r: lumbungResult },
    ];
    const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
    console.log(
      "| target | requests/s (mean) | p50 latency (ms) | p99 latency (ms) | requests | errors/non-2xx |",
    );
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const { name, r } of rows) {
      console.log(
        `| ${name} | ${fmt(r.requests.average)} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p99)} | ` +
          `${fmt(r["2xx"])} | ${r.errors + r.timeouts}/${r.non2xx} |`,
      );
    }
    const ratio = lumbungResult.requests.average / bareResult.requests.average;
    console.log(`\nratio Lumbung/bare (requests/s): ${ratio.toFixed(2)}`);
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
