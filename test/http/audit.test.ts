import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { buildApp, LOG_REDACT_PATHS } from "../../src/app";
import { bearer, DEMO_EMAILS, expectProblem, testConfig, useTestApp } from "../support/app";

const t = useTestApp();

describe("audit log of every write", () => {
  it("records who, what, when, from where and the outcome, readable by admins only", async () => {
    const admin = await t.login(DEMO_EMAILS.admin);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { ...bearer(admin), "x-forwarded-for": "10.9.8.7" },
      payload: { name: "Koperasi Tani Makmur Pesawaran", kind: "koperasi", regionCode: "18.09" },
      remoteAddress: "203.0.113.5",
    });
    expect(created.statusCode).toBe(201);

    const log = await t.app.inject({ method: "GET", url: "/api/v1/audit?limit=200", headers: bearer(admin) });
    expect(log.statusCode).toBe(200);
    const entry = log
      .json()
      .items.find((e: { action: string; status: number }) => e.action === "POST /api/v1/organisations");
    expect(entry).toMatchObject({
      actorType: "user",
      actorLabel: "Admin Lumbung",
      method: "POST",
      path: "/api/v1/organisations",
      status: 201,
      ip: "203.0.113.5", // TRUST_PROXY is off: a forwarded header cannot forge the address
    });
    expect(entry.requestId).toMatch(/^req_/);
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("records refused writes too (a failed sign-in is a security event) without the body", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: DEMO_EMAILS.bumd, password: "rahasia-yang-salah" },
    });
    const admin = await t.login(DEMO_EMAILS.admin);
    const log = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?action=POST%20/api/v1/auth/login",
      headers: bearer(admin),
    });
    const failed = log.json().items.find((e: { status: number }) => e.status === 401);
    expect(failed).toMatchObject({ actorType: "anonymous", action: "POST /api/v1/auth/login" });
    expect(JSON.stringify(log.json())).not.toContain("rahasia-yang-salah");
  });

  it("pages newest first with a cursor", async () => {
    const admin = await t.login(DEMO_EMAILS.admin);
    const first = (
      await t.app.inject({ method: "GET", url: "/api/v1/audit?limit=2", headers: bearer(admin) })
    ).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1].id);
    const second = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/audit?limit=2&cursor=${first.nextCursor}`,
        headers: bearer(admin),
      })
    ).json();
    expect(second.items[0].id < first.items[1].id).toBe(true);
  });

  it("is not readable by operators", async () => {
    const dinas = await t.login(DEMO_EMAILS.dinas);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/audit", headers: bearer(dinas) }),
      403,
      "auth.forbidden",
    );
  });
});

describe("logs", () => {
  it("carry request ids and never personal data (passwords, emails, phones, tokens)", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: "trace", redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" } }, sink);
    const app = await buildApp({ config: testConfig(), database: t.database, logger });
    await app.ready();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: {
        name: "Privasi Terjaga",
        email: "privasi@warga.test",
        phone: "081299998888",
        password: "sandi-sangat-rahasia",
      },
    });
    expect(res.statusCode).toBe(201);
    const token = res.json().token;
    await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(token) });
    await app.close();
    const all = lines.join("");
    expect(lines.length).toBeGreaterThan(2);
    expect(all).toContain('"reqId":"req_');
    for (const secret of ["privasi@warga.test", "81299998888", "sandi-sangat-rahasia", token]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe("sign-in in the audit log", () => {
  it("names the person who signed in, not 'anonymous'", async () => {
    await t.login(DEMO_EMAILS.warehouse_operator);
    const admin = await t.login(DEMO_EMAILS.admin);
    const log = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?action=POST%20/api/v1/auth/login",
      headers: bearer(admin),
    });
    const labels = log
      .json()
      .items.filter((e: { status: number }) => e.status === 200)
      .map((e: { actorLabel: string }) => e.actorLabel);
    expect(labels).toContain("Dewi Lestari (Gudang Bersama)");
  });
});
