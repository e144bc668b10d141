/**
 * Trace latency through deep genealogies in a large repository: `GET /api/v1/trace` (and the public
 * view behind the QR) for chains 10 hops deep — a harvest lot through five TransformationEvents
 * (drying, hulling, milling, polishing, sorting) and five levels of aggregation (sack → pallet →
 * container → trailer → vessel hold) — among a million corridor events. Usage:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/trace.ts --keep   # load 1M (≈ 8 min), measure, keep
 *   DATABASE_URL=… npx tsx bench/trace.ts --reuse --keep                                 # measure again on the kept database
 *   npx tsx bench/trace.ts --db pglite                                                    # 100,000 events in a temporary PGlite
 *
 * The corridor data set (bench/epcis-generator.ts) is loaded as bench/epcis-query.ts loads it
 * (captureDocument as the demo koperasi, documents of 5,000 events, two in flight); the deep chains
 * are added on top (their own GS1 company prefix, so they never meet the corridor's identifiers) and
 * the tables ANALYZEd. Traces are timed one request at a time from a worker thread over one
 * keep-alive connection, signed in as the dinas (an overseer: no participation filter applies to a
 * trace), after 20 warm-up traces of other chains.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import type { DatabaseHandle } from "../src/db/client";
import type { Principal } from "../src/http/access";
import { EPCIS_CONTEXT_URL } from "../src/modules/epcis/domain/context";
import { LB_NAMESPACE } from "./epcis-generator";
import {
  type BenchDbKind,
  fmt,
  HOST,
  loadCorridor,
  machine,
  openBenchDatabase,
  percentile,
  postgresAdminUrl,
  signIn,
  wholeNumber,
} from "./epcis-harness";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    events: { type: "string" },
    chains: { type: "string", default: "250" },
    "load-document": { type: "string", default: "5000" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
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
const WARMUP = 20;
const chains = wholeNumber("chains", values.chains, 200, 100_000);
const loadDocument = wholeNumber("load-document", values["load-document"], 100, 10_000);
const seed = wholeNumber("seed", values.seed, 0, 999);
if (kind === "pglite" && (values.keep || values.reuse)) {
  console.error("--keep and --reuse are for PostgreSQL; a PGlite run always starts from an empty directory");
  process.exit(64);
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

// ---------------------------------------------------------------------------------------------
// The deep chains

/** A GS1 company prefix for the deep chains alone, so they never meet the corridor data set's identifiers. */
const DEEP = "8995999";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const wib = (ms: number) => new Date(ms + 7 * HOUR).toISOString().replace("Z", "+07:00");
export const lot = (step: number, chain: number) =>
  `urn:epc:class:lgtin:${DEEP}.0${String(10 + step).padStart(5, "0")}.D${seed}-${chain}-${step}`;
// Serial references: extension digit 0, then the chain and the level; unique per chain and level.
export const sscc = (level: number, chain: number) =>
  `urn:epc:id:sscc:${DEEP}.0${String(chain).padStart(7, "0")}${level}${seed % 10}`;

const STEPS = ["drying", "hulling", "milling", "polishing", "sorting"] as const;
const LEVELS = ["sack", "pallet", "container", "trailer", "hold"] as const;

export interface Sites {
  farm: string;
  mill: string;
  panjang: string;
  priok: string;
  market: string;
}

/**
 * One chain: a harvest lot (L0) transformed five times (L0 → … → L5), L5 packed into a sack, the
 * sack onto a pallet, the pallet into a container, the container onto a trailer, the trailer into a
 * ro-ro hold (10 edges from L0 to the hold); then the hold travels Panjang → Priok → a Jakarta market,
 * with a temperature reading on the crossing.
 */
export function deepChain(chain: number, sites: Sites): Record<string, unknown>[] {
  let t = Date.parse("2025-03-01T06:00:00+07:00") + (chain % 150) * DAY + (chain % 7) * HOUR;
  const at = () => {
    t += HOUR;
    return { eventTime: wib(t), eventTimeZoneOffset: "+07:00" };
  };
  let kg = 6000 + (chain % 40) * 50;
  const out: Record<string, unknown>[] = [
    {
      type: "ObjectEvent",
      ...at(),
      action: "ADD",
      bizStep: "commissioning",
      disposition: "active",
      quantityList: [{ epcClass: lot(0, chain), quantity: kg, uom: "KGM" }],
      readPoint: { id: sites.farm },
      bizLocation: { id: sites.farm },
      ilmd: {
        "lb:commodity": "gabah-kering-panen",
        "lb:harvestDate": wib(t - DAY).slice(0, 10),
        "lb:villageCode": "18.02.01.2001",
        "lb:grade": "GKP",
        "lb:farmGatePrice": 6500,
      },
    },
  ];
  STEPS.forEach((_, i) => {
    const outKg = Math.round(kg * 0.92);
    out.push({
      type: "TransformationEvent",
      ...at(),
      bizStep: "commissioning",
      disposition: "active",
      inputQuantityList: [{ epcClass: lot(i, chain), quantity: kg, uom: "KGM" }],
      outputQuantityList: [{ epcClass: lot(i + 1, chain), quantity: outKg, uom: "KGM" }],
      readPoint: { id: sites.mill },
      bizLocation: { id: sites.mill },
    });
    kg = outKg;
  });
  LEVELS.forEach((_, level) => {
    out.push({
      type: "AggregationEvent",
      ...at(),
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: sscc(level, chain),
      ...(level === 0
        ? { childQuantityList: [{ epcClass: lot(STEPS.length, chain), quantity: kg, uom: "KGM" }] }
        : { childEPCs: [sscc(level - 1, chain)] }),
      readPoint: { id: sites.mill },
      bizLocation: { id: sites.mill },
    });
  });
  const hold = sscc(LEVELS.length - 1, chain);
  const hop = (bizStep: string, disposition: string, place: string, extra: Record<string, unknown> = {}) =>
    out.push({
      type: "ObjectEvent",
      ...at(),
      action: "OBSERVE",
      bizStep,
      disposition,
      epcList: [hold],
      readPoint: { id: place },
      bizLocation: { id: place },
      ...extra,
    });
  hop("departing", "in_transit", sites.mill);
  hop("arriving", "in_progress", sites.panjang);
  hop("departing", "in_transit", sites.panjang);
  out.push({
    type: "ObjectEvent",
    ...at(),
    action: "OBSERVE",
    bizStep: "sensor_reporting",
    epcList: [hold],
    sensorElementList: [
      { sensorReport: [{ type: "Temperature", value: 26 + (chain % 10), uom: "CEL", time: wib(t) }] },
    ],
  });
  hop("arriving", "in_progress", sites.priok);
  hop("receiving", "sellable_not_accessible", sites.market);
  return out;
}

/** The real app on loopback, as epcis-harness starts it, but trusting X-Forwarded-For (see CLIENT). */
async function startServer(handle: DatabaseHandle) {
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      WEB_DIST_DIR: "/nonexistent",
      LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
      TRUST_PROXY: "true",
    }),
    database: handle,
  });
  await app.listen({ host: HOST, port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  return { app, base: `http://${HOST}:${address.port}`, close: () => app.close() };
}

// ---------------------------------------------------------------------------------------------
// Timing

interface Timing {
  ms: number;
  status: number;
  bytes: number;
}

// One request at a time from a worker thread (plain JavaScript), so the server's event loop runs
// nothing of the client's; latency = request start → body read.
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const { urls, token } = workerData;
(async () => {
  const out = [];
  for (const [i, url] of urls.entries()) {
    // Signed in: the bearer token. Public: a client address of its own per request (the server
    // trusts the proxy header here), as many phones scanning QR codes would be, so the public
    // route's per-address rate limit is paid for but never hit.
    const headers = token
      ? { authorization: "Bearer " + token }
      : { "x-forwarded-for": "10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255) };
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const text = await res.text();
    out.push({ ms: performance.now() - t0, status: res.status, bytes: text.length });
  }
  parentPort.postMessage(out);
})().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
`;

function timeRequests(urls: string[], token: string | null): Promise<Timing[]> {
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

async function main() {
  console.log(`${machine()}\n${kind}, ${fmt(events)} corridor events, ${chains} chains 10 hops deep\n`);
  const database = await openBenchDatabase(kind, {
    name: `lumbung_bench_trace_${events}`,
    keep: values.keep,
    reuse: values.reuse,
  });
  const { db } = database.handle;
  const server = await startServer(database.handle);
  try {
    const koperasiToken = await signIn(server.base, "koperasi@lumbung.test");
    const dinasToken = await signIn(server.base, "dinas@lumbung.test");
    const koperasi = (await server.app.services.identity.authenticate(koperasiToken)) as Principal;
    const count = async (where = sql`true`) =>
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from epcis_events where ${where}`),
      )[0]?.n ?? 0;

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
      console.log(`loaded ${fmt(loaded)} corridor events in ${fmt(s)} s (${fmt(loaded / s)} events/s)`);
    } else {
      console.log(`reusing ${database.where}: ${fmt(present)} events`);
    }

    // The deep chains, on the corridor's real sites (so places resolve to names as in production).
    const wanted = chains + WARMUP;
    const haveChains = await count(sql`biz_step like '%commissioning' and event_type = 'ObjectEvent'
      and exists (select 1 from epcis_event_epcs e where e.event_pk = epcis_events.id
        and e.epc like ${`urn:epc:class:lgtin:${DEEP}.%`})`);
    if (haveChains < wanted) {
      const site = async (code: string) => {
        const s = await server.app.services.reference.getSite(code);
        if (!s.sgln) throw new Error(`site ${code} has no SGLN`);
        return s.sgln;
      };
      const sites: Sites = {
        farm: `urn:epc:id:sgln:${DEEP}.00001.0`,
        mill: await site("pabrik-tapioka-lampung-tengah"),
        panjang: (await site("hub-panjang")).replace(/\.0$/, ".RORO1"),
        priok: await site("hub-priok"),
        // A market, not the shared warehouse: the warehouse books only its tenants' goods.
        market: await site("pasar-induk-kramat-jati"),
      };
      const started = performance.now();
      for (let first = haveChains; first < wanted; first += 100) {
        const eventList = [];
        for (let c = first; c < Math.min(wanted, first + 100); c++) eventList.push(...deepChain(c, sites));
        const r = await server.app.services.epcis.captureDocument(
          {
            "@context": [EPCIS_CONTEXT_URL, { lb: LB_NAMESPACE }],
            type: "EPCISDocument",
            schemaVersion: "2.0",
            creationDate: "2025-09-01T00:00:00+07:00",
            epcisBody: { eventList },
          },
          "rollback",
          koperasi,
        );
        if (r.stored !== r.eventCount) throw new Error(`deep chains: ${r.stored}/${r.eventCount} stored`);
      }
      console.log(
        `added ${wanted - haveChains} deep chains in ${fmt((performance.now() - started) / 1000, 1)} s`,
      );
    }
    if (kind === "postgres") {
      await db.execute(sql`analyze epcis_events, epcis_event_epcs, epcis_participants`);
      const sizes = rowsOf<{ rel: string; rows: number; size: string }>(
        await db.execute(sql`
          select c.relname as rel, c.reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(c.oid)) as size
          from pg_class c where c.relname in ('epcis_events', 'epcis_event_epcs') order by c.relname`),
      );
      for (const r of sizes) console.log(`  ${r.rel}: ≈ ${fmt(Number(r.rows))} rows, ${r.size} with indexes`);
    }
    console.log(`  ${fmt(await count())} events in all`);

    // Sanity: a trace of the first chain's harvest lot reaches the hold 10 hops down, and back.
    // After minutes of loading, the keep-alive socket of the sign-in is gone: a new one is opened.
    const checkUrl = `${server.base}/api/v1/trace?epc=${encodeURIComponent(lot(0, 0))}`;
    const init = { headers: { authorization: `Bearer ${dinasToken}`, connection: "close" } };
    const check = await fetch(checkUrl, init).catch(() => fetch(checkUrl, init));
    const body = (await check.json()) as { downstream?: { epc: string; depth: number }[] };
    const deepest = Math.max(...(body.downstream ?? []).map((n) => n.depth));
    if (check.status !== 200 || deepest !== 10)
      throw new Error(`trace of chain 0 answered ${check.status}, deepest ${deepest} (want 10)`);

    const picks = Array.from({ length: wanted }, (_, c) => c);
    const hold = (c: number) => sscc(LEVELS.length - 1, c);
    const cases: { name: string; url: (c: number) => string; token: string | null }[] = [
      {
        name: "trace of the hold, upstream 10 hops to the harvest lot",
        url: (c) => `${server.base}/api/v1/trace?epc=${encodeURIComponent(hold(c))}`,
        token: dinasToken,
      },
      {
        name: "trace of the harvest lot, downstream 10 hops to the hold",
        url: (c) => `${server.base}/api/v1/trace?epc=${encodeURIComponent(lot(0, c))}`,
        token: dinasToken,
      },
      {
        name: "public trace of the hold (no sign-in)",
        url: (c) => `${server.base}/api/v1/public/trace?epc=${encodeURIComponent(hold(c))}`,
        token: null,
      },
    ];
    const measure = async (title: string) => {
      const results = [];
      for (const c of cases) {
        const warm = picks.slice(chains).map(c.url);
        const timings = (await timeRequests([...warm, ...picks.slice(0, chains).map(c.url)], c.token)).slice(
          warm.length,
        );
        const sorted = timings.map((x) => x.ms).sort((a, b) => a - b);
        results.push({
          name: c.name,
          sorted,
          mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
          kb: timings.reduce((s, x) => s + x.bytes, 0) / timings.length / 1024,
          errors: timings.filter((x) => x.status !== 200).length,
        });
      }
      console.log(`\n${title} (${machine()})\n`);
      console.log(
        "| request | traces | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | mean (ms) | answer (kB) | non-200 |",
      );
      console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (const r of results) {
        console.log(
          `| ${r.name} | ${r.sorted.length} | ${fmt(percentile(r.sorted, 50), 1)} | ${fmt(percentile(r.sorted, 95), 1)} | ` +
            `${fmt(percentile(r.sorted, 99), 1)} | ${fmt(r.sorted.at(-1) ?? 0, 1)} | ${fmt(r.mean, 1)} | ${fmt(r.kb, 1)} | ${r.errors} |`,
        );
      }
    };
    if (kind === "pglite") {
      // PGlite runs no autovacuum: statistics exist only once something runs ANALYZE. Both states.
      await measure("PGlite as loaded, without statistics");
      await db.execute(sql`analyze epcis_events, epcis_event_epcs, epcis_participants`);
      await measure("PGlite after ANALYZE");
    } else {
      await measure("PostgreSQL after ANALYZE");
    }
  } finally {
    await server.close();
    await database.dispose();
    if (values.keep && kind === "postgres") console.log(`\nkept ${database.where} (drop it when done)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
