/**
 * EPCIS capture throughput through the real HTTP door: `POST /epcis/capture` of corridor documents
 * (bench/epcis-generator.ts, 1,000 events each by default) to the real app (buildApp) listening on
 * 127.0.0.1, on PostgreSQL (a throw-away database on the DATABASE_URL server) and on PGlite (a
 * temporary data directory, as the embedded mode runs). Prints events/s, documents/s and per-document
 * latency (p50/p95/max). Usage:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/epcis-capture.ts
 *   npx tsx bench/epcis-capture.ts --db pglite --events 20000 --concurrency 1
 *
 * The documents are generated and serialised before the clock starts; a worker thread sends them
 * over keep-alive connections, `--concurrency` at a time, so the server's event loop runs nothing of
 * the client's but the socket. `--suggested-indexes` adds the indexes docs/benchmarks.md proposes
 * (SUGGESTED_INDEXES in epcis-harness.ts) to measure what they cost capture.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { corridorDocuments } from "./epcis-generator";
import {
  type BenchDbKind,
  fmt,
  machine,
  openBenchDatabase,
  percentile,
  postgresAdminUrl,
  SUGGESTED_INDEXES,
  signIn,
  startServer,
  wholeNumber,
} from "./epcis-harness";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    events: { type: "string", default: "50000" },
    "per-document": { type: "string", default: "1000" },
    concurrency: { type: "string", default: "2" },
    warmup: { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
    "suggested-indexes": { type: "boolean", default: false },
  },
});

const events = wholeNumber("events", values.events, 1, 10_000_000);
const perDocument = wholeNumber("per-document", values["per-document"], 1, 10_000);
const concurrency = wholeNumber("concurrency", values.concurrency, 1, 64);
const warmup = wholeNumber("warmup", values.warmup, 0, 100);
const seed = wholeNumber("seed", values.seed, 0, 499); // the warm-up uses seed + 500
const targets: BenchDbKind[] = values.db
  ? values.db.split(",").map((k) => {
      if (k !== "pglite" && k !== "postgres") {
        console.error("--db must be pglite, postgres or pglite,postgres");
        process.exit(64);
      }
      return k;
    })
  : postgresAdminUrl()
    ? ["postgres", "pglite"]
    : ["pglite"];

interface Sent {
  status: number;
  ms: number;
  eventCount: number;
  storedCount: number;
  body: string;
}

// The client, in plain JavaScript so the worker needs no TypeScript loader: fetch (undici) with
// keep-alive, N documents in flight, one latency per document (request start → 202 read).
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, token, bodies, concurrency } = workerData;
(async () => {
  const results = new Array(bodies.length);
  let next = 0;
  const started = performance.now();
  async function lane() {
    for (;;) {
      const i = next++;
      if (i >= bodies.length) return;
      const t0 = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization: "Bearer " + token, "content-type": "application/ld+json" },
        body: bodies[i],
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      let job = {};
      try { job = JSON.parse(text); } catch {}
      results[i] = { status: res.status, ms, eventCount: job.eventCount ?? -1, storedCount: job.storedCount ?? -1,
        body: res.status === 202 ? "" : text.slice(0, 300) };
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  parentPort.postMessage({ wallMs: performance.now() - started, results });
})().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
`;

function send(
  url: string,
  token: string,
  bodies: string[],
  lanes: number,
): Promise<{ wallMs: number; results: Sent[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { url, token, bodies, concurrency: lanes } });
    worker.once("message", (m: { error?: string; wallMs: number; results: Sent[] }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once("error", reject);
  });
}

async function documents(count: number, documentSeed: number): Promise<{ bodies: string[]; events: number }> {
  const bodies: string[] = [];
  let n = 0;
  for await (const d of corridorDocuments({
    events: count,
    eventsPerDocument: perDocument,
    seed: documentSeed,
  })) {
    bodies.push(JSON.stringify(d.document));
    n += d.document.epcisBody.eventList.length;
  }
  return { bodies, events: n };
}

async function run(kind: BenchDbKind) {
  const database = await openBenchDatabase(kind, { name: `lumbung_bench_capture_${process.pid}` });
  if (values["suggested-indexes"]) for (const ddl of SUGGESTED_INDEXES) await database.handle.exec(ddl);
  const server = await startServer(database.handle);
  try {
    const token = await signIn(server.base, "koperasi@lumbung.test");
    const url = `${server.base}/epcis/capture`;
    // Warm-up: other lots (another seed), so the measured documents are all new events.
    if (warmup > 0) {
      const w = await documents(warmup * perDocument, seed + 500);
      await send(url, token, w.bodies, Math.min(concurrency, w.bodies.length));
    }
    const { bodies, events: total } = await documents(events, seed);
    const megabytes = bodies.reduce((s, b) => s + b.length, 0) / 1e6;
    const { wallMs, results } = await send(url, token, bodies, concurrency);

    const failed = results.filter((r) => r.status !== 202 || r.storedCount !== r.eventCount);
    for (const f of failed.slice(0, 3)) console.warn(`warning: ${f.status} ${f.body}`);
    const stored = results.reduce((s, r) => s + Math.max(0, r.storedCount), 0);
    const counted = (await database.handle.db.execute(
      sql`select count(*)::int as count from epcis_events`,
    )) as unknown as { rows: [{ count: number }] };
    const count = counted.rows[0].count;
    const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
    const seconds = wallMs / 1000;
    return {
      kind,
      documents: bodies.length,
      events: total,
      megabytes,
      stored,
      inDatabase: count,
      failed: failed.length,
      eventsPerSecond: total / seconds,
      documentsPerSecond: bodies.length / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? Number.NaN,
      seconds,
    };
  } finally {
    await server.close();
    await database.dispose();
  }
}

async function main() {
  console.log(
    `${machine()}\n${events} events in documents of ${perDocument}, ${concurrency} in flight, ` +
      `${warmup} warm-up document(s), seed ${seed}` +
      `${values["suggested-indexes"] ? ", with the suggested indexes" : ""}\n`,
  );
  const rows = [];
  for (const kind of targets) {
    const r = await run(kind);
    rows.push(r);
    console.log(
      `${kind}: ${r.documents} documents (${fmt(r.megabytes, 1)} MB) in ${fmt(r.seconds, 1)} s; ` +
        `${r.stored} events acknowledged as stored, ${r.inDatabase} rows in epcis_events (warm-up included), ` +
        `${r.failed} failed`,
    );
  }
  console.log(
    "\n| database | events/s | documents/s | p50 per document (ms) | p95 (ms) | max (ms) | documents | failed |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.kind} | ${fmt(r.eventsPerSecond)} | ${fmt(r.documentsPerSecond, 2)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ` +
        `${fmt(r.max)} | ${r.documents} | ${r.failed} |`,
    );
  }
  if (rows.some((r) => r.failed)) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
