/**
 * Starts the real Lumbung server once for the whole e2e run and provides its URL
 * to the tests as `inject("baseURL")`.
 *
 * - `E2E_BASE_URL` set: use that running server instead (nothing is started).
 * - otherwise: `node --import tsx src/main.ts` on a free port with a fresh
 *   LUMBUNG_DATA_DIR, polled on GET /health until 200 (90 s at most), killed on teardown.
 *
 * The web app must already be built into dist/web (`npm run test:e2e` does it).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = path.join(ROOT, "test-results", "e2e");
const STARTUP_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not get a free port"));
      });
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitForHealth(baseURL: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy.\n${log()}`,
      );
    }
    try {
      const response = await fetch(`${baseURL}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(300);
  }
  throw new Error(
    `The server was not healthy within ${STARTUP_TIMEOUT_MS / 1000} s (last: ${last}).\n${log()}`,
  );
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      // The server runs in its own process group: end it and anything it started.
      process.kill(-(child.pid as number), signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    signalGroup("SIGKILL");
    await exited;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fresh artifacts each run, so no screenshot from an earlier run is mistaken for this one's.
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });

  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide("baseURL", external.replace(/\/$/, ""));
    return async () => {};
  }

  if (!existsSync(path.join(ROOT, "dist", "web", "index.html"))) {
    throw new Error("dist/web/index.html is missing: build the web app first (npm run build:web).");
  }

  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "lumbung-e2e-"));
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, // passes DATABASE_URL through when it is set
    PORT: String(port),
    HOST: "127.0.0.1",
    LUMBUNG_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    // The journeys record their own prices and stock; the demo's synthetic ones would blur them.
    LUMBUNG_DEMO_ACTIVITY: "false",
    // The suite signs in a handful of times within a minute from one address.
    LOGIN_RATE_LIMIT_PER_MINUTE: "100",
  };

  const logFile = createWriteStream(path.join(ARTIFACTS, "server.log"));
  let tail = "";
  const keep = (chunk: Buffer) => {
    logFile.write(chunk);
    tail = (tail + chunk.toString("utf8")).slice(-8_000);
  };

  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const teardown = async () => {
    await stop(child);
    logFile.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseURL, child, () => `--- server output (last 8 kB) ---\n${tail}`);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide("baseURL", baseURL);
  return teardown;
}
