import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";
import { createLotsService, gs1, type LotView } from "../../src/modules/lots";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const RESOLVER = "https://lumbung.lampungprov.go.id";
const PLATFORM_PREFIX = "8990000";
const t = useTestApp({ config: { LUMBUNG_PUBLIC_URL: RESOLVER } });

const METRO = "18.72.01.1001"; // Kelurahan Metro, Kec. Metro Pusat, Kota Metro
const KALIREJO = "18.02.01.2001"; // Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah

type QueryDoc = {
  "@context": unknown[];
  epcisBody: { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } };
};

const tokens: Record<string, string> = {};
let otherKoperasiId = "";
let gapoktanId = "";
let bumdId = "";

function declaration(overrides: Record<string, unknown> = {}) {
  return {
    commodityCode: "gabah-kering-panen",
    quantity: "1250.5",
    unit: "kg",
    harvestDate: "2025-04-14",
    villageCode: METRO,
    grade: "premium",
    farmGatePrice: 6500,
    ...overrides,
  };
}

async function declare(token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/lots",
    headers: { ...bearer(token), ...headers },
    payload: body,
  });
}

async function declared(token: string, body: Record<string, unknown> = declaration()): Promise<LotView> {
  const res = await declare(token, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function events(token: string, qs: string) {
  const res = await t.app.inject({ method: "GET", url: `/epcis/events?${qs}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  const doc = res.json() as QueryDoc;
  return { doc, list: doc.epcisBody.queryResults.resultsBody.eventList };
}

async function listLots(token: string, qs = "") {
  const res = await t.app.inject({ method: "GET", url: `/api/v1/lots?${qs}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: LotView[]; nextCursor: string | null };
}

/** What a failed request must not leave behind: lots, commissioning events, advanced counters. */
async function footprint() {
  const lots = await listLots(tokens.admin as string, "limit=200");
  const { list } = await events(tokens.admin as string, "EQ_bizStep=commissioning&perPage=1000");
  const counters = await t.database.db.execute(
    sql`select scope, last_value from gs1_counters order by scope`,
  );
  return {
    lots: lots.items.length,
    events: list.length,
    counters: (counters as unknown as { rows: { scope: string; last_value: unknown }[] }).rows.map(
      (r) => `${r.scope}=${r.last_value}`,
    ),
  };
}

async function createOrganisationWithMember(name: string, kind: string, email: string) {
  const admin = tokens.admin as string;
  const org = await t.app.inject({
    method: "POST",
    url: "/api/v1/organisations",
    headers: bearer(admin),
    payload: { name, kind, regionCode: "18.02" },
  });
  expect(org.statusCode, org.body).toBe(201);
  const member = await t.app.inject({
    method: "POST",
    url: `/api/v1/organisations/${org.json().id}/members`,
    headers: bearer(admin),
    payload: { email, name: `Anggota ${name}`, password: "kata-sandi-uji", role: "org_admin" },
  });
  expect(member.statusCode, member.body).toBe(201);
  return { id: org.json().id as string, token: await t.login(email, "kata-sandi-uji") };
}

beforeAll(async () => {
  for (const persona of ["admin", "koperasi", "warga", "bumd", "umkm"] as const) {
    tokens[persona] = await t.login(DEMO_EMAILS[persona]);
  }
  const other = await createOrganisationWithMember("Koperasi Tani Kalirejo", "koperasi", "kalirejo@uji.test");
  otherKoperasiId = other.id;
  tokens.other = other.token;
  const farmer = await createOrganisationWithMember("Petani Sri Way Langsep", "farmer", "petani@uji.test");
  tokens.farmer = farmer.token;
  const orgs = await t.app.inject({
    method: "GET",
    url: "/api/v1/organisations",
    headers: bearer(tokens.admin as string),
  });
  const all = orgs.json().items as { id: string; name: string }[];
  gapoktanId = all.find((o) => o.name === "Gapoktan Sari Makmur")?.id ?? "";
  bumdId = all.find((o) => o.name === "PT Food Station Tjipinang Jaya")?.id ?? "";
  expect(gapoktanId && bumdId).toBeTruthy();
});

describe("declaring a harvest lot", () => {
  it("stores the lot with GS1 numbers and captures its commissioning event, in one go", async () => {
    const res = await declare(tokens.koperasi as string, declaration());
    expect(res.statusCode, res.body).toBe(201);
    const lot = res.json() as LotView;
    expect(res.headers.location).toBe(`/api/v1/lots/${lot.id}`);
    expect(lot.id).toMatch(/^lot_/);
    expect(lot).toMatchObject({
      organisation: { id: gapoktanId, name: "Gapoktan Sari Makmur" },
      commodity: { code: "gabah-kering-panen", name: "Gabah kering panen (GKP)" },
      quantity: { value: "1250.5", unit: "kg", grams: 1_250_500 },
      harvestDate: "2025-04-14",
      village: { code: METRO, label: "Kel. Metro, Kec. Metro Pusat, Kota Metro" },
      grade: "premium",
      farmGatePrice: 6500,
    });

    // GS1 keys under the platform prefix (the koperasi has none of its own), with valid check digits.
    expect(lot.lotCode).toMatch(/^L20250414-\d{3}$/);
    expect(lot.gtin).toMatch(new RegExp(`^0${PLATFORM_PREFIX}\\d{6}$`));
    expect(gs1.isGtin(lot.gtin)).toBe(true);
    expect(gs1.isGln(lot.farm.gln)).toBe(true);
    expect(lot.farm.gln.startsWith(PLATFORM_PREFIX)).toBe(true);
    expect(lot.farm.sgln).toBe(`urn:epc:id:sgln:${PLATFORM_PREFIX}.${lot.farm.gln.slice(7, 12)}.0`);
    expect(lot.lgtin).toBe(`urn:epc:class:lgtin:${PLATFORM_PREFIX}.0${lot.gtin.slice(8, 13)}.${lot.lotCode}`);
    // The label's Digital Link and the events' LGTIN name the same lot, both ways.
    expect(lot.digitalLink).toBe(`${RESOLVER}/01/${lot.gtin}/10/${lot.lotCode}`);
    expect(gs1.epcUriToDigitalLink(RESOLVER, lot.lgtin)).toBe(lot.digitalLink);
    expect(gs1.digitalLinkToEpcUri(lot.digitalLink, PLATFORM_PREFIX.length)).toBe(lot.lgtin);
    expect(lot.humanReadable).toBe(`(01) ${lot.gtin} (10) ${lot.lotCode}`);

    const { doc, list } = await events(
      tokens.koperasi as string,
      `MATCH_epcClass=${encodeURIComponent(lot.lgtin)}`,
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      type: "ObjectEvent",
      eventID: lot.eventId,
      action: "ADD",
      bizStep: "commissioning",
      disposition: "active",
      eventTimeZoneOffset: "+07:00",
      readPoint: { id: lot.farm.sgln },
      bizLocation: { id: lot.farm.sgln },
      quantityList: [{ epcClass: lot.lgtin, quantity: 1250.5, uom: "KGM" }],
      ilmd: {
        "lb:harvestDate": "2025-04-14",
        "lb:villageCode": METRO,
        "lb:grade": "premium",
        "lb:farmGatePrice": 6500,
      },
    });
    expect(String(list[0]?.eventTime)).toMatch(/\+07:00$/);
    expect(doc["@context"]).toContainEqual({ lb: "https://lumbung.go.id/epcis/" });

    const one = await t.app.inject({
      method: "GET",
      url: `/api/v1/lots/${lot.id}`,
      headers: bearer(tokens.koperasi as string),
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(lot);
  });

  it("gives each (organisation, commodity) one GTIN, the farm one GLN, and numbers lots per harvest day", async () => {
    const koperasi = tokens.koperasi as string;
    const a = await declared(koperasi, declaration({ harvestDate: "2025-03-02" }));
    const b = await declared(
      koperasi,
      declaration({ harvestDate: "2025-03-02", quantity: "2", unit: "ton" }),
    );
    const c = await declared(koperasi, declaration({ harvestDate: "2025-03-03" }));
    const corn = await declared(
      koperasi,
      declaration({ harvestDate: "2025-03-02", commodityCode: "jagung" }),
    );
    expect(b.gtin).toBe(a.gtin);
    expect(c.gtin).toBe(a.gtin);
    expect(corn.gtin).not.toBe(a.gtin);
    expect(gs1.isGtin(corn.gtin)).toBe(true);
    expect(new Set([a.farm.gln, b.farm.gln, c.farm.gln, corn.farm.gln]).size).toBe(1);
    expect([a.lotCode, b.lotCode, corn.lotCode]).toEqual(["L20250302-001", "L20250302-002", "L20250302-003"]);
    expect(c.lotCode).toBe("L20250303-001");
    expect(b.quantity).toEqual({ value: "2", unit: "ton", grams: 2_000_000 });

    // Another organisation gets its own GTIN and GLN for the same commodity.
    const other = await declared(
      tokens.other as string,
      declaration({ villageCode: KALIREJO, harvestDate: "2025-03-02" }),
    );
    expect(other.gtin).not.toBe(a.gtin);
    expect(other.farm.gln).not.toBe(a.farm.gln);
    expect(other.lotCode).toBe("L20250302-001");
    expect(other.village.label).toBe("Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah");
  });

  it("hands out distinct numbers to declarations made at the same moment", async () => {
    const koperasi = tokens.koperasi as string;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        declare(koperasi, declaration({ harvestDate: "2025-02-10", commodityCode: "singkong" })),
      ),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    const lots = responses.map((r) => r.json() as LotView);
    expect(new Set(lots.map((l) => l.gtin)).size).toBe(1);
    expect(lots.map((l) => l.lotCode).sort()).toEqual(
      ["001", "002", "003", "004", "005", "006"].map((n) => `L20250210-${n}`),
    );
    expect(new Set(lots.map((l) => l.eventId)).size).toBe(6);
  });

  it("lets farmers declare too, and an admin for a named koperasi", async () => {
    const mine = await declared(
      tokens.farmer as string,
      declaration({
        villageCode: KALIREJO,
        commodityCode: "cabai-rawit",
        grade: "KA 14%",
        farmGatePrice: null,
      }),
    );
    expect(mine.organisation.name).toBe("Petani Sri Way Langsep");
    expect(mine).toMatchObject({ grade: "KA 14%", farmGatePrice: null });
    const { list: theirEvents } = await events(
      tokens.farmer as string,
      `MATCH_epcClass=${encodeURIComponent(mine.lgtin)}`,
    );
    expect(theirEvents[0]?.ilmd).toEqual({
      "lb:harvestDate": "2025-04-14",
      "lb:villageCode": KALIREJO,
      "lb:grade": "KA 14%",
      "lb:commodity": "cabai-rawit",
    });

    const admin = tokens.admin as string;
    const forGapoktan = await declared(
      admin,
      declaration({ organisationId: gapoktanId, commodityCode: "pisang" }),
    );
    expect(forGapoktan.organisation.id).toBe(gapoktanId);
    // The event belongs to the koperasi, so the koperasi finds it.
    const { list } = await events(
      tokens.koperasi as string,
      `MATCH_epcClass=${encodeURIComponent(forGapoktan.lgtin)}`,
    );
    expect(list).toHaveLength(1);

    const nameless = await declare(admin, declaration());
    expect(expectProblem(nameless, 400, "lots.organisation_required").errors?.[0]?.field).toBe(
      "body/organisationId",
    );
    expectProblem(await declare(admin, declaration({ organisationId: bumdId })), 400, "lots.not_a_producer");
    expectProblem(
      await declare(admin, declaration({ organisationId: "org_none" })),
      404,
      "identity.organisation_not_found",
    );
    const foreign = await declare(
      tokens.koperasi as string,
      declaration({ organisationId: otherKoperasiId }),
    );
    expect(expectProblem(foreign, 400, "lots.invalid_declaration").errors?.[0]?.field).toBe(
      "body/organisationId",
    );
  });

  it("uses the organisation's own GS1 company prefix when it has one", async () => {
    // Identity has no API for prefixes yet; an operator sets them in the database.
    await t.database.exec(
      `update organisations set gs1_company_prefix = '8997777' where id = '${otherKoperasiId}'`,
    );
    const lot = await declared(
      tokens.other as string,
      declaration({ villageCode: KALIREJO, commodityCode: "kopi-robusta" }),
    );
    expect(lot.gtin).toMatch(/^08997777\d{6}$/);
    expect(gs1.isGtin(lot.gtin)).toBe(true);
    expect(lot.lgtin.startsWith("urn:epc:class:lgtin:8997777.0")).toBe(true);
    // The farm kept the GLN it was given under the platform prefix; numbers are never re-issued.
    expect(lot.farm.gln.startsWith(PLATFORM_PREFIX)).toBe(true);

    // A prefix that begins with the platform's could produce the platform's keys: refused.
    await t.database.exec(
      `update organisations set gs1_company_prefix = '${PLATFORM_PREFIX}12' where id = '${otherKoperasiId}'`,
    );
    const overlapping = await declare(
      tokens.other as string,
      declaration({ villageCode: KALIREJO, commodityCode: "nanas" }),
    );
    expectProblem(overlapping, 409, "lots.invalid_company_prefix");

    await t.database.exec(
      `update organisations set gs1_company_prefix = '12AB' where id = '${otherKoperasiId}'`,
    );
    const broken = await declare(
      tokens.other as string,
      declaration({ villageCode: KALIREJO, commodityCode: "nanas" }),
    );
    expectProblem(broken, 409, "lots.invalid_company_prefix");
    await t.database.exec(
      `update organisations set gs1_company_prefix = null where id = '${otherKoperasiId}'`,
    );
  });
});

describe("idempotency", () => {
  it("answers a retry with the same Idempotency-Key with the same lot, and never makes two", async () => {
    const koperasi = tokens.koperasi as string;
    const key = { "idempotency-key": "9b6b1f9e-7c0a-4c61-9f57-3a1f0d5b1c01" };
    const body = declaration({ harvestDate: "2025-01-20" });
    const first = await declare(koperasi, body, key);
    expect(first.statusCode).toBe(201);
    const retry = await declare(koperasi, { ...body, quantity: "1250.500" }, key); // the same figure
    expect(retry.statusCode).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());

    // A flaky phone firing the same request several times at once still makes one lot.
    const burstKey = { "idempotency-key": "burst-2025-01-21" };
    const burst = await Promise.all(
      Array.from({ length: 4 }, () =>
        declare(koperasi, declaration({ harvestDate: "2025-01-21" }), burstKey),
      ),
    );
    expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.json().id)).size).toBe(1);
    const day = await listLots(koperasi, "harvestedFrom=2025-01-21&harvestedTo=2025-01-21");
    expect(day.items).toHaveLength(1);
    expect(day.items[0]?.lotCode).toBe("L20250121-001");
    const { list } = await events(
      koperasi,
      `MATCH_epcClass=${encodeURIComponent(day.items[0]?.lgtin ?? "")}`,
    );
    expect(list).toHaveLength(1);
  });

  it("refuses the same key with different data (422) and keeps keys per organisation", async () => {
    const key = { "idempotency-key": "kunci-yang-sama" };
    const first = await declare(tokens.koperasi as string, declaration({ harvestDate: "2025-01-22" }), key);
    expect(first.statusCode).toBe(201);
    const changed = await declare(
      tokens.koperasi as string,
      declaration({ harvestDate: "2025-01-22", quantity: "99" }),
      key,
    );
    expectProblem(changed, 422, "lots.idempotency_key_reused");
    // Another organisation choosing the same key gets its own lot.
    const theirs = await declare(
      tokens.other as string,
      declaration({ harvestDate: "2025-01-22", villageCode: KALIREJO }),
      key,
    );
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);

    const bad = await declare(tokens.koperasi as string, declaration(), { "idempotency-key": "with spaces" });
    expect(expectProblem(bad, 400, "request.validation").errors?.[0]?.field).toMatch(/idempotency-key/);
  });
});

describe("bad input", () => {
  it("lists every unknown name at once, with its field, and stores nothing", async () => {
    const before = await footprint();
    const res = await declare(
      tokens.koperasi as string,
      declaration({
        commodityCode: "durian-montong",
        villageCode: "18.72.01.9999",
        harvestDate: "2099-01-01",
      }),
    );
    const problem = expectProblem(res, 400, "lots.invalid_declaration");
    expect(problem.errors?.map((e) => e.field).sort()).toEqual([
      "body/commodityCode",
      "body/harvestDate",
      "body/villageCode",
    ]);
    // Bahasa Indonesia by default; English on request.
    expect(problem.errors?.find((e) => e.field === "body/commodityCode")?.message).toMatch(/bukan komoditas/);
    const english = await t.app.inject({
      method: "POST",
      url: "/api/v1/lots",
      headers: { ...bearer(tokens.koperasi as string), "accept-language": "en" },
      payload: declaration({ commodityCode: "durian-montong" }),
    });
    expect(english.json().errors[0].message).toMatch(/not a commodity Lumbung knows/);
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ["a Jakarta village", { villageCode: "31.71.01.1001" }, "body/villageCode", "lots.invalid_declaration"],
    [
      "a regency instead of a village",
      { villageCode: "18.02" },
      "body/villageCode",
      "lots.invalid_declaration",
    ],
    ["a zero quantity", { quantity: "0" }, "body/quantity", "request.validation"],
    ["a negative quantity", { quantity: -5 }, "body/quantity", "request.validation"],
    ["a quantity in words", { quantity: "seribu" }, "body/quantity", "request.validation"],
    ["a quantity finer than a gram", { quantity: "1.0001" }, "body/quantity", "request.validation"],
    ["an absurd quantity", { quantity: "20000", unit: "ton" }, "body/quantity", "request.validation"],
    ["an unknown unit", { unit: "karung" }, "body/unit", "request.validation"],
    ["a price with decimals", { farmGatePrice: 6500.5 }, "body/farmGatePrice", "request.validation"],
    ["a malformed date", { harvestDate: "14/04/2025" }, "body/harvestDate", "request.validation"],
    ["an empty grade", { grade: " " }, "body/grade", "request.validation"],
  ])("refuses %s with a field error and stores nothing", async (_what, overrides, field, code) => {
    const before = await footprint();
    const res = await declare(tokens.koperasi as string, declaration(overrides));
    const problem = expectProblem(res, 400, code);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await footprint()).toEqual(before);
  });

  it("reports every malformed field together, quantity included", async () => {
    const res = await declare(tokens.koperasi as string, { quantity: "0", unit: "kg", grade: "" });
    const fields = expectProblem(res, 400, "request.validation").errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        "body/commodityCode",
        "body/harvestDate",
        "body/villageCode",
        "body/grade",
        "body/quantity",
      ]),
    );
  });

  it("rolls back the lot and every number it drew when the event cannot be stored", async () => {
    const { epcis, reference, identity } = t.app.services;
    const failing = createLotsService({
      db: t.database.db,
      clock: { now: () => new Date() },
      reference,
      identity,
      platformPrefix: PLATFORM_PREFIX,
      resolver: RESOLVER,
      // The event is written, then the capture fails: the transaction must take the event back too.
      epcis: {
        async captureEventInTransaction(tx, event, principal) {
          await epcis.captureEventInTransaction(tx, event, principal);
          throw new Error("disk full");
        },
      },
    });
    const principal = await identity.authenticate(tokens.koperasi);
    const before = await footprint();
    await expect(
      failing.declare(principal, {
        ...declaration({ harvestDate: "2024-12-01", commodityCode: "kedelai" }),
        unit: "kg",
        quantity: "10",
      }),
    ).rejects.toThrow("disk full");
    expect(await footprint()).toEqual(before);
    // The lot number, GTIN and farm numbers were not consumed: the next real lot gets the first ones.
    const real = await declared(
      tokens.koperasi as string,
      declaration({ harvestDate: "2024-12-01", commodityCode: "kedelai" }),
    );
    expect(real.lotCode).toBe("L20241201-001");
  });
});

describe("who sees what", () => {
  it("keeps a lot to its organisation: others get 404, lists are scoped, admins see all", async () => {
    const lot = await declared(tokens.koperasi as string, declaration({ harvestDate: "2024-11-11" }));
    for (const path of ["", "/label.pdf", "/qr.svg"]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/v1/lots/${lot.id}${path}`,
        headers: bearer(tokens.other as string),
      });
      expectProblem(res, 404, "lots.not_found");
    }
    const theirs = await listLots(tokens.other as string, "limit=200");
    expect(theirs.items.every((l) => l.organisation.id === otherKoperasiId)).toBe(true);
    expect(theirs.items.some((l) => l.id === lot.id)).toBe(false);
    const all = await listLots(tokens.admin as string, "limit=200");
    expect(all.items.some((l) => l.id === lot.id)).toBe(true);
    expect(all.items.some((l) => l.organisation.id === otherKoperasiId)).toBe(true);
    const admin = await t.app.inject({
      method: "GET",
      url: `/api/v1/lots/${lot.id}`,
      headers: bearer(tokens.admin as string),
    });
    expect(admin.statusCode).toBe(200);
  });

  it("lets only koperasi, farmers and admins in: warga and BUMD get 403, strangers 401", async () => {
    for (const persona of ["warga", "bumd", "umkm"]) {
      const token = tokens[persona] as string;
      expectProblem(await declare(token, declaration()), 403, "auth.forbidden");
      const list = await t.app.inject({ method: "GET", url: "/api/v1/lots", headers: bearer(token) });
      expectProblem(list, 403, "auth.forbidden");
    }
    expectProblem(
      await t.app.inject({ method: "POST", url: "/api/v1/lots", payload: declaration() }),
      401,
      "auth.unauthenticated",
    );
  });

  it("filters by commodity and harvest dates and pages newest first", async () => {
    const koperasi = tokens.koperasi as string;
    const corn = await listLots(koperasi, "commodity=jagung");
    expect(corn.items.length).toBeGreaterThan(0);
    expect(corn.items.every((l) => l.commodity.code === "jagung")).toBe(true);
    const march = await listLots(koperasi, "harvestedFrom=2025-03-01&harvestedTo=2025-03-31");
    expect(march.items.map((l) => l.harvestDate).every((d) => d >= "2025-03-01" && d <= "2025-03-31")).toBe(
      true,
    );
    expect(march.items).toHaveLength(4);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: LotView[]; nextCursor: string | null } = await listLots(
        koperasi,
        `limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    const whole = await listLots(koperasi, "limit=200");
    expect(seen).toEqual(whole.items.map((l) => l.id));
    expect([...seen].sort().reverse()).toEqual(seen);
  });
});

describe("labels", () => {
  it("prints an A6 PDF label and an SVG QR code of the lot's Digital Link", async () => {
    const lot = await declared(tokens.koperasi as string, declaration({ harvestDate: "2025-04-01" }));
    const pdf = await t.app.inject({
      method: "GET",
      url: `/api/v1/lots/${lot.id}/label.pdf`,
      headers: bearer(tokens.koperasi as string),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`inline; filename="label-${lot.lotCode}.pdf"`);
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = bytes.toString("latin1");
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/MediaBox \[0 0 297\.64 419\.53\]/); // A6 in points
    // The Digital Link travels in the document's metadata as well as in the QR code.
    expect(text).toContain(`(${lot.digitalLink})`);

    const svg = await t.app.inject({
      method: "GET",
      url: `/api/v1/lots/${lot.id}/qr.svg`,
      headers: bearer(tokens.koperasi as string),
    });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.body).toContain(`<title>${lot.digitalLink}</title>`);
    expect(svg.body).toContain("<path");
  });
});

describe("SSCCs and configuration", () => {
  it("allocates SSCCs under the organisation's prefix, each once, with valid check digits", async () => {
    const { epcis, reference, identity } = t.app.services;
    const lots = createLotsService({
      db: t.database.db,
      clock: { now: () => new Date() },
      epcis,
      reference,
      identity,
      platformPrefix: PLATFORM_PREFIX,
      resolver: RESOLVER,
    });
    const allocated = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.database.db.transaction((tx) => lots.allocateSscc(tx, { id: gapoktanId, gs1CompanyPrefix: null })),
      ),
    );
    expect(new Set(allocated.map((a) => a.sscc)).size).toBe(5);
    for (const a of allocated) {
      expect(gs1.isSscc(a.sscc)).toBe(true);
      expect(a.sscc.startsWith(`0${PLATFORM_PREFIX}`)).toBe(true);
      expect(a.digitalLink).toBe(`${RESOLVER}/00/${a.sscc}`);
      expect(gs1.digitalLinkToEpcUri(a.digitalLink, PLATFORM_PREFIX.length)).toBe(a.epc);
    }
    const own = await t.database.db.transaction((tx) =>
      lots.allocateSscc(tx, { id: "org_x", gs1CompanyPrefix: "8995555" }),
    );
    expect(own.epc).toMatch(/^urn:epc:id:sscc:8995555\.0\d{9}$/);
  });

  it("takes the platform prefix from LUMBUNG_GS1_PREFIX: 6 to 12 digits under Indonesia's 899", () => {
    expect(loadConfig({ NODE_ENV: "test" }).gs1.platformPrefix).toMatch(/^899\d{4}$/);
    expect(loadConfig({ NODE_ENV: "test", LUMBUNG_GS1_PREFIX: "899123456789" }).gs1.platformPrefix).toBe(
      "899123456789",
    );
    for (const bad of ["0614141", "89912", "8991234567890", "899abcd"]) {
      expect(() => loadConfig({ NODE_ENV: "test", LUMBUNG_GS1_PREFIX: bad })).toThrow(ConfigError);
    }
  });
});
