import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/http/errors";
import { fixedClock } from "../../src/lib/clock";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";
import { doc } from "../support/epcis";

const clock = fixedClock(new Date("2025-04-15T06:00:00+07:00"));
const t = useTestApp({ clock });

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely here; the route schemas type them
type Json = Record<string, any>;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};
let lot: Json;
let pallet: Json;

async function call(token: string | undefined, method: string, url: string, payload?: unknown) {
  return t.app.inject({
    method: method as "GET",
    url,
    headers: token ? bearer(token) : {},
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
}

function ok(res: LightMyRequestResponse, status = 200): Json {
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json();
}

function fields(res: LightMyRequestResponse, code: string) {
  return (expectProblem(res, 400, code).errors ?? []).map((e) => e.field);
}

async function declareLot(kg: string): Promise<Json> {
  return ok(
    await call(tokens.koperasi, "POST", "/api/v1/lots", {
      commodityCode: "gabah-kering-panen",
      quantity: kg,
      unit: "kg",
      harvestDate: "2025-04-14",
      villageCode: "18.72.01.1001",
      grade: "premium",
    }),
    201,
  );
}

function body(lines: Json[], overrides: Json = {}): Json {
  return {
    receiverOrganisationId: orgs.foodStation,
    destinationSiteCode: "gudang-bersama-jakarta",
    route: "roro",
    lines,
    plannedDeparture: "2025-04-15T07:00:00+07:00",
    ...overrides,
  };
}

async function create(lines: Json[], overrides: Json = {}, token = tokens.koperasi): Promise<Json> {
  return ok(await call(token, "POST", "/api/v1/shipments", body(lines, overrides)), 201);
}

async function shipmentCount(): Promise<number> {
  const res = await t.database.db.execute(sql`select count(*)::int as n from shipments`);
  return Number((res as unknown as { rows: { n: number }[] }).rows[0]?.n);
}

beforeAll(async () => {
  for (const [k, email] of Object.entries({ ...DEMO_EMAILS, ...MORE_DEMO_EMAILS }))
    tokens[k] = await t.login(email);
  const parties = ok(await call(tokens.koperasi, "GET", "/api/v1/shipments/parties"));
  const id = (name: string) =>
    [...parties.receivers, ...parties.carriers].find((o: Json) => o.name === name)?.id;
  orgs.foodStation = id("PT Food Station Tjipinang Jaya");
  orgs.pasarJaya = id("Perumda Pasar Jaya");
  orgs.carrier = id("PT Angkutan Sumatera Jawa");
  orgs.umkm = id("Kopi Robusta Tanggamus");
  expect(Object.values(orgs).every(Boolean)).toBe(true);
  expect(parties.carriers.map((c: Json) => c.kind)).toEqual(["carrier"]);
  expect(parties.receivers.some((r: Json) => r.kind === "dinas" || r.kind === "partner_platform")).toBe(
    false,
  );
  lot = await declareLot("2000");
  pallet = ok(
    await call(tokens.koperasi, "POST", "/api/v1/packing", {
      containerType: "pallet",
      lines: [{ epcClass: lot.lgtin, kg: "500.5" }],
    }),
    201,
  );
});

describe("creating a shipment: what is refused, with the field, and nothing stored", () => {
  it("refuses lines that are not lots or packed containers, duplicates and too much of a lot", async () => {
    const before = await shipmentCount();
    const res = await call(
      tokens.koperasi,
      "POST",
      "/api/v1/shipments",
      body([
        { epc: "urn:epc:id:sgtin:8990000.012345.1", kg: 10 },
        { epc: "urn:epc:class:lgtin:8990000.099999.LNOPE", kg: 10 },
        { sscc: "089900000000009999" },
        { epc: lot.lgtin, kg: 1500 },
        { epc: lot.lgtin, kg: 1 },
        { sscc: pallet.sscc },
        { sscc: pallet.epc },
      ]),
    );
    expect(fields(res, "shipments.invalid")).toEqual([
      "body/lines/0/epc",
      "body/lines/1/epc",
      "body/lines/2/sscc",
      "body/lines/3/kg",
      "body/lines/4/epc",
      "body/lines/6/sscc",
    ]);
    // 2000 declared, 500.5 packed: 1499.5 left to ship loose.
    expect(res.json().detail).toContain("1499.5 kg");
    expect(await shipmentCount()).toBe(before);
  });

  it("refuses an unknown receiver, destination or origin, and a site the shipper does not run", async () => {
    const res = await call(
      tokens.koperasi,
      "POST",
      "/api/v1/shipments",
      body([{ epc: lot.lgtin, kg: 10 }], {
        receiverOrganisationId: "org_nope",
        destinationSiteCode: "gudang-antah",
      }),
    );
    expect(fields(res, "shipments.invalid")).toEqual([
      "body/receiverOrganisationId",
      "body/destinationSiteCode",
    ]);
    expect(
      fields(
        await call(
          tokens.koperasi,
          "POST",
          "/api/v1/shipments",
          body([{ epc: lot.lgtin, kg: 10 }], { originSiteCode: "pasar-antah" }),
        ),
        "shipments.invalid",
      ),
    ).toEqual(["body/originSiteCode"]);
    expect(
      fields(
        await call(
          tokens.koperasi,
          "POST",
          "/api/v1/shipments",
          body([{ epc: lot.lgtin, kg: 10 }], { originSiteCode: "hub-priok" }),
        ),
        "shipments.invalid",
      ),
    ).toEqual(["body/originSiteCode"]);
  });

  it("refuses a crossing that does not cross, the wrong direction and going nowhere", async () => {
    const lampung = await call(
      tokens.koperasi,
      "POST",
      "/api/v1/shipments",
      body([{ epc: lot.lgtin, kg: 10 }], { destinationSiteCode: "gudang-bersama-lampung", route: "ferry" }),
    );
    expect(fields(lampung, "shipments.invalid")).toEqual(["body/route"]);
    const back = await call(
      tokens.bumd,
      "POST",
      "/api/v1/shipments",
      body([{ epc: lot.lgtin, kg: 10 }], {
        originSiteCode: "gudang-bersama-jakarta",
        destinationSiteCode: "gudang-bersama-lampung",
        receiverOrganisationId: orgs.umkm,
      }),
    );
    expect(fields(back, "shipments.invalid")).toEqual(["body/route"]);
    const nowhere = await call(
      tokens.bumd,
      "POST",
      "/api/v1/shipments",
      body([{ epc: lot.lgtin, kg: 10 }], { originSiteCode: "gudang-bersama-jakarta", route: "direct" }),
    );
    expect(fields(nowhere, "shipments.invalid")).toEqual(["body/destinationSiteCode"]);
  });

  it("refuses legs outside the plan, a carrier that is not one, and a malformed PO number", async () => {
    const res = await call(
      tokens.koperasi,
      "POST",
      "/api/v1/shipments",
      body([{ epc: lot.lgtin, kg: 10 }], {
        route: "direct",
        poReference: "PO 12 !",
        legs: [
          { seq: 2, vehicle: "BE 1 A" },
          { seq: 1, carrierOrganisationId: orgs.foodStation },
        ],
      }),
    );
    expect(fields(res, "shipments.invalid")).toEqual([
      "body/poReference",
      "body/legs/0/seq",
      "body/legs/1/carrierOrganisationId",
    ]);
  });

  it("refuses malformed bodies with request.validation", async () => {
    expectProblem(
      await call(tokens.koperasi, "POST", "/api/v1/shipments", body([])),
      400,
      "request.validation",
    );
    expectProblem(
      await call(
        tokens.koperasi,
        "POST",
        "/api/v1/shipments",
        body([{ epc: lot.lgtin, kg: 10 }], { route: "plane" }),
      ),
      400,
      "request.validation",
    );
    expectProblem(
      await call(
        tokens.koperasi,
        "POST",
        "/api/v1/shipments",
        body([{ epc: lot.lgtin, kg: 10 }], { plannedDeparture: "besok" }),
      ),
      400,
      "request.validation",
    );
  });

  it("does not put one pallet on two open shipments", async () => {
    const first = await create([{ sscc: pallet.sscc }]);
    const res = await call(
      tokens.koperasi,
      "POST",
      "/api/v1/shipments",
      body([{ sscc: pallet.digitalLink }]),
    );
    expect(fields(res, "shipments.invalid")).toEqual(["body/lines/0/sscc"]);
    expect(res.json().detail).toContain(first.number);
    // Cancelling frees it.
    expect(ok(await call(tokens.koperasi, "POST", `/api/v1/shipments/${first.id}/cancel`)).status).toBe(
      "cancelled",
    );
    expectProblem(
      await call(tokens.koperasi, "POST", `/api/v1/shipments/${first.id}/dispatch`),
      409,
      "shipments.cancelled",
    );
    expectProblem(
      await call(tokens.koperasi, "POST", `/api/v1/shipments/${first.id}/cancel`),
      409,
      "shipments.invalid_state",
    );
    const again = await create([{ sscc: pallet.sscc }]);
    expect(again.number).not.toBe(first.number);
  });

  it("previews the plan of a route", async () => {
    const plan = ok(
      await call(
        tokens.koperasi,
        "GET",
        `/api/v1/shipments/plan?route=ferry&destinationSiteCode=pasar-induk-kramat-jati&plannedDeparture=${encodeURIComponent("2025-04-15T06:00:00+07:00")}`,
      ),
    );
    expect(plan.legs.map((l: Json) => [l.mode, l.to.name])).toEqual([
      ["truck", "Pelabuhan Penyeberangan Bakauheni"],
      ["ferry", "Pelabuhan Penyeberangan Merak"],
      ["truck", "Pasar Induk Kramat Jati"],
    ]);
    expect(plan.legs[2].plannedArrival).toBe(new Date("2025-04-15T16:00:00+07:00").toISOString());
    expectProblem(
      await call(
        tokens.koperasi,
        "GET",
        `/api/v1/shipments/plan?route=roro&destinationSiteCode=nowhere&plannedDeparture=${encodeURIComponent("2025-04-15T06:00:00+07:00")}`,
      ),
      400,
      "shipments.invalid",
    );
  });
});

describe("who sees and who acts", () => {
  let ferry: Json;

  it("shows a shipment to the shipper, receiver, carriers and hubs it passes; others get 404", async () => {
    ferry = await create([{ epc: lot.lgtin, kg: 100 }], {
      route: "ferry",
      receiverOrganisationId: orgs.pasarJaya,
      destinationSiteCode: "pasar-induk-kramat-jati",
      legs: [{ seq: 3, carrierOrganisationId: orgs.carrier, vehicle: "B 9012 KX" }],
    });
    const url = `/api/v1/shipments/${ferry.id}`;
    for (const who of ["koperasi", "pasarJaya", "carrier", "admin"]) ok(await call(tokens[who], "GET", url));
    // Food Station, the UMKM and the hubs (a ferry passes neither) do not see it.
    for (const who of ["bumd", "umkm", "hub_operator", "hubPriok", "dinas"]) {
      expectProblem(await call(tokens[who], "GET", url), 404, "shipments.not_found");
    }
    expectProblem(await call(tokens.umkm, "POST", `${url}/dispatch`), 404, "shipments.not_found");
    expectProblem(
      await call(tokens.umkm, "POST", `${url}/receive`, {
        lines: [{ lineNo: 1, acceptedKg: 100, rejectedKg: 0 }],
      }),
      404,
      "shipments.not_found",
    );
    // The receiver sees it but does not dispatch it.
    expectProblem(await call(tokens.pasarJaya, "POST", `${url}/dispatch`), 403, "auth.forbidden");
    expect(
      ok(await call(tokens.pasarJaya, "GET", "/api/v1/shipments?role=received")).items.map((s: Json) => s.id),
    ).toEqual([ferry.id]);
    expect(ok(await call(tokens.pasarJaya, "GET", "/api/v1/shipments?role=sent")).items).toEqual([]);
    expect(ok(await call(tokens.umkm, "GET", "/api/v1/shipments")).items).toEqual([]);
    expect(
      ok(await call(tokens.hubPriok, "GET", "/api/v1/shipments")).items.map((s: Json) => s.route),
    ).not.toContain("ferry");
    expect(
      ok(await call(tokens.carrier, "GET", "/api/v1/shipments?role=carrying")).items.map((s: Json) => s.id),
    ).toContain(ferry.id);
    const mine = ok(await call(tokens.koperasi, "GET", "/api/v1/shipments?role=sent&status=planned&limit=1"));
    expect(mine.items).toHaveLength(1);
    expect(mine.nextCursor).not.toBeNull();
    const next = ok(
      await call(
        tokens.koperasi,
        "GET",
        `/api/v1/shipments?role=sent&status=planned&limit=1&cursor=${mine.nextCursor}`,
      ),
    );
    expect(next.items[0].id).not.toBe(mine.items[0].id);
  });

  it("records legs by their carrier or, for the shipper's own truck and the ferry, the shipper", async () => {
    const url = `/api/v1/shipments/${ferry.id}`;
    expectProblem(
      await call(tokens.koperasi, "POST", `${url}/legs/1/arrive`),
      409,
      "shipments.invalid_state",
    );
    expectProblem(
      await call(tokens.pasarJaya, "POST", `${url}/receive`, {
        lines: [{ lineNo: 1, acceptedKg: 100, rejectedKg: 0 }],
      }),
      409,
      "shipments.not_dispatched",
    );
    clock.set(new Date("2025-04-15T07:00:00+07:00"));
    let s = ok(await call(tokens.koperasi, "POST", `${url}/dispatch`));
    expectProblem(
      await call(tokens.koperasi, "POST", `${url}/dispatch`),
      409,
      "shipments.already_dispatched",
    );
    expect(s.can).toMatchObject({ arriveLeg: 1, departLeg: null });
    // Leg 2 cannot leave before leg 1 arrives; the carrier of leg 3 cannot record leg 1.
    expectProblem(
      await call(tokens.koperasi, "POST", `${url}/legs/2/depart`),
      409,
      "shipments.invalid_state",
    );
    expectProblem(await call(tokens.carrier, "POST", `${url}/legs/1/arrive`), 403, "auth.forbidden");
    expectProblem(
      await call(tokens.koperasi, "POST", `${url}/legs/9/arrive`),
      404,
      "shipments.leg_not_found",
    );

    clock.set(new Date("2025-04-15T11:00:00+07:00"));
    s = ok(await call(tokens.koperasi, "POST", `${url}/legs/1/arrive`));
    expect(s).toMatchObject({ status: "in_transit", current: { name: "Pelabuhan Penyeberangan Bakauheni" } });
    // Arrived 11:00 (planned 10:30): the ferry after the queue at 12:00, Merak 14:00, Kramat Jati 17:30.
    expect(s.eta).toBe(new Date("2025-04-15T17:30:00+07:00").toISOString());
    clock.set(new Date("2025-04-15T12:15:00+07:00"));
    ok(await call(tokens.koperasi, "POST", `${url}/legs/2/depart`));
    clock.set(new Date("2025-04-15T14:10:00+07:00"));
    ok(await call(tokens.koperasi, "POST", `${url}/legs/2/arrive`));
    expectProblem(await call(tokens.koperasi, "POST", `${url}/legs/3/depart`), 403, "auth.forbidden");
    clock.set(new Date("2025-04-15T14:20:00+07:00"));
    s = ok(await call(tokens.carrier, "POST", `${url}/legs/3/depart`));
    expect(s.legs.map((l: Json) => l.status)).toEqual(["arrived", "arrived", "underway"]);
    expect(s.eta).toBe(new Date("2025-04-15T17:50:00+07:00").toISOString());
    clock.set(new Date("2025-04-15T17:40:00+07:00"));
    s = ok(await call(tokens.carrier, "POST", `${url}/legs/3/arrive`));
    expect(s).toMatchObject({
      status: "arrived",
      current: { name: "Pasar Induk Kramat Jati" },
      can: { arriveLeg: null },
    });
    expect(ok(await call(tokens.pasarJaya, "GET", url)).can.receive).toBe(true);
  });

  it("checks every line of a proof of delivery and refuses receiving twice", async () => {
    const url = `/api/v1/shipments/${ferry.id}/receive`;
    // accepted + rejected ≠ shipped
    let res = await call(tokens.pasarJaya, "POST", url, {
      lines: [{ lineNo: 1, acceptedKg: 90, rejectedKg: 5, reason: "basah" }],
    });
    expect(fields(res, "shipments.invalid_receipt")).toEqual(["body/lines/0/acceptedKg"]);
    expect(res.json().detail).toContain("line 1");
    // a rejection without a reason
    res = await call(tokens.pasarJaya, "POST", url, {
      lines: [{ lineNo: 1, acceptedKg: 90, rejectedKg: 10 }],
    });
    expect(fields(res, "shipments.invalid_receipt")).toEqual(["body/lines/0/reason"]);
    // a line left out, a line that is not one
    res = await call(tokens.pasarJaya, "POST", url, {
      lines: [{ lineNo: 2, acceptedKg: 100, rejectedKg: 0 }],
    });
    expect(fields(res, "shipments.invalid_receipt")).toEqual(["body/lines/0/lineNo", "body/lines"]);
    // a photo that is not an image
    res = await call(tokens.pasarJaya, "POST", url, {
      lines: [{ lineNo: 1, acceptedKg: 100, rejectedKg: 0 }],
      photo: `data:image/jpeg;base64,${Buffer.from("not a jpeg at all").toString("base64")}`,
    });
    expect(fields(res, "shipments.invalid_receipt")).toEqual(["body/photo"]);
    expect(ok(await call(tokens.pasarJaya, "GET", `/api/v1/shipments/${ferry.id}`)).status).toBe("arrived");

    const s = ok(
      await call(tokens.pasarJaya, "POST", url, {
        lines: [{ lineNo: 1, acceptedKg: 0, rejectedKg: 100, reason: "Gabah berjamur" }],
      }),
    );
    expect(s.status).toBe("rejected");
    expectProblem(
      await call(tokens.pasarJaya, "POST", url, { lines: [{ lineNo: 1, acceptedKg: 100, rejectedKg: 0 }] }),
      409,
      "shipments.already_received",
    );
    expectProblem(
      await call(tokens.carrier, "POST", `/api/v1/shipments/${ferry.id}/legs/3/arrive`),
      409,
      "shipments.already_received",
    );
  });
});

describe("the projection follows raw EPCIS captures too", () => {
  let s: Json;

  beforeAll(async () => {
    s = await create([{ epc: lot.lgtin, kg: 50 }], {
      route: "direct",
      destinationSiteCode: "gudang-bersama-lampung",
      receiverOrganisationId: orgs.umkm,
    });
  });

  function observe(bizStep: string, disposition: string, extra: Json = {}) {
    return {
      type: "ObjectEvent",
      eventTime: "2025-04-15T16:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      action: "OBSERVE",
      bizStep,
      disposition,
      quantityList: [{ epcClass: lot.lgtin, quantity: 50, uom: "KGM" }],
      bizTransactionList: [{ type: "desadv", bizTransaction: s.desadv }],
      ...extra,
    };
  }

  async function capture(token: string | undefined, events: Json[]) {
    return t.app.inject({
      method: "POST",
      url: "/epcis/capture",
      headers: { ...bearer(token ?? ""), "content-type": "application/ld+json" },
      payload: doc(events),
    });
  }

  it("moves the shipment on a scanner's shipping event, and refuses a receipt by anyone but the receiver", async () => {
    expect((await capture(tokens.koperasi, [observe("shipping", "in_transit")])).statusCode).toBe(202);
    expect(ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${s.id}`)).status).toBe("in_transit");
    const stranger = await capture(tokens.koperasi, [observe("receiving", "sellable_not_accessible")]);
    expectProblem(stranger, 409, "shipments.not_receiver");
    const tooMuch = await capture(tokens.umkm, [
      observe("receiving", "sellable_not_accessible", {
        quantityList: [{ epcClass: lot.lgtin, quantity: 60, uom: "KGM" }],
      }),
    ]);
    expectProblem(tooMuch, 409, "shipments.over_received");
    const fine = await capture(tokens.umkm, [
      observe("receiving", "sellable_not_accessible", {
        bizTransactionList: [
          { type: "desadv", bizTransaction: s.desadv },
          { type: "recadv", bizTransaction: "urn:epcglobal:cbv:bt:8990000000013:TT-RAW-1" },
        ],
      }),
    ]);
    expect(fine.statusCode, fine.body).toBe(202);
    const after = ok(await call(tokens.umkm, "GET", `/api/v1/shipments/${s.id}`));
    expect(after).toMatchObject({ status: "delivered", totals: { acceptedKg: 50, rejectedKg: 0 } });
    expect(after.proofOfDelivery.recadv).toBe("urn:epcglobal:cbv:bt:8990000000013:TT-RAW-1");
  });

  it("surfaces the warehouse ledger's refusal of stock that is not there, unchanged, storing nothing", async () => {
    const fromWarehouse = await create([{ epc: lot.lgtin, kg: 5 }], {
      originSiteCode: "gudang-bersama-lampung",
      route: "roro",
    });
    const res = await call(tokens.koperasi, "POST", `/api/v1/shipments/${fromWarehouse.id}/dispatch`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toMatch(/^warehouse\./);
    const after = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${fromWarehouse.id}`));
    expect(after).toMatchObject({ status: "planned", history: [] });
  });

  it("passes any projection's refusal through unchanged", async () => {
    const refused = await create([{ epc: lot.lgtin, kg: 5 }], {
      route: "direct",
      destinationSiteCode: "gudang-bersama-lampung",
      receiverOrganisationId: orgs.umkm,
    });
    t.app.services.epcis.addProjector({
      name: "test-refuser",
      async project(_tx, events) {
        for (const e of events) {
          if (e.bizStep === "shipping" && e.bizTransactions.some((b) => b.value === refused.desadv)) {
            throw new AppError("shipments.invalid_state", "Ditolak oleh proyeksi lain");
          }
        }
      },
    });
    const res = await call(tokens.koperasi, "POST", `/api/v1/shipments/${refused.id}/dispatch`);
    expect(expectProblem(res, 409, "shipments.invalid_state").detail).toBe("Ditolak oleh proyeksi lain");
    const after = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${refused.id}`));
    expect(after).toMatchObject({ status: "planned", history: [] });
  });
});
