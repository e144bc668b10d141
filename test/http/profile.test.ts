import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { CONSENT_VERSION } from "../../src/modules/identity";
import { userProfiles } from "../../src/modules/identity/identity.tables";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

// A fixed day in WIB, so "a birth date in the future" means the same on every run.
const t = useTestApp({ clock: { now: () => new Date("2026-06-15T05:00:00Z") } });
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const NIK = "1871011705900001"; // Kedaton, Bandar Lampung; a man born 17 May 1990
const WOMAN = "3174015708010023"; // Tebet, Jakarta Selatan; a woman born 17 August 2001
const BANDUNG = "3273011203850004"; // Jawa Barat: kecamatan not loaded, province known

type Method = "GET" | "POST" | "PUT" | "DELETE";
async function call(method: Method, url: string, token?: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: token ? bearer(token) : {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
}

async function ok(res: Awaited<ReturnType<typeof call>>, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const consent = (token: string, purpose: string, granted: boolean, version = CONSENT_VERSION) =>
  call("POST", "/api/v1/me/consents", token, { purpose, granted, version });

async function register(name: string, email: string) {
  const res = await call("POST", "/api/v1/auth/register", undefined, {
    name,
    email,
    password: "kata-sandi-rahasia",
  });
  expect(res.statusCode, res.body).toBe(201);
  return { token: res.json().token as string, id: res.json().user.id as string };
}

beforeAll(async () => {
  for (const who of ["warga", "admin", "umkm"] as const) {
    tokens[who] = await t.login(DEMO_EMAILS[who]);
    ids[who] = (await call("GET", "/api/v1/auth/me", tokens[who])).json().user.id;
  }
  const other = await register("Siti Rahma", "siti@contoh.id");
  tokens.other = other.token;
  ids.other = other.id;
});

describe("the profile is mine alone", () => {
  it("answers 401 to anonymous callers", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/me/profile"],
      ["PUT", "/api/v1/me/profile"],
      ["POST", "/api/v1/me/consents"],
      ["GET", "/api/v1/me/data"],
      ["DELETE", "/api/v1/me"],
    ] as const) {
      expectProblem(
        await call(method, url, undefined, method === "GET" ? undefined : {}),
        401,
        "auth.unauthenticated",
      );
    }
  });

  it("starts with no NIK and no consents", async () => {
    const p = await ok(await call("GET", "/api/v1/me/profile", tokens.warga));
    expect(p).toMatchObject({
      name: "Nur Aini",
      email: DEMO_EMAILS.warga,
      nik: null,
      regencyCode: null,
      consents: [],
    });
    expect(p.consentVersion).toBe(CONSENT_VERSION);
  });

  it("changes name, phone (normalised) and home regency, and refuses an unknown regency or a taken phone", async () => {
    const p = await ok(
      await call("PUT", "/api/v1/me/profile", tokens.warga, {
        name: "Nur Aini Lestari",
        phone: "0812 7000 1111",
        regencyCode: "18.71",
      }),
    );
    expect(p).toMatchObject({ name: "Nur Aini Lestari", phone: "+6281270001111", regencyCode: "18.71" });
    const bad = await call("PUT", "/api/v1/me/profile", tokens.warga, { regencyCode: "18.99" });
    expect(expectProblem(bad, 400, "request.validation").errors?.[0]?.field).toBe("body/regencyCode");
    expectProblem(
      await call("PUT", "/api/v1/me/profile", tokens.other, { phone: "+6281270001111" }),
      409,
      "profile.phone_taken",
    );
    expectProblem(
      await call("PUT", "/api/v1/me/profile", tokens.warga, { phone: "12345" }),
      400,
      "request.validation",
    );
  });
});

describe("the NIK", () => {
  it("needs a current consent to NIK processing", async () => {
    const res = await call("PUT", "/api/v1/me/profile", tokens.warga, { nik: NIK });
    expectProblem(res, 400, "profile.consent_required");
    await ok(await consent(tokens.warga as string, "nik_processing", true, "2020-01"));
    expectProblem(
      await call("PUT", "/api/v1/me/profile", tokens.warga, { nik: NIK }),
      400,
      "profile.consent_required",
    );
    const p = await ok(await consent(tokens.warga as string, "nik_processing", true));
    expect(p.consents).toEqual([
      { purpose: "nik_processing", version: CONSENT_VERSION, granted: true, at: expect.any(String) },
    ]);
    expectProblem(
      await call("POST", "/api/v1/me/consents", tokens.warga, {
        purpose: "marketing",
        granted: true,
        version: "1",
      }),
      400,
      "request.validation",
    );
  });

  it("refuses NIKs that break the rules, naming the field", async () => {
    for (const [nik, problem] of [
      ["187101170590001", "format"],
      ["1899011705900001", "region"], // no regency 18.99
      ["1871991705900001", "region"], // no kecamatan 18.71.99
      ["9971011705900001", "region"], // no province 99
      ["1871013102900001", "birth_date"], // 31 February
      ["1871017202900001", "birth_date"], // a woman's day 72
      ["1871010107260001", "future"], // 1 July 2026, after the test clock's today
      ["1871011705900000", "serial"],
    ] as const) {
      const res = await call("PUT", "/api/v1/me/profile", tokens.warga, { nik });
      const body = res.json();
      expect([nik, res.statusCode, body.code, body.problem, body.errors?.[0]?.field]).toEqual([
        nik,
        400,
        "profile.invalid_nik",
        problem,
        "body/nik",
      ]);
    }
    expect((await ok(await call("GET", "/api/v1/me/profile", tokens.warga))).nik).toBeNull();
  });

  it("stores it encrypted, answers it masked, and keeps one NIK to one account", async () => {
    const p = await ok(await call("PUT", "/api/v1/me/profile", tokens.warga, { nik: "1871 0117 0590 0001" }));
    expect(p.nik).toBe("1871**********01");
    const [row] = await t.database.db
      .select()
      .from(userProfiles)
      .where(eq(userProfiles.userId, ids.warga as string));
    expect(row?.nikMasked).toBe("1871**********01");
    expect(row?.nikCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(NIK);
    expect(row?.nikHash).toMatch(/^[0-9a-f]{64}$/);
    const me = await call("GET", "/api/v1/auth/me", tokens.warga);
    const profile = await call("GET", "/api/v1/me/profile", tokens.warga);
    expect(me.body + profile.body).not.toContain(NIK);

    await ok(await consent(tokens.other as string, "nik_processing", true));
    expectProblem(
      await call("PUT", "/api/v1/me/profile", tokens.other, { nik: NIK }),
      409,
      "profile.nik_taken",
    );
    // Saving one's own NIK again is fine.
    await ok(await call("PUT", "/api/v1/me/profile", tokens.warga, { nik: NIK }));
  });

  it("accepts a woman's NIK from Jakarta and a NIK from a province whose kecamatan are not loaded", async () => {
    expect((await ok(await call("PUT", "/api/v1/me/profile", tokens.other, { nik: WOMAN }))).nik).toBe(
      "3174**********23",
    );
    expect((await ok(await call("PUT", "/api/v1/me/profile", tokens.other, { nik: BANDUNG }))).nik).toBe(
      "3273**********04",
    );
  });

  it("is removed with null, and erased when the consent is withdrawn", async () => {
    expect((await ok(await call("PUT", "/api/v1/me/profile", tokens.other, { nik: null }))).nik).toBeNull();
    await ok(await call("PUT", "/api/v1/me/profile", tokens.other, { nik: WOMAN }));
    const p = await ok(await consent(tokens.other as string, "nik_processing", false));
    expect(p.nik).toBeNull();
    expect(p.consents[0]).toMatchObject({ purpose: "nik_processing", granted: false });
    const [row] = await t.database.db
      .select()
      .from(userProfiles)
      .where(eq(userProfiles.userId, ids.other as string));
    expect(row).toMatchObject({ nikCiphertext: null, nikHash: null, nikMasked: null });
    expectProblem(
      await call("PUT", "/api/v1/me/profile", tokens.other, { nik: WOMAN }),
      400,
      "profile.consent_required",
    );
  });
});

describe("my data", () => {
  it("downloads everything about me as a JSON attachment, the NIK in clear, no tokens", async () => {
    await ok(await consent(tokens.warga as string, "notifications_sms", true));
    await t.app.services.notifications.enqueue(t.database.db, [
      {
        recipientUserId: ids.warga as string,
        kind: "lapor.state_changed",
        title: { id: "Laporan diproses", en: "Report in progress" },
        body: { id: "Sedang ditangani.", en: "Being handled." },
        payload: { link: "/lapor/lpr_x" },
      },
    ]);
    await ok(
      await call("PUT", "/api/v1/notifications/preferences/whatsapp", tokens.warga, {
        address: "081270001111",
        enabled: true,
      }),
    );
    const res = await call("GET", "/api/v1/me/data", tokens.warga);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="lumbung-data-saya-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    const data = res.json();
    expect(data.account).toMatchObject({
      id: ids.warga,
      name: "Nur Aini Lestari",
      email: DEMO_EMAILS.warga,
      phone: "+6281270001111",
    });
    expect(data.profile).toMatchObject({ nik: NIK, regencyCode: "18.71" });
    expect(
      data.consents.map((c: { purpose: string; version: string }) => `${c.purpose}@${c.version}`),
    ).toEqual([
      "nik_processing@2020-01",
      `nik_processing@${CONSENT_VERSION}`,
      `notifications_sms@${CONSENT_VERSION}`,
    ]);
    expect(data.memberships).toEqual([]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.sessions.some((s: { current: boolean }) => s.current)).toBe(true);
    expect(res.body).not.toContain(tokens.warga);
    expect(res.body).not.toMatch(/tokenHash|token_hash|passwordHash/);
    expect(data.sources.notifications.notifications[0]).toMatchObject({ title: { id: "Laporan diproses" } });
    expect(data.sources.notifications.preferences).toEqual([
      expect.objectContaining({ channel: "whatsapp", address: "+6281270001111" }),
    ]);
  });
});

describe("deleting my account", () => {
  it("asks for the password and the word HAPUS", async () => {
    expectProblem(
      await call("DELETE", "/api/v1/me", tokens.warga, { password: "lumbung-demo", confirm: "hapus" }),
      400,
      "request.validation",
    );
    expectProblem(
      await call("DELETE", "/api/v1/me", tokens.warga, { password: "salah-sandi", confirm: "HAPUS" }),
      403,
      "profile.wrong_password",
    );
    expectProblem(
      await call("DELETE", "/api/v1/me", tokens.admin, { password: "lumbung-demo", confirm: "HAPUS" }),
      409,
      "profile.admin_cannot_delete",
    );
  });

  it("erases a citizen: other modules first, then everything else; sign-in fails afterwards", async () => {
    const erased: string[] = [];
    t.app.services.identity.registerPersonalDataSource({
      name: "test-source",
      export: async () => ({ reports: 0 }),
      erase: async (userId) => {
        erased.push(userId);
      },
    });
    const res = await call("DELETE", "/api/v1/me", tokens.warga, {
      password: "lumbung-demo",
      confirm: "HAPUS",
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(String(res.headers["set-cookie"])).toMatch(/lumbung_session=;/);
    expect(erased).toEqual([ids.warga]);
    expectProblem(await call("GET", "/api/v1/me/profile", tokens.warga), 401, "auth.unauthenticated");
    const login = await call("POST", "/api/v1/auth/login", undefined, {
      identifier: DEMO_EMAILS.warga,
      password: "lumbung-demo",
    });
    expectProblem(login, 401, "auth.invalid_credentials");
    expectProblem(
      await call("POST", "/api/v1/auth/login", undefined, {
        identifier: "+6281270001111",
        password: "lumbung-demo",
      }),
      401,
      "auth.invalid_credentials",
    );
    const [row] = await t.database.db
      .select()
      .from(userProfiles)
      .where(eq(userProfiles.userId, ids.warga as string));
    expect(row).toBeUndefined();
    const data = await t.app.services.notifications.personalData.export(ids.warga as string);
    expect(data).toEqual({ notifications: [], preferences: [] });
    // The NIK is free again.
    await ok(await consent(tokens.other as string, "nik_processing", true));
    expect((await ok(await call("PUT", "/api/v1/me/profile", tokens.other, { nik: NIK }))).nik).toBe(
      "1871**********01",
    );
    // The audit log keeps its entries.
    const audit = await ok(await call("GET", "/api/v1/audit?limit=200", tokens.admin));
    expect(JSON.stringify(audit)).toContain("/api/v1/me");
  });

  it("lets a member of an organisation leave; the organisation remains", async () => {
    const orgs = await ok(await call("GET", "/api/v1/organisations", tokens.umkm));
    const org = orgs.items[0];
    const res = await call("DELETE", "/api/v1/me", tokens.umkm, {
      password: "lumbung-demo",
      confirm: "HAPUS",
    });
    expect(res.statusCode, res.body).toBe(204);
    const still = await ok(await call("GET", `/api/v1/organisations/${org.id}`, tokens.admin));
    expect(still.name).toBe(org.name);
    expect(still.members.some((m: { userId: string }) => m.userId === ids.umkm)).toBe(false);
    expectProblem(
      await call("POST", "/api/v1/auth/login", undefined, {
        identifier: DEMO_EMAILS.umkm,
        password: "lumbung-demo",
      }),
      401,
      "auth.invalid_credentials",
    );
  });
});
