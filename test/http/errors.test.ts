import { describe, expect, it } from "vitest";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const t = useTestApp({ config: { BODY_LIMIT_BYTES: "4096" } });

describe("every error is RFC 9457 problem+json with a stable code", () => {
  it("malformed JSON → 400 request.malformed_json", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"identifier": "x",',
    });
    expectProblem(res, 400, "request.malformed_json");
  });

  it("schema violations → 400 listing each field", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { name: "", email: "not-an-email", password: "short" },
    });
    const problem = expectProblem(res, 400, "request.validation");
    const fields = problem.errors?.map((e) => e.field).sort();
    expect(fields).toEqual(["body/email", "body/name", "body/password"]);
    for (const e of problem.errors ?? []) expect(e.message.length).toBeGreaterThan(0);
  });

  it("invalid query parameters → 400 naming the parameter", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/regions?level=planet" });
    const problem = expectProblem(res, 400, "request.validation");
    expect(problem.errors?.[0]?.field).toBe("querystring/level");
  });

  it("unknown route → 404 route.not_found, also under /api for GET and POST", async () => {
    expectProblem(await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" }), 404, "route.not_found");
    expectProblem(
      await t.app.inject({ method: "POST", url: "/api/v1/nothing-here", payload: {} }),
      404,
      "route.not_found",
    );
    expectProblem(await t.app.inject({ method: "DELETE", url: "/whatever" }), 404, "route.not_found");
  });

  it("too large a body → 413 request.body_too_large", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: "x".repeat(5000), password: "p" },
    });
    expectProblem(res, 413, "request.body_too_large");
  });

  it("wrong media type → 415 request.unsupported_media_type", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<login/>",
    });
    expectProblem(res, 415, "request.unsupported_media_type");
  });

  it("missing credentials → 401 auth.unauthenticated with WWW-Authenticate", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expectProblem(res, 401, "auth.unauthenticated");
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
  });

  it("invalid credentials → 401 (a forged token is no token)", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer("lbs_forged") });
    expectProblem(res, 401, "auth.unauthenticated");
    const jwt = await t.app.inject({ method: "GET", url: "/partner/v1/me", headers: bearer("a.b.c") });
    expectProblem(jwt, 401, "auth.unauthenticated");
  });

  it("not allowed → 403 auth.forbidden", async () => {
    const token = await t.login(DEMO_EMAILS.warga);
    const res = await t.app.inject({ method: "GET", url: "/api/v1/audit", headers: bearer(token) });
    expectProblem(res, 403, "auth.forbidden");
  });

  it("titles follow Accept-Language (Bahasa Indonesia by default)", async () => {
    const id = await t.app.inject({ method: "GET", url: "/api/v1/auth/me" });
    const en = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(id.json().title).toBe("Silakan masuk terlebih dahulu");
    expect(en.json().title).toBe("Authentication required");
  });

  it("field messages speak Bahasa Indonesia by default and English on request", async () => {
    const payload = { name: "Budi", phone: "021-555", password: "short" };
    const id = await t.app.inject({ method: "POST", url: "/api/v1/auth/register", payload });
    const en = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload,
      headers: { "accept-language": "en" },
    });
    const byField = (res: typeof id) =>
      Object.fromEntries(
        expectProblem(res, 400, "request.validation").errors?.map((e) => [e.field, e.message]) ?? [],
      );
    expect(byField(id)).toEqual({
      "body/phone": "harus nomor HP Indonesia, misalnya +6281234567890",
      "body/password": "minimal 10 karakter",
    });
    expect(byField(en)).toEqual({
      "body/phone": "must be an Indonesian mobile number, e.g. +6281234567890",
      "body/password": "must be at least 10 characters",
    });
    // zod's own wording comes from its Indonesian locale
    const level = await t.app.inject({ method: "GET", url: "/api/v1/regions?level=planet" });
    expect(expectProblem(level, 400, "request.validation").errors?.[0]?.message).toMatch(
      /^Pilihan tidak valid: diharapkan salah satu dari/,
    );
  });

  it("a refused write keeps what was stored: a bad registration does not create an account", async () => {
    const before = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: "new@warga.test", password: "kata-sandi-baru" },
    });
    expectProblem(before, 401, "auth.invalid_credentials");
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { name: "Baru", email: "new@warga.test", password: "short" },
    });
    expectProblem(bad, 400, "request.validation");
    const after = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: "new@warga.test", password: "short" },
    });
    expectProblem(after, 401, "auth.invalid_credentials");
  });

  it("every answer carries helmet's full set of security headers, errors and unknown routes too", async () => {
    const expected = {
      "content-security-policy":
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "origin-agent-cluster": "?1",
      "referrer-policy": "no-referrer",
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "x-dns-prefetch-control": "off",
      "x-download-options": "noopen",
      "x-frame-options": "SAMEORIGIN",
      "x-permitted-cross-domain-policies": "none",
      "x-xss-protection": "0",
    };
    for (const url of ["/health", "/api/v1/no-such-route", "/api/v1/stability/alerts"]) {
      const res = await t.app.inject({ method: "GET", url });
      for (const [name, value] of Object.entries(expected))
        expect(res.headers[name], `${url} ${name}`).toBe(value);
    }
  });

  it("responses carry security headers and a request id", async () => {
    const res = await t.app.inject({ method: "GET", url: "/health" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["x-request-id"]).toMatch(/^req_/);
    const echoed = await t.app.inject({
      method: "GET",
      url: "/health",
      headers: { "x-request-id": "abc-123" },
    });
    expect(echoed.headers["x-request-id"]).toBe("abc-123");
  });
});
