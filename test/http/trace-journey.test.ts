import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { loadColdchainDefaults } from "../../src/modules/coldchain";
import { identityRepository } from "../../src/modules/identity";
import type { LotView } from "../../src/modules/lots";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";
import { doc } from "../support/epcis";

/**
 * A J1 + J5 journey on the corridor's real sites and parties: a lot declared through the lots API,
 * packed on a pallet, carried by the carrier to Panjang, across on the ro-ro, received by Food Station
 * at the Jakarta shared warehouse; cassava milled into tapioca; a retail sale with a price.
 */
const clock = fixedClock(new Date("2025-04-15T06:00:00+07:00"));
const t = useTestApp({ clock });
const tokens: Record<string, string> = {};

let cassava: LotView; // declared first
let cassava2: LotView; // same GTIN, declared later
let pallet = "";
let tapiocaPallet = "";
let pallet2 = "";
let chiliPallet = "";
const TAPIOCA = "urn:epc:class:lgtin:8990000.099999.TPK-0420-1";
const sglns: Record<string, string> = {};
const parties: Record<string, string> = {};

async function capture(token: string, events: Record<string, unknown>[]) {
  const res = await t.app.inject({
    method: "POST",
    url: "/epcis/capture",
    headers: { ...bearer(token), "content-type": "application/ld+json" },
    payload: doc(events),
  });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ success: true });
}

function observe(
  bizStep: string,
  disposition: string | null,
  epcs: string[],
  time: string,
  place: string,
  extra: Record<string, unknown> = {},
) {
  return {
    type: "ObjectEvent",
    eventTime: time,
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep,
    ...(disposition ? { disposition } : {}),
    epcList: epcs,
    readPoint: { id: place },
    bizLocation: { id: place },
    ...extra,
  };
}

const dock = (sgln: string, ext: string) => sgln.replace(/\.0$/, `.${ext}`);

async function trace(epc: string, token = tokens.dinas as string) {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/v1/trace?epc=${encodeURIComponent(epc)}`,
    headers: bearer(token),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function publicTrace(epc: string) {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/v1/public/trace?epc=${encodeURIComponent(epc)}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.json(), raw: res.body };
}

async function declare(body: Record<string, unknown>): Promise<LotView> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/lots",
    headers: bearer(tokens.koperasi as string),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  // The coldchain module's default thresholds (chili 5–10 °C …), as a started server has them.
  await loadColdchainDefaults(t.database.db);
  for (const [k, email] of Object.entries({ ...DEMO_EMAILS, ...MORE_DEMO_EMAILS })) {
    if (k !== "warga") tokens[k] = await t.login(email);
  }
  const { db } = t.database;
  for (const code of [
    "hub-panjang",
    "hub-priok",
    "gudang-bersama-jakarta",
    "pasar-induk-kramat-jati",
    "pabrik-tapioka-lampung-tengah",
  ]) {
    sglns[code] = (await t.app.services.reference.getSite(code)).sgln ?? "";
  }
  for (const [key, name] of Object.entries({
    foodStation: "PT Food Station Tjipinang Jaya",
    carrier: "PT Angkutan Sumatera Jawa",
  })) {
    const org = await identityRepository.findOrganisationByName(db, name);
    if (!org) throw new Error(`demo organisation ${name} missing`);
    parties[key] = await db.transaction((tx) => t.app.services.lots.partyPgln(tx, org));
  }
  const palletOf = async () => {
    const org = await identityRepository.findOrganisationByName(db, "Gapoktan Sari Makmur");
    if (!org) throw new Error("demo koperasi missing");
    return (await db.transaction((tx) => t.app.services.lots.allocateSscc(tx, org))).epc;
  };
  pallet = await palletOf();
  tapiocaPallet = await palletOf();
  pallet2 = await palletOf();
  chiliPallet = await palletOf();

  cassava = await declare({
    commodityCode: "singkong",
    quantity: "10",
    unit: "ton",
    harvestDate: "2025-04-14",
    villageCode: "18.02.01.2001",
    grade: "A",
    farmGatePrice: 1450,
  });
  clock.advance(60_000);
  cassava2 = await declare({
    commodityCode: "singkong",
    quantity: "500",
    unit: "kg",
    harvestDate: "2025-04-15",
    villageCode: "18.72.01.1001",
    grade: "B",
  });
  const farm = cassava.farm.sgln;

  // J1 up to the shared warehouse, the pallet carrying the lot all the way.
  await capture(tokens.koperasi as string, [
    {
      type: "AggregationEvent",
      eventTime: "2025-04-15T09:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: pallet,
      childQuantityList: [{ epcClass: cassava.lgtin, quantity: 4000, uom: "KGM" }],
      readPoint: { id: farm },
      bizLocation: { id: farm },
    },
    observe("departing", "in_transit", [pallet], "2025-04-15T10:00:00+07:00", farm, {
      sourceList: [{ type: "possessing_party", source: parties.carrier }],
    }),
    observe(
      "arriving",
      "in_progress",
      [pallet],
      "2025-04-15T14:00:00+07:00",
      dock(sglns["hub-panjang"] as string, "GATE1"),
    ),
    {
      type: "ObjectEvent",
      eventTime: "2025-04-16T03:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      action: "OBSERVE",
      bizStep: "sensor_reporting",
      epcList: [pallet],
      sensorElementList: [{ sensorReport: [{ type: "Temperature", value: 35.5, uom: "CEL" }] }],
    },
    observe(
      "arriving",
      "in_progress",
      [pallet],
      "2025-04-16T08:00:00+07:00",
      dock(sglns["hub-priok"] as string, "RORO1"),
    ),
  ]);
  await capture(tokens.bumd as string, [
    observe(
      "receiving",
      "sellable_not_accessible",
      [pallet],
      "2025-04-16T12:00:00+07:00",
      dock(sglns["gudang-bersama-jakarta"] as string, "DOCK2"),
      {
        destinationList: [
          { type: "owning_party", destination: parties.foodStation },
          { type: "possessing_party", destination: parties.foodStation },
        ],
      },
    ),
  ]);
});

describe("places in the journey", () => {
  it("names corridor sites (docks included), the farm by its village and koperasi, with coordinates", async () => {
    const body = await trace(cassava.lgtin);
    const byId = Object.fromEntries(body.places.map((p: { id: string }) => [p.id, p]));
    expect(byId[dock(sglns["hub-panjang"] as string, "GATE1")]).toMatchObject({
      name: "Hub Pelabuhan Panjang",
      kind: "site",
      siteKind: "hub",
      siteCode: "hub-panjang",
      detail: "GATE1",
      organisation: "Operator Hub Pelabuhan Panjang",
      latitude: -5.4697,
      longitude: 105.3196,
      approximate: false,
    });
    expect(byId[dock(sglns["gudang-bersama-jakarta"] as string, "DOCK2")]).toMatchObject({
      name: "Gudang Bersama Jakarta (Cipinang)",
      organisation: "PT Food Station Tjipinang Jaya",
    });
    expect(byId[cassava.farm.sgln]).toMatchObject({
      kind: "farm",
      name: "Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah",
      organisation: "Gapoktan Sari Makmur",
      approximate: true,
    });
    expect(byId[cassava.farm.sgln].latitude).toBeCloseTo(-4.97, 1);
    const names = body.journey.map((s: { bizStep: string; placeName: string | null }) => [
      s.bizStep,
      s.placeName,
    ]);
    expect(names).toEqual([
      ["commissioning", "Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah"],
      ["packing", "Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah"],
      ["departing", "Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah"],
      ["arriving", "Hub Pelabuhan Panjang"],
      ["sensor_reporting", null],
      ["arriving", "Hub Pelabuhan Tanjung Priok"],
      ["receiving", "Gudang Bersama Jakarta (Cipinang)"],
    ]);
  });

  it("shows the same names and coordinates in the public view", async () => {
    const { body } = await publicTrace(cassava.digitalLink);
    expect(body.journey.map((s: { placeName: string | null }) => s.placeName)).toContain(
      "Hub Pelabuhan Tanjung Priok",
    );
    const priok = body.places.find((p: { siteCode: string }) => p.siteCode === "hub-priok");
    expect(priok).toMatchObject({
      latitude: -6.1045,
      longitude: 106.8826,
      organisation: "Operator Hub Tanjung Priok",
    });
    expect(body.food).toEqual({ code: "singkong", name: "Singkong (ubi kayu)", nameEn: "Cassava" });
    expect(body.processed).toBe(false);
    expect(body.origins[0]).toMatchObject({
      district: { code: "18.02.01", name: "Kalirejo" },
      regency: { code: "18.02", name: "Kabupaten Lampung Tengah" },
    });
  });
});

describe("where it is now and who holds it", () => {
  it("follows the pallet the lot is packed on, and custody to the receiver", async () => {
    const body = await trace(cassava.lgtin);
    expect(body.current).toMatchObject({
      eventTime: "2025-04-16T12:00:00+07:00",
      bizStep: "receiving",
      location: dock(sglns["gudang-bersama-jakarta"] as string, "DOCK2"),
      locationName: "Gudang Bersama Jakarta (Cipinang)",
      owner: parties.foodStation,
      containers: [pallet],
      holder: {
        basis: "received",
        since: "2025-04-16T12:00:00+07:00",
        party: parties.foodStation,
        name: "PT Food Station Tjipinang Jaya",
      },
    });
    const { body: pub } = await publicTrace(cassava.digitalLink);
    expect(pub.current).toMatchObject({
      bizStep: "receiving",
      locationName: "Gudang Bersama Jakarta (Cipinang)",
      inContainer: true,
      holder: "PT Food Station Tjipinang Jaya",
      holderBasis: "received",
    });
  });

  it("is with the carrier that took possession, until someone receives it", async () => {
    await capture(tokens.koperasi as string, [
      {
        type: "AggregationEvent",
        eventTime: "2025-04-16T09:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "ADD",
        bizStep: "packing",
        disposition: "container_closed",
        parentID: pallet2,
        childQuantityList: [{ epcClass: cassava2.lgtin, quantity: 500, uom: "KGM" }],
        readPoint: { id: cassava2.farm.sgln },
      },
      observe("departing", "in_transit", [pallet2], "2025-04-16T10:00:00+07:00", cassava2.farm.sgln, {
        sourceList: [{ type: "possessing_party", source: parties.carrier }],
      }),
    ]);
    const body = await trace(cassava2.lgtin);
    expect(body.current).toMatchObject({
      bizStep: "departing",
      containers: [pallet2],
      holder: { basis: "carrier", party: parties.carrier, name: "PT Angkutan Sumatera Jawa" },
    });
  });

  it("stays with the receiver where the pallet was unpacked, no longer in a container", async () => {
    await capture(tokens.bumd as string, [
      {
        type: "AggregationEvent",
        eventTime: "2025-04-17T08:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "DELETE",
        bizStep: "unpacking",
        parentID: pallet,
        readPoint: { id: sglns["gudang-bersama-jakarta"] },
        bizLocation: { id: sglns["gudang-bersama-jakarta"] },
      },
    ]);
    const lotNow = await trace(cassava.lgtin);
    expect(lotNow.current).toMatchObject({
      bizStep: "unpacking",
      containers: [],
      locationName: "Gudang Bersama Jakarta (Cipinang)",
      holder: { basis: "received", name: "PT Food Station Tjipinang Jaya" },
    });
  });
});

describe("cold-chain excursions", () => {
  it("shows a reading without a threshold as a reading, not an excursion", async () => {
    const body = await trace(cassava.lgtin);
    const sensor = body.journey.find((s: { bizStep: string }) => s.bizStep === "sensor_reporting");
    expect(sensor.sensorReadings).toEqual([{ type: "Temperature", value: 35.5, uom: "CEL", time: null }]);
    expect(sensor.excursions).toEqual([]);
    expect(body.excursions).toEqual([]);
    const { body: pub } = await publicTrace(cassava.digitalLink);
    const pubStep = pub.journey.find((s: { step: string }) => s.step === "sensor_reporting");
    expect(pubStep).toMatchObject({ temperatures: [35.5], temperatureUnit: "°C", excursions: [] });
  });

  it("lists a reading over the commodity's limit (chili above 10 °C), per step and for the journey", async () => {
    const chili = await declare({
      commodityCode: "cabai-rawit",
      quantity: "800",
      unit: "kg",
      harvestDate: "2025-04-15",
      villageCode: "18.02.01.2001",
      grade: "A",
      farmGatePrice: 30_000,
    });
    await capture(tokens.koperasi as string, [
      {
        type: "AggregationEvent",
        eventTime: "2025-04-15T12:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "ADD",
        bizStep: "packing",
        disposition: "container_closed",
        parentID: chiliPallet,
        childQuantityList: [{ epcClass: chili.lgtin, quantity: 800, uom: "KGM" }],
        readPoint: { id: chili.farm.sgln },
      },
      {
        type: "ObjectEvent",
        eventTime: "2025-04-15T20:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "OBSERVE",
        bizStep: "sensor_reporting",
        epcList: [chiliPallet],
        readPoint: { id: dock(sglns["hub-panjang"] as string, "RORO1") },
        sensorElementList: [
          {
            sensorMetadata: { time: "2025-04-15T20:00:00+07:00" },
            sensorReport: [
              { type: "Temperature", value: 7.5, uom: "CEL" },
              { type: "Temperature", value: 18.5, uom: "CEL" },
            ],
          },
        ],
      },
    ]);
    const body = await trace(chili.lgtin);
    const sensor = body.journey.find((s: { bizStep: string }) => s.bizStep === "sensor_reporting");
    expect(body.excursions).toEqual([
      {
        eventID: sensor.eventID,
        epcs: [chiliPallet],
        measurement: "Temperature",
        value: 18.5,
        uom: "CEL",
        unit: "°C",
        limit: 10,
        direction: "above",
        at: "2025-04-15T13:00:00.000Z",
        place: dock(sglns["hub-panjang"] as string, "RORO1"),
      },
    ]);
    expect(sensor.excursions).toEqual(body.excursions);
    expect(body.journey.filter((s: { excursions: unknown[] }) => s.excursions.length)).toHaveLength(1);
    expect(sensor.placeName).toBe("Hub Pelabuhan Panjang");

    const { body: pub } = await publicTrace(chili.digitalLink);
    const pubStep = pub.journey.find((s: { step: string }) => s.step === "sensor_reporting");
    expect(pubStep).toMatchObject({ temperatures: [7.5, 18.5], temperatureUnit: "°C" });
    expect(pubStep.excursions).toEqual([
      {
        measurement: "Temperature",
        value: 18.5,
        uom: "CEL",
        unit: "°C",
        limit: 10,
        direction: "above",
        at: "2025-04-15T13:00:00.000Z",
        place: dock(sglns["hub-panjang"] as string, "RORO1"),
      },
    ]);
    expect(pub.excursions).toHaveLength(1);
  });
});

describe("the farmer's share", () => {
  it("is the farm-gate price over the retail price of the same food", async () => {
    await capture(tokens.pasarJaya as string, [
      observe(
        "retail_selling",
        "retail_sold",
        [],
        "2025-04-18T10:00:00+07:00",
        sglns["pasar-induk-kramat-jati"] as string,
        {
          epcList: undefined,
          quantityList: [{ epcClass: cassava.lgtin, quantity: 1000, uom: "KGM" }],
          "lb:retailPrice": 5000,
        },
      ),
    ]);
    const body = await trace(cassava.lgtin);
    expect(body.farmersShare).toEqual({
      percent: 29,
      farmGateValuePerKg: 1450,
      retailPricePerKg: 5000,
      harvestKgPerKg: 1,
      source: "retail_selling",
      item: cassava.lgtin,
      eventTime: "2025-04-18T10:00:00+07:00",
      place: sglns["pasar-induk-kramat-jati"],
    });
    const { body: pub } = await publicTrace(cassava.digitalLink);
    expect(pub.farmersShare).toMatchObject({ percent: 29, retailPricePerKg: 5000 });
  });

  it("counts the harvest a processed kilogram took (4 kg of cassava in 1 kg of tapioca)", async () => {
    await capture(tokens.processor as string, [
      {
        type: "TransformationEvent",
        eventTime: "2025-04-20T13:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        bizStep: "commissioning",
        disposition: "active",
        inputQuantityList: [{ epcClass: cassava.lgtin, quantity: 2000, uom: "KGM" }],
        outputQuantityList: [{ epcClass: TAPIOCA, quantity: 0.5, uom: "TNE" }],
        readPoint: { id: sglns["pabrik-tapioka-lampung-tengah"] },
        bizLocation: { id: sglns["pabrik-tapioka-lampung-tengah"] },
        ilmd: { "lb:commodity": "tapioka", "lb:retailPrice": 12000 },
      },
      {
        type: "AggregationEvent",
        eventTime: "2025-04-21T09:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "ADD",
        bizStep: "packing",
        disposition: "container_closed",
        parentID: tapiocaPallet,
        childQuantityList: [{ epcClass: TAPIOCA, quantity: 500, uom: "KGM" }],
        readPoint: { id: sglns["pabrik-tapioka-lampung-tengah"] },
      },
    ]);
    const body = await trace(tapiocaPallet);
    expect(body.food).toMatchObject({ code: "tapioka" });
    expect(body.processed).toBe(true);
    expect(body.farmersShare).toMatchObject({
      farmGateValuePerKg: 5800,
      retailPricePerKg: 12000,
      harvestKgPerKg: 4,
      percent: 48.3,
      source: "lot",
      item: TAPIOCA,
    });
    const { body: pub } = await publicTrace(tapiocaPallet);
    const processing = pub.journey.find((s: { eventType: string }) => s.eventType === "TransformationEvent");
    expect(processing).toMatchObject({ placeName: "Pabrik Tapioka Lampung Tengah", step: "commissioning" });
    expect(pub.food).toMatchObject({ code: "tapioka", name: "Tepung tapioka" });
  });

  it("is unknown without a farm-gate price", async () => {
    const body = await trace(cassava2.lgtin);
    expect(body.farmersShare).toBeNull();
    expect(body.origins[0].facts.farmGatePrice).toBeUndefined();
  });
});

describe("a GTIN without a lot", () => {
  it("lists the GTIN's lots, newest first, in the full and the public view", async () => {
    expect(cassava.gtin).toBe(cassava2.gtin);
    const link = cassava.digitalLink.replace(/\/10\/.*$/, "");
    expect(link).toMatch(/\/01\/\d{14}$/);
    const body = await trace(link);
    expect(body.kind).toBe("product");
    expect(body.epc).toBe(`https://id.gs1.org/01/${cassava.gtin}`);
    expect(body.lots.map((l: { epc: string }) => l.epc)).toEqual([cassava2.lgtin, cassava.lgtin]);
    expect(body.lots[1]).toMatchObject({
      lot: cassava.lotCode,
      harvestDate: "2025-04-14",
      commodity: { code: "singkong" },
      regency: { code: "18.02", name: "Kabupaten Lampung Tengah" },
      producer: "Gapoktan Sari Makmur",
      digitalLink: `https://id.gs1.org/01/${cassava.gtin}/10/${cassava.lotCode}`,
    });
    expect(body.journey).toEqual([]);

    const { body: pub } = await publicTrace(link);
    expect(pub.kind).toBe("product");
    expect(pub.lots.map((l: { lot: string }) => l.lot)).toEqual([cassava2.lotCode, cassava.lotCode]);
    expect(pub.lots[0]).not.toHaveProperty("epc");
  });

  it("answers 404 for a GTIN with no recorded lot, and a recall needs one lot", async () => {
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/v1/public/trace?epc=${encodeURIComponent("https://lumbung.go.id/01/08990000888888")}`,
      }),
      404,
      "trace.unknown_epc",
    );
    const link = cassava.digitalLink.replace(/\/10\/.*$/, "");
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/v1/trace/recall?epc=${encodeURIComponent(link)}`,
        headers: bearer(tokens.dinas as string),
      }),
      400,
      "trace.bad_identifier",
    );
  });
});

describe("no personal data in the public view", () => {
  it("names organisations, never people, and carries no contact or account data", async () => {
    for (const epc of [
      cassava.digitalLink,
      tapiocaPallet,
      pallet,
      cassava.digitalLink.replace(/\/10\/.*$/, ""),
    ]) {
      const { raw } = await publicTrace(epc);
      // The demo users' names (captured events and lots were recorded by them), e-mails, phones, NIKs, ids.
      expect(raw).not.toMatch(
        /Siti Rahayu|Rina Hartono|Wayan Sudarma|Hendra Gunawan|@lumbung\.test|\+62\d|"nik"|usr_|org_|"declaredBy"|"capturedBy"/,
      );
      expect(raw).toContain("Gapoktan Sari Makmur");
    }
  });
});
