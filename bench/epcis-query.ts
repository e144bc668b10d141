/**
 * EPCIS query latency with a large repository: `GET /epcis/events?MATCH_epc=<an SSCC>` and
 * `GET /epcis/events?MATCH_anyEPCClass=<a lot>` through the real HTTP door (buildApp listening on
 * 127.0.0.1), one request at a time, over many random picks, as a koperasi (its events only, the
 * participants check applies) and as an admin (everything). Prints p50/p95/p99/max and, for the slowest
 * pick of each kind, the EXPLAIN ANALYZE of the SQL the service runs. Usage:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/epcis-query.ts            # 1,000,000 events
 *   DATABASE_URL=… npx tsx bench/epcis-query.ts --keep            # keep the loaded database for the next run
 *   DATABASE_URL=… npx tsx bench/epcis-query.ts --reuse --keep    # reuse it (loads only what is missing)
 *   npx tsx bench/epcis-query.ts --db pglite                       # 100,000 events in a temporary PGlite
 *
 * The corridor data set (bench/epcis-generator.ts) is loaded through the EPCIS service's
 * captureDocument (validation, event hashes, one transaction a document) in documents of 5,000
 * events, two at a time, then ANALYZEd, as autovacuum would have done by the time such a repository
 * is queried.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { and, asc, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../src/http/access";
import { queryConditions } from "../src/modules/epcis/epcis.query";
import { epcisEvents, epcisParticipants } from "../src/modules/epcis/epcis.tables";
import {
  type BenchDbKind,
  fmt,
  loadCorridor,
  machine,
  openBenchDatabase,
  percentile,
  postgresAdminUrl,
  signIn,
  startServer,
  wholeNumber,
} from "./epcis-harness";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    events: { type: "string" },
    picks: { type: "string", default: "500" },
    "load-document": { type: "string", default: "5000" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    "no-explain": { type: "boolean", default: false },
  },
});

const kind: BenchDbKind = (values.db ?? (postgresAdminUrl() ? "postgres" : "pglite")) as BenchDbKind;
if (kind !== "postgres" && kind !== "pglite") {
  console.error("--db must be postgres or pglite");
  process.exit(64);
}
const events = wholeNumber(
  "events",
  values.events ?? (kind === "postgres" ? "1000000" : "100000"),
  1,
  50_000_000,
);
const picks = wholeNumber("picks", values.picks, 10, 100_000);
const loadDocument = wholeNumber("load-document", values["load-document"], 100, 10_000);
const seed = wholeNumber("seed", values.seed, 0, 999);
if (kind === "pglite" && (values.keep || values.reuse)) {
  console.error("--keep and --reuse are for PostgreSQL; a PGlite run always starts from an empty directory");
  process.exit(64);
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

interface Timing {
  ms: number;
  status: number;
  events: number;
}

// One request at a time from a worker thread (plain JavaScript: no TypeScript loader needed there),
// so the server's event loop runs nothing of the client's; latency = request start → body read.
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const { urls, token } = workerData;
(async () => {
  const out = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { authorization: "Bearer " + token } });
    const text = await res.text();
    const ms = performance.now() - t0;
    let events = -1;
    try { events = JSON.parse(text).epcisBody.queryResults.resultsBody.eventList.length; } catch {}
    out.push({ ms, status: res.status, events });
  }
  parentPort.postMessage(out);
})().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
`;

function timeRequests(urls: string[], token: string): Promise<Timing[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { urls, token } });
    worker.once("message", (m: Timing[] | { error: string }) => {
      void worker.terminate();
      if ("error" in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once("error", reject);
  });
}

/** Deterministic shuffle (mulberry32), so the same picks come back run after run. */
function shuffled<T>(list: T[], s: number): T[] {
  let a = s >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function main() {
  console.log(`${machine()}\n${kind}, ${fmt(events)} events, ${picks} picks per query\n`);
  const database = await openBenchDatabase(kind, {
    name: `lumbung_bench_query_${events}`,
    keep: values.keep,
    reuse: values.reuse,
  });
  const { db } = database.handle;
  const server = await startServer(database.handle);
  try {
    const koperasiToken = await signIn(server.base, "koperasi@lumbung.test");
    const adminToken = await signIn(server.base, "admin@lumbung.test");
    const koperasi = (await server.app.services.identity.authenticate(koperasiToken)) as Principal;

    // Load what is missing, through the service, two documents in flight.
    const count = async () =>
      rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from epcis_events`))[0]?.n ?? 0;
    const present = await count();
    if (present < events) {
      if (present > 0)
        throw new Error(
          `${present} events present but ${events} wanted: drop the database or use --events ${present}`,
        );
      const { loaded, seconds: s } = await loadCorridor(server.app.services.epcis, koperasi, {
        events,
        loadDocument,
        seed,
      });
      console.log(
        `loaded ${fmt(loaded)} events in ${fmt(s)} s (${fmt(loaded / s)} events/s) through captureDocument`,
      );
    } else {
      console.log(`reusing ${database.where}: ${fmt(present)} events`);
    }
    const analyzeStarted = performance.now();
    await db.execute(sql`analyze epcis_events, epcis_event_epcs, epcis_participants`);
    console.log(`ANALYZE: ${fmt(performance.now() - analyzeStarted)} ms`);
    const sizes = rowsOf<{ rel: string; rows: number; size: string }>(
      await db.execute(sql`
        select c.relname as rel, c.reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(c.oid)) as size
        from pg_class c where c.relname in ('epcis_events', 'epcis_event_epcs', 'epcis_participants')
        order by c.relname`),
    );
    for (const r of sizes) console.log(`  ${r.rel}: ≈ ${fmt(Number(r.rows))} rows, ${r.size} with indexes`);

    // Random picks: SSCCs (pallets) and lots, sampled from what was stored. Pallets and lots are each
    // a few per cent of the identifier rows: sample enough rows for ≈ 3 times the picks needed.
    const identifierRows = Number(sizes.find((r) => r.rel === "epcis_event_epcs")?.rows ?? 0);
    const percent = Math.min(100, Math.max(0.1, (100 * 60 * (picks + 20)) / Math.max(1, identifierRows)));
    const sample = async (roles: string[], prefix: string) =>
      rowsOf<{ epc: string }>(
        await db.execute(sql`
          select distinct epc from epcis_event_epcs tablesample bernoulli (${percent}) repeatable (${seed})
          where role in (${sql.join(
            roles.map((r) => sql`${r}`),
            sql`, `,
          )}) and epc like ${`${prefix}%`}`),
      ).map((r) => r.epc);
    const ssccs = shuffled(await sample(["parent"], "urn:epc:id:sscc:"), seed).slice(0, picks + 20);
    const lots = shuffled(await sample(["class", "outputClass"], "urn:epc:class:lgtin:"), seed).slice(
      0,
      picks + 20,
    );
    if (ssccs.length < picks + 20 || lots.length < picks + 20) {
      throw new Error(`sampled only ${ssccs.length} SSCCs and ${lots.length} lots; lower --picks`);
    }

    const cases = [
      { name: "MATCH_epc=<SSCC>", param: "MATCH_epc", list: ssccs },
      { name: "MATCH_anyEPCClass=<lot>", param: "MATCH_anyEPCClass", list: lots },
    ];
    const who = [
      { name: "koperasi", token: koperasiToken, principal: koperasi as Principal | null },
      { name: "admin", token: adminToken, principal: null },
    ];
    const results: {
      query: string;
      as: string;
      sorted: number[];
      mean: number;
      events: number[];
      slowest: string;
      errors: number;
    }[] = [];
    for (const c of cases) {
      for (const w of who) {
        const url = (v: string) => `${server.base}/epcis/events?${c.param}=${encodeURIComponent(v)}`;
        // 20 other picks first, on the same connection, to warm it and the server up; then the measured ones.
        const warm = c.list.slice(picks).map(url);
        const timings = (await timeRequests([...warm, ...c.list.slice(0, picks).map(url)], w.token)).slice(
          warm.length,
        );
        const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
        const slowestAt = timings.reduce((m, t, i) => (t.ms > (timings[m]?.ms ?? 0) ? i : m), 0);
        results.push({
          query: c.name,
          as: w.name,
          sorted,
          mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
          events: timings.map((t) => t.events),
          slowest: c.list[slowestAt] as string,
          errors: timings.filter((t) => t.status !== 200).length,
        });
      }
    }

    console.log(
      "\n| query | as | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | mean (ms) | events per answer (min–max) | non-200 |",
    );
    console.log("|---|---|---:|---:|---:|---:|---:|---|---:|");
    for (const r of results) {
      console.log(
        `| \`${r.query}\` | ${r.as} | ${fmt(percentile(r.sorted, 50), 1)} | ${fmt(percentile(r.sorted, 95), 1)} | ` +
          `${fmt(percentile(r.sorted, 99), 1)} | ${fmt(r.sorted.at(-1) ?? 0, 1)} | ${fmt(r.mean, 1)} | ` +
          `${Math.min(...r.events)}–${Math.max(...r.events)} | ${r.errors} |`,
      );
    }

    if (kind === "postgres" && !values["no-explain"]) {
      // The statement EpcisService.query builds (conditions, visibility, keyset page of 100 + 1).
      for (const r of results) {
        const conditions: (SQL | undefined)[] = queryConditions({
          [r.query.startsWith("MATCH_epc") ? "MATCH_epc" : "MATCH_anyEPCClass"]: r.slowest,
        });
        const org = r.as === "koperasi" ? koperasi.type === "user" && koperasi.organisationId : null;
        if (org) {
          conditions.push(
            sql`exists (select 1 from ${epcisParticipants} p where p.event_pk = ${epcisEvents.id} and p.organisation_id = ${org})`,
          );
        }
        const statement = db
          .select({ id: epcisEvents.id, body: epcisEvents.body, namespaces: epcisEvents.namespaces })
          .from(epcisEvents)
          .where(and(...conditions))
          .orderBy(asc(epcisEvents.id))
          .limit(101);
        const { sql: text, params } = statement.toSQL();
        const { default: pg } = await import("pg");
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          // Twice on one connection, the second printed: a new connection's first plan pays for loading
          // the catalog caches, which the server's pooled connections have long done.
          await client.query(`explain (analyze, buffers) ${text}`, params);
          const plan = await client.query(`explain (analyze, buffers) ${text}`, params);
          console.log(`\nEXPLAIN ANALYZE, slowest pick of ${r.query} as ${r.as} (${r.slowest}):`);
          for (const row of plan.rows as { "QUERY PLAN": string }[]) console.log(`  ${row["QUERY PLAN"]}`);
        } finally {
          await client.end();
        }
      }
    }
  } finally {
    await server.close();
    await database.dispose();
    if (values.keep && kind === "postgres") console.log(`\nkept ${database.where} (drop it when done)`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
