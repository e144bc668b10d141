import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Readiness } from "../../src/modules/health";
import { expectProblem, useTestApp } from "../support/app";

describe("health and readiness", () => {
  const t = useTestApp();

  it("GET /health says ok with the database kind and version", async () => {
    const res = await t.app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: "ok",
      db: process.env.DATABASE_URL ? "postgres" : "pglite",
      version: JSON.parse(readFileSync("package.json", "utf8")).version,
      phase: "ready",
      demo: true, // demo mode is on outside production
    });
  });
});

describe("while migrations run", () => {
  const readiness: Readiness = { ready: false, phase: "migrating" };
  const t = useTestApp({ readiness });

  it("readiness fails with 503 and other routes answer 503 service.starting", async () => {
    const health = await t.app.inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: "starting", phase: "migrating" });
    expect((await t.app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
    const api = await t.app.inject({ method: "GET", url: "/api/v1/commodities" });
    expectProblem(api, 503, "service.starting");
    expect(api.headers["retry-after"]).toBe("2");

    readiness.ready = true;
    readiness.phase = "ready";
    expect((await t.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/commodities" })).statusCode).toBe(200);
  });
});

describe("OpenAPI 3.1", () => {
  const t = useTestApp();

  it("documents every API route with response schemas, and the committed openapi.json matches", async () => {
    const res = await t.app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, item] of Object.entries<Record<string, { responses?: Record<string, unknown> }>>(
      doc.paths,
    )) {
      for (const [method, op] of Object.entries(item)) {
        const success = Object.keys(op.responses ?? {}).filter((s) => s.startsWith("2"));
        expect(success.length, `${method} ${path} documents a success response`).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/health",
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/oauth/token",
        "/api/v1/audit",
      ]),
    );
    const committed = JSON.parse(readFileSync("openapi.json", "utf8"));
    expect(committed, "openapi.json drifted: run npm run openapi").toEqual(doc);
  });

  it("serves the API reference page at /docs", async () => {
    const res = await t.app.inject({ method: "GET", url: "/docs" });
    const page =
      res.statusCode === 302 ? await t.app.inject({ method: "GET", url: String(res.headers.location) }) : res;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger-ui");
  });
});
