// Reliability of capture: the real server (src/main.ts) is killed with SIGKILL while it stores many
// corridor documents concurrently, then restarted on the same data. "202 Accepted" must mean stored
// whole, and no document may ever be half-stored. Runs on PGlite (a data directory) and, when
// DATABASE_URL is set, on PostgreSQL (a fresh database cloned from the test template). Then: captures
// that share events, sent at the same time in different orders, must all succeed (no deadlock).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { type CorridorDocument, corridorDocuments } from "../../bench/epcis-generator";
import { DEMO_PASSWORD } from "../../src/seed/demo";
import { bearer, DEMO_EMAILS, useTestApp } from "../support/app";
import { clonePostgresTemplate } from "../support/db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DOCUMENTS = 24;
const EVENTS_PER_DOCUMENT = 300;
/**
 * SIGKILL once this many 202s have come, half an acknowledgement interval later: in the middle of
 * storing the next documents, while others still wait their turn.
 */
const KILL_AFTER_ACKS = 8;
const STARTUP_MS = 25_000;

interface Server {
  child: ChildProcess;
  base: string;
  output: string[];
  exited: Promise<number | null>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 30_000);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Where the server keeps its data: a PGlite directory or a PostgreSQL database, both from the test template. */
async function freshStore(): Promise<Record<string, string>> {
  const template = inject("dbTemplate");
  if (template.kind === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lumbung-crash-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // The template is a PGlite dumpDataDir tarball of the data directory; unpacking it is what
    // PGlite's loadDataDir would do, in a fraction of the time.
    execFileSync("tar", ["-xzf", template.file, "-C", dir], { stdio: "ignore" });
    return { LUMBUNG_DATA_DIR: dir };
  }
  const clone = await clonePostgresTemplate(template, `crash_${process.pid}`);
  cleanups.push(clone.drop);
  return { DATABASE_URL: clone.url };
}

async function startServer(store: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...store,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    WEB_DIST_DIR: "/nonexistent-web-dist",
    // The test counts every event stored; the demo's synthetic stock would add its own.
    LUMBUNG_DEMO_ACTIVITY: "false",
  };
  if (!store.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (b: Buffer) => output.push(b.toString()));
  child.stderr?.on("data", (b: Buffer) => output.push(b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // A server left running by a failed assertion dies before its data directory is removed.
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")) await exited;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join("")}`);
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in ${STARTUP_MS} ms:\n${output.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, output, exited };
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Every stored eventID, read back through the query API as an admin, page by page. */
async function storedEventIds(base: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let next: string | undefined = "/epcis/events?perPage=1000";
  while (next) {
    const res: Response = await fetch(`${base}${next}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      epcisBody: { queryResults: { resultsBody: { eventList: { eventID: string }[] } } };
    };
    for (const e of body.epcisBody.queryResults.resultsBody.eventList) ids.add(e.eventID);
    next = res.headers.get("link")?.match(/^<([^>]+)>; rel="next"$/)?.[1];
  }
  return ids;
}

it("never loses an acknowledged capture nor half-stores a document when the server is killed", async () => {
  const store = await freshStore();
  const documents: { body: string; eventIds: string[] }[] = [];
  for await (const d of corridorDocuments({
    events: DOCUMENTS * EVENTS_PER_DOCUMENT,
    eventsPerDocument: EVENTS_PER_DOCUMENT,
    wholeChains: true, // a lot and its pallets belong to one document only
    eventIds: "uuid",
    seed: 41,
  })) {
    documents.push({ body: JSON.stringify(d.document), eventIds: d.eventIds ?? [] });
  }
  expect(documents.length).toBeGreaterThanOrEqual(DOCUMENTS);

  const first = await startServer(store);
  const token = await signIn(first.base, DEMO_EMAILS.koperasi);

  // Every document at once; the server dies while it is storing some of them.
  const acknowledged = new Map<number, string>(); // document → capture job URL
  let killed = false;
  const outcomes = await Promise.allSettled(
    documents.map(async (d, i) => {
      const res = await fetch(`${first.base}/epcis/capture`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/ld+json" },
        body: d.body,
        signal: AbortSignal.timeout(30_000),
      });
      const job = (await res.json()) as { storedCount?: number; eventCount?: number };
      if (res.status !== 202) throw new Error(`document ${i}: ${res.status} ${JSON.stringify(job)}`);
      expect(job).toMatchObject({ eventCount: d.eventIds.length, storedCount: d.eventIds.length });
      acknowledged.set(i, String(res.headers.get("location")));
      // Killed at once: on a fast PostgreSQL the commits come in bursts, and waiting even half the usual
      // gap between acknowledgements once let every remaining capture finish first.
      if (acknowledged.size === KILL_AFTER_ACKS) killed = first.child.kill("SIGKILL");
    }),
  );
  await first.exited;
  // Only the kill may have failed a request: a 4xx/5xx answer would be a bug of its own.
  for (const o of outcomes) {
    if (o.status === "rejected") expect(String(o.reason)).not.toMatch(/document \d+: \d{3}/);
  }
  expect(killed).toBe(true);
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(acknowledged.size).toBeLessThan(documents.length);

  // Same data, new process: recovery, then the truth through the query API.
  const second = await startServer(store);
  const admin = await signIn(second.base, DEMO_EMAILS.admin);
  const stored = await storedEventIds(second.base, admin);
  const perDocument = documents.map((d) => d.eventIds.filter((id) => stored.has(id)).length);

  for (const [i, d] of documents.entries()) {
    const present = perDocument[i];
    if (acknowledged.has(i)) {
      expect(present, `acknowledged document ${i}`).toBe(d.eventIds.length);
    } else {
      expect([0, d.eventIds.length], `unacknowledged document ${i}`).toContain(present);
    }
  }
  // Nothing else was stored, and the acknowledged jobs survived too.
  expect(stored.size).toBe(perDocument.reduce((s, n) => s + n, 0));
  const koperasi = await signIn(second.base, DEMO_EMAILS.koperasi);
  for (const [i, location] of acknowledged) {
    const res = await fetch(`${second.base}${location}`, {
      headers: { authorization: `Bearer ${koperasi}` },
    });
    expect(res.status, `job of document ${i}`).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, storedCount: documents[i]?.eventIds.length });
  }

  second.child.kill("SIGTERM");
  const code = await Promise.race([
    second.exited,
    new Promise((r) => setTimeout(() => r("timeout"), 10_000)),
  ]);
  expect(code, second.output.join("")).toBe(0);
}, 60_000);

const t = useTestApp();

it("captures that share events, sent at once in different orders, all succeed and store each event once", async () => {
  const koperasi = await t.login(DEMO_EMAILS.koperasi);
  for (let round = 0; round < 4; round++) {
    let one: CorridorDocument | undefined;
    for await (const d of corridorDocuments({
      events: 300,
      eventsPerDocument: 400,
      eventIds: "uuid",
      seed: 60 + round,
    }))
      one ??= d;
    if (!one) throw new Error("no document generated");
    const document = one.document;
    const events = document.epcisBody.eventList;
    const capture = (eventList: unknown[]) =>
      t.app.inject({
        method: "POST",
        url: "/epcis/capture",
        headers: { ...bearer(koperasi), "content-type": "application/ld+json" },
        payload: JSON.stringify({ ...document, epcisBody: { eventList } }),
      });
    // The same events forwards, backwards and regrouped (a scanner's retry): on PostgreSQL these run
    // in parallel transactions, each waiting on rows the others insert.
    const half = Math.floor(events.length / 2);
    const answers = await Promise.all([
      capture(events),
      capture([...events].reverse()),
      capture([...events.slice(half), ...events.slice(0, half)]),
    ]);
    for (const res of answers) expect(res.statusCode, res.body).toBe(202);
    const stored = answers.reduce((sum, res) => sum + (res.json() as { storedCount: number }).storedCount, 0);
    expect(stored).toBe(events.length);
  }
}, 60_000);
