import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { identityRepository } from "../../src/modules/identity";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

const t = useTestApp();

const JKT = "gudang-bersama-jakarta";
const LPG = "gudang-bersama-lampung";
const CONTEXT = [
  "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
  { lb: "https://lumbung.go.id/epcis/" },
];

const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};
const sites: Record<string, { sgln: string; dock: string; staging: string }> = {};

type Json = Record<string, unknown>;

function url(site: string, path = "") {
  return `/api/v1/warehouse/sites/${site}${path}`;
}

async function get(token: string, path: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: "GET", url: path, headers: { ...bearer(token), ...headers } });
}

async function post(token: string, path: string, payload: unknown) {
  return t.app.inject({ method: "POST", url: path, headers: bearer(token), payload: payload as Json });
}

async function ok<T = Json>(res: Awaited<ReturnType<typeof get>>, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function pglnOf(organisationId: string): Promise<string> {
  return t.database.db.transaction(async (tx) => {
    const org = await identityRepository.findOrganisation(tx, organisationId);
    if (!org) throw new Error(`no organisation ${organisationId}`);
    return t.app.services.lots.partyPgln(tx, org);
  });
}

/** A harvest lot of Gapoktan Sari Makmur; its LGTIN is what the warehouse books. */
async function lot(kg = 1000, commodityCode = "beras-medium"): Promise<string> {
  const res = await post(tokens.koperasi as string, "/api/v1/lots", {
    commodityCode,
    quantity: String(kg),
    unit: "kg",
    harvestDate: "2025-04-14",
    villageCode: "18.72.01.1001",
    grade: "premium",
  });
  return (await ok<{ lgtin: string }>(res, 201)).lgtin;
}

function event(fields: Json): Json {
  return {
    "@context": CONTEXT,
    type: "ObjectEvent",
    eventTime: new Date().toISOString(),
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    ...fields,
  };
}

const kg = (epcClass: string, quantity: number, uom = "KGM") => ({ epcClass, quantity, uom });

/** A proof-of-delivery receipt as the shipments module records it: receiving at the dock, recadv + desadv. */
function receipt(site: string, owner: string, quantityList: Json[], extra: Json = {}): Json {
  const dock = sites[site]?.dock as string;
  return event({
    bizStep: "receiving",
    disposition: "sellable_not_accessible",
    readPoint: { id: dock },
    bizLocation: { id: dock },
    quantityList,
    bizTransactionList: [
      { type: "desadv", bizTransaction: `urn:lumbung:desadv:${Math.random().toString(36).slice(2)}` },
      { type: "recadv", bizTransaction: `urn:lumbung:recadv:${Math.random().toString(36).slice(2)}` },
    ],
    destinationList: [
      { type: "owning_party", destination: owner },
      { type: "possessing_party", destination: owner },
    ],
    ...extra,
  });
}

async function eventById(token: string, id: string): Promise<Json> {
  const doc = await ok<{ epcisBody: { queryResults: { resultsBody: { eventList: Json[] } } } }>(
    await get(token, `/epcis/events/${encodeURIComponent(id)}`),
  );
  return doc.epcisBody.queryResults.resultsBody.eventList[0] as Json;
}

async function capture(token: string, ev: Json) {
  return t.app.inject({ method: "POST", url: "/epcis/events", headers: bearer(token), payload: ev });
}

async function captured(token: string, ev: Json): Promise<Json> {
  return ok(await capture(token, ev), 201);
}

interface Balance {
  tenant: { id: string; name: string };
  location: string;
  epc: string;
  state: "available" | "held";
  grams: number;
  expiryDate: string | null;
}

async function stock(token: string, site: string, qs = ""): Promise<Balance[]> {
  return (await ok<{ items: Balance[] }>(await get(token, url(site, `/stock?${qs}`)))).items;
}

function gramsAt(items: Balance[], epc: string, location: string, state = "available") {
  return items.find((b) => b.epc === epc && b.location === location && b.state === state)?.grams ?? 0;
}

interface Movement {
  kind: string;
  location: string;
  epc: string;
  deltaGrams: number;
  balanceAfterGrams: number;
  reason: string | null;
  eventId: string;
  state: string;
}

async function movements(token: string, site: string, qs = ""): Promise<Movement[]> {
  return (await ok<{ items: Movement[] }>(await get(token, url(site, `/movements?limit=200&${qs}`)))).items;
}

/** What a refused request must leave untouched: the events, the ledger, the balances. */
async function footprint() {
  const rows = async (q: ReturnType<typeof sql>) =>
    (await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] };
  const [events, ledger, balances] = await Promise.all([
    rows(sql`select count(*)::int as n from epcis_events`),
    rows(sql`select count(*)::int as n from stock_movements`),
    rows(sql`select id, grams, state from stock_balances order by id`),
  ]);
  return { events: events.rows[0]?.n, ledger: ledger.rows[0]?.n, balances: JSON.stringify(balances.rows) };
}

beforeAll(async () => {
  const emails = {
    admin: DEMO_EMAILS.admin,
    koperasi: DEMO_EMAILS.koperasi,
    bumd: DEMO_EMAILS.bumd,
    gudang: DEMO_EMAILS.warehouse_operator,
    umkm: DEMO_EMAILS.umkm,
    hub: DEMO_EMAILS.hub_operator,
    dinas: DEMO_EMAILS.dinas,
    pasar: MORE_DEMO_EMAILS.pasarJaya,
  };
  for (const [k, email] of Object.entries(emails)) tokens[k] = await t.login(email);
  const all = (
    await ok<{ items: { id: string; name: string }[] }>(
      await get(tokens.admin as string, "/api/v1/organisations"),
    )
  ).items;
  const id = (name: string) => all.find((o) => o.name === name)?.id as string;
  orgs.foodStation = id("PT Food Station Tjipinang Jaya");
  orgs.pasarJaya = id("Perumda Pasar Jaya");
  orgs.gapoktan = id("Gapoktan Sari Makmur");
  orgs.dharmaJaya = id("Perumda Dharma Jaya");
  orgs.kopi = id("Kopi Robusta Tanggamus");
  orgs.wahana = id("PT Wahana Raharja");
  for (const o of Object.values(orgs)) expect(o).toBeTruthy();
  for (const site of [JKT, LPG]) {
    const s = await ok<{ sgln: string; dock: string; staging: string }>(
      await get(tokens.admin as string, url(site)),
    );
    sites[site] = s;
  }
});

describe("zones and tenants of the demo warehouses", () => {
  it("gives each zone the site's SGLN with its code as extension, and registers the demo tenants", async () => {
    const site = await ok<{
      role: string;
      sgln: string;
      dock: string;
      staging: string;
      zones: { code: string; kind: string; capacityKg: number; palletPlaces: number; sgln: string }[];
      tenants: { organisation: { name: string } }[];
    }>(await get(tokens.bumd as string, url(JKT)));
    expect(site.role).toBe("operator");
    const key = site.sgln.replace(/\.0$/, "");
    expect(site.dock).toBe(`${key}.dock`);
    expect(site.staging).toBe(`${key}.staging`);
    expect(site.zones.map((z) => [z.code, z.kind, z.capacityKg, z.palletPlaces, z.sgln])).toEqual([
      ["dingin-1", "cold", 200_000, 80, `${key}.dingin-1`],
      ["kering-a", "dry", 5_000_000, 2_000, `${key}.kering-a`],
      ["kering-b", "dry", 3_000_000, 1_200, `${key}.kering-b`],
    ]);
    expect(site.tenants.map((x) => x.organisation.name).sort()).toEqual([
      "PT Food Station Tjipinang Jaya",
      "Perumda Pasar Jaya",
    ]);
    const lampung = await ok<{ zones: { code: string }[]; tenants: unknown[] }>(
      await get(tokens.gudang as string, url(LPG)),
    );
    expect(lampung.zones.map((z) => z.code)).toEqual(["dingin-1", "kering-a"]);
    expect(lampung.tenants).toHaveLength(3);
  });

  it("lists the sites a caller works at: the operator's own, where it is a tenant; admins all", async () => {
    const codes = async (token: string) =>
      (
        await ok<{ items: { code: string; role: string }[] }>(await get(token, "/api/v1/warehouse/sites"))
      ).items.map((s) => `${s.code}:${s.role}`);
    expect(await codes(tokens.bumd as string)).toEqual([`${JKT}:operator`]);
    expect(await codes(tokens.pasar as string)).toEqual([`${JKT}:tenant`]);
    expect(await codes(tokens.koperasi as string)).toEqual([`${LPG}:tenant`]);
    expect(await codes(tokens.gudang as string)).toEqual([`${LPG}:operator`]);
    expect(await codes(tokens.hub as string)).toEqual([]);
    expect((await codes(tokens.admin as string)).sort()).toEqual([`${JKT}:admin`, `${LPG}:admin`]);
  });

  it("lets the operator define and change zones, and refuses reserved or malformed codes", async () => {
    const gudang = tokens.gudang as string;
    const created = await ok<{ code: string; sgln: string; capacityKg: number }>(
      await post(gudang, url(LPG, "/zones"), {
        code: "kering-b",
        name: "Gudang kering B",
        kind: "dry",
        capacityKg: 500_000,
        palletPlaces: 200,
      }),
      201,
    );
    expect(created.sgln).toBe(`${sites[LPG]?.sgln.replace(/\.0$/, "")}.kering-b`);
    expectProblem(
      await post(gudang, url(LPG, "/zones"), {
        code: "kering-b",
        name: "x",
        kind: "dry",
        capacityKg: 1,
        palletPlaces: 1,
      }),
      409,
      "warehouse.zone_exists",
    );
    const reserved = expectProblem(
      await post(gudang, url(LPG, "/zones"), {
        code: "dock",
        name: "x",
        kind: "dry",
        capacityKg: 1,
        palletPlaces: 1,
      }),
      400,
      "warehouse.invalid_request",
    );
    expect(reserved.errors?.[0]?.field).toBe("body/code");
    for (const bad of [
      { code: "Kering A", name: "x", kind: "dry", capacityKg: 1, palletPlaces: 1 },
      { code: "ok", name: "x", kind: "frozen", capacityKg: 1, palletPlaces: 1 },
      { code: "ok", name: "x", kind: "dry", capacityKg: 0, palletPlaces: 1 },
      { code: "ok", name: "", kind: "dry", capacityKg: 1, palletPlaces: -1 },
    ]) {
      expectProblem(await post(gudang, url(LPG, "/zones"), bad), 400, "request.validation");
    }
    const patched = await t.app.inject({
      method: "PATCH",
      url: url(LPG, "/zones/kering-b"),
      headers: bearer(gudang),
      payload: { capacityKg: 600_000 },
    });
    expect((await ok<{ capacityKg: number }>(patched)).capacityKg).toBe(600_000);
    // A tenant may look at zones, not define them; a stranger does not see the site at all.
    expectProblem(
      await post(tokens.koperasi as string, url(LPG, "/zones"), {
        code: "x1",
        name: "x",
        kind: "dry",
        capacityKg: 1,
        palletPlaces: 1,
      }),
      403,
      "warehouse.operator_only",
    );
    expectProblem(await get(tokens.hub as string, url(LPG, "/zones")), 404, "warehouse.site_not_found");
    expectProblem(await get(tokens.admin as string, url("hub-panjang")), 404, "warehouse.site_not_found");
  });

  it("registers and removes tenants; only organisations that keep stock, once", async () => {
    const gudang = tokens.gudang as string;
    const candidates = await ok<{ items: { id: string }[] }>(
      await get(gudang, url(LPG, "/tenant-candidates")),
    );
    expect(candidates.items.some((c) => c.id === orgs.gapoktan)).toBe(false);
    expect(candidates.items.some((c) => c.id === orgs.dharmaJaya)).toBe(true);
    const added = await ok<{ organisation: { name: string } }>(
      await post(gudang, url(LPG, "/tenants"), { organisationId: orgs.dharmaJaya }),
      201,
    );
    expect(added.organisation.name).toBe("Perumda Dharma Jaya");
    expectProblem(
      await post(gudang, url(LPG, "/tenants"), { organisationId: orgs.dharmaJaya }),
      409,
      "warehouse.tenant_exists",
    );
    expectProblem(
      await post(gudang, url(LPG, "/tenants"), { organisationId: "org_nope" }),
      404,
      "warehouse.organisation_not_found",
    );
    const removed = await t.app.inject({
      method: "DELETE",
      url: url(LPG, `/tenants/${orgs.dharmaJaya}`),
      headers: bearer(gudang),
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expectProblem(
      await t.app.inject({
        method: "DELETE",
        url: url(LPG, `/tenants/${orgs.dharmaJaya}`),
        headers: bearer(gudang),
      }),
      404,
      "warehouse.tenant_not_found",
    );
  });
});

describe("the stock ledger as a projection of EPCIS events", () => {
  let rice = "";
  let fsPgln = "";

  beforeAll(async () => {
    rice = await lot(1000);
    fsPgln = await pglnOf(orgs.foodStation as string);
  });

  it("books a proof-of-delivery receipt into the dock for the destination owner, pointing at its event", async () => {
    const bumd = tokens.bumd as string;
    const stored = await captured(bumd, receipt(JKT, fsPgln, [kg(rice, 1000)]));
    const items = await stock(bumd, JKT, `epc=${encodeURIComponent(rice)}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      tenant: { id: orgs.foodStation, name: "PT Food Station Tjipinang Jaya" },
      location: "dock",
      state: "available",
      grams: 1_000_000,
    });
    const ledger = await movements(bumd, JKT, `epc=${encodeURIComponent(rice)}`);
    expect(ledger).toEqual([
      expect.objectContaining({
        kind: "receipt",
        location: "dock",
        deltaGrams: 1_000_000,
        balanceAfterGrams: 1_000_000,
        eventId: stored.eventID,
      }),
    ]);
    // Rejected goods (non_conformant, damaged) are not stock.
    await captured(bumd, receipt(JKT, fsPgln, [kg(rice, 50)], { disposition: "damaged" }));
    await captured(bumd, receipt(JKT, fsPgln, [kg(rice, 0.05, "TNE")], { disposition: "non_conformant" }));
    expect(gramsAt(await stock(bumd, JKT), rice, "dock")).toBe(1_000_000);
  });

  it("refuses a receipt for an organisation that is not a tenant, storing nothing", async () => {
    const before = await footprint();
    const res = await capture(
      tokens.bumd as string,
      receipt(JKT, await pglnOf(orgs.gapoktan as string), [kg(rice, 10)]),
    );
    const problem = expectProblem(res, 409, "warehouse.not_a_tenant");
    expect(problem.detail).toContain(JKT);
    expect(await footprint()).toEqual(before);
  });

  it("puts away, moves and picks through the operations API, capturing storing and picking events", async () => {
    const bumd = tokens.bumd as string;
    const put = await ok<{ eventIds: string[]; movements: Movement[] }>(
      await post(bumd, url(JKT, "/put-away"), {
        tenant: orgs.foodStation,
        epc: rice,
        kg: 600,
        zone: "kering-a",
        expiryDate: "2026-12-31",
      }),
      201,
    );
    expect(put.eventIds).toHaveLength(1);
    expect(
      put.movements.map((m) => [m.kind, m.location, m.deltaGrams, m.balanceAfterGrams, m.eventId]),
    ).toEqual([
      ["putaway", "dock", -600_000, 400_000, put.eventIds[0]],
      ["putaway", "kering-a", 600_000, 600_000, put.eventIds[0]],
    ]);
    const ev = await eventById(bumd, put.eventIds[0] as string);
    expect(ev).toMatchObject({
      bizStep: "storing",
      disposition: "sellable_accessible",
      bizLocation: { id: `${sites[JKT]?.sgln.replace(/\.0$/, "")}.kering-a` },
      quantityList: [{ epcClass: rice, quantity: 600, uom: "KGM" }],
      sourceList: expect.arrayContaining([
        { type: "location", source: sites[JKT]?.dock },
        { type: "owning_party", source: fsPgln },
      ]),
      "lb:expiryDate": "2026-12-31",
    });

    await ok(
      await post(bumd, url(JKT, "/move"), {
        tenant: orgs.foodStation,
        epc: rice,
        kg: 100,
        fromZone: "kering-a",
        toZone: "kering-b",
      }),
      201,
    );
    const picked = await ok<{ movements: Movement[] }>(
      await post(bumd, url(JKT, "/pick"), {
        tenant: orgs.foodStation,
        lines: [{ epc: rice, zone: "kering-a", kg: 200 }],
      }),
      201,
    );
    expect(picked.movements.map((m) => [m.kind, m.location, m.deltaGrams])).toEqual([
      ["pick", "kering-a", -200_000],
      ["pick", "staging", 200_000],
    ]);
    const items = await stock(bumd, JKT, `epc=${encodeURIComponent(rice)}`);
    expect(items.map((b) => [b.location, b.grams, b.expiryDate])).toEqual([
      ["dock", 400_000, null],
      ["kering-a", 300_000, "2026-12-31"],
      ["kering-b", 100_000, "2026-12-31"],
      ["staging", 200_000, "2026-12-31"],
    ]);
  });

  it("refuses a movement that would take stock below zero, naming lot, place and quantity on hand; nothing stored", async () => {
    const bumd = tokens.bumd as string;
    const before = await footprint();
    const res = await post(bumd, url(JKT, "/put-away"), {
      tenant: orgs.foodStation,
      epc: rice,
      kg: 400.001,
      zone: "kering-a",
    });
    const problem = expectProblem(res, 409, "warehouse.insufficient_stock") as Json;
    expect(problem.detail).toContain(rice.split(".").at(-1));
    expect(problem.detail).toContain("dock");
    expect(problem.detail).toContain("400 kg");
    expect(problem).toMatchObject({ epc: rice, location: "dock", onHandKg: 400, requestedKg: 400.001 });
    // The same through raw capture: a pick of more than the zone holds.
    const raw = await capture(
      bumd,
      event({
        bizStep: "picking",
        disposition: "in_progress",
        bizLocation: { id: sites[JKT]?.staging },
        sourceList: [{ type: "location", source: `${sites[JKT]?.sgln.replace(/\.0$/, "")}.kering-b` }],
        quantityList: [kg(rice, 150)],
      }),
    );
    expectProblem(raw, 409, "warehouse.insufficient_stock");
    expect(await footprint()).toEqual(before);
  });

  it("issues a dispatch from staging first, then the zones FEFO; the carrier's departure under the same desadv issues nothing more", async () => {
    const bumd = tokens.bumd as string;
    const desadv = "urn:lumbung:desadv:JKT-OUT-1";
    const shipping = await captured(
      bumd,
      event({
        bizStep: "shipping",
        disposition: "in_transit",
        readPoint: { id: sites[JKT]?.sgln },
        bizLocation: { id: sites[JKT]?.sgln },
        quantityList: [kg(rice, 250)],
        bizTransactionList: [{ type: "desadv", bizTransaction: desadv }],
        sourceList: [
          { type: "owning_party", source: fsPgln },
          { type: "location", source: sites[JKT]?.sgln },
        ],
        destinationList: [{ type: "owning_party", destination: await pglnOf(orgs.pasarJaya as string) }],
      }),
    );
    const issued = (await movements(bumd, JKT, "kind=issue")).filter((m) => m.eventId === shipping.eventID);
    expect(issued.map((m) => [m.location, m.deltaGrams]).sort()).toEqual([
      ["kering-a", -50_000],
      ["staging", -200_000],
    ]);
    await captured(
      bumd,
      event({
        bizStep: "departing",
        disposition: "in_transit",
        readPoint: { id: sites[JKT]?.sgln },
        quantityList: [kg(rice, 250)],
        bizTransactionList: [
          { type: "desadv", bizTransaction: desadv },
          { type: "bol", bizTransaction: "urn:lumbung:bol:TRK-9" },
        ],
        sourceList: [{ type: "location", source: sites[JKT]?.sgln }],
      }),
    );
    const items = await stock(bumd, JKT, `epc=${encodeURIComponent(rice)}`);
    expect(items.map((b) => [b.location, b.grams])).toEqual([
      ["dock", 400_000],
      ["kering-a", 250_000],
      ["kering-b", 100_000],
    ]);
  });

  it("books a count's difference as a count movement, and adjustments with their reason", async () => {
    const bumd = tokens.bumd as string;
    const counted = await ok<{ movements: Movement[] }>(
      await post(bumd, url(JKT, "/count"), {
        tenant: orgs.foodStation,
        epc: rice,
        location: "kering-a",
        countedKg: 247.5,
      }),
      201,
    );
    expect(counted.movements.map((m) => [m.kind, m.deltaGrams, m.balanceAfterGrams])).toEqual([
      ["count", -2_500, 247_500],
    ]);
    // A raw cycle count at the dock that finds more than the books.
    await captured(
      bumd,
      event({
        bizStep: "cycle_counting",
        bizLocation: { id: sites[JKT]?.dock },
        quantityList: [kg(rice, 401)],
      }),
    );
    const adjusted = await ok<{ eventIds: string[]; movements: Movement[] }>(
      await post(bumd, url(JKT, "/adjust"), {
        tenant: orgs.foodStation,
        epc: rice,
        location: "dock",
        kg: -1,
        reason: "tumpah saat bongkar",
      }),
      201,
    );
    expect(adjusted.movements.map((m) => [m.kind, m.deltaGrams, m.balanceAfterGrams, m.reason])).toEqual([
      ["adjustment", -1_000, 400_000, "tumpah saat bongkar"],
    ]);
    const ev = await eventById(bumd, adjusted.eventIds[0] as string);
    expect(ev).toMatchObject({
      bizStep: "cycle_counting",
      quantityList: [{ epcClass: rice, quantity: 400, uom: "KGM" }],
      "lb:reason": "tumpah saat bongkar",
      "lb:adjustmentKg": -1,
    });
    const dock = (await movements(bumd, JKT, `epc=${encodeURIComponent(rice)}&location=dock`)).map((m) => [
      m.kind,
      m.deltaGrams,
    ]);
    expect(dock.slice(0, 2)).toEqual([
      ["adjustment", -1_000],
      ["count", 1_000],
    ]);

    const before = await footprint();
    expectProblem(
      await post(bumd, url(JKT, "/adjust"), {
        tenant: orgs.foodStation,
        epc: rice,
        location: "kering-b",
        kg: -100.5,
        reason: "hilang",
      }),
      409,
      "warehouse.insufficient_stock",
    );
    const noReason = expectProblem(
      await post(bumd, url(JKT, "/adjust"), { tenant: orgs.foodStation, epc: rice, location: "dock", kg: 1 }),
      400,
      "request.validation",
    );
    expect(noReason.errors?.map((e) => e.field)).toContain("body/reason");
    expectProblem(
      await post(bumd, url(JKT, "/adjust"), {
        tenant: orgs.foodStation,
        epc: rice,
        location: "dock",
        kg: 0,
        reason: "x",
      }),
      400,
      "request.validation",
    );
    expect(await footprint()).toEqual(before);
  });

  it("holds and releases stock, at a place or wherever it lies, and destroys with a reason", async () => {
    const bumd = tokens.bumd as string;
    const held = await ok<{ movements: Movement[] }>(
      await post(bumd, url(JKT, "/hold"), {
        tenant: orgs.foodStation,
        epc: rice,
        location: "kering-b",
        reason: "uji kadar air",
      }),
      201,
    );
    expect(held.movements.map((m) => [m.kind, m.location, m.state, m.deltaGrams])).toEqual([
      ["hold", "kering-b", "available", -100_000],
      ["hold", "kering-b", "held", 100_000],
    ]);
    // Held stock cannot be picked.
    expectProblem(
      await post(bumd, url(JKT, "/pick"), {
        tenant: orgs.foodStation,
        lines: [{ epc: rice, zone: "kering-b", kg: 1 }],
      }),
      409,
      "warehouse.insufficient_stock",
    );
    await ok(await post(bumd, url(JKT, "/release"), { tenant: orgs.foodStation, epc: rice, kg: 40 }), 201);
    const items = await stock(bumd, JKT, `epc=${encodeURIComponent(rice)}&location=kering-b`);
    expect(items.map((b) => [b.state, b.grams])).toEqual([
      ["available", 40_000],
      ["held", 60_000],
    ]);
    // Destroying (DELETE) takes held stock first, with the reason on the ledger.
    const destroyed = await captured(
      bumd,
      event({
        action: "DELETE",
        bizStep: "destroying",
        disposition: "destroyed",
        bizLocation: { id: `${sites[JKT]?.sgln.replace(/\.0$/, "")}.kering-b` },
        quantityList: [kg(rice, 70)],
        "lb:reason": "berkutu",
      }),
    );
    const rows = (await movements(bumd, JKT, "kind=destroy")).filter((m) => m.eventId === destroyed.eventID);
    expect(rows.map((m) => [m.state, m.deltaGrams, m.reason])).toEqual([
      ["available", -10_000, "berkutu"],
      ["held", -60_000, "berkutu"],
    ]);
  });
});

describe("events the ledger leaves alone", () => {
  it("books nothing for a hold on goods the warehouse does not keep, nor for steps it does not book", async () => {
    const bumd = tokens.bumd as string;
    const elsewhere = await lot(50);
    const before = await footprint();
    for (const fields of [
      // A shipment held at the dock before its receipt: the shipment's business, not the stock's.
      { bizStep: "holding", disposition: "sellable_not_accessible", bizLocation: { id: sites[JKT]?.dock } },
      { bizStep: "arriving", disposition: "in_progress", bizLocation: { id: sites[JKT]?.dock } },
      { bizStep: "inspecting", disposition: "conformant", bizLocation: { id: sites[JKT]?.dock } },
      // Receiving somewhere that is not a warehouse.
      {
        bizStep: "receiving",
        disposition: "sellable_not_accessible",
        bizLocation: { id: "urn:epc:id:sgln:8990000.99998.0" },
      },
    ]) {
      await captured(bumd, event({ ...fields, quantityList: [kg(elsewhere, 50)] }));
    }
    const after = await footprint();
    expect(after.ledger).toBe(before.ledger);
    expect(after.balances).toBe(before.balances);
    expect(after.events).toBe((before.events as number) + 4);
  });
});

describe("receipts from containers and lot master data", () => {
  it("opens an SSCC's packing to book the lots it holds, and takes the expiry from the lot's ilmd", async () => {
    const gudang = tokens.gudang as string;
    const koperasi = tokens.koperasi as string;
    const coffee = `urn:epc:class:lgtin:8990000.099999.KOPI-${Date.now() % 100000}`;
    // A lot with an expiry date in its master data, then packed onto a pallet.
    await captured(
      koperasi,
      event({
        action: "ADD",
        bizStep: "commissioning",
        disposition: "active",
        quantityList: [kg(coffee, 500)],
        ilmd: { "cbvmda:itemExpirationDate": "2026-03-01" },
        "@context": [...CONTEXT, { cbvmda: "urn:epcglobal:cbv:mda:" }],
      }),
    );
    const pallet = "urn:epc:id:sscc:8990000.1234567890";
    await captured(koperasi, {
      "@context": CONTEXT,
      type: "AggregationEvent",
      eventTime: new Date().toISOString(),
      eventTimeZoneOffset: "+07:00",
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: pallet,
      childQuantityList: [kg(coffee, 480)],
    });
    const receiving = receipt(LPG, await pglnOf(orgs.gapoktan as string), [], { epcList: [pallet] });
    delete receiving.quantityList;
    await captured(koperasi, receiving);
    const items = await stock(gudang, LPG, `epc=${encodeURIComponent(coffee)}`);
    expect(items.map((b) => [b.location, b.grams, b.expiryDate, b.tenant.id])).toEqual([
      ["dock", 480_000, "2026-03-01", orgs.gapoktan],
    ]);
  });

  it("refuses goods it cannot weigh: counts of pieces, unknown containers", async () => {
    const koperasi = tokens.koperasi as string;
    const owner = await pglnOf(orgs.gapoktan as string);
    const before = await footprint();
    const pieces = receipt(LPG, owner, [kg("urn:epc:class:lgtin:8990000.099999.X1", 10, "H87")]);
    expectProblem(await capture(koperasi, pieces), 409, "warehouse.unmeasured_goods");
    const empty = receipt(LPG, owner, [], { epcList: ["urn:epc:id:sscc:8990000.1999999999"] });
    delete empty.quantityList;
    expectProblem(await capture(koperasi, empty), 409, "warehouse.unmeasured_goods");
    expect(await footprint()).toEqual(before);
  });
});

describe("tenant isolation", () => {
  let pasarRice = "";

  beforeAll(async () => {
    pasarRice = await lot(300);
    // In tonnes: the ledger books grams whatever unit the event uses.
    await captured(
      tokens.pasar as string,
      receipt(JKT, await pglnOf(orgs.pasarJaya as string), [kg(pasarRice, 0.3, "TNE")]),
    );
  });

  it("shows a tenant only its own stock, movements and cards; the operator all tenants", async () => {
    const pasar = tokens.pasar as string;
    const mine = await stock(pasar, JKT);
    expect(mine.map((b) => [b.epc, b.location, b.grams])).toEqual([[pasarRice, "dock", 300_000]]);
    expect(mine.every((b) => b.tenant.id === orgs.pasarJaya)).toBe(true);
    expect((await movements(pasar, JKT)).every((m) => m.epc === pasarRice)).toBe(true);
    const operator = await stock(tokens.bumd as string, JKT);
    expect(new Set(operator.map((b) => b.tenant.id))).toEqual(new Set([orgs.foodStation, orgs.pasarJaya]));

    const theirs = operator.find((b) => b.tenant.id === orgs.foodStation) as Balance;
    expectProblem(
      await get(pasar, url(JKT, `/stock-card?epc=${encodeURIComponent(theirs.epc)}`)),
      404,
      "warehouse.lot_not_found",
    );
    expectProblem(
      await get(pasar, url(JKT, `/stock?tenant=${orgs.foodStation}`)),
      404,
      "warehouse.tenant_not_found",
    );
    expectProblem(
      await get(pasar, url(JKT, `/movements?tenant=${orgs.foodStation}`)),
      404,
      "warehouse.tenant_not_found",
    );
    // Another warehouse, where it is no tenant, does not exist for it.
    expectProblem(await get(pasar, url(LPG)), 404, "warehouse.site_not_found");
    expectProblem(await get(tokens.koperasi as string, url(JKT, "/stock")), 404, "warehouse.site_not_found");
    // Tenants see themselves in the tenant list, not the others.
    const tenants = await ok<{ items: { organisation: { id: string } }[] }>(
      await get(pasar, url(JKT, "/tenants")),
    );
    expect(tenants.items.map((x) => x.organisation.id)).toEqual([orgs.pasarJaya]);
  });

  it("lets a tenant hold its own stock but not run the warehouse", async () => {
    const pasar = tokens.pasar as string;
    await ok(
      await post(pasar, url(JKT, "/hold"), { epc: pasarRice, kg: 10, reason: "menunggu uji lab" }),
      201,
    );
    expectProblem(
      await post(pasar, url(JKT, "/hold"), { tenant: orgs.foodStation, epc: pasarRice, reason: "x" }),
      404,
      "warehouse.tenant_not_found",
    );
    expectProblem(
      await post(pasar, url(JKT, "/put-away"), {
        tenant: orgs.pasarJaya,
        epc: pasarRice,
        kg: 1,
        zone: "kering-a",
      }),
      403,
      "warehouse.operator_only",
    );
  });
});

describe("capacity bookings", () => {
  const day = (n: number) => new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

  it("books within capacity, refuses overlapping days that would exceed it (naming them and the free room), and frees space on cancel", async () => {
    const pasar = tokens.pasar as string;
    const bumd = tokens.bumd as string;
    const first = await ok<{ id: string; status: string; tenant: { id: string } }>(
      await post(pasar, url(JKT, "/bookings"), {
        zone: "dingin-1",
        fromDate: day(2),
        toDate: day(5),
        kg: 150_000,
        pallets: 50,
      }),
      201,
    );
    expect(first).toMatchObject({ status: "confirmed", tenant: { id: orgs.pasarJaya } });
    const refused = expectProblem(
      await post(bumd, url(JKT, "/bookings"), {
        zone: "dingin-1",
        tenant: orgs.foodStation,
        fromDate: day(4),
        toDate: day(8),
        kg: 60_000,
        pallets: 10,
      }),
      409,
      "warehouse.capacity_exceeded",
    ) as Json;
    expect(refused.detail).toContain(`${day(4)}–${day(5)}`);
    expect(refused).toMatchObject({ days: [{ from: day(4), to: day(5) }], freeKg: 50_000, freePallets: 30 });
    // Pallet places count too.
    expectProblem(
      await post(bumd, url(JKT, "/bookings"), {
        zone: "dingin-1",
        tenant: orgs.foodStation,
        fromDate: day(3),
        toDate: day(3),
        kg: 1,
        pallets: 31,
      }),
      409,
      "warehouse.capacity_exceeded",
    );
    // Days that do not overlap are free.
    await ok(
      await post(bumd, url(JKT, "/bookings"), {
        zone: "dingin-1",
        tenant: orgs.foodStation,
        fromDate: day(6),
        toDate: day(8),
        kg: 60_000,
        pallets: 10,
      }),
      201,
    );

    const util = await ok<{
      days: { date: string; bookedKg: number; freeKg: number; bookedPallets: number }[];
    }>(await get(bumd, url(JKT, `/zones/dingin-1/utilisation?from=${day(1)}&to=${day(7)}`)));
    expect(util.days.map((d) => [d.date, d.bookedKg, d.bookedPallets])).toEqual([
      [day(1), 0, 0],
      [day(2), 150_000, 50],
      [day(3), 150_000, 50],
      [day(4), 150_000, 50],
      [day(5), 150_000, 50],
      [day(6), 60_000, 10],
      [day(7), 60_000, 10],
    ]);

    // The tenant sees its own bookings only; another tenant's booking is not found.
    const pasarList = await ok<{ items: { id: string }[] }>(await get(pasar, url(JKT, "/bookings")));
    expect(pasarList.items.map((b) => b.id)).toEqual([first.id]);
    const all = await ok<{ items: { id: string; tenant: { id: string } }[] }>(
      await get(bumd, url(JKT, "/bookings")),
    );
    const fsBooking = all.items.find((b) => b.tenant.id === orgs.foodStation) as { id: string };
    expectProblem(
      await post(pasar, url(JKT, `/bookings/${fsBooking.id}/cancel`), {}),
      404,
      "warehouse.booking_not_found",
    );

    const cancelled = await ok<{ status: string }>(
      await post(pasar, url(JKT, `/bookings/${first.id}/cancel`), {}),
    );
    expect(cancelled.status).toBe("cancelled");
    expectProblem(
      await post(pasar, url(JKT, `/bookings/${first.id}/cancel`), {}),
      409,
      "warehouse.booking_cancelled",
    );
    await ok(
      await post(bumd, url(JKT, "/bookings"), {
        zone: "dingin-1",
        tenant: orgs.foodStation,
        fromDate: day(4),
        toDate: day(5),
        kg: 200_000,
        pallets: 80,
      }),
      201,
    );
    // Lowering the zone's capacity below what is booked is refused.
    expectProblem(
      await t.app.inject({
        method: "PATCH",
        url: url(JKT, "/zones/dingin-1"),
        headers: bearer(bumd),
        payload: { capacityKg: 100_000 },
      }),
      409,
      "warehouse.capacity_below_bookings",
    );
  });

  it("refuses malformed bookings", async () => {
    const pasar = tokens.pasar as string;
    const bumd = tokens.bumd as string;
    const cases: [string, Json, number, string, string][] = [
      [
        pasar,
        { zone: "dingin-1", fromDate: day(5), toDate: day(4), kg: 1, pallets: 0 },
        400,
        "warehouse.invalid_request",
        "body/toDate",
      ],
      [
        pasar,
        { zone: "dingin-1", fromDate: day(-3), toDate: day(4), kg: 1, pallets: 0 },
        400,
        "warehouse.invalid_request",
        "body/fromDate",
      ],
      [
        pasar,
        { zone: "dingin-1", fromDate: day(1), toDate: day(400), kg: 1, pallets: 0 },
        400,
        "warehouse.invalid_request",
        "body/toDate",
      ],
      [
        pasar,
        { zone: "dingin-1", fromDate: day(1), toDate: day(2), kg: 0, pallets: 0 },
        400,
        "request.validation",
        "body/kg",
      ],
      [
        pasar,
        { zone: "dingin-1", fromDate: "besok", toDate: day(2), kg: 1, pallets: 0 },
        400,
        "request.validation",
        "body/fromDate",
      ],
      [
        bumd,
        { zone: "dingin-1", fromDate: day(1), toDate: day(2), kg: 1, pallets: 0 },
        400,
        "warehouse.invalid_request",
        "body/tenant",
      ],
    ];
    for (const [token, body, status, code, field] of cases) {
      const problem = expectProblem(await post(token, url(JKT, "/bookings"), body), status, code);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
    expectProblem(
      await post(pasar, url(JKT, "/bookings"), {
        zone: "tidak-ada",
        fromDate: day(1),
        toDate: day(2),
        kg: 1,
        pallets: 0,
      }),
      404,
      "warehouse.zone_not_found",
    );
    expectProblem(
      await post(bumd, url(JKT, "/bookings"), {
        zone: "dingin-1",
        tenant: orgs.gapoktan,
        fromDate: day(1),
        toDate: day(2),
        kg: 1,
        pallets: 0,
      }),
      404,
      "warehouse.tenant_not_found",
    );
  });
});

describe("FEFO, alerts and stock cards", () => {
  let early = "";
  let late = "";
  let noDate = "";
  let old = "";

  beforeAll(async () => {
    const gudang = tokens.gudang as string;
    const owner = await pglnOf(orgs.wahana as string);
    early = await lot(100, "jagung");
    late = await lot(100, "jagung");
    noDate = await lot(100, "jagung");
    const soon = new Date(Date.now() + 7 * 3600_000 + 5 * 86_400_000).toISOString().slice(0, 10);
    // Old stock: received long ago, untouched since.
    const longAgo = new Date(Date.now() - 90 * 86_400_000).toISOString();
    await captured(gudang, receipt(LPG, owner, [kg(noDate, 100)], { eventTime: longAgo }));
    await captured(gudang, receipt(LPG, owner, [kg(late, 100)], { "lb:expiryDate": "2030-01-01" }));
    await captured(gudang, receipt(LPG, owner, [kg(early, 100)], { "lb:expiryDate": soon }));
  });

  it("suggests picks earliest expiry first, then oldest receipt, never held stock, never the dock", async () => {
    const gudang = tokens.gudang as string;
    const suggest = async () =>
      ok<{ lines: { epc: string; takeKg: number; zone: string }[]; shortKg: number }>(
        await get(gudang, url(LPG, `/pick-suggestions?commodity=jagung&kg=250&tenant=${orgs.wahana}`)),
      );
    expect((await suggest()).lines).toEqual([]);
    for (const epc of [noDate, late, early]) {
      await ok(
        await post(gudang, url(LPG, "/put-away"), { tenant: orgs.wahana, epc, kg: 100, zone: "kering-a" }),
        201,
      );
    }
    const s = await suggest();
    expect(s.lines.map((l) => [l.epc, l.takeKg, l.zone])).toEqual([
      [early, 100, "kering-a"],
      [late, 100, "kering-a"],
      [noDate, 50, "kering-a"],
    ]);
    expect(s.shortKg).toBe(0);
    await ok(
      await post(gudang, url(LPG, "/hold"), { tenant: orgs.wahana, epc: early, reason: "sampel lab" }),
      201,
    );
    const withHold = await suggest();
    expect(withHold.lines.map((l) => l.epc)).toEqual([late, noDate]);
    expect(withHold.shortKg).toBe(50);
    await ok(await post(gudang, url(LPG, "/release"), { tenant: orgs.wahana, epc: early }), 201);
    expectProblem(
      await get(gudang, url(LPG, "/pick-suggestions?commodity=jagung&kg=1")),
      400,
      "warehouse.invalid_request",
    );
    expectProblem(
      await get(gudang, url(LPG, `/pick-suggestions?commodity=jagung&kg=-1&tenant=${orgs.wahana}`)),
      400,
      "request.validation",
    );
  });

  it("alerts on stock expiring within N days and stock that has not moved for N days", async () => {
    const gudang = tokens.gudang as string;
    const alerts = await ok<{
      expiring: { epc: string; daysLeft: number }[];
      slow: { epc: string; idleDays: number }[];
    }>(await get(gudang, url(LPG, `/alerts?tenant=${orgs.wahana}`)));
    expect(alerts.expiring.map((a) => [a.epc, a.daysLeft])).toEqual([[early, 5]]);
    // The put-away moved the old lot recently; the dock's emptied balance is no stock.
    expect(alerts.slow).toEqual([]);
    const narrow = await ok<{ expiring: unknown[] }>(
      await get(gudang, url(LPG, `/alerts?expiringWithinDays=3&tenant=${orgs.wahana}`)),
    );
    expect(narrow.expiring).toEqual([]);
    old = await lot(10, "jagung");
    const longAgo = new Date(Date.now() - 61 * 86_400_000).toISOString();
    await captured(
      gudang,
      receipt(LPG, await pglnOf(orgs.wahana as string), [kg(old, 10)], { eventTime: longAgo }),
    );
    const later = await ok<{ slow: { epc: string; idleDays: number }[] }>(
      await get(gudang, url(LPG, `/alerts?tenant=${orgs.wahana}`)),
    );
    expect(later.slow.map((a) => [a.epc, a.idleDays])).toEqual([[old, 61]]);
    expectProblem(await get(gudang, url(LPG, "/alerts?slowAfterDays=0")), 400, "request.validation");
  });

  it("prints a lot's stock card with opening balance, in, out and running balance, as JSON and CSV", async () => {
    const gudang = tokens.gudang as string;
    await ok(
      await post(gudang, url(LPG, "/pick"), {
        tenant: orgs.wahana,
        lines: [{ epc: early, zone: "kering-a", kg: 30 }],
      }),
      201,
    );
    const card = await ok<{
      openingGrams: number;
      closingGrams: number;
      rows: {
        kind: string;
        location: string;
        inGrams: number;
        outGrams: number;
        balanceGrams: number;
        eventId: string;
      }[];
    }>(await get(gudang, url(LPG, `/stock-card?epc=${encodeURIComponent(early)}`)));
    expect(card.openingGrams).toBe(0);
    expect(card.rows.map((r) => [r.kind, r.location, r.inGrams, r.outGrams, r.balanceGrams])).toEqual([
      ["receipt", "dock", 100_000, 0, 100_000],
      ["putaway", "dock", 0, 100_000, 0],
      ["putaway", "kering-a", 100_000, 0, 100_000],
      ["hold", "kering-a", 0, 100_000, 0],
      ["hold", "kering-a", 100_000, 0, 100_000],
      ["release", "kering-a", 0, 100_000, 0],
      ["release", "kering-a", 100_000, 0, 100_000],
      ["pick", "kering-a", 0, 30_000, 70_000],
      ["pick", "staging", 30_000, 0, 100_000],
    ]);
    expect(card.closingGrams).toBe(100_000);
    expect(card.rows.every((r) => r.eventId.length > 0)).toBe(true);

    const zoneOnly = await ok<{ openingGrams: number; closingGrams: number }>(
      await get(gudang, url(LPG, `/stock-card?epc=${encodeURIComponent(early)}&location=kering-a`)),
    );
    expect(zoneOnly.closingGrams).toBe(70_000);
    const tomorrow = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    const future = await ok<{ openingGrams: number; rows: unknown[] }>(
      await get(gudang, url(LPG, `/stock-card?epc=${encodeURIComponent(early)}&from=${tomorrow}`)),
    );
    expect(future).toMatchObject({ openingGrams: 100_000, rows: [] });

    const csv = await get(gudang, url(LPG, `/stock-card?epc=${encodeURIComponent(early)}&format=csv`));
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(
      /attachment; filename="kartu-stok-gudang-bersama-lampung-L20250414-\d+\.csv"/,
    );
    expect(csv.rawPayload[0]).not.toBe(0xef); // no byte-order mark
    const lines = csv.body.split("\r\n");
    expect(lines[0]).toBe(
      "Tanggal (WIB),Jenis,Lot,Lokasi,Status,Keterangan,Masuk (kg),Keluar (kg),Saldo (kg),ID peristiwa",
    );
    expect(lines[1]).toBe(",Saldo awal,,,,,,,0,");
    expect(lines[2]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2},Penerimaan,L20250414-\d+,dock,tersedia,,100,,100,/,
    );
    expect(lines[9]).toMatch(/,Pengambilan,L20250414-\d+,kering-a,tersedia,,,30,70,/);
    expect(lines).toHaveLength(12); // header, opening, 9 movements, and the final line end

    const english = await get(gudang, url(LPG, `/stock-card?epc=${encodeURIComponent(early)}`), {
      accept: "text/csv",
      "accept-language": "en-GB,en;q=0.9",
    });
    expect(english.statusCode).toBe(200);
    const en = english.body.split("\r\n");
    expect(en[0]).toBe("Date (WIB),Kind,Lot,Location,State,Reason,In (kg),Out (kg),Balance (kg),Event ID");
    expect(en[1]).toBe(",Opening balance,,,,,,,0,");
    const asked = await get(
      gudang,
      url(LPG, `/stock-card?epc=${encodeURIComponent(early)}&format=csv&lang=en`),
    );
    expect(asked.body.split("\r\n")[0]).toBe(en[0]);
  });

  it("prints a commodity's card across its lots", async () => {
    const gudang = tokens.gudang as string;
    const card = await ok<{ commodity: { code: string }; closingGrams: number; rows: { epc: string }[] }>(
      await get(gudang, url(LPG, `/stock-card?commodity=jagung&tenant=${orgs.wahana}`)),
    );
    expect(card.commodity.code).toBe("jagung");
    expect(new Set(card.rows.map((r) => r.epc))).toEqual(new Set([early, late, noDate, old]));
    expect(card.closingGrams).toBe(310_000);
  });
});

describe("bad input is refused with a 4xx problem", () => {
  it("names the field for every malformed operation", async () => {
    const bumd = tokens.bumd as string;
    const good = {
      tenant: orgs.foodStation,
      epc: "urn:epc:class:lgtin:8990000.000001.L1",
      kg: 1,
      zone: "kering-a",
    };
    const cases: [string, Json, string][] = [
      ["/put-away", { ...good, epc: "beras" }, "body/epc"],
      ["/put-away", { ...good, epc: "urn:epc:class:lgtin:8990000.0000001.L1" }, "body/epc"],
      ["/put-away", { ...good, kg: -1 }, "body/kg"],
      ["/put-away", { ...good, kg: 1.0001 }, "body/kg"],
      ["/put-away", { ...good, kg: "satu" }, "body/kg"],
      ["/put-away", { ...good, from: "kering-b" }, "body/from"],
      ["/put-away", { ...good, expiryDate: "31-12-2026" }, "body/expiryDate"],
      ["/put-away", { epc: good.epc, kg: 1, zone: "kering-a" }, "body/tenant"],
      ["/pick", { tenant: orgs.foodStation, lines: [] }, "body/lines"],
      [
        "/count",
        { tenant: orgs.foodStation, epc: good.epc, location: "dock", countedKg: -1 },
        "body/countedKg",
      ],
      ["/hold", { tenant: orgs.foodStation, epc: good.epc }, "body/reason"],
      ["/move", { tenant: orgs.foodStation, epc: good.epc, kg: 1, fromZone: "kering-a" }, "body/toZone"],
    ];
    for (const [path, body, field] of cases) {
      const problem = expectProblem(await post(bumd, url(JKT, path), body), 400, "request.validation");
      expect(
        problem.errors?.map((e) => e.field),
        `${path} ${JSON.stringify(body)}`,
      ).toContain(field);
    }
    expectProblem(
      await post(bumd, url(JKT, "/put-away"), { ...good, zone: "tidak-ada" }),
      404,
      "warehouse.zone_not_found",
    );
    expectProblem(
      await post(bumd, url(JKT, "/put-away"), { ...good, tenant: orgs.gapoktan }),
      404,
      "warehouse.tenant_not_found",
    );
    expectProblem(
      await post(bumd, url(JKT, "/move"), {
        tenant: orgs.foodStation,
        epc: good.epc,
        kg: 1,
        fromZone: "kering-a",
        toZone: "kering-a",
      }),
      400,
      "warehouse.invalid_request",
    );
    expectProblem(
      await post(bumd, url(JKT, "/count"), {
        tenant: orgs.foodStation,
        epc: good.epc,
        location: "atap",
        countedKg: 1,
      }),
      404,
      "warehouse.zone_not_found",
    );
    expectProblem(await post(bumd, url(JKT, "/put-away"), good), 409, "warehouse.insufficient_stock");
    expectProblem(await get(bumd, url(JKT, "/stock-card")), 400, "warehouse.invalid_request");
    expectProblem(
      await get(bumd, url(JKT, "/stock-card?epc=urn:epc:class:lgtin:8990000.000001.L1&commodity=jagung")),
      400,
      "warehouse.invalid_request",
    );
    expectProblem(
      await get(bumd, url(JKT, "/stock-card?commodity=jagung&from=2025-05-02&to=2025-05-01")),
      400,
      "warehouse.invalid_request",
    );
    expectProblem(await get(bumd, url(JKT, "/stock?state=rusak")), 400, "request.validation");
    expectProblem(
      await get(bumd, url(JKT, "/zones/kering-a/utilisation?from=2025-01-01&to=2026-06-01")),
      400,
      "warehouse.invalid_request",
    );
    expectProblem(await get(bumd, url("tidak-ada", "/stock")), 404, "warehouse.site_not_found");
  });

  it("refuses raw events that name places the warehouse does not have, or owners it cannot tell", async () => {
    const bumd = tokens.bumd as string;
    const key = sites[JKT]?.sgln.replace(/\.0$/, "");
    const some = "urn:epc:class:lgtin:8990000.000001.L1";
    const before = await footprint();
    const storingNowhere = event({
      bizStep: "storing",
      bizLocation: { id: `${key}.atap` },
      quantityList: [kg(some, 1)],
    });
    expectProblem(await capture(bumd, storingNowhere), 409, "warehouse.unknown_location");
    const countingSite = event({
      bizStep: "cycle_counting",
      bizLocation: { id: sites[JKT]?.sgln },
      quantityList: [kg(some, 1)],
    });
    expectProblem(await capture(bumd, countingSite), 409, "warehouse.unknown_location");
    const strangerParty = receipt(JKT, "urn:epc:id:pgln:8990000.99999", [kg(some, 1)]);
    expectProblem(await capture(bumd, strangerParty), 409, "warehouse.owner_unknown");
    expect(await footprint()).toEqual(before);
  });
});
