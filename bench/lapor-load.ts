/**
 * 200 citizens file a Lapor report at the same instant (issue 5: p99 < 500 ms, no error, no report lost
 * or duplicated). The real app runs in this process on loopback (in-memory PGlite, or PostgreSQL when
 * DATABASE_URL is set), migrated and loaded with demo data, so agency staff exist and are notified as in
 * production. The citizens are registered through the identity service first (not measured); then every
 * one POSTs /api/v1/lapor/reports with its own clientRequestId at once, and half of them send the same
 * POST again a few milliseconds later without waiting for the first answer, as a flaky phone would.
 * The load comes from a worker thread so the client does not share the server's event loop.
 * Afterwards it checks, through the Lapor API (GET /api/v1/lapor/my/reports for every citizen) and in
 * the database, that exactly one report exists per citizen, with that citizen's clientRequestId, and
 * that a retry got the same report back.
 * Usage: npx tsx bench/lapor-load.ts [--citizens 200] [--retry-share 0.5] [--spread-ms 0]
 * (--spread-ms: the first POSTs start evenly over that many milliseconds instead of in the same tick.)
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { prepareDatabase } from "../src/db/prepare";
import { laporReports } from "../src/modules/lapor/lapor.tables";

const HOST = "127.0.0.1";

const { values } = parseArgs({
  options: {
    citizens: { type: "string", default: "200" },
    "retry-share": { type: "string", default: "0.5" },
    "spread-ms": { type: "string", default: "0" },
  },
});
const CITIZENS = Number(values.citizens);
const RETRY_SHARE = Number(values["retry-share"]);
if (!Number.isInteger(CITIZENS) || CITIZENS < 1 || CITIZENS > 5000) {
  console.error(`--citizens must be a whole number from 1 to 5000 (got ${values.citizens})`);
  process.exit(64);
}
const SPREAD_MS = Number(values["spread-ms"]);
if (!Number.isInteger(SPREAD_MS) || SPREAD_MS < 0 || SPREAD_MS > 600_000) {
  console.error(`--spread-ms must be a whole number from 0 to 600000 (got ${values["spread-ms"]})`);
  process.exit(64);
}
if (!(RETRY_SHARE >= 0 && RETRY_SHARE <= 1)) {
  console.error(`--retry-share must be from 0 to 1 (got ${values["retry-share"]})`);
  process.exit(64);
}

interface Category {
  code: string;
  photoRequired: boolean;
  attributes: { code: string; datatype: string; required: boolean; values?: { key: string }[] }[];
}

/** A value for every required attribute, as the filing form would send it. */
function attributesFor(c: Category): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of c.attributes) {
    if (!a.required) continue;
    if (a.datatype === "number") out[a.code] = 2;
    else if (a.datatype === "singlevaluelist") out[a.code] = a.values?.[0]?.key ?? "x";
    else if (a.datatype === "multivaluelist") out[a.code] = [a.values?.[0]?.key ?? "x"];
    else if (a.datatype === "datetime") out[a.code] = new Date().toISOString();
    else out[a.code] = "Uji beban / load test";
  }
  return out;
}

interface Job {
  citizen: number;
  token: string;
  body: Record<string, unknown>;
  /** ms after the start to send the first POST. */
  startAfterMs: number;
  /** ms after the first POST to send the retry (without waiting for its answer); null: no retry. */
  retryAfterMs: number | null;
}

interface Outcome {
  citizen: number;
  retry: boolean;
  status: number;
  /** When it was sent, ms after the load started. */
  at: number;
  ms: number;
  id: string | null;
  error: string | null;
}

// The load generator: plain JavaScript for a worker thread. Every first POST starts at the same tick.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, jobs } = workerData;
let started = 0;
async function post(job, retry) {
  const t0 = performance.now();
  const at = t0 - started;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer " + job.token },
      body: JSON.stringify(job.body),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let id = null;
    try { id = JSON.parse(text).id ?? null; } catch {}
    return { citizen: job.citizen, retry, status: res.status, at, ms, id,
      error: res.status >= 300 ? text.slice(0, 300) : null };
  } catch (err) {
    return { citizen: job.citizen, retry, status: 0, at, ms: performance.now() - t0, id: null, error: String(err) };
  }
}
(async () => {
  started = performance.now();
  const all = [];
  const wait = (ms) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
  for (const job of jobs) {
    all.push(wait(job.startAfterMs).then(() => post(job, false)));
    if (job.retryAfterMs !== null)
      all.push(wait(job.startAfterMs + job.retryAfterMs).then(() => post(job, true)));
  }
  const outcomes = await Promise.all(all);
  parentPort.postMessage({ outcomes, wallMs: performance.now() - started });
})();
`;

function runLoad(url: string, jobs: Job[]): Promise<{ outcomes: Outcome[]; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { url, jobs } });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: HOST, port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  return `http://${HOST}:${address.port}`;
}

/** Registers the citizens a few at a time (password hashing is not what this measures). */
async function registerCitizens(
  app: FastifyInstance,
  run: string,
): Promise<{ userId: string; token: string }[]> {
  const out: { userId: string; token: string }[] = new Array(CITIZENS);
  let next = 0;
  const worker = async () => {
    while (next < CITIZENS) {
      const i = next++;
      const s = await app.services.identity.register(
        {
          name: `Warga Uji ${i + 1}`,
          email: `warga-${run}-${i}@bench.lumbung.test`,
          password: "bench-password-123",
        },
        { ip: HOST, userAgent: "bench/lapor-load" },
      );
      out[i] = { userId: s.user.id, token: s.token };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

async function main() {
  const pg = process.env.DATABASE_URL;
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? "unknown"}), ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}, ` +
      `${pg ? "PostgreSQL (DATABASE_URL)" : "PGlite in memory"}, ${CITIZENS} citizens, ` +
      `${Math.round(CITIZENS * RETRY_SHARE)} retries, first POSTs ${SPREAD_MS ? `spread over ${SPREAD_MS} ms` : "in the same tick"}\n`,
  );
  const database = pg
    ? await openDatabase({ kind: "postgres", url: pg })
    : await openDatabase({ kind: "pglite" });
  await prepareDatabase(database, { demo: true });
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      WEB_DIST_DIR: "/nonexistent",
      // Every citizen comes from 127.0.0.1 here; in the field each has its own address.
      PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE: "100000",
      LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
      ...(pg ? { DATABASE_URL: pg } : {}),
    }),
    database,
  });
  try {
    const base = await listen(app);
    const run = Date.now().toString(36);

    const categories = (
      (await (await fetch(`${base}/api/v1/lapor/categories`)).json()) as { items: Category[] }
    ).items;
    const usable = categories.filter((c) => !c.photoRequired);
    if (usable.length === 0) throw new Error("no Lapor category can be filed without a photo");

    const t0 = performance.now();
    const citizens = await registerCitizens(app, run);
    console.log(
      `registered ${CITIZENS} citizens in ${((performance.now() - t0) / 1000).toFixed(1)} s (not measured)`,
    );

    const retries = Math.round(CITIZENS * RETRY_SHARE);
    const jobs: Job[] = citizens.map((c, i) => {
      const category = usable[i % usable.length] as Category;
      return {
        citizen: i,
        token: c.token,
        // Spread over Bandar Lampung (≈ ±5 km around the city centre).
        body: {
          clientRequestId: `bench-${run}-${i}`,
          categoryCode: category.code,
          description: `Laporan uji beban nomor ${i + 1}: lubang dan genangan di jalan lingkungan.`,
          latitude: -5.43 + ((i * 37) % 100) / 1000 - 0.05,
          longitude: 105.26 + ((i * 53) % 100) / 1000 - 0.05,
          address: `Jl. Uji Beban No. ${i + 1}, Bandar Lampung`,
          privacy: "public",
          attributes: attributesFor(category),
        },
        startAfterMs: Math.floor((i * SPREAD_MS) / CITIZENS),
        // Every other citizen (up to the share asked) sends the same POST again 0–50 ms later.
        retryAfterMs: i % 2 === 0 && i / 2 < retries ? (i * 7) % 50 : null,
      };
    });
    const { outcomes, wallMs } = await runLoad(`${base}/api/v1/lapor/reports`, jobs);

    // --- Figures ------------------------------------------------------------------------------------
    const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const firsts = outcomes
      .filter((o) => !o.retry)
      .map((o) => o.ms)
      .sort((a, b) => a - b);
    const errors = outcomes.filter((o) => o.status < 200 || o.status >= 300);
    const byStatus = new Map<number, number>();
    for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);

    // --- No report lost, none duplicated --------------------------------------------------------------
    const problems: string[] = [];
    const idsByCitizen = new Map<number, Set<string>>();
    for (const o of outcomes) {
      if (!o.id) continue;
      const set = idsByCitizen.get(o.citizen) ?? new Set<string>();
      set.add(o.id);
      idsByCitizen.set(o.citizen, set);
    }
    for (const [citizen, ids] of idsByCitizen)
      if (ids.size > 1)
        problems.push(`citizen ${citizen}: the retry got another report (${[...ids].join(", ")})`);

    // Through the Lapor API: each citizen sees exactly one report of their own.
    let apiCount = 0;
    for (const [i, c] of citizens.entries()) {
      const res = await fetch(`${base}/api/v1/lapor/my/reports`, {
        headers: { authorization: `Bearer ${c.token}` },
      });
      const mine = ((await res.json()) as { items: { id: string; mine?: boolean }[] }).items.filter(
        (r) => r.mine !== false,
      );
      apiCount += mine.length;
      const answered = idsByCitizen.get(i);
      if (mine.length !== 1) problems.push(`citizen ${i}: ${mine.length} reports in my/reports`);
      else if (answered && !answered.has(mine[0]?.id as string))
        problems.push(
          `citizen ${i}: my/reports shows ${mine[0]?.id}, the POST answered ${[...answered].join(", ")}`,
        );
    }
    // In the database: one row per citizen, carrying that citizen's clientRequestId.
    const rows = await database.db
      .select({ reporter: laporReports.reporterUserId, clientRequestId: laporReports.clientRequestId })
      .from(laporReports)
      .where(
        inArray(
          laporReports.reporterUserId,
          citizens.map((c) => c.userId),
        ),
      );
    const expected = new Map(citizens.map((c, i) => [c.userId, `bench-${run}-${i}`]));
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.reporter && expected.get(r.reporter) !== r.clientRequestId)
        problems.push(`report of ${r.reporter} has clientRequestId ${r.clientRequestId}`);
      if (r.reporter && seen.has(r.reporter)) problems.push(`duplicate report for ${r.reporter}`);
      if (r.reporter) seen.add(r.reporter);
    }
    if (rows.length !== CITIZENS)
      problems.push(`${rows.length} reports in the database, expected ${CITIZENS}`);

    const fmt = (n: number) => n.toFixed(1);
    console.log("\n| requests | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | wall (ms) | errors | statuses |");
    console.log("|---:|---:|---:|---:|---:|---:|---:|---|");
    const statuses = [...byStatus.entries()]
      .sort()
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");
    console.log(
      `| ${outcomes.length} (${CITIZENS} first + ${outcomes.length - CITIZENS} retries) | ${fmt(percentile(latencies, 50))} | ` +
        `${fmt(percentile(latencies, 95))} | ${fmt(percentile(latencies, 99))} | ${fmt(latencies.at(-1) ?? Number.NaN)} | ` +
        `${fmt(wallMs)} | ${errors.length} | ${statuses} |`,
    );
    console.log(
      `first POSTs only: p50 ${fmt(percentile(firsts, 50))} ms, p95 ${fmt(percentile(firsts, 95))} ms, ` +
        `p99 ${fmt(percentile(firsts, 99))} ms`,
    );
    console.log(
      `reports: ${rows.length} in the database, ${apiCount} through GET /api/v1/lapor/my/reports, expected ${CITIZENS}`,
    );
    if (SPREAD_MS > 0) {
      // How the answer time moves as the requests keep coming: median per tenth of the arrival window.
      const tenths = Array.from({ length: 10 }, (_, k) =>
        outcomes
          .filter((o) => Math.min(9, Math.floor((o.at / SPREAD_MS) * 10)) === k)
          .map((o) => o.ms)
          .sort((a, b) => a - b),
      );
      console.log(
        `median latency per tenth of the arrival window (ms): ${tenths.map((t) => fmt(percentile(t, 50))).join(", ")}`,
      );
    }
    for (const e of errors.slice(0, 5))
      console.log(`error: citizen ${e.citizen}${e.retry ? " (retry)" : ""}: ${e.status} ${e.error}`);
    for (const p of problems.slice(0, 10)) console.log(`problem: ${p}`);
    // The same reports as Open311 sees them (one GET of every public request of the last 90 days).
    const o0 = performance.now();
    const o311 = await fetch(`${base}/open311/v2/requests.json`);
    const o311Count = ((await o311.json()) as unknown[]).length;
    console.log(
      `GET /open311/v2/requests.json: ${o311.status}, ${o311Count} requests in ${fmt(performance.now() - o0)} ms`,
    );
    const p99 = percentile(latencies, 99);
    const ok = errors.length === 0 && problems.length === 0 && p99 < 500;
    console.log(
      `\nissue 5 (p99 < 500 ms, no error, none lost or duplicated): ${ok ? "met" : "NOT met"} ` +
        `(p99 ${fmt(p99)} ms, ${errors.length} errors, ${problems.length} integrity problems)`,
    );
  } finally {
    await app.close();
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
