import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

const RESOLVER = "https://lumbung.lampungprov.go.id";
// Tuesday 15 April 2025, 06:00 WIB: the koperasi packs in the morning and the truck leaves.
const clock = fixedClock(new Date("2025-04-15T06:00:00+07:00"));
const t = useTestApp({ clock, config: { LUMBUNG_PUBLIC_URL: RESOLVER } });

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely here; the route schemas type them
type Json = Record<string, any>;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};

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

async function declareLot(kg: string, token = tokens.koperasi as string): Promise<Json> {
  return ok(
    await call(token, "POST", "/api/v1/lots", {
      commodityCode: "gabah-kering-panen",
      quantity: kg,
      unit: "kg",
      harvestDate: "2025-04-14",
      villageCode: "18.72.01.1001",
      grade: "premium",
      farmGatePrice: 6500,
    }),
    201,
  );
}

async function events(token: string, qs: string): Promise<Json[]> {
  const res = await call(token, "GET", `/epcis/events?${qs}`);
  return ok(res).epcisBody.queryResults.resultsBody.eventList;
}

function shipmentBody(lines: Json[], overrides: Json = {}): Json {
  return {
    receiverOrganisationId: orgs.foodStation,
    destinationSiteCode: "gudang-bersama-jakarta",
    route: "roro",
    lines,
    plannedDeparture: "2025-04-15T06:30:00+07:00",
    ...overrides,
  };
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
  orgs.gapoktan = id("Gapoktan Sari Makmur");
  expect(Object.values(orgs).every(Boolean)).toBe(true);
});

describe("J1 through the API: Gapoktan Sari Makmur → ro-ro → Food Station, Cipinang", () => {
  const j1: Json = {};

  it("packs part of a declared lot into a pallet with a new SSCC (AggregationEvent ADD)", async () => {
    j1.lot = await declareLot("1000");
    const packed = ok(
      await call(tokens.koperasi, "POST", "/api/v1/packing", {
        containerType: "pallet",
        lines: [{ lotId: j1.lot.id, kg: 600 }],
      }),
      201,
    );
    expect(packed.sscc).toMatch(/^\d{18}$/);
    expect(packed.epc).toMatch(/^urn:epc:id:sscc:8990000\./);
    expect(packed.digitalLink).toBe(`${RESOLVER}/00/${packed.sscc}`);
    expect(packed).toMatchObject({ containerType: "pallet", kg: 600, location: j1.lot.farm.sgln });
    j1.pallet = packed;

    const [event] = await events(
      tokens.koperasi as string,
      `MATCH_parentID=${encodeURIComponent(packed.epc)}`,
    );
    expect(event).toMatchObject({
      type: "AggregationEvent",
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: packed.epc,
      childQuantityList: [{ epcClass: j1.lot.lgtin, quantity: 600, uom: "KGM" }],
      bizLocation: { id: j1.lot.farm.sgln },
    });

    const mine = ok(await call(tokens.koperasi, "GET", "/api/v1/packing"));
    expect(mine.items.find((c: Json) => c.epc === packed.epc)).toMatchObject({ kg: 600, onShipment: null });
  });

  it("refuses packing more of the lot than is left", async () => {
    const res = await call(tokens.koperasi, "POST", "/api/v1/packing", {
      containerType: "sack",
      lines: [{ lotId: j1.lot.id, kg: 401 }],
    });
    const problem = expectProblem(res, 400, "shipments.invalid_packing");
    expect(problem.errors?.[0]?.field).toBe("body/lines/0/kg");
    expect(problem.detail).toContain("400 kg");
  });

  it("creates a roro shipment with three planned legs and a surat jalan number", async () => {
    const res = await call(
      tokens.koperasi,
      "POST",
      "/api/v1/shipments",
      shipmentBody([{ sscc: j1.pallet.sscc }, { epc: j1.lot.lgtin, kg: 400 }], {
        poReference: "PO-FS-2025-0412",
        legs: [
          { seq: 1, carrierOrganisationId: orgs.carrier, vehicle: "BE 8123 AU" },
          { seq: 2, vehicle: "KMP Jatra II" },
          { seq: 3, carrierOrganisationId: orgs.carrier, vehicle: "B 9012 KX" },
        ],
      }),
    );
    const s = ok(res, 201);
    expect(res.headers.location).toBe(`/api/v1/shipments/${s.id}`);
    expect(s.number).toBe("SJ-202504-000001");
    expect(s.desadv).toMatch(/^urn:epcglobal:cbv:bt:8990000\d{6}:SJ-202504-000001$/);
    expect(s.poReference).toMatch(/^urn:epcglobal:cbv:bt:8990000\d{6}:PO-FS-2025-0412$/);
    expect(s).toMatchObject({
      status: "planned",
      route: "roro",
      shipper: { id: orgs.gapoktan, name: "Gapoktan Sari Makmur" },
      receiver: { id: orgs.foodStation, name: "PT Food Station Tjipinang Jaya" },
      origin: { sgln: j1.lot.farm.sgln, name: "Kebun Gapoktan Sari Makmur" },
      destination: { name: "Gudang Bersama Jakarta (Cipinang)" },
      totals: { lines: 2, shippedKg: 1000, acceptedKg: null },
      can: { dispatch: true, cancel: true, receive: false },
    });
    expect(s.lines.map((l: Json) => [l.lineNo, l.kind, l.shippedKg])).toEqual([
      [1, "container", 600],
      [2, "lot", 400],
    ]);
    expect(s.lines[1].description).toContain("Gabah kering panen");
    expect(s.lines[0].digitalLink).toBe(j1.pallet.digitalLink);
    expect(s.lines[1].digitalLink).toBe(j1.lot.digitalLink);
    // Metro → Panjang 2 h; 2 h handling, then the 15:00 sailing (9 h); 1 h at Priok, 1 h to Cipinang.
    expect(
      s.legs.map((l: Json) => [l.seq, l.mode, l.from.name, l.to.name, l.carrier.name, l.vehicle]),
    ).toEqual([
      [
        1,
        "truck",
        "Kebun Gapoktan Sari Makmur",
        "Hub Pelabuhan Panjang",
        "PT Angkutan Sumatera Jawa",
        "BE 8123 AU",
      ],
      [
        2,
        "roro",
        "Hub Pelabuhan Panjang",
        "Hub Pelabuhan Tanjung Priok",
        "Kapal ro-ro Panjang–Tanjung Priok",
        "KMP Jatra II",
      ],
      [
        3,
        "truck",
        "Hub Pelabuhan Tanjung Priok",
        "Gudang Bersama Jakarta (Cipinang)",
        "PT Angkutan Sumatera Jawa",
        "B 9012 KX",
      ],
    ]);
    expect(s.legs.map((l: Json) => [l.plannedDeparture, l.plannedArrival])).toEqual([
      [
        new Date("2025-04-15T06:30:00+07:00").toISOString(),
        new Date("2025-04-15T08:30:00+07:00").toISOString(),
      ],
      [
        new Date("2025-04-15T15:00:00+07:00").toISOString(),
        new Date("2025-04-16T00:00:00+07:00").toISOString(),
      ],
      [
        new Date("2025-04-16T01:00:00+07:00").toISOString(),
        new Date("2025-04-16T02:00:00+07:00").toISOString(),
      ],
    ]);
    expect(s.eta).toBe(new Date("2025-04-16T02:00:00+07:00").toISOString());
    j1.shipment = s;
    // Nothing is captured before dispatch.
    expect(await events(tokens.koperasi as string, `EQ_bizStep=shipping`)).toHaveLength(0);
  });

  it("dispatches: shipping with po + desadv, parties and places, and leg 1 departing with the carrier", async () => {
    clock.set(new Date("2025-04-15T06:40:00+07:00"));
    const s = ok(await call(tokens.koperasi, "POST", `/api/v1/shipments/${j1.shipment.id}/dispatch`));
    expect(s).toMatchObject({ status: "in_transit", dispatchedAt: clock.now().toISOString() });
    expect(s.legs[0]).toMatchObject({ status: "underway", actualDeparture: clock.now().toISOString() });
    expect(s.history.map((h: Json) => h.bizStep)).toEqual(["shipping", "departing"]);

    const list = await events(tokens.koperasi as string, `EQ_bizStep=shipping`);
    expect(list).toHaveLength(1);
    const shipping = list[0] as Json;
    expect(shipping).toMatchObject({
      type: "ObjectEvent",
      action: "OBSERVE",
      disposition: "in_transit",
      epcList: [j1.pallet.epc],
      quantityList: [{ epcClass: j1.lot.lgtin, quantity: 400, uom: "KGM" }],
      bizLocation: { id: j1.lot.farm.sgln },
      bizTransactionList: [
        { type: "po", bizTransaction: j1.shipment.poReference },
        { type: "desadv", bizTransaction: j1.shipment.desadv },
      ],
      "lb:shipment": j1.shipment.number,
    });
    expect(shipping.sourceList).toEqual([
      { type: "owning_party", source: expect.stringMatching(/^urn:epc:id:pgln:/) },
      { type: "location", source: j1.lot.farm.sgln },
    ]);
    expect(shipping.destinationList).toEqual([
      { type: "owning_party", destination: expect.stringMatching(/^urn:epc:id:pgln:/) },
      { type: "location", destination: s.destination.sgln },
    ]);
    const [departing] = await events(tokens.carrier as string, `EQ_bizStep=departing`);
    expect(departing).toMatchObject({
      disposition: "in_transit",
      sourceList: [
        { type: "possessing_party", source: expect.stringMatching(/^urn:epc:id:pgln:/) },
        { type: "location", source: j1.lot.farm.sgln },
      ],
      "lb:leg": 1,
    });
    expect((departing as Json).bizTransactionList).toContainEqual({
      type: "bol",
      bizTransaction: expect.stringMatching(/:SJ-202504-000001-L1$/),
    });
    // The receiver sees the shipment addressed to it; the carrier the leg it carries.
    expect(ok(await call(tokens.bumd, "GET", `/api/v1/shipments/${s.id}`)).number).toBe(s.number);
    expect(
      ok(await call(tokens.carrier, "GET", "/api/v1/shipments?role=carrying")).items.map((x: Json) => x.id),
    ).toContain(s.id);
  });

  it("arrives at Panjang when the hub scans the pallet's SSCC, then inspects it", async () => {
    clock.set(new Date("2025-04-15T08:50:00+07:00"));
    const scan = ok(
      await call(tokens.hub_operator, "POST", "/api/v1/hubs/hub-panjang/scan", { code: j1.pallet.sscc }),
    );
    expect(scan.shipments).toEqual([expect.objectContaining({ number: j1.shipment.number, recorded: true })]);
    expect(scan.shipments[0].entry.visit).toMatchObject({ state: "arrived", dwellMinutes: 0 });

    const [arriving] = await events(tokens.hub_operator as string, `EQ_bizStep=arriving`);
    expect(arriving).toMatchObject({
      disposition: "in_progress",
      bizLocation: { id: expect.stringMatching(/\.dock$/) },
    });

    clock.advance(20 * 60_000);
    const inspected = ok(
      await call(
        tokens.hub_operator,
        "POST",
        `/api/v1/hubs/hub-panjang/shipments/${j1.shipment.id}/inspect`,
        {
          outcome: "conformant",
          lines: [{ lineNo: 2, kg: 398 }],
        },
      ),
    );
    expect(inspected.visit).toMatchObject({
      state: "inspected",
      inspectionOutcome: "conformant",
      inspectionLossKg: 2,
      dwellMinutes: 20,
    });
    const s = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${j1.shipment.id}`));
    expect(s).toMatchObject({ status: "at_hub", current: { name: "Hub Pelabuhan Panjang" } });
    expect(s.legs[0]).toMatchObject({
      status: "arrived",
      actualArrival: new Date("2025-04-15T08:50:00+07:00").toISOString(),
    });
  });

  it("holds (no dispatch while held: 409), releases, cross-docks and loads onto the ro-ro", async () => {
    const base = `/api/v1/hubs/hub-panjang/shipments/${j1.shipment.id}`;
    clock.advance(10 * 60_000);
    const held = ok(
      await call(tokens.hub_operator, "POST", `${base}/hold`, { reason: "Dokumen karantina belum lengkap" }),
    );
    expect(held.visit).toMatchObject({ state: "held", holdReason: "Dokumen karantina belum lengkap" });
    expect(ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${j1.shipment.id}`))).toMatchObject({
      status: "held",
      heldReason: "Dokumen karantina belum lengkap",
    });
    expectProblem(await call(tokens.hub_operator, "POST", `${base}/dispatch`), 409, "shipments.held");
    expectProblem(await call(tokens.hub_operator, "POST", `${base}/cross-dock`), 409, "shipments.held");
    expectProblem(
      await call(tokens.hub_operator, "POST", `${base}/hold`, { reason: "lagi" }),
      409,
      "shipments.invalid_state",
    );
    // Not the receiver's to take while held, either.
    expectProblem(
      await call(tokens.bumd, "POST", `/api/v1/shipments/${j1.shipment.id}/receive`, {
        lines: [
          { lineNo: 1, acceptedKg: 600, rejectedKg: 0 },
          { lineNo: 2, acceptedKg: 400, rejectedKg: 0 },
        ],
      }),
      409,
      "shipments.held",
    );
    const [holding] = await events(tokens.hub_operator as string, `EQ_bizStep=holding`);
    expect(holding).toMatchObject({
      disposition: "sellable_not_accessible",
      "lb:reason": "Dokumen karantina belum lengkap",
    });

    clock.advance(60 * 60_000);
    const released = ok(
      await call(tokens.hub_operator, "POST", `${base}/release`, { reason: "Dokumen lengkap" }),
    );
    expect(released.visit.state).toBe("inspected");
    expectProblem(await call(tokens.hub_operator, "POST", `${base}/release`), 409, "shipments.invalid_state");

    clock.set(new Date("2025-04-15T13:00:00+07:00"));
    expect(ok(await call(tokens.hub_operator, "POST", `${base}/cross-dock`)).visit.state).toBe("staged");
    const queue = ok(await call(tokens.hub_operator, "GET", "/api/v1/hubs/hub-panjang/queue"));
    expect(queue.onSite.staged.map((e: Json) => e.number)).toEqual([j1.shipment.number]);
    expect(queue.onSite.staged[0].visit.dwellMinutes).toBe(250);

    clock.set(new Date("2025-04-15T15:00:00+07:00"));
    const gone = ok(await call(tokens.hub_operator, "POST", `${base}/dispatch`));
    expect(gone.status).toBe("in_transit");
    const s = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${j1.shipment.id}`));
    expect(s.legs[1]).toMatchObject({ status: "underway", actualDeparture: clock.now().toISOString() });
    expect(s.eta).toBe(new Date("2025-04-16T02:00:00+07:00").toISOString());
    expect(s.hubVisits[0]).toMatchObject({ departedAt: clock.now().toISOString(), dwellMinutes: 370 });
    // Priok expects it, with the ro-ro's arrival as ETA.
    const priok = ok(await call(tokens.hubPriok, "GET", "/api/v1/hubs/hub-priok/queue"));
    expect(priok.expected.map((e: Json) => [e.number, e.inbound.mode, e.inbound.eta])).toEqual([
      [j1.shipment.number, "roro", new Date("2025-04-16T00:00:00+07:00").toISOString()],
    ]);
  });

  it("arrives at Priok late (scanned by shipment number), re-estimates the ETA and goes on by truck", async () => {
    clock.set(new Date("2025-04-16T01:30:00+07:00"));
    const scan = ok(
      await call(tokens.hubPriok, "POST", "/api/v1/hubs/hub-priok/scan", {
        code: j1.shipment.number.toLowerCase(),
      }),
    );
    expect(scan.shipments[0]).toMatchObject({ recorded: true });
    // Scanning again records nothing more.
    const again = ok(
      await call(tokens.hubPriok, "POST", "/api/v1/hubs/hub-priok/scan", { code: j1.pallet.digitalLink }),
    );
    expect(again.shipments[0]).toMatchObject({ recorded: false });
    let s = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${j1.shipment.id}`));
    // 01:30 + 1 h handling + 1 h to Cipinang.
    expect(s).toMatchObject({ status: "at_hub", eta: new Date("2025-04-16T03:30:00+07:00").toISOString() });

    clock.set(new Date("2025-04-16T02:30:00+07:00"));
    ok(await call(tokens.hubPriok, "POST", `/api/v1/hubs/hub-priok/shipments/${j1.shipment.id}/dispatch`));
    s = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${j1.shipment.id}`));
    expect(s.legs[2]).toMatchObject({ status: "underway" });
    expect(s.eta).toBe(new Date("2025-04-16T03:30:00+07:00").toISOString());
  });

  it("is received by Food Station with a proof of delivery; custody passes, figures per line", async () => {
    clock.set(new Date("2025-04-16T03:40:00+07:00"));
    const url = `/api/v1/shipments/${j1.shipment.id}/receive`;
    // The shipper cannot sign for the receiver.
    expectProblem(
      await call(tokens.koperasi, "POST", url, { lines: [{ lineNo: 1, acceptedKg: 600, rejectedKg: 0 }] }),
      403,
      "auth.forbidden",
    );
    const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]).toString("base64")}`;
    const res = await call(tokens.bumd, "POST", url, {
      lines: [
        { lineNo: 1, acceptedKg: 600, rejectedKg: 0 },
        {
          lineNo: 2,
          acceptedKg: 392.5,
          rejectedKg: 7.5,
          reason: "Karung sobek, gabah basah",
          rejectedAs: "damaged",
        },
      ],
      receiverName: "Rina Hartono",
      signature: png,
    });
    if (res.statusCode === 409 && res.json().code?.startsWith("warehouse.")) {
      throw new Error(
        `the warehouse ledger refused the receipt at Cipinang (is Food Station a tenant?): ${res.body}`,
      );
    }
    const s = ok(res);
    expect(s).toMatchObject({
      status: "partially_delivered",
      deliveredAt: clock.now().toISOString(),
      totals: { shippedKg: 1000, acceptedKg: 992.5, rejectedKg: 7.5 },
      proofOfDelivery: { receiverName: "Rina Hartono", signature: png, photo: null },
      can: { receive: false },
    });
    expect(s.proofOfDelivery.recadv).toMatch(/:TT-202504-000001$/);
    expect(s.lines[1]).toMatchObject({
      acceptedKg: 392.5,
      rejectedKg: 7.5,
      rejectionReason: "Karung sobek, gabah basah",
    });
    expect(s.legs[2]).toMatchObject({ status: "arrived", actualArrival: clock.now().toISOString() });

    const receiving = await events(tokens.bumd as string, "EQ_bizStep=receiving");
    expect(receiving).toHaveLength(2);
    const accepted = receiving.find((e) => e.disposition === "sellable_not_accessible") as Json;
    const rejected = receiving.find((e) => e.disposition === "damaged") as Json;
    expect(accepted).toMatchObject({
      epcList: [j1.pallet.epc],
      quantityList: [{ epcClass: j1.lot.lgtin, quantity: 392.5, uom: "KGM" }],
      bizLocation: { id: expect.stringMatching(/\.dock$/) },
      bizTransactionList: [
        { type: "desadv", bizTransaction: j1.shipment.desadv },
        { type: "recadv", bizTransaction: s.proofOfDelivery.recadv },
      ],
    });
    expect(accepted.destinationList).toEqual([
      { type: "owning_party", destination: expect.stringMatching(/^urn:epc:id:pgln:/) },
      { type: "possessing_party", destination: expect.stringMatching(/^urn:epc:id:pgln:/) },
    ]);
    expect(rejected).toMatchObject({
      quantityList: [{ epcClass: j1.lot.lgtin, quantity: 7.5, uom: "KGM" }],
      "lb:reason": "Karung sobek, gabah basah",
    });
    expect(rejected.epcList).toBeUndefined();

    // Receiving twice is refused.
    expectProblem(
      await call(tokens.bumd, "POST", url, {
        lines: [
          { lineNo: 1, acceptedKg: 600, rejectedKg: 0 },
          { lineNo: 2, acceptedKg: 400, rejectedKg: 0 },
        ],
      }),
      409,
      "shipments.already_received",
    );
    j1.delivered = s;
  });

  it("shows the whole timeline, hub visit and leg actuals to everyone who took part", async () => {
    const s = ok(await call(tokens.hubPriok, "GET", `/api/v1/shipments/${j1.shipment.id}`));
    expect(s.history.map((h: Json) => h.bizStep)).toEqual([
      "shipping",
      "departing",
      "arriving",
      "inspecting",
      "holding",
      "holding",
      "staging_outbound",
      "departing",
      "arriving",
      "departing",
      "receiving",
      "receiving",
    ]);
    expect(s.hubVisits.map((v: Json) => v.hub.name)).toEqual([
      "Hub Pelabuhan Panjang",
      "Hub Pelabuhan Tanjung Priok",
    ]);
    // Both hubs list it among theirs; an organisation it did not pass through does not.
    for (const who of ["hub_operator", "hubPriok", "carrier", "bumd", "koperasi"]) {
      expect(ok(await call(tokens[who], "GET", "/api/v1/shipments")).items.map((x: Json) => x.id)).toContain(
        s.id,
      );
    }
    expect(ok(await call(tokens.pasarJaya, "GET", "/api/v1/shipments")).items).toEqual([]);
    // Evidence of the receipt is the shipper's and the receiver's, not the hub's.
    expect(s.proofOfDelivery.signature).toBeNull();
    expect(
      ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${j1.shipment.id}`)).proofOfDelivery.signature,
    ).toMatch(/^data:image\/png/);
  });

  it("prints the surat jalan as an A4 PDF", async () => {
    const res = await call(tokens.koperasi, "GET", `/api/v1/shipments/${j1.shipment.id}/surat-jalan.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain("surat-jalan-SJ-202504-000001.pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    expectProblem(
      await call(tokens.umkm, "GET", `/api/v1/shipments/${j1.shipment.id}/surat-jalan.pdf`),
      404,
      "shipments.not_found",
    );
  });
});
