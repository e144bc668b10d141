import { describe, expect, it } from "vitest";
import { DEMO_PARTNER } from "../../src/seed/demo";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const t = useTestApp();

function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers["set-cookie"];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return String(first).split(";")[0] ?? "";
}

describe("citizen registration and sign-in", () => {
  it("registers with email, signs in by email, and sees itself as a citizen (warga)", async () => {
    const reg = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { name: "Rahmat Hidayat", email: "Rahmat@Example.id", password: "kata-sandi-aman" },
    });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({
      user: { name: "Rahmat Hidayat", email: "rahmat@example.id", isAdmin: false },
      persona: "warga",
      organisation: null,
    });
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: "rahmat@example.id", password: "kata-sandi-aman" },
    });
    expect(login.statusCode).toBe(200);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: bearer(login.json().token),
    });
    expect(me.json().user.email).toBe("rahmat@example.id");
  });

  it("registers with a +62 phone typed the local way and signs in with it", async () => {
    const reg = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { name: "Wayan", phone: "0812-7777-8888", password: "kata-sandi-aman" },
    });
    expect(reg.statusCode).toBe(201);
    expect(reg.json().user.phone).toBe("+6281277778888");
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: "+62 812 7777 8888", password: "kata-sandi-aman" },
    });
    expect(login.statusCode).toBe(200);
  });

  it("refuses a second account for the same email (409) and a registration without contact (400)", async () => {
    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { name: "Lain", email: DEMO_EMAILS.warga, password: "kata-sandi-aman" },
    });
    expectProblem(again, 409, "identity.already_registered");
    const none = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { name: "Tanpa Kontak", password: "kata-sandi-aman" },
    });
    expectProblem(none, 400, "request.validation");
    const badPhone = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { name: "Salah", phone: "021-555-1234", password: "kata-sandi-aman" },
    });
    expect(expectProblem(badPhone, 400, "request.validation").errors?.[0]?.field).toBe("body/phone");
  });

  it("answers a wrong password and an unknown account the same way", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: DEMO_EMAILS.koperasi, password: "salah-sekali" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: "nobody@lumbung.test", password: "salah-sekali" },
    });
    expectProblem(wrong, 401, "auth.invalid_credentials");
    expectProblem(unknown, 401, "auth.invalid_credentials");
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it("stores an argon2id hash, never the password", async () => {
    const { users } = await import("../../src/db/schema");
    const { eq } = await import("drizzle-orm");
    const [row] = await t.database.db.select().from(users).where(eq(users.email, DEMO_EMAILS.warga));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain("lumbung-demo");
  });
});

describe("sessions: cookie for the web, bearer for API clients", () => {
  it("login sets an httpOnly SameSite cookie that works on its own", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { identifier: DEMO_EMAILS.bumd, password: "lumbung-demo" },
    });
    const setCookie = String(login.headers["set-cookie"]);
    expect(setCookie).toMatch(/lumbung_session=lbs_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: cookieFrom(login) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      persona: "bumd",
      organisation: { name: "PT Food Station Tjipinang Jaya", kind: "bumd" },
      role: "org_admin",
    });
  });

  it("logout ends the session for both the cookie and the bearer token", async () => {
    const token = await t.login(DEMO_EMAILS.hub_operator);
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: bearer(token) });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/lumbung_session=;/);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(token) }),
      401,
      "auth.unauthenticated",
    );
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { cookie: `lumbung_session=${token}` },
      }),
      401,
      "auth.unauthenticated",
    );
  });

  it("each demo account signs in with the documented password and gets its persona", async () => {
    for (const [persona, email] of Object.entries(DEMO_EMAILS)) {
      const token = await t.login(email);
      const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(token) });
      expect(me.json().persona, email).toBe(persona);
    }
  });
});

describe("OAuth 2.0 client credentials for partner platforms", () => {
  it("issues a bearer token with HTTP Basic client authentication (form-encoded)", async () => {
    const basic = Buffer.from(`${DEMO_PARTNER.clientId}:${DEMO_PARTNER.clientSecret}`).toString("base64");
    const res = await t.app.inject({
      method: "POST",
      url: "/oauth/token",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      payload: "grant_type=client_credentials&scope=products%3Aread",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const body = res.json();
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "products:read" });
    const me = await t.app.inject({
      method: "GET",
      url: "/partner/v1/me",
      headers: bearer(body.access_token),
    });
    expect(me.json()).toMatchObject({ clientId: "jaki-demo", scopes: ["products:read"] });
  });

  it("accepts client_id/client_secret in a JSON body too", async () => {
    const token = await t.partnerToken();
    const me = await t.app.inject({ method: "GET", url: "/partner/v1/me", headers: bearer(token) });
    expect(me.json().scopes).toEqual(["products:read", "orders:read", "orders:write"]);
  });

  it("refuses a wrong secret (401 invalid_client), a wrong grant (400) and a scope it was not given (400)", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/oauth/token",
      payload: { grant_type: "client_credentials", client_id: "jaki-demo", client_secret: "nope" },
    });
    expect(expectProblem(wrong, 401, "auth.invalid_client")).toMatchObject({ error: "invalid_client" });
    const grant = await t.app.inject({
      method: "POST",
      url: "/oauth/token",
      payload: { grant_type: "password", client_id: "jaki-demo", client_secret: "jaki-demo-secret" },
    });
    expect(expectProblem(grant, 400, "auth.unsupported_grant_type")).toMatchObject({
      error: "unsupported_grant_type",
    });
    const scope = await t.app.inject({
      method: "POST",
      url: "/oauth/token",
      payload: {
        grant_type: "client_credentials",
        client_id: "jaki-demo",
        client_secret: "jaki-demo-secret",
        scope: "admin",
      },
    });
    expect(expectProblem(scope, 400, "auth.invalid_scope")).toMatchObject({ error: "invalid_scope" });
  });

  it("keeps the doors apart: a partner token is not a user session and vice versa", async () => {
    const partner = await t.partnerToken();
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(partner) }),
      403,
      "auth.forbidden",
    );
    const user = await t.login(DEMO_EMAILS.admin);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/partner/v1/me", headers: bearer(user) }),
      403,
      "auth.forbidden",
    );
  });
});

describe("rate limits", () => {
  const limited = useTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: "3" } });

  it("limits sign-in attempts per client and says when to retry", async () => {
    const attempt = () =>
      limited.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { identifier: DEMO_EMAILS.warga, password: "tebak-tebak" },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expectProblem(blocked, 429, "request.rate_limited");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("members of several organisations", () => {
  it("switch the organisation their session acts for, and only to their own", async () => {
    const admin = await t.login(DEMO_EMAILS.admin);
    const orgs = (
      await t.app.inject({ method: "GET", url: "/api/v1/organisations?kind=bumd", headers: bearer(admin) })
    ).json();
    const wahana = orgs.items.find((o: { name: string }) => o.name === "PT Wahana Raharja");
    const pasarJaya = orgs.items.find((o: { name: string }) => o.name === "Perumda Pasar Jaya");
    const added = await t.app.inject({
      method: "POST",
      url: `/api/v1/organisations/${wahana.id}/members`,
      headers: bearer(admin),
      payload: { email: DEMO_EMAILS.koperasi, name: "Siti Rahayu", role: "member" },
    });
    expect(added.statusCode).toBe(201);

    const token = await t.login(DEMO_EMAILS.koperasi);
    const switched = await t.app.inject({
      method: "PUT",
      url: "/api/v1/auth/session/organisation",
      headers: bearer(token),
      payload: { organisationId: wahana.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({
      persona: "bumd",
      organisation: { name: "PT Wahana Raharja" },
      role: "member",
    });
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(token) });
    expect(me.json().persona).toBe("bumd");

    const refused = await t.app.inject({
      method: "PUT",
      url: "/api/v1/auth/session/organisation",
      headers: bearer(token),
      payload: { organisationId: pasarJaya.id },
    });
    expectProblem(refused, 404, "identity.organisation_not_found");
  });
});
