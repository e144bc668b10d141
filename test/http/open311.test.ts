import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { seedOpen311DemoKey } from "../../src/modules/open311";
import { hashApiKey } from "../../src/modules/open311/domain/keys";
import { open311ApiKeys } from "../../src/modules/open311/open311.tables";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const ctx = useTestApp();
const KEY = "demo-open311-key";
const V2 = "/open311/v2";

interface Category {
  code: string;
  photoRequired: boolean;
  attributes: { code: string; datatype: string; required: boolean; values?: { key: string }[] }[];
}

/** The spec's error answer: an array of {code, description}, plain JSON, never problem+json. */
function expectOpen311Error(res: LightMyRequestResponse, status: number, match?: RegExp) {
  if (res.statusCode !== status || !String(res.headers["content-type"]).startsWith("application/json")) {
    throw new Error(
      `expected Open311 error ${status}, got ${res.statusCode} ${res.headers["content-type"]}: ${res.body}`,
    );
  }
  const body = res.json() as { code: number; description: string }[];
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const e of body) {
    expect(e).toEqual({ code: status, description: expect.any(String) });
  }
  if (match) expect(body.map((e) => e.description).join(" | ")).toMatch(match);
  return body;
}

function form(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

const postForm = (fields: Record<string, string | string[]>, url = `${V2}/requests.json`) =>
  ctx.app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: form(fields),
  });

let categories: Category[] = [];
/** A category that can be filed without a photo, with attributes (the demo's price category). */
let cat: Category;

/** Form fields for every attribute of a category, as a complete form sends them. */
function attributeFields(c: Category): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const a of c.attributes) {
    const key = a.values?.[0]?.key ?? "x";
    if (a.datatype === "number") out[`attribute[${a.code}]`] = "3";
    else if (a.datatype === "singlevaluelist") out[`attribute[${a.code}]`] = key;
    else if (a.datatype === "multivaluelist") out[`attribute[${a.code}][]`] = [key];
    else if (a.datatype === "datetime") out[`attribute[${a.code}]`] = "2026-11-30T08:00:00+07:00";
    else out[`attribute[${a.code}]`] = "Keterangan";
  }
  return out;
}

function appAttributes(c: Category): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attributeFields(c))) {
    const code = /^attribute\[([^\]]+)\]/.exec(k)?.[1] as string;
    const a = c.attributes.find((x) => x.code === code);
    out[code] = a?.datatype === "number" ? 3 : v;
  }
  return out;
}

const formFor = (
  c: Category,
  extra: Record<string, string | string[]> = {},
): Record<string, string | string[]> => ({
  api_key: KEY,
  service_code: c.code,
  lat: "-5.3971",
  long: "105.2668",
  address_string: "Jl. Teuku Umar, Kedaton, Bandar Lampung",
  description: "Lubang besar di tengah jalan, berbahaya bagi pengendara motor",
  ...attributeFields(c),
  ...extra,
});
const basicForm = (extra: Record<string, string | string[]> = {}) => formFor(cat, extra);

beforeAll(async () => {
  const res = await ctx.app.inject({ method: "GET", url: "/api/v1/lapor/categories" });
  expect(res.statusCode).toBe(200);
  categories = res.json().items as Category[];
  const usable = categories.filter((c) => !c.photoRequired);
  cat = usable.find((c) => c.attributes.length > 1) ?? (usable[0] as Category);
  expect(cat).toBeDefined();
});

describe("discovery and services", () => {
  it("describes the endpoint (a test endpoint in demo mode)", async () => {
    const res = await ctx.app.inject({ method: "GET", url: `${V2}/discovery.json` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      changeset: expect.any(String),
      contact: expect.any(String),
      key_service: expect.stringContaining("api_key"),
      endpoints: [
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: "http://localhost:80/open311/v2",
          type: "test",
          formats: ["application/json"],
        },
      ],
    });
  });

  it("lists every Lapor category as a realtime service, in Bahasa or English", async () => {
    const res = await ctx.app.inject({ method: "GET", url: `${V2}/services.json` });
    expect(res.statusCode).toBe(200);
    const services = res.json() as Record<string, unknown>[];
    expect(services.map((s) => s.service_code).sort()).toEqual(categories.map((c) => c.code).sort());
    for (const s of services) {
      const c = categories.find((x) => x.code === s.service_code) as Category;
      expect(s).toMatchObject({ type: "realtime", metadata: c.attributes.length > 0 });
      expect(Object.keys(s).sort()).toEqual(
        ["description", "group", "keywords", "metadata", "service_code", "service_name", "type"].sort(),
      );
    }
    const en = await ctx.app.inject({
      method: "GET",
      url: `${V2}/services.json`,
      headers: { "accept-language": "en" },
    });
    const lapor = await ctx.app.inject({ method: "GET", url: "/api/v1/lapor/categories" });
    const first = lapor.json().items[0] as { code: string; name: { id: string; en: string } };
    expect(services.find((s) => s.service_code === first.code)?.service_name).toBe(first.name.id);
    expect(
      (en.json() as Record<string, unknown>[]).find((s) => s.service_code === first.code)?.service_name,
    ).toBe(first.name.en);
  });

  it("gives a service definition with the category's attributes, 404 for an unknown one", async () => {
    const res = await ctx.app.inject({ method: "GET", url: `${V2}/services/${cat.code}.json` });
    expect(res.statusCode).toBe(200);
    const def = res.json();
    expect(def.service_code).toBe(cat.code);
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(
      [...cat.attributes]
        .map((a) => a.code)
        .sort((x, y) => {
          const ox = cat.attributes.find((a) => a.code === x) as unknown as { order: number };
          const oy = cat.attributes.find((a) => a.code === y) as unknown as { order: number };
          return ox.order - oy.order;
        }),
    );
    for (const a of def.attributes) {
      expect(a).toMatchObject({ variable: true, code: expect.any(String), required: expect.any(Boolean) });
    }
    expectOpen311Error(
      await ctx.app.inject({ method: "GET", url: `${V2}/services/no-such-thing.json` }),
      404,
      /unknown service_code/,
    );
  });

  it("documents the endpoints in the OpenAPI reference", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      "/open311/v2/discovery.json",
      "/open311/v2/services.json",
      "/open311/v2/requests.json",
      "/api/v1/open311/keys",
    ])
      expect(paths).toContain(p);
  });

  it("answers an unknown Open311 path in the spec's error format, not problem+json", async () => {
    expectOpen311Error(await ctx.app.inject({ method: "GET", url: `${V2}/nope.json` }), 404);
    expectOpen311Error(await ctx.app.inject({ method: "GET", url: "/open311/v3/services.json" }), 404);
  });
});

describe("POST requests.json", () => {
  let filed: { service_request_id: string; token?: string; service_notice: string; account_id: string };

  it("files a public Lapor report from the spec's form, attributes included", async () => {
    const res = await postForm(
      basicForm({
        email: "siti.rahma@example.id",
        first_name: "Siti",
        last_name: "Rahmawati",
        phone: "+6281234567890",
      }),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toHaveLength(1);
    filed = body[0];
    expect(filed).toMatchObject({
      service_request_id: expect.stringMatching(/^lpr_/),
      service_notice: expect.any(String),
      account_id: "o3k_demo",
    });

    const got = await ctx.app.inject({
      method: "GET",
      url: `${V2}/requests/${filed.service_request_id}.json`,
    });
    expect(got.statusCode).toBe(200);
    const [r] = got.json();
    expect(r).toMatchObject({
      service_request_id: filed.service_request_id,
      status: "open",
      service_code: cat.code,
      description: "Lubang besar di tengah jalan, berbahaya bagi pengendara motor",
      address: "Jl. Teuku Umar, Kedaton, Bandar Lampung",
      lat: -5.3971,
      long: 105.2668,
      agency_responsible: expect.any(String),
      requested_datetime: expect.any(String),
      media_url: null,
    });
    expect(r.status_notes).toMatch(/^menunggu — Menunggu diterima .+ \/ Waiting for .+ to accept/);
    expect(r.expected_datetime).toEqual(expect.any(String));
    // The contact is kept for the agency, never published.
    for (const secret of ["siti.rahma", "Rahmawati", "6281234567890", "Siti"]) {
      expect(got.body).not.toContain(secret);
    }

    // In Lapor: an Open311 report with no Lumbung account, public, its attributes typed, the contact kept.
    const admin = await ctx.login(DEMO_EMAILS.admin);
    const full = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/lapor/reports/${filed.service_request_id}`,
      headers: bearer(admin),
    });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json()).toMatchObject({ privacy: "public", attributes: appAttributes(cat) });
    expect(Object.keys(full.json().attributes).length).toBe(cat.attributes.length);
    const pub = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/lapor/public/reports/${filed.service_request_id}`,
    });
    expect(pub.statusCode).toBe(200);
    for (const secret of ["siti.rahma", "Rahmawati", "6281234567890"]) expect(pub.body).not.toContain(secret);
  });

  it("finds the request by its token", async () => {
    expect(filed.token).toEqual(expect.any(String));
    const res = await ctx.app.inject({ method: "GET", url: `${V2}/tokens/${filed.token}.json` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ service_request_id: filed.service_request_id, token: filed.token }]);
    expectOpen311Error(await ctx.app.inject({ method: "GET", url: `${V2}/tokens/nope.json` }), 404);
  });

  it("accepts the same fields as JSON, with the api_key in the query string", async () => {
    const { api_key: _k, ...fields } = basicForm();
    const attribute: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      const code = /^attribute\[([^\]]+)\]/.exec(k)?.[1];
      if (code) attribute[code] = v;
    }
    const res = await ctx.app.inject({
      method: "POST",
      url: `${V2}/requests.json?api_key=${KEY}`,
      payload: {
        service_code: cat.code,
        lat: -5.41,
        long: 105.25,
        description: "Sampah menumpuk di pinggir jalan sejak seminggu",
        attribute,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()[0].service_request_id).toMatch(/^lpr_/);
  });

  it("refuses a missing, unknown or revoked api_key with 403", async () => {
    const { api_key: _k, ...noKey } = basicForm();
    expectOpen311Error(await postForm(noKey), 403, /api_key is required/);
    expectOpen311Error(await postForm({ ...noKey, api_key: "not-a-key" }), 403, /invalid or revoked api_key/);

    const admin = await ctx.login(DEMO_EMAILS.admin);
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/open311/keys",
      headers: bearer(admin),
      payload: { name: "Aplikasi mitra" },
    });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^o311_/);
    expect((await postForm({ ...noKey, api_key: key })).statusCode).toBe(200);

    // Only the hash is stored; the list never shows the key.
    const [row] = await ctx.database.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, id));
    expect(row?.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/open311/keys", headers: bearer(admin) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(key);
    expect(list.json().items.map((k: { id: string }) => k.id)).toEqual(
      expect.arrayContaining([id, "o3k_demo"]),
    );

    const revoked = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/open311/keys/${id}/revoke`,
      headers: bearer(admin),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expectOpen311Error(await postForm({ ...noKey, api_key: key }), 403, /revoked/);
  });

  it("seeds the demo key once, however often the app starts", async () => {
    await seedOpen311DemoKey(ctx.database.db);
    await seedOpen311DemoKey(ctx.database.db);
    const rows = await ctx.database.db
      .select()
      .from(open311ApiKeys)
      .where(eq(open311ApiKeys.keyHash, hashApiKey(KEY)));
    expect(rows.map((r) => r.id)).toEqual(["o3k_demo"]);
  });

  it("keeps key administration to admins, in problem+json", async () => {
    const warga = await ctx.login(DEMO_EMAILS.warga);
    expectProblem(
      await ctx.app.inject({ method: "GET", url: "/api/v1/open311/keys", headers: bearer(warga) }),
      403,
      "auth.forbidden",
    );
    expectProblem(
      await ctx.app.inject({ method: "GET", url: "/api/v1/open311/keys" }),
      401,
      "auth.unauthenticated",
    );
    const admin = await ctx.login(DEMO_EMAILS.admin);
    expectProblem(
      await ctx.app.inject({
        method: "POST",
        url: "/api/v1/open311/keys/o3k_nope/revoke",
        headers: bearer(admin),
      }),
      404,
      "open311.key_not_found",
    );
  });

  it("answers 400 for missing or invalid fields, 404 for an unknown service", async () => {
    expectOpen311Error(await postForm({ api_key: KEY }), 400, /service_code is required/);
    expectOpen311Error(
      await ctx.app.inject({ method: "POST", url: `${V2}/requests.json?api_key=${KEY}` }),
      400,
      /service_code is required.*location is required.*description is required/,
    );
    expectOpen311Error(await postForm(basicForm({ lat: "", long: "" })), 400, /address_string alone/);
    expectOpen311Error(await postForm(basicForm({ lat: "abc" })), 400, /WGS84/);
    expectOpen311Error(await postForm(basicForm({ description: "pendek" })), 400, /at least 10/);
    expectOpen311Error(
      await postForm(basicForm({ service_code: "no-such-thing" })),
      404,
      /unknown service_code/,
    );
    expectOpen311Error(await postForm(basicForm({ "attribute[tidak_ada]": "x" })), 400, /not defined/);
    const list = categories.find((c) => c.attributes.some((a) => a.datatype === "singlevaluelist"));
    const single = list?.attributes.find((a) => a.datatype === "singlevaluelist");
    if (list && single) {
      expectOpen311Error(
        await postForm(formFor(list, { [`attribute[${single.code}]`]: "raksasa" })),
        400,
        /unknown value "raksasa"/,
      );
      const ok = await postForm(
        formFor(list, { [`attribute[${single.code}]`]: single.values?.[1]?.key ?? "" }),
      );
      expect(ok.statusCode, ok.body).toBe(200);
    }
    const number = cat.attributes.find((a) => a.datatype === "number");
    if (number)
      expectOpen311Error(
        await postForm(basicForm({ [`attribute[${number.code}]`]: "mahal" })),
        400,
        /must be a number/,
      );
    expectOpen311Error(await postForm(basicForm({ email: "bukan-email" })), 400, /email/);
    // Outside Indonesia: Lapor refuses it, still in the spec's shape.
    const far = await postForm(basicForm({ lat: "48.85", long: "2.35" }));
    expect(far.statusCode).toBe(400);
    expectOpen311Error(far, 400);
    const required = cat.attributes.find((a) => a.required);
    if (required) {
      const fields = basicForm();
      delete fields[`attribute[${required.code}]`];
      delete fields[`attribute[${required.code}][]`];
      expectOpen311Error(
        await postForm(fields),
        400,
        new RegExp(`attribute\\[${required.code}\\] is required`),
      );
    }
    const text = await ctx.app.inject({
      method: "POST",
      url: `${V2}/requests.json`,
      headers: { "content-type": "text/plain" },
      payload: "hello",
    });
    expectOpen311Error(text, 415);
  });
});

describe("GET requests.json", () => {
  let openId: string;
  let rejectedId: string;
  let privateId: string;
  let privateToken: string;

  beforeAll(async () => {
    openId = (await postForm(basicForm({ description: "Laporan terbuka untuk uji filter status" }))).json()[0]
      .service_request_id;
    const rejected = (
      await postForm(basicForm({ description: "Laporan yang nanti ditolak oleh dinas" }))
    ).json()[0];
    rejectedId = rejected.service_request_id;
    const admin = await ctx.login(DEMO_EMAILS.admin);
    const rej = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/lapor/reports/${rejectedId}/actions`,
      headers: bearer(admin),
      payload: { action: "reject", note: "Bukan kewenangan kami, sudah diteruskan" },
    });
    expect(rej.statusCode, rej.body).toBe(200);

    const warga = await ctx.login(DEMO_EMAILS.warga);
    const priv = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/lapor/reports",
      headers: bearer(warga),
      payload: {
        clientRequestId: "open311-private-1",
        categoryCode: cat.code,
        description: "Laporan pribadi yang tidak boleh tampil di Open311",
        latitude: -5.42,
        longitude: 105.27,
        privacy: "private",
        attributes: appAttributes(cat),
      },
    });
    expect(priv.statusCode, priv.body).toBe(201);
    privateId = priv.json().id;
    // The app's view carries no token; the service hands it back when it files.
    const other = await ctx.app.services.lapor.file({
      reporterUserId: null,
      source: "open311",
      categoryCode: cat.code,
      description: "Laporan pribadi lain, dengan token",
      latitude: -5.42,
      longitude: 105.27,
      privacy: "private",
    });
    privateToken = other.token;
  });

  it("lists public requests of the last 90 days, newest first", async () => {
    const res = await ctx.app.inject({ method: "GET", url: `${V2}/requests.json` });
    expect(res.statusCode).toBe(200);
    const items = res.json() as { service_request_id: string; requested_datetime: string }[];
    const ids = items.map((r) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([openId, rejectedId]));
    const times = items.map((r) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("never shows a private report, by list, id or token", async () => {
    const all = await ctx.app.inject({ method: "GET", url: `${V2}/requests.json?page_size=1000` });
    expect(all.json().map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(
      privateId,
    );
    const byIds = await ctx.app.inject({
      method: "GET",
      url: `${V2}/requests.json?service_request_id=${privateId}`,
    });
    expect(byIds.json()).toEqual([]);
    expectOpen311Error(await ctx.app.inject({ method: "GET", url: `${V2}/requests/${privateId}.json` }), 404);
    expectOpen311Error(
      await ctx.app.inject({ method: "GET", url: `${V2}/tokens/${privateToken}.json` }),
      404,
    );
    expect(all.body).not.toContain("Nur Aini");
  });

  it("filters by id list (overriding the rest), service_code, status and dates", async () => {
    const byIds = await ctx.app.inject({
      method: "GET",
      url: `${V2}/requests.json?service_request_id=${openId},${rejectedId}&status=closed&service_code=nope`,
    });
    expect(
      byIds
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id)
        .sort(),
    ).toEqual([openId, rejectedId].sort());

    const closed = await ctx.app.inject({ method: "GET", url: `${V2}/requests.json?status=closed` });
    const closedIds = closed.json().map((r: { service_request_id: string }) => r.service_request_id);
    expect(closedIds).toContain(rejectedId);
    expect(closedIds).not.toContain(openId);
    const rejected = closed
      .json()
      .find((r: { service_request_id: string }) => r.service_request_id === rejectedId);
    expect(rejected.status).toBe("closed");
    expect(rejected.status_notes).toMatch(
      /^ditolak — Ditolak oleh .+ \/ Rejected by .+Bukan kewenangan kami/,
    );
    expect(rejected.expected_datetime).toBeNull();

    const both = await ctx.app.inject({
      method: "GET",
      url: `${V2}/requests.json?status=open&status=closed`,
    });
    expect(both.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual(
      expect.arrayContaining([openId, rejectedId]),
    );
    const open = await ctx.app.inject({ method: "GET", url: `${V2}/requests.json?status=open` });
    const openIds = open.json().map((r: { service_request_id: string }) => r.service_request_id);
    expect(openIds).toContain(openId);
    expect(openIds).not.toContain(rejectedId);

    const byCode = await ctx.app.inject({
      method: "GET",
      url: `${V2}/requests.json?service_code=${cat.code}`,
    });
    expect(byCode.json().every((r: { service_code: string }) => r.service_code === cat.code)).toBe(true);
    expect(byCode.json().length).toBeGreaterThan(0);
    const other = categories.find((c) => c.code !== cat.code);
    if (other) {
      const none = await ctx.app.inject({
        method: "GET",
        url: `${V2}/requests.json?service_code=${other.code}`,
      });
      expect(none.json().map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(
        openId,
      );
    }

    const future = new Date(Date.now() + 86_400_000).toISOString();
    const later = await ctx.app.inject({ method: "GET", url: `${V2}/requests.json?start_date=${future}` });
    expect(later.json()).toEqual([]);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const recent = await ctx.app.inject({
      method: "GET",
      url: `${V2}/requests.json?start_date=${encodeURIComponent(since)}`,
    });
    expect(recent.json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(openId);

    const paged = await ctx.app.inject({ method: "GET", url: `${V2}/requests.json?page_size=1&page=2` });
    expect(paged.json()).toHaveLength(1);
  });

  it("answers 400 in the spec's format for bad filters", async () => {
    expectOpen311Error(
      await ctx.app.inject({ method: "GET", url: `${V2}/requests.json?start_date=kemarin` }),
      400,
      /start_date/,
    );
    expectOpen311Error(
      await ctx.app.inject({ method: "GET", url: `${V2}/requests.json?status=pending` }),
      400,
      /status/,
    );
    expectOpen311Error(
      await ctx.app.inject({
        method: "GET",
        url: `${V2}/requests.json?start_date=2026-01-01&end_date=2026-12-01`,
      }),
      400,
      /90 days/,
    );
    expectOpen311Error(await ctx.app.inject({ method: "GET", url: `${V2}/requests/lpr_nope.json` }), 404);
  });

  it("shows the agency's progress in status_notes as the report moves", async () => {
    const admin = await ctx.login(DEMO_EMAILS.admin);
    const acc = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/lapor/reports/${openId}/actions`,
      headers: bearer(admin),
      payload: { action: "accept", note: "Diterima, tim akan survei" },
    });
    expect(acc.statusCode, acc.body).toBe(200);
    const [r] = (await ctx.app.inject({ method: "GET", url: `${V2}/requests/${openId}.json` })).json();
    expect(r.status).toBe("open");
    expect(r.status_notes).toMatch(/^koordinasi — Dikoordinasikan oleh .+Diterima, tim akan survei/);
    expect(new Date(r.updated_datetime).getTime()).toBeGreaterThanOrEqual(
      new Date(r.requested_datetime).getTime(),
    );
  });
});
