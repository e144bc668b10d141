import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProcessingDefaults } from "../../src/modules/processing";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";
import { doc, ids } from "../support/epcis";

const RESOLVER = "https://lumbung.lampungprov.go.id";
const t = useTestApp({ config: { LUMBUNG_PUBLIC_URL: RESOLVER } });

const KALIREJO = "18.02.01.2001"; // Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah
const MILL = "pabrik-tapioka-lampung-tengah";
const tokens: Record<string, string> = {};
let millSgln = "";
let millId = "";

type Run = {
  id: string;
  eventId: string;
  flagged: boolean;
  flagReason: string | null;
  flagReasonId: string | null;
  yieldPercent: number | null;
  process: { code: string } | null;
  productLots: { id: string; lgtin: string; lotCode: string; kg: number; grade: string }[];
  inputs: { epc: string; kg: number | null; commodity: { code: string } | null; via: string | null }[];
  outputs: { epc: string; kg: number | null; commodity: { code: string } | null }[];
  organisation: { id: string; name: string } | null;
  site: { sgln: string; name: string | null } | null;
  productionOrder: string | null;
  range: { minPercent: number; maxPercent: number } | null;
  inputKg: number;
  outputKg: number;
};

async function declareLot(commodityCode: string, quantity: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/lots",
    headers: bearer(tokens.koperasi as string),
    payload: {
      commodityCode,
      quantity,
      unit: "kg",
      harvestDate: "2025-04-14",
      villageCode: KALIREJO,
      grade: "A",
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; lgtin: string; organisation: { name: string } };
}

function run(token: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: "POST", url: "/api/v1/processing/runs", headers: bearer(token), payload });
}

async function recorded(payload: Record<string, unknown>, token = tokens.processor as string): Promise<Run> {
  const res = await run(token, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Run;
}

async function get(token: string, url: string) {
  return t.app.inject({ method: "GET", url, headers: bearer(token) });
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

async function counts() {
  const result = await t.database.db.execute(
    sql`select (select count(*) from product_lots)::int as lots, (select count(*) from production_runs)::int as runs,
               (select count(*) from epcis_events where event_type = 'TransformationEvent')::int as events`,
  );
  return (result as unknown as { rows: Record<string, number>[] }).rows[0];
}

function transformation(inputs: Record<string, unknown>, outputs: Record<string, unknown>, extra = {}) {
  return {
    type: "TransformationEvent",
    eventTime: "2025-04-20T13:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    bizStep: "commissioning",
    disposition: "active",
    ...inputs,
    ...outputs,
    ...extra,
  };
}

let cassava: { id: string; lgtin: string; organisation: { name: string } };

beforeAll(async () => {
  await loadProcessingDefaults(t.database.db);
  for (const persona of ["admin", "koperasi", "processor", "dinas", "warga", "bumd"] as const) {
    tokens[persona] = await t.login(DEMO_EMAILS[persona]);
  }
  const site = await t.app.services.reference.getSite(MILL);
  millSgln = site.sgln ?? "";
  millId = site.operatorOrganisationId ?? "";
  expect(millSgln && millId).toBeTruthy();
  // A second processor, to check that one mill never sees another's runs.
  const org = await t.app.inject({
    method: "POST",
    url: "/api/v1/organisations",
    headers: bearer(tokens.admin as string),
    payload: { name: "Penggilingan Padi Uji", kind: "processor", regionCode: "18.02" },
  });
  expect(org.statusCode, org.body).toBe(201);
  const member = await t.app.inject({
    method: "POST",
    url: `/api/v1/organisations/${org.json().id}/members`,
    headers: bearer(tokens.admin as string),
    payload: { email: "giling@uji.test", name: "Penggiling", password: "kata-sandi-uji", role: "member" },
  });
  expect(member.statusCode, member.body).toBe(201);
  tokens.otherMill = await t.login("giling@uji.test", "kata-sandi-uji");
  cassava = await declareLot("singkong", "10000");
});

describe("processes and their yield ranges", () => {
  it("lists the three corridor processes to anyone signed in", async () => {
    const res = await get(tokens.warga as string, "/api/v1/processing/processes");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { code: string; input: { code: string }; output: { code: string } }[];
    expect(items.map((p) => [p.code, p.input.code, p.output.code])).toEqual([
      ["penggilingan-padi", "gabah-kering-panen", "beras-medium"],
      ["pengolahan-tapioka", "singkong", "tapioka"],
      ["pengupasan-kopi", "kopi-gelondong", "kopi-robusta"],
    ]);
    expect(res.json().items[1]).toMatchObject({ minYieldPercent: 20, maxYieldPercent: 30 });
  });

  it("lets only an admin change a range, checked, and keeps the change across restarts", async () => {
    const body = { minYieldPercent: 48.5, maxYieldPercent: 66, source: "Uji: survei penggilingan 2025" };
    const forbidden = await t.app.inject({
      method: "PUT",
      url: "/api/v1/processing/processes/penggilingan-padi",
      headers: bearer(tokens.processor as string),
      payload: body,
    });
    expectProblem(forbidden, 403, "auth.forbidden");
    const changed = await t.app.inject({
      method: "PUT",
      url: "/api/v1/processing/processes/penggilingan-padi",
      headers: bearer(tokens.admin as string),
      payload: body,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ minYieldPercent: 48.5, maxYieldPercent: 66, source: body.source });
    await loadProcessingDefaults(t.database.db);
    const again = await get(tokens.admin as string, "/api/v1/processing/processes");
    expect(again.json().items[0]).toMatchObject({ minYieldPercent: 48.5, maxYieldPercent: 66 });

    const inverted = await t.app.inject({
      method: "PUT",
      url: "/api/v1/processing/processes/penggilingan-padi",
      headers: bearer(tokens.admin as string),
      payload: { ...body, minYieldPercent: 70 },
    });
    expect(expectProblem(inverted, 400, "processing.invalid_range").errors?.[0]?.field).toBe(
      "body/minYieldPercent",
    );
    const unknown = await t.app.inject({
      method: "PUT",
      url: "/api/v1/processing/processes/menyangrai-kopi",
      headers: bearer(tokens.admin as string),
      payload: body,
    });
    expectProblem(unknown, 404, "processing.process_not_found");
    const outOfBounds = await t.app.inject({
      method: "PUT",
      url: "/api/v1/processing/processes/penggilingan-padi",
      headers: bearer(tokens.admin as string),
      payload: { ...body, maxYieldPercent: 140 },
    });
    expectProblem(outOfBounds, 400, "request.validation");
  });
});

describe("recording a production run (J5: cassava → tapioca)", () => {
  let first: Run;

  it("issues a product lot under the mill's GTIN and captures one TransformationEvent", async () => {
    first = await recorded({
      processCode: "pengolahan-tapioka",
      inputs: [{ lotId: cassava.id, kg: "10000" }],
      outputs: [{ kg: 2500, grade: "SNI mutu I" }],
      productionOrder: "PRD-2025-0420",
      producedAt: MILL,
      productionDate: "2025-04-20",
    });
    expect(first).toMatchObject({
      flagged: false,
      flagReason: null,
      yieldPercent: 25,
      process: { code: "pengolahan-tapioka" },
      range: { minPercent: 20, maxPercent: 30 },
      inputKg: 10_000,
      outputKg: 2500,
      productionOrder: "PRD-2025-0420",
      organisation: { id: millId, name: "Pabrik Tapioka Lampung Tengah" },
      site: { sgln: millSgln, name: "Pabrik Tapioka Lampung Tengah" },
      inputs: [{ epc: cassava.lgtin, kg: 10_000, commodity: { code: "singkong" }, via: null }],
    });
    expect(first.productLots).toHaveLength(1);
    const [lot] = first.productLots;
    expect(lot?.lotCode).toBe("P20250420-001");
    expect(lot?.lgtin).toMatch(/^urn:epc:class:lgtin:8990000\.0\d{5}\.P20250420-001$/);
    expect(first.outputs).toEqual([
      {
        epc: lot?.lgtin,
        kg: 2500,
        commodity: { code: "tapioka", name: "Tepung tapioka", nameEn: "Tapioca starch" },
        via: null,
      },
    ]);

    const events = await get(
      tokens.processor as string,
      `/epcis/events?MATCH_outputEPCClass=${encodeURIComponent(lot?.lgtin as string)}`,
    );
    const list = events.json().epcisBody.queryResults.resultsBody.eventList;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      type: "TransformationEvent",
      eventID: first.eventId,
      bizStep: "commissioning",
      disposition: "active",
      inputQuantityList: [{ epcClass: cassava.lgtin, quantity: 10_000, uom: "KGM" }],
      outputQuantityList: [{ epcClass: lot?.lgtin, quantity: 2500, uom: "KGM" }],
      readPoint: { id: millSgln },
      bizLocation: { id: millSgln },
      bizTransactionList: [{ type: "prodorder" }],
      ilmd: {
        "lb:commodity": "tapioka",
        "lb:process": "pengolahan-tapioka",
        "lb:productionDate": "2025-04-20",
        "lb:grade": "SNI mutu I",
      },
    });
    expect(String(list[0].bizTransactionList[0].bizTransaction)).toMatch(/prodorder\/.+\/PRD-2025-0420$/);
  });

  it("keeps one GTIN per commodity for the mill and numbers lots per production day", async () => {
    const second = await recorded({
      processCode: "pengolahan-tapioka",
      inputs: [{ lgtin: cassava.lgtin, kg: 1000 }],
      outputs: [
        { kg: 120, grade: "SNI mutu I" },
        { kg: "130.5", grade: "SNI mutu II" },
      ],
      productionDate: "2025-04-20",
    });
    expect(second.productLots.map((l) => l.lotCode)).toEqual(["P20250420-002", "P20250420-003"]);
    const gtinOf = (lgtin: string) => lgtin.split(".").slice(0, 2).join(".");
    expect(new Set(second.productLots.map((l) => gtinOf(l.lgtin)))).toEqual(
      new Set([gtinOf(first.productLots[0]?.lgtin as string)]),
    );
    expect(second.yieldPercent).toBe(25.05);
    // No producedAt: the site the mill operates.
    expect(second.site?.sgln).toBe(millSgln);
  });

  it("stores a yield above the range and flags it with a plain reason", async () => {
    const high = await recorded({
      processCode: "pengolahan-tapioka",
      inputs: [{ lotId: cassava.id, kg: 1000 }],
      outputs: [{ kg: 412, grade: "A" }],
    });
    expect(high.flagged).toBe(true);
    expect(high.yieldPercent).toBe(41.2);
    expect(high.flagReason).toBe("yield 41.2% is above 20–30% for singkong → tapioka");
    expect(high.flagReasonId).toBe("rendemen 41,2% di atas 20–30% untuk singkong → tapioka");
    expect(high.productLots).toHaveLength(1);
  });

  it("flags a yield below the range", async () => {
    const low = await recorded({
      processCode: "pengolahan-tapioka",
      inputs: [{ lotId: cassava.id, kg: 1000 }],
      outputs: [{ kg: 150, grade: "A" }],
    });
    expect(low.flagReason).toBe("yield 15.0% is below 20–30% for singkong → tapioka");
  });

  it("lets an admin record for a named processor, and only for a processor", async () => {
    const missing = await run(tokens.admin as string, {
      processCode: "pengolahan-tapioka",
      inputs: [{ lotId: cassava.id, kg: 100 }],
      outputs: [{ kg: 25, grade: "A" }],
    });
    expectProblem(missing, 400, "processing.organisation_required");
    const gapoktan = (await get(tokens.koperasi as string, "/api/v1/organisations")).json().items[0].id;
    const notMill = await run(tokens.admin as string, {
      processCode: "pengolahan-tapioka",
      inputs: [{ lotId: cassava.id, kg: 100 }],
      outputs: [{ kg: 25, grade: "A" }],
      organisationId: gapoktan,
    });
    expectProblem(notMill, 400, "processing.not_a_processor");
    const forMill = await recorded(
      {
        processCode: "pengolahan-tapioka",
        inputs: [{ lotId: cassava.id, kg: 100 }],
        outputs: [{ kg: 25, grade: "A" }],
        organisationId: millId,
      },
      tokens.admin as string,
    );
    expect(forMill.organisation?.id).toBe(millId);
  });

  it("traces each input to the farm it was grown on", async () => {
    const res = await get(tokens.processor as string, `/api/v1/processing/runs/${first.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().origins).toEqual([
      {
        input: cassava.lgtin,
        farms: [
          expect.objectContaining({
            lgtin: cassava.lgtin,
            organisation: expect.objectContaining({ name: "Gapoktan Sari Makmur" }),
            commodity: { code: "singkong", name: "Singkong (ubi kayu)" },
            harvestDate: "2025-04-14",
            village: { code: KALIREJO, label: expect.stringContaining("Kalirejo") },
            kg: 10_000,
            depth: 0,
          }),
        ],
      },
    ]);
  });

  it("serves the product lot and its label to the mill and the dinas, not to others", async () => {
    const lotId = first.productLots[0]?.id as string;
    const mine = await get(tokens.processor as string, `/api/v1/processing/lots/${lotId}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      commodity: { code: "tapioka" },
      quantity: { grams: 2_500_000, kg: 2500 },
      productionDate: "2025-04-20",
      process: { code: "pengolahan-tapioka" },
      productionOrder: "PRD-2025-0420",
      site: { sgln: millSgln, name: "Pabrik Tapioka Lampung Tengah" },
      inputs: [{ epc: cassava.lgtin, grams: 10_000_000, commodityCode: "singkong" }],
      eventId: first.eventId,
    });
    expect(mine.json().digitalLink).toBe(`${RESOLVER}/01/${mine.json().gtin}/10/P20250420-001`);

    const label = await get(tokens.processor as string, `/api/v1/processing/lots/${lotId}/label.pdf`);
    expect(label.statusCode).toBe(200);
    expect(label.headers["content-type"]).toBe("application/pdf");
    expect(label.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(label.rawPayload.toString("latin1")).toContain("P20250420-001");

    expect((await get(tokens.dinas as string, `/api/v1/processing/lots/${lotId}`)).statusCode).toBe(200);
    expectProblem(
      await get(tokens.otherMill as string, `/api/v1/processing/lots/${lotId}`),
      404,
      "lots.not_found",
    );
    expectProblem(
      await get(tokens.koperasi as string, `/api/v1/processing/lots/${lotId}`),
      403,
      "auth.forbidden",
    );
    const list = await get(tokens.processor as string, "/api/v1/processing/lots?commodity=tapioka");
    expect(list.json().items.length).toBeGreaterThanOrEqual(5);
    expect((await get(tokens.otherMill as string, "/api/v1/processing/lots")).json().items).toEqual([]);
  });
});

describe("runs captured raw through /epcis/capture are checked too", () => {
  it("flags a TransformationEvent whose yield is out of range", async () => {
    await capture(tokens.processor as string, [
      transformation(
        { inputQuantityList: [{ epcClass: cassava.lgtin, quantity: 2, uom: "TNE" }] },
        { outputQuantityList: [{ epcClass: ids.lot("TAP-RAW-1"), quantity: 900, uom: "KGM" }] },
        { bizLocation: { id: millSgln }, ilmd: { "lb:commodity": "tapioka" } },
      ),
    ]);
    const runs = await get(tokens.processor as string, "/api/v1/processing/runs?flagged=true");
    const raw = (runs.json().items as Run[]).find((r) => r.outputs[0]?.epc === ids.lot("TAP-RAW-1"));
    expect(raw).toMatchObject({
      flagged: true,
      yieldPercent: 45,
      process: { code: "pengolahan-tapioka" },
      flagReason: "yield 45.0% is above 20–30% for singkong → tapioka",
      productLots: [],
    });
  });

  it("flags a run whose commodities no process joins", async () => {
    await capture(tokens.processor as string, [
      transformation(
        { inputQuantityList: [{ epcClass: ids.lot("RAW-IN-2"), quantity: 100, uom: "KGM" }] },
        { outputQuantityList: [{ epcClass: ids.lot("RAW-OUT-2"), quantity: 30, uom: "KGM" }] },
      ),
    ]);
    const runs = (await get(tokens.processor as string, "/api/v1/processing/runs?flagged=true")).json()
      .items as Run[];
    const unknown = runs.find((r) => r.outputs[0]?.epc === ids.lot("RAW-OUT-2"));
    expect(unknown).toMatchObject({
      flagged: true,
      process: null,
      yieldPercent: 30,
      flagReason: "unknown process: the commodity of an input is not known to Lumbung",
      flagReasonId: "proses tidak dikenal: komoditas salah satu bahan baku tidak dikenal Lumbung",
    });
  });

  it("counts a pallet by what was packed on it, and flags outputs without mass", async () => {
    await capture(tokens.koperasi as string, [
      {
        type: "AggregationEvent",
        eventTime: "2025-04-19T09:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "ADD",
        bizStep: "packing",
        disposition: "container_closed",
        parentID: ids.sscc("700001"),
        childQuantityList: [{ epcClass: cassava.lgtin, quantity: 800, uom: "KGM" }],
      },
    ]);
    await capture(tokens.processor as string, [
      transformation(
        { inputEPCList: [ids.sscc("700001")] },
        { outputEPCList: ["urn:epc:id:sgtin:8991234.012345.900"] },
        { bizLocation: { id: millSgln } },
      ),
    ]);
    const runs = (await get(tokens.processor as string, "/api/v1/processing/runs")).json().items as Run[];
    const pallet = runs.find((r) => r.inputs[0]?.via === ids.sscc("700001"));
    expect(pallet).toMatchObject({
      inputs: [{ epc: cassava.lgtin, kg: 800, commodity: { code: "singkong" }, via: ids.sscc("700001") }],
      inputKg: 800,
      yieldPercent: null,
      flagged: true,
    });
    expect(pallet?.flagReason).toContain("the outputs carry no mass");
  });
});

describe("reading runs", () => {
  it("shows a processor its own runs only, the dinas all, filtered by flag and time", async () => {
    const mine = (await get(tokens.processor as string, "/api/v1/processing/runs?limit=200")).json()
      .items as Run[];
    expect(mine.length).toBeGreaterThanOrEqual(8);
    const flagged = (
      await get(tokens.processor as string, "/api/v1/processing/runs?flagged=true&limit=200")
    ).json().items as Run[];
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((r) => r.flagged)).toBe(true);
    const passed = (
      await get(tokens.processor as string, "/api/v1/processing/runs?flagged=false&limit=200")
    ).json().items as Run[];
    expect(passed.every((r) => !r.flagged)).toBe(true);
    expect(flagged.length + passed.length).toBe(mine.length);

    // The raw-captured runs happened on 20 April 2025; the others now.
    const april = (
      await get(tokens.dinas as string, "/api/v1/processing/runs?from=2025-04-20&to=2025-04-20")
    ).json().items as Run[];
    expect(april.length).toBe(3);
    expect((await get(tokens.dinas as string, "/api/v1/processing/runs?limit=200")).json().items.length).toBe(
      mine.length,
    );
    expect((await get(tokens.otherMill as string, "/api/v1/processing/runs")).json().items).toEqual([]);
    expectProblem(
      await get(tokens.otherMill as string, `/api/v1/processing/runs/${mine[0]?.id}`),
      404,
      "processing.run_not_found",
    );
    expectProblem(await get(tokens.koperasi as string, "/api/v1/processing/runs"), 403, "auth.forbidden");

    const page = (await get(tokens.processor as string, "/api/v1/processing/runs?limit=2")).json();
    expect(page.items).toHaveLength(2);
    const next = (
      await get(tokens.processor as string, `/api/v1/processing/runs?limit=200&cursor=${page.nextCursor}`)
    ).json().items as Run[];
    expect(next.length).toBe(mine.length - 2);
    expect(next.map((r) => r.id)).toEqual(mine.slice(2).map((r) => r.id));
  });

  it("offers the lots the mill received as inputs", async () => {
    const before = (await get(tokens.processor as string, "/api/v1/processing/input-lots")).json().items as {
      lgtin: string;
    }[];
    const received = await declareLot("singkong", "4000");
    expect(before.some((l) => l.lgtin === received.lgtin)).toBe(false);
    await capture(tokens.koperasi as string, [
      {
        type: "ObjectEvent",
        eventTime: "2025-04-19T15:00:00+07:00",
        eventTimeZoneOffset: "+07:00",
        action: "OBSERVE",
        bizStep: "receiving",
        disposition: "in_progress",
        quantityList: [{ epcClass: received.lgtin, quantity: 4000, uom: "KGM" }],
        bizLocation: { id: millSgln },
      },
    ]);
    const after = (
      await get(tokens.processor as string, "/api/v1/processing/input-lots?commodity=singkong")
    ).json().items as { id: string; lgtin: string; organisation: { name: string }; kg: number }[];
    expect(after.find((l) => l.lgtin === received.lgtin)).toMatchObject({
      id: received.id,
      organisation: { name: "Gapoktan Sari Makmur" },
      kg: 4000,
    });
    expect((await get(tokens.otherMill as string, "/api/v1/processing/input-lots")).json().items).toEqual([]);
  });
});

describe("bad runs are refused whole, with the field, and nothing is stored", () => {
  it("refuses unknown processes and lots, mixed-up inputs, bad kilograms and other mills' sites", async () => {
    const corn = await declareLot("jagung", "500");
    const before = await counts();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ processCode: "menyangrai-kopi" }, 400, "processing.invalid_run", "body/processCode"],
      [
        { inputs: [{ lotId: "lot_tidak_ada", kg: 10 }] },
        400,
        "processing.invalid_run",
        "body/inputs/0/lotId",
      ],
      [
        { inputs: [{ lgtin: ids.lot("TIDAK-ADA"), kg: 10 }] },
        400,
        "processing.invalid_run",
        "body/inputs/0/lgtin",
      ],
      [{ inputs: [{ lotId: corn.id, kg: 10 }] }, 400, "processing.invalid_run", "body/inputs/0"],
      [
        {
          inputs: [
            { lotId: cassava.id, kg: 10 },
            { lgtin: cassava.lgtin, kg: 5 },
          ],
        },
        400,
        "processing.invalid_run",
        "body/inputs/1",
      ],
      [
        { inputs: [{ lotId: cassava.id, lgtin: cassava.lgtin, kg: 10 }] },
        400,
        "request.validation",
        "body/inputs/0",
      ],
      [{ inputs: [{ lotId: cassava.id, kg: "sepuluh" }] }, 400, "request.validation", "body/inputs/0/kg"],
      [{ inputs: [{ lotId: cassava.id, kg: 0 }] }, 400, "request.validation", "body/inputs/0/kg"],
      [{ outputs: [] }, 400, "request.validation", "body/outputs"],
      [{ outputs: [{ kg: 1, grade: "<b>" }] }, 400, "request.validation", "body/outputs/0/grade"],
      [{ producedAt: "hub-panjang" }, 400, "processing.invalid_run", "body/producedAt"],
      [{ producedAt: "pabrik-antah-berantah" }, 400, "processing.invalid_run", "body/producedAt"],
      [{ productionDate: "2999-01-01" }, 400, "processing.invalid_run", "body/productionDate"],
      [{ productionOrder: "PO 1; drop" }, 400, "request.validation", "body/productionOrder"],
    ];
    for (const [override, status, code, field] of cases) {
      const res = await run(tokens.processor as string, {
        processCode: "pengolahan-tapioka",
        inputs: [{ lotId: cassava.id, kg: 1000 }],
        outputs: [{ kg: 250, grade: "A" }],
        ...override,
      });
      const problem = expectProblem(res, status, code);
      expect(
        problem.errors?.map((e) => e.field),
        JSON.stringify(override),
      ).toContain(field);
    }
    expect(await counts()).toEqual(before);
    expectProblem(
      await run(tokens.koperasi as string, { processCode: "pengolahan-tapioka", inputs: [], outputs: [] }),
      403,
      "auth.forbidden",
    );
  });
});
