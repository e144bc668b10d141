import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../../src/app";
import { type Config, loadConfig } from "../../src/config";
import type { DatabaseHandle } from "../../src/db/client";
import type { Clock } from "../../src/lib/clock";
import type { Readiness } from "../../src/modules/health";
import { DEMO_PARTNER, DEMO_PASSWORD } from "../../src/seed/demo";
import { createTestDatabase } from "./db";

export const DEMO_EMAILS = {
  admin: "admin@lumbung.test",
  koperasi: "koperasi@lumbung.test",
  umkm: "umkm@lumbung.test",
  bumd: "bumd@lumbung.test",
  hub_operator: "hub@lumbung.test",
  warehouse_operator: "gudang@lumbung.test",
  carrier: "kurir@lumbung.test",
  dinas: "dinas@lumbung.test",
  warga: "warga@lumbung.test",
  processor: "olah@lumbung.test",
} as const;

/** Demo accounts beyond one per persona: a second hub, a second BUMD. */
export const MORE_DEMO_EMAILS = {
  hubPriok: "priok@lumbung.test",
  pasarJaya: "pasar@lumbung.test",
} as const;

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE: "10000",
    WEB_DIST_DIR: "/nonexistent-web-dist",
    ...overrides,
  });
}

export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** Signs in and returns a bearer token. */
  login(email: string, password?: string): Promise<string>;
  partnerToken(scope?: string): Promise<string>;
}

/** Builds the app on a fresh database for the calling test file; closes both after the file. */
export function useTestApp(
  opts: { config?: Record<string, string>; clock?: Clock; readiness?: Readiness } = {},
): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.database = await createTestDatabase();
    ctx.app = await buildApp({
      config: testConfig(opts.config),
      database: ctx.database,
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.readiness ? { readiness: opts.readiness } : {}),
    });
    await ctx.app.ready();
    ctx.login = async (email, password = DEMO_PASSWORD) => {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { identifier: email, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      return res.json().token as string;
    };
    ctx.partnerToken = async (scope?: string) => {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/oauth/token",
        payload: {
          grant_type: "client_credentials",
          client_id: DEMO_PARTNER.clientId,
          client_secret: DEMO_PARTNER.clientSecret,
          ...(scope ? { scope } : {}),
        },
      });
      if (res.statusCode !== 200) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
      return res.json().access_token as string;
    };
  }, 60_000);
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  const body = res.json();
  const ok =
    res.statusCode === status &&
    String(res.headers["content-type"]).startsWith("application/problem+json") &&
    body.code === code &&
    body.status === status &&
    typeof body.title === "string" &&
    typeof body.detail === "string";
  if (!ok) {
    throw new Error(
      `expected problem ${status} ${code}, got ${res.statusCode} ${res.headers["content-type"]}: ${res.body.slice(0, 500)}`,
    );
  }
  return body as { code: string; detail: string; errors?: { field: string; message: string }[] };
}
