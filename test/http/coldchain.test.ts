import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadColdchainDefaults } from "../../src/modules/coldchain";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";
import { doc, ids } from "../support/epcis";

const t = useTestApp();
const METRO = "18.72.01.1001";
const tokens: Record<string, string> = {};
let panjang = "";

type Excursion = {
  id: string;
  eventId: string;
  epc: string;
  commodity: { code: string };
  measurement: string;
  value: number;
  uom: string;
  limit: number;
  direction: "above" | "below";
  description: string;
  sgln: string | null;
  at: string;
};

async function declareLot(commodityCode: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/lots",
    headers: bearer(tokens.koperasi as string),
    payload: {
      commodityCode,
      quantity: "500",
      unit: "kg",
      harvestDate: "2025-04-14",
      villageCode: METRO,
      grade: "A",
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; lgtin: string };
}

function readings(token: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: "POST", url: "/api/v1/coldchain/readings", headers: bearer(token), payload });
}

async function excursions(token: string, qs = ""): Promise<Excursion[]> {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/v1/coldchain/excursions?limit=200&${qs}`,
    headers: bearer(token),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function capture(token: string, events: Record<string, unknown>[]) {
  const res = await t.app.inject({
    method: "POST",
    url: "/epcis/capture",
    headers: { ...bearer(token), "content-type": "application/ld+json" },
    payload: doc(events),
  });
  expect(res.statusCode, res.body).toBe(202);
}

function sensorEvent(epcs: Record<string, unknown>, reports: Record<string, unknown>[], extra = {}) {
  return {
    type: "ObjectEvent",
    eventTime: "2025-04-16T02:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep: "sensor_reporting",
    ...epcs,
    sensorElementList: [{ sensorMetadata: { time: "2025-04-16T02:00:00+07:00" }, sensorReport: reports }],
    ...extra,
  };
}

async function footprint() {
  const result = await t.database.db.execute(
    sql`select (select count(*) from excursions)::int as excursions,
               (select count(*) from epcis_events where biz_step like '%sensor_reporting')::int as events`,
  );
  return (result as unknown as { rows: Record<string, number>[] }).rows[0];
}

let chili: { id: string; lgtin: string };

beforeAll(async () => {
  await loadColdchainDefaults(t.database.db);
  for (const persona of ["admin", "koperasi", "hub_operator", "dinas", "warga", "bumd", "carrier"] as const) {
    tokens[persona] = await t.login(DEMO_EMAILS[persona]);
  }
  panjang = (await t.app.services.reference.getSite("hub-panjang")).sgln ?? "";
  chili = await declareLot("cabai-rawit");
});

describe("thresholds per commodity", () => {
  it("lists the defaults with their sources to anyone signed in", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/coldchain/thresholds",
      headers: bearer(tokens.warga as string),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { commodity: { code: string }; source: string }[];
    const byCode = new Map(items.map((i) => [i.commodity.code, i]));
    expect(byCode.get("cabai-rawit")).toMatchObject({
      minCelsius: 5,
      maxCelsius: 10,
      maxRelativeHumidity: 95,
    });
    expect(byCode.get("daging-sapi")).toMatchObject({ minCelsius: 0, maxCelsius: 4 });
    expect(byCode.get("telur-ayam")).toMatchObject({ minCelsius: null, maxCelsius: 25 });
    expect(byCode.get("beras-medium")).toMatchObject({ maxCelsius: 30, maxRelativeHumidity: 75 });
    expect(byCode.get("bawang-merah")).toMatchObject({ maxCelsius: 30, maxRelativeHumidity: 80 });
    for (const item of items) expect(item.source.length).toBeGreaterThan(20);
  });

  it("lets only an admin set them, checked, and keeps them across restarts", async () => {
    const body = {
      minCelsius: 2,
      maxCelsius: 8,
      maxRelativeHumidity: 95,
      source: "Uji: SOP gudang dingin 2025",
    };
    const put = (token: string, commodity: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: "PUT",
        url: `/api/v1/coldchain/thresholds/${commodity}`,
        headers: bearer(token),
        payload,
      });
    expectProblem(await put(tokens.hub_operator as string, "pisang", body), 403, "auth.forbidden");
    const set = await put(tokens.admin as string, "pisang", { ...body, minCelsius: 13, maxCelsius: 15 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      commodity: { code: "pisang", name: "Pisang" },
      minCelsius: 13,
      maxCelsius: 15,
    });
    await loadColdchainDefaults(t.database.db);
    const again = (
      await t.app.inject({
        method: "GET",
        url: "/api/v1/coldchain/thresholds",
        headers: bearer(tokens.admin as string),
      })
    )
      .json()
      .items.find((i: { commodity: { code: string } }) => i.commodity.code === "pisang");
    expect(again).toMatchObject({ minCelsius: 13, maxCelsius: 15 });

    expectProblem(await put(tokens.admin as string, "durian", body), 404, "coldchain.unknown_commodity");
    const inverted = expectProblem(
      await put(tokens.admin as string, "pisang", { ...body, minCelsius: 20 }),
      400,
      "coldchain.invalid_threshold",
    );
    expect(inverted.errors?.[0]?.field).toBe("body/minCelsius");
    expectProblem(
      await put(tokens.admin as string, "pisang", {
        minCelsius: null,
        maxCelsius: null,
        maxRelativeHumidity: null,
        source: "x",
      }),
      400,
      "coldchain.invalid_threshold",
    );
    expectProblem(
      await put(tokens.admin as string, "pisang", { ...body, maxRelativeHumidity: 120 }),
      400,
      "request.validation",
    );
  });
});

describe("readings recorded through the API", () => {
  it("captures one sensor_reporting ObjectEvent and records the readings out of range", async () => {
    const res = await readings(tokens.koperasi as string, {
      lotId: chili.id,
      sgln: panjang,
      deviceId: "urn:epc:id:giai:8990000.1001",
      readings: [
        { at: "2025-04-15T20:00:00+07:00", temperature: 7, relativeHumidity: 92 },
        { at: "2025-04-15T21:00:00+07:00", temperature: 12.5, relativeHumidity: 97 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { eventId: string; readings: number; excursions: Excursion[] };
    expect(body.readings).toBe(2);
    expect(body.excursions.map((e) => [e.measurement, e.value, e.limit, e.direction])).toEqual([
      ["Temperature", 12.5, 10, "above"],
      ["RelativeHumidity", 97, 95, "above"],
    ]);
    expect(body.excursions[0]).toMatchObject({
      epc: chili.lgtin,
      commodity: { code: "cabai-rawit" },
      uom: "CEL",
      sgln: panjang,
      at: "2025-04-15T14:00:00.000Z",
      description: "Temperature 12.5 °C above the 10 °C limit",
    });

    const events = await t.app.inject({
      method: "GET",
      url: `/epcis/events?EQ_bizStep=sensor_reporting&MATCH_epcClass=${encodeURIComponent(chili.lgtin)}`,
      headers: bearer(tokens.koperasi as string),
    });
    const [event] = events.json().epcisBody.queryResults.resultsBody.eventList;
    expect(event).toMatchObject({
      type: "ObjectEvent",
      eventID: body.eventId,
      action: "OBSERVE",
      bizStep: "sensor_reporting",
      eventTime: "2025-04-15T21:00:00.000+07:00",
      quantityList: [{ epcClass: chili.lgtin }],
      readPoint: { id: panjang },
      bizLocation: { id: panjang },
      sensorElementList: [
        {
          sensorMetadata: { time: "2025-04-15T20:00:00.000+07:00", deviceID: "urn:epc:id:giai:8990000.1001" },
          sensorReport: [
            { type: "gs1:Temperature", value: 7, uom: "CEL" },
            { type: "gs1:RelativeHumidity", value: 92, uom: "P1" },
          ],
        },
        {
          sensorMetadata: { time: "2025-04-15T21:00:00.000+07:00" },
          sensorReport: [
            { type: "gs1:Temperature", value: 12.5, uom: "CEL" },
            { type: "gs1:RelativeHumidity", value: 97, uom: "P1" },
          ],
        },
      ],
    });
  });

  it("records nothing when every reading is inside the range", async () => {
    const before = await footprint();
    const res = await readings(tokens.koperasi as string, {
      lgtin: chili.lgtin,
      sgln: panjang,
      readings: [
        { at: "2025-04-15T22:00:00+07:00", temperature: 8 },
        { at: "2025-04-15T22:30:00+07:00", relativeHumidity: 90 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().excursions).toEqual([]);
    expect(await footprint()).toEqual({ ...before, events: (before?.events ?? 0) + 1 });
  });

  it("checks a pallet against what is packed on it, in transit, and finds it again by the lot", async () => {
    await capture(tokens.koperasi as string, [
      {
        type: "AggregationEvent",
        eventTime: "2025-04-15T09:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "ADD",
        bizStep: "packing",
        disposition: "container_closed",
        parentID: ids.sscc("880001"),
        childQuantityList: [{ epcClass: chili.lgtin, quantity: 500, uom: "KGM" }],
      },
    ]);
    const res = await readings(tokens.carrier as string, {
      sscc: ids.sscc("880001"),
      inTransit: true,
      readings: [{ at: "2025-04-16T01:00:00+07:00", temperature: 3.5 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().excursions).toEqual([
      expect.objectContaining({
        epc: ids.sscc("880001"),
        commodity: expect.objectContaining({ code: "cabai-rawit" }),
        value: 3.5,
        limit: 5,
        direction: "below",
        sgln: null,
      }),
    ]);
    const byLot = await excursions(tokens.carrier as string, `epc=${encodeURIComponent(chili.lgtin)}`);
    expect(byLot.map((e) => e.epc)).toEqual([ids.sscc("880001")]);
  });

  it("refuses bad readings whole, naming the field, and stores nothing", async () => {
    const before = await footprint();
    const good = {
      lotId: chili.id,
      sgln: panjang,
      readings: [{ at: "2025-04-16T03:00:00+07:00", temperature: 30 }],
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ lotId: undefined }, "request.validation", "body/lotId"],
      [{ sscc: ids.sscc("880001") }, "request.validation", "body/lotId"],
      [{ sgln: undefined }, "request.validation", "body/sgln"],
      [{ inTransit: true }, "request.validation", "body/sgln"],
      [{ sgln: "gudang-belakang" }, "request.validation", "body/sgln"],
      [{ readings: [] }, "request.validation", "body/readings"],
      [{ readings: [{ at: "2025-04-16T03:00:00+07:00" }] }, "request.validation", "body/readings/0"],
      [
        { readings: [{ at: "2025-04-16T03:00:00", temperature: 9 }] },
        "request.validation",
        "body/readings/0/at",
      ],
      [
        { readings: [{ at: "2025-04-16T03:00:00+07:00", temperature: 900 }] },
        "request.validation",
        "body/readings/0/temperature",
      ],
      [
        { readings: [{ at: "2999-01-01T00:00:00+07:00", temperature: 9 }] },
        "coldchain.invalid_readings",
        "body/readings/0/at",
      ],
      [{ lotId: "lot_tidak_ada" }, "coldchain.invalid_readings", "body/lotId"],
      [{ lotId: undefined, sscc: ids.sscc("999999") }, "coldchain.invalid_readings", "body/sscc"],
      [{ lotId: undefined, shipment: "SJ-TIDAK-ADA" }, "coldchain.invalid_readings", "body/shipment"],
    ];
    for (const [override, code, field] of cases) {
      const res = await readings(tokens.koperasi as string, { ...good, ...override });
      const problem = expectProblem(res, 400, code);
      expect(
        problem.errors?.map((e) => e.field),
        JSON.stringify(override),
      ).toContain(field);
    }
    expect(await footprint()).toEqual(before);
    expectProblem(await readings(tokens.dinas as string, good), 403, "auth.forbidden");
  });
});

describe("sensor events captured raw through /epcis/capture are checked too", () => {
  it("converts °F, looks at minValue/maxValue, and ignores what Lumbung cannot place", async () => {
    const beef = await declareLot("daging-sapi");
    await capture(tokens.koperasi as string, [
      sensorEvent({ quantityList: [{ epcClass: beef.lgtin }] }, [
        { type: "Temperature", value: 41, uom: "FAH" },
        {
          type: "gs1:Temperature",
          minValue: 33.8,
          maxValue: 46.4,
          uom: "FAH",
          time: "2025-04-16T02:30:00+07:00",
        },
      ]),
      sensorEvent({ quantityList: [{ epcClass: ids.lot("ASING-1") }] }, [
        { type: "Temperature", value: 40, uom: "CEL" },
      ]),
    ]);
    const found = await excursions(tokens.koperasi as string, "commodity=daging-sapi");
    expect(found.map((e) => [e.value, e.limit, e.direction, e.at])).toEqual([
      [8, 4, "above", "2025-04-15T19:30:00.000Z"],
      [5, 4, "above", "2025-04-15T19:00:00.000Z"],
    ]);
    expect(await excursions(tokens.admin as string, `epc=${encodeURIComponent(ids.lot("ASING-1"))}`)).toEqual(
      [],
    );
  });

  it("shows excursions to those who took part in the event, the dinas and admins", async () => {
    const mine = await excursions(tokens.koperasi as string);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    const dinas = await excursions(tokens.dinas as string);
    expect(dinas.length).toBeGreaterThanOrEqual(mine.length + 1);
    expect(await excursions(tokens.bumd as string)).toEqual([]);
    const carrier = await excursions(tokens.carrier as string);
    expect(carrier.map((e) => e.epc)).toEqual([ids.sscc("880001")]);
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/coldchain/excursions",
      headers: bearer(tokens.warga as string),
    });
    expectProblem(res, 403, "auth.forbidden");

    const april16 = await excursions(tokens.dinas as string, "from=2025-04-16&to=2025-04-16");
    expect(
      april16.every((e) => e.at >= "2025-04-15T17:00:00.000Z" && e.at < "2025-04-16T17:00:00.000Z"),
    ).toBe(true);
    expect(april16.length).toBeGreaterThanOrEqual(3);
    const page = await t.app.inject({
      method: "GET",
      url: "/api/v1/coldchain/excursions?limit=1",
      headers: bearer(tokens.dinas as string),
    });
    const next = await excursions(tokens.dinas as string, `cursor=${page.json().nextCursor}`);
    expect(next.length).toBe(dinas.length - 1);
  });

  it("hands excursions to the shipments module by identifier", async () => {
    const rows = await t.app.services.coldchain.excursionsFor([chili.lgtin, ids.sscc("880001")]);
    expect(rows.map((r) => r.epc).sort()).toEqual([chili.lgtin, chili.lgtin, ids.sscc("880001")].sort());
  });
});
