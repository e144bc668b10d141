import { beforeAll, describe, expect, it } from "vitest";
import { epcUriToDigitalLink } from "../../src/modules/epcis";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";
import { commissioning, doc, ids, milling, packing, shipping } from "../support/epcis";

const t = useTestApp();

const CASSAVA = ids.lot("SKG-0415-A");
const CASSAVA_B = ids.lot("SKG-0415-B");
const TAPIOCA = ids.lot("TPK-0420-1");
const PALLET = ids.sscc("5001");
const PALLET_OUT = ids.sscc("5002");

function hop(bizStep: string, disposition: string, epc: string, time: string, location: string, extra = {}) {
  return {
    type: "ObjectEvent",
    eventTime: time,
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep,
    disposition,
    epcList: [epc],
    readPoint: { id: location },
    bizLocation: { id: location },
    ...extra,
  };
}

beforeAll(async () => {
  const koperasi = await t.login(DEMO_EMAILS.koperasi);
  // J1: harvest → pallet → truck → Panjang → ro-ro → Priok → shared warehouse
  const j1 = await t.app.inject({
    method: "POST",
    url: "/epcis/capture",
    headers: { ...bearer(koperasi), "content-type": "application/ld+json" },
    payload: doc([
      commissioning("SKG-0415-A", 10_000, {
        eventTime: "2025-04-15T06:00:00+07:00",
        ilmd: {
          "lb:harvestDate": "2025-04-14",
          "lb:villageCode": "18.72.01.1001",
          "lb:grade": "premium",
          "lb:farmGatePrice": 1450,
          "lb:commodity": "singkong",
        },
      }),
      commissioning("SKG-0415-B", 8_000, { eventTime: "2025-04-15T06:30:00+07:00" }),
      packing("5001", "SKG-0415-A", 10_000, {
        eventTime: "2025-04-15T09:00:00+07:00",
        childQuantityList: [
          { epcClass: CASSAVA, quantity: 10_000, uom: "KGM" },
          { epcClass: CASSAVA_B, quantity: 8_000, uom: "KGM" },
        ],
      }),
      shipping("5001", "PO-42", { eventTime: "2025-04-15T10:00:00+07:00" }),
      hop("arriving", "in_progress", PALLET, "2025-04-15T14:00:00+07:00", ids.site("201", "1")),
      hop("departing", "in_transit", PALLET, "2025-04-15T23:00:00+07:00", ids.site("201", "2")),
      hop("arriving", "in_progress", PALLET, "2025-04-16T08:00:00+07:00", ids.site("202", "1")),
      hop("receiving", "sellable_not_accessible", PALLET, "2025-04-16T12:00:00+07:00", ids.site("203"), {
        destinationList: [{ type: "owning_party", destination: ids.party("2") }],
      }),
    ]),
  });
  expect(j1.statusCode, j1.body).toBe(202);
  // J5: the mill turns cassava into tapioca, which is packed and shipped on
  const j5 = await t.app.inject({
    method: "POST",
    url: "/epcis/capture",
    headers: { ...bearer(koperasi), "content-type": "application/ld+json" },
    payload: doc([
      milling("SKG-0415-A", "TPK-0420-1", 10_000, 2_500),
      packing("5002", "TPK-0420-1", 2_500, {
        eventTime: "2025-04-21T09:00:00+07:00",
        readPoint: { id: ids.site("301") },
      }),
      hop("retail_selling", "retail_sold", PALLET_OUT, "2025-04-25T10:00:00+07:00", ids.site("401")),
    ]),
  });
  expect(j5.statusCode, j5.body).toBe(202);
});

describe("trace", () => {
  it("walks a product upstream to the farms and harvest lots it came from", async () => {
    const bumd = await t.login(DEMO_EMAILS.bumd);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/trace?epc=${encodeURIComponent(PALLET_OUT)}`,
      headers: bearer(bumd),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.kind).toBe("container");
    expect(body.upstream.map((n: { epc: string }) => n.epc)).toEqual(
      expect.arrayContaining([TAPIOCA, CASSAVA]),
    );
    expect(body.upstream.map((n: { epc: string }) => n.epc)).not.toContain(CASSAVA_B);
    expect(body.origins).toEqual([
      expect.objectContaining({
        lot: CASSAVA,
        quantity: 10_000,
        uom: "KGM",
        facts: {
          harvestDate: "2025-04-14",
          villageCode: "18.72.01.1001",
          grade: "premium",
          farmGatePrice: 1450,
          commodity: "singkong",
        },
      }),
    ]);
    expect(body.current).toMatchObject({ bizStep: "retail_selling", disposition: "retail_sold" });
  });

  it("walks a harvest lot downstream through pallets, the ro-ro hop and the mill, in time order", async () => {
    const dinas = await t.login(DEMO_EMAILS.dinas);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/trace?epc=${encodeURIComponent(CASSAVA)}`,
      headers: bearer(dinas),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const down = Object.fromEntries(
      body.downstream.map((n: { epc: string; depth: number }) => [n.epc, n.depth]),
    );
    expect(down).toMatchObject({ [PALLET]: 1, [TAPIOCA]: 1, [PALLET_OUT]: 2 });
    const steps = body.journey.map((s: { bizStep: string }) => s.bizStep);
    expect(steps).toEqual([
      "commissioning",
      "packing",
      "shipping",
      "arriving",
      "departing",
      "arriving",
      "receiving",
      "commissioning",
      "packing",
      "retail_selling",
    ]);
    const times = body.journey.map((s: { eventTime: string }) => new Date(s.eventTime).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const pallet = body.downstream.find((n: { epc: string }) => n.epc === PALLET);
    expect(pallet.lastSeen).toMatchObject({ bizStep: "receiving", owner: ids.party("2") });
  });

  it("accepts the GS1 Digital Link printed on the QR", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const link = epcUriToDigitalLink(CASSAVA);
    expect(link).toMatch(/\/01\/\d{14}\/10\/SKG-0415-A$/);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/trace?epc=${encodeURIComponent(String(link).replace("https://id.gs1.org", "https://lumbung.go.id"))}`,
      headers: bearer(koperasi),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().epc).toBe(CASSAVA);
  });

  it("lists what a recall must reach, as JSON and as CSV", async () => {
    const dinas = await t.login(DEMO_EMAILS.dinas);
    const json = await t.app.inject({
      method: "GET",
      url: `/api/v1/trace/recall?epc=${encodeURIComponent(CASSAVA)}`,
      headers: bearer(dinas),
    });
    expect(
      json
        .json()
        .affected.map((a: { epc: string }) => a.epc)
        .sort(),
    ).toEqual([PALLET, PALLET_OUT, TAPIOCA].sort());
    const csv = await t.app.inject({
      method: "GET",
      url: `/api/v1/trace/recall?epc=${encodeURIComponent(CASSAVA)}&format=csv`,
      headers: bearer(dinas),
    });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split("\n");
    expect(lines[0]).toBe("epc,kind,depth,lastSeenAt,lastBizStep,lastDisposition,location,owner");
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain(`${PALLET_OUT},container,2,`);
  });

  it("answers 404 for an identifier no event names and 400 for something that is no identifier", async () => {
    const bumd = await t.login(DEMO_EMAILS.bumd);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/v1/trace?epc=${encodeURIComponent(ids.lot("NOPE"))}`,
        headers: bearer(bumd),
      }),
      404,
      "trace.unknown_epc",
    );
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/trace?epc=karung-beras-12", headers: bearer(bumd) }),
      400,
      "trace.bad_identifier",
    );
    const warga = await t.login(DEMO_EMAILS.warga);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/v1/trace?epc=${encodeURIComponent(CASSAVA)}`,
        headers: bearer(warga),
      }),
      403,
      "auth.forbidden",
    );
  });
});

describe("public trace (behind the QR, no sign-in)", () => {
  it("shows origin, producer organisation, village, journey and farm-gate price, and no personal data", async () => {
    const link = String(epcUriToDigitalLink(PALLET_OUT));
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/public/trace?epc=${encodeURIComponent(link)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.origins).toEqual([
      {
        lot: CASSAVA,
        commodity: { code: "singkong", name: "Singkong (ubi kayu)", nameEn: "Cassava" },
        quantity: 10_000,
        uom: "KGM",
        harvestDate: "2025-04-14",
        grade: "premium",
        village: { code: "18.72.01.1001", name: expect.any(String) },
        district: { code: "18.72.01", name: "Metro Pusat" },
        regency: expect.objectContaining({ code: "18.72", name: "Kota Metro" }),
        producer: "Gapoktan Sari Makmur",
        farmGatePricePerKg: 1450,
      },
    ]);
    expect(body.journey.at(-1)).toMatchObject({ step: "retail_selling", disposition: "retail_sold" });
    expect(
      body.journey.filter((s: { eventType: string }) => s.eventType === "TransformationEvent"),
    ).toHaveLength(1);
    expect(body.journey.length).toBe(10);
    // Nobody is named: not the user who captured, not an email.
    expect(res.body).not.toMatch(/Siti Rahayu|@lumbung\.test|usr_/);
  });

  it("answers 404 for an unknown code without a sign-in", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/public/trace?epc=${encodeURIComponent(ids.lot("UNKNOWN"))}`,
    });
    expectProblem(res, 404, "trace.unknown_epc");
  });
});
