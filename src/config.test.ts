import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_SECRET, loadConfig } from "./config";
import { databaseTarget } from "./db/prepare";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PROD_SECRET = "k9X2-production-secret-of-forty-chars!!";
/** A prefix other than the placeholder, as production needs. */
const PROD = { NODE_ENV: "production", LUMBUNG_GS1_PREFIX: "8991234" };

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("has working defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "development",
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      demo: true,
      secret: DEMO_SECRET,
      publicUrl: "http://127.0.0.1:3000",
      logLevel: "info",
      trustProxy: false,
    });
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(databaseTarget(config)).toEqual({ kind: "pglite", dataDir: config.dataDir });
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://lumbung@db.internal:5432/lumbung" });
    expect(databaseTarget(config)).toEqual({
      kind: "postgres",
      url: "postgres://lumbung@db.internal:5432/lumbung",
    });
    expect(loadConfig({ DATABASE_URL: "postgresql://x@y/z" }).databaseUrl).toBe("postgresql://x@y/z");
  });

  it("demo data is on outside production unless switched off", () => {
    expect(loadConfig({ NODE_ENV: "test" }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: "development" }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", LUMBUNG_DEMO: "false" }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: "development", LUMBUNG_DEMO: "0" }).demo).toBe(false);
  });

  it("reads numbers, booleans and the public URL", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      TRUST_PROXY: "yes",
      BODY_LIMIT_BYTES: "2048",
      LUMBUNG_PUBLIC_URL: "https://lumbung.example.go.id",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      trustProxy: true,
      bodyLimit: 2048,
      publicUrl: "https://lumbung.example.go.id",
    });
  });

  it("lists every bad value in one ConfigError, naming each variable", () => {
    const err = configError({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    expect(err.problems).toHaveLength(3);
    const named = err.problems.map((p) => p.split(":")[0]).sort();
    expect(named).toEqual(["DATABASE_URL", "LOG_LEVEL", "PORT"]);
    expect(err.problems.find((p) => p.startsWith("DATABASE_URL"))).toContain("postgres://");
    for (const variable of ["PORT", "DATABASE_URL", "LOG_LEVEL"]) expect(err.message).toContain(variable);
  });

  it("runs the background timers by default and lets an operator turn each off", () => {
    expect(loadConfig({}).timers).toEqual({
      laporSweepSeconds: 60,
      notificationDispatchSeconds: 15,
      marketSweepSeconds: 30,
      partnerWebhookSeconds: 10,
    });
    expect(
      loadConfig({
        LAPOR_SWEEP_INTERVAL_SECONDS: "0",
        NOTIFICATION_DISPATCH_INTERVAL_SECONDS: "5",
        MARKET_SWEEP_INTERVAL_SECONDS: "0",
        PARTNER_WEBHOOK_INTERVAL_SECONDS: "2",
      }).timers,
    ).toEqual({
      laporSweepSeconds: 0,
      notificationDispatchSeconds: 5,
      marketSweepSeconds: 0,
      partnerWebhookSeconds: 2,
    });
    expect(loadConfig({}).market).toEqual({ paymentTimeoutMinutes: 30 });
    const err = configError({
      LAPOR_SWEEP_INTERVAL_SECONDS: "-1",
      NOTIFICATION_DISPATCH_INTERVAL_SECONDS: "soon",
      MARKET_SWEEP_INTERVAL_SECONDS: "1.5",
      PARTNER_WEBHOOK_INTERVAL_SECONDS: "-2",
      MARKET_PAYMENT_TIMEOUT_MINUTES: "0",
    });
    expect(err.problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "LAPOR_SWEEP_INTERVAL_SECONDS",
      "MARKET_PAYMENT_TIMEOUT_MINUTES",
      "MARKET_SWEEP_INTERVAL_SECONDS",
      "NOTIFICATION_DISPATCH_INTERVAL_SECONDS",
      "PARTNER_WEBHOOK_INTERVAL_SECONDS",
    ]);
  });

  it("refuses out-of-range numbers and unknown booleans", () => {
    const err = configError({
      PORT: "70000",
      SESSION_TTL_HOURS: "0",
      TRUST_PROXY: "maybe",
      LUMBUNG_SECRET: "short",
    });
    expect(err.problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "LUMBUNG_SECRET",
      "PORT",
      "SESSION_TTL_HOURS",
      "TRUST_PROXY",
    ]);
  });

  it("production refuses the demo secret", () => {
    const err = configError({ ...PROD });
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/^LUMBUNG_SECRET: /);
    expect(configError({ ...PROD, LUMBUNG_SECRET: DEMO_SECRET }).problems[0]).toMatch(/^LUMBUNG_SECRET: /);
  });

  it("production refuses demo accounts", () => {
    const err = configError({ ...PROD, LUMBUNG_SECRET: PROD_SECRET, LUMBUNG_DEMO: "true" });
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/^LUMBUNG_DEMO: /);
  });

  it("production reports the demo secret and demo accounts together", () => {
    const err = configError({ ...PROD, LUMBUNG_DEMO: "true" });
    expect(err.problems.map((p) => p.split(":")[0]).sort()).toEqual(["LUMBUNG_DEMO", "LUMBUNG_SECRET"]);
  });

  it("production with its own secret of 32+ characters starts, with demo off", () => {
    const config = loadConfig({ ...PROD, LUMBUNG_SECRET: PROD_SECRET });
    expect(config.env).toBe("production");
    expect(config.secret).toBe(PROD_SECRET);
    expect(config.demo).toBe(false);
    expect(() => loadConfig({ ...PROD, LUMBUNG_SECRET: "x".repeat(31) })).toThrow(ConfigError);
    expect(loadConfig({ ...PROD, LUMBUNG_SECRET: "x".repeat(32) }).demo).toBe(false);
  });

  it("production refuses the placeholder GS1 prefix", () => {
    const err = configError({ NODE_ENV: "production", LUMBUNG_SECRET: PROD_SECRET });
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/^LUMBUNG_GS1_PREFIX: .*licensed/);
    expect(loadConfig({ ...PROD, LUMBUNG_SECRET: PROD_SECRET }).gs1.platformPrefix).toBe("8991234");
  });
});

describe("src/main.ts with a bad environment", () => {
  it("exits with EX_CONFIG (78) and prints every problem", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: "abc",
      DATABASE_URL: "mysql://x",
      LOG_LEVEL: "loud",
    };
    env.NODE_ENV = "development";
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: REPO_ROOT,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("Invalid configuration");
    for (const variable of ["PORT", "DATABASE_URL", "LOG_LEVEL"])
      expect(result.stderr).toMatch(new RegExp(`- ${variable}: `));
  }, 40_000); // above spawnSync's own 30 s, so a hung child fails with its own error
});
