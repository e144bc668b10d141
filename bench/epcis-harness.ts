/**
 * What the EPCIS benchmarks share: a throw-away database (PGlite in a temporary directory, or a
 * PostgreSQL database created on the server DATABASE_URL points at and dropped afterwards), the real
 * Lumbung app listening on loopback, sign-in, percentiles and argument checks.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { type DatabaseHandle, openDatabase } from "../src/db/client";
import { prepareDatabase } from "../src/db/prepare";
import type { Principal } from "../src/http/access";
import type { EpcisService } from "../src/modules/epcis";
import { DEMO_PASSWORD } from "../src/seed/demo";
import { corridorDocuments } from "./epcis-generator";

export const HOST = "127.0.0.1";

export type BenchDbKind = "pglite" | "postgres";

export interface BenchDatabase {
  kind: BenchDbKind;
  handle: DatabaseHandle;
  /** Where it lives: a directory or a database name. */
  where: string;
  /** A pg client on the same database (PostgreSQL only), for EXPLAIN and counts outside the app. */
  url?: string;
  /** Closes the handle and removes the database or directory, unless kept. */
  dispose(): Promise<void>;
}

/** Exits with EX_USAGE unless `raw` is a whole number in [min, max]. */
export function wholeNumber(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max} (got ${raw})`);
    process.exit(64); // EX_USAGE
  }
  return n;
}

/** The server DATABASE_URL names, or null when PostgreSQL benchmarks must be skipped. */
export function postgresAdminUrl(): string | null {
  return process.env.DATABASE_URL ?? null;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A migrated database with reference and demo data. PostgreSQL: `name` on the DATABASE_URL server,
 * created fresh (or reused with `reuse`, when it exists) and dropped by dispose() unless `keep`.
 * PGlite: a fresh temporary directory on disk (as the embedded mode runs), removed by dispose().
 */
export async function openBenchDatabase(
  kind: BenchDbKind,
  opts: { name: string; keep?: boolean; reuse?: boolean; poolSize?: number },
): Promise<BenchDatabase & { reused: boolean }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), `${opts.name}-`));
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    await prepareDatabase(handle, { demo: true });
    return {
      kind,
      handle,
      where: dir,
      reused: false,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = postgresAdminUrl();
  if (!adminUrl)
    throw new Error("PostgreSQL benchmarks need DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)");
  if (!/^[a-z_][a-z0-9_]*$/.test(opts.name)) throw new Error(`bad database name ${opts.name}`);
  const exists =
    (await adminQuery(adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${opts.name}'`)).rowCount === 1;
  const reused = exists && opts.reuse === true;
  if (exists && !reused) await adminQuery(adminUrl, `DROP DATABASE ${opts.name} WITH (FORCE)`);
  if (!reused) await adminQuery(adminUrl, `CREATE DATABASE ${opts.name}`);
  const url = databaseUrl(adminUrl, opts.name);
  const handle = await openDatabase({ kind: "postgres", url, poolSize: opts.poolSize ?? 10 });
  await prepareDatabase(handle, { demo: true });
  return {
    kind,
    handle,
    where: `database ${opts.name}`,
    url,
    reused,
    dispose: async () => {
      await handle.close();
      if (!opts.keep) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${opts.name} WITH (FORCE)`);
    },
  };
}

/**
 * The indexes docs/benchmarks.md suggests, as SQL, so a benchmark can measure what they cost capture
 * before a migration adds them: GIN on the typed bizTransaction/source/destination arrays (the
 * EQ_bizTransaction_*, EQ_source_*, EQ_destination_* queries), and the identifier index in
 * text_pattern_ops (equality as before, plus the prefix LIKE of urn:epc:idpat patterns).
 */
export const SUGGESTED_INDEXES = [
  "create index epcis_events_biz_transactions_idx on epcis_events using gin (biz_transactions)",
  "create index epcis_events_sources_idx on epcis_events using gin (sources)",
  "create index epcis_events_destinations_idx on epcis_events using gin (destinations)",
  "drop index epcis_event_epcs_epc_idx",
  "create index epcis_event_epcs_epc_idx on epcis_event_epcs (epc text_pattern_ops, role)",
];

/** The real app (buildApp) on the database, listening on 127.0.0.1 with a port the kernel picks. */
export async function startServer(
  handle: DatabaseHandle,
): Promise<{ app: FastifyInstance; base: string; close(): Promise<void> }> {
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
      WEB_DIST_DIR: "/nonexistent",
      LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    }),
    database: handle,
  });
  await app.listen({ host: HOST, port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  return { app, base: `http://${HOST}:${address.port}`, close: () => app.close() };
}

/** Signs a demo user in through the API and returns the bearer token. */
export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token) throw new Error(`sign-in of ${email} answered ${res.status}`);
  return body.token;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  return `Node ${process.version}, ${cpus.length} CPU(s) (${cpus[0]?.model ?? "unknown"}), load average ${load}`;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Loads the generated corridor data set through the capture service as `principal`, two documents in
 * flight, reporting progress every 30 s. Every document must be stored whole.
 */
export async function loadCorridor(
  epcis: EpcisService,
  principal: Principal,
  o: { events: number; loadDocument: number; seed: number },
): Promise<{ loaded: number; seconds: number }> {
  const started = performance.now();
  let loaded = 0;
  let lastReport = started;
  const inFlight = new Set<Promise<void>>();
  for await (const d of corridorDocuments({
    events: o.events,
    eventsPerDocument: o.loadDocument,
    seed: o.seed,
  })) {
    const p = epcis
      .captureDocument(d.document, "rollback", principal)
      .then((r) => {
        loaded += r.stored;
        if (r.stored !== r.eventCount)
          throw new Error(`document ${d.index}: ${r.stored}/${r.eventCount} stored`);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 2) await Promise.race(inFlight);
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      const s = (lastReport - started) / 1000;
      console.log(`  loaded ${fmt(loaded)} events in ${fmt(s)} s (${fmt(loaded / s)} events/s)`);
    }
  }
  await Promise.all(inFlight);
  return { loaded, seconds: (performance.now() - started) / 1000 };
}
