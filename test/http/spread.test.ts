import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { loadFreightDefaults } from "../../src/modules/spread";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

// Today is 12 June 2025 (WIB). Prices are recorded through the prices API, as an enumerator would.
const clock = fixedClock(new Date("2025-06-12T03:00:00Z"));
const t = useTestApp({ clock });
const tokens: Record<string, string> = {};

type Obs = {
  commodityCode: string;
  date: string;
  price: number;
  marketCode?: string;
  regionCode?: string;
  level?: string;
};

async function record(observations: Obs[]) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/prices/observations",
    headers: bearer(tokens.dinas as string),
    payload: { observations },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().held).toBe(0);
}

async function getSpread(query = "", token = tokens.dinas as string) {
  const res = await t.app.inject({ method: "GET", url: `/api/v1/spread${query}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

type Item = Record<string, unknown> & {
  reason: { id: string; en: string };
  lampung: Record<string, unknown> | null;
  jakarta: Record<string, unknown> | null;
};

function item(body: { items: Item[] }, code: string): Item {
  const found = body.items.find((i) => i.commodityCode === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

function put(route: string, payload: unknown, token = tokens.dinas as string) {
  return t.app.inject({
    method: "PUT",
    url: `/api/v1/spread/freight/${route}`,
    headers: bearer(token),
    payload: payload as object,
  });
}

async function freightRows() {
  const r = await t.database.db.execute(
    sql`select route, name, payload_kg, components, updated_by from freight_rates order by route`,
  );
  return (r as unknown as { rows: unknown[] }).rows;
}

beforeAll(async () => {
  for (const who of ["dinas", "bumd", "admin", "warga", "koperasi"] as const)
    tokens[who] = await t.login(DEMO_EMAILS[who]);
  await record([
    // Cabai rawit: two farm gates on 10 June (mean 30,500); an older one on 5 June is not that day.
    {
      commodityCode: "cabai-rawit",
      marketCode: "tingkat-petani-lampung-tengah",
      date: "2025-06-10",
      price: 30_000,
    },
    {
      commodityCode: "cabai-rawit",
      marketCode: "tingkat-petani-lampung-timur",
      date: "2025-06-10",
      price: 31_000,
    },
    {
      commodityCode: "cabai-rawit",
      marketCode: "tingkat-petani-lampung-selatan",
      date: "2025-06-05",
      price: 33_000,
    },
    // Lampung retail exists too, but the producer level comes first.
    { commodityCode: "cabai-rawit", marketCode: "pasar-tugu", date: "2025-06-11", price: 45_000 },
    // Jakarta retail: mean 51,000; the wholesale price at Kramat Jati is not retail.
    { commodityCode: "cabai-rawit", marketCode: "pasar-senen", date: "2025-06-11", price: 50_000 },
    { commodityCode: "cabai-rawit", marketCode: "pasar-minggu", date: "2025-06-11", price: 52_000 },
    {
      commodityCode: "cabai-rawit",
      marketCode: "pasar-induk-kramat-jati",
      date: "2025-06-11",
      price: 40_000,
    },
    // Beras medium: no farm gate, so Lampung retail (mean 12,900); Jakarta's province-wide series wins its day.
    { commodityCode: "beras-medium", marketCode: "pasar-tugu", date: "2025-06-11", price: 13_000 },
    { commodityCode: "beras-medium", marketCode: "pasar-cendrawasih", date: "2025-06-11", price: 12_800 },
    { commodityCode: "beras-medium", regionCode: "31", level: "retail", date: "2025-06-11", price: 14_000 },
    { commodityCode: "beras-medium", marketCode: "pasar-senen", date: "2025-06-11", price: 14_400 },
    // Bawang merah: the only Lampung price is too old.
    {
      commodityCode: "bawang-merah",
      marketCode: "tingkat-petani-pringsewu",
      date: "2025-05-01",
      price: 25_000,
    },
    { commodityCode: "bawang-merah", marketCode: "pasar-grogol", date: "2025-06-11", price: 40_000 },
    // Minyak goreng is priced per litre.
    { commodityCode: "minyak-goreng", marketCode: "pasar-tugu", date: "2025-06-11", price: 15_700 },
    { commodityCode: "minyak-goreng", marketCode: "pasar-senen", date: "2025-06-11", price: 17_000 },
  ]);
}, 60_000);

describe("freight routes", () => {
  it("are seeded with their sources, assumptions marked, and priced per kg", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/spread/freight",
      headers: bearer(tokens.bumd as string),
    });
    expect(res.statusCode, res.body).toBe(200);
    const [ferry, roro] = res.json().items;
    expect(ferry).toMatchObject({ route: "ferry", payloadKg: 8_000, rpPerKg: 516, updatedBy: null });
    expect(roro).toMatchObject({ route: "roro", payloadKg: 8_000, rpPerKg: 684, assumptions: true });
    const fare = ferry.components.find((c: { rp: number }) => c.rp === 835_300);
    expect(fare).toMatchObject({ per: "truck", rpPerKg: 104.4, assumption: false });
    expect(fare.source).toContain("reference/corridor.md");
    const roroFare = roro.components.find((c: { rp: number }) => c.rp === 4_000_000);
    expect(roroFare.assumption).toBe(true);
    expect(roroFare.source).toMatch(/^Asumsi/);
    expect(roroFare.source).toContain(
      "Assumption — set by the Dinas; no published fare in reference/corridor.md",
    );
  });

  it("refuses citizens and koperasi, and anonymous callers", async () => {
    for (const who of ["warga", "koperasi"]) {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/v1/spread",
        headers: bearer(tokens[who] as string),
      });
      expectProblem(res, 403, "auth.forbidden");
    }
    expect((await t.app.inject({ method: "GET", url: "/api/v1/spread/freight" })).statusCode).toBe(401);
  });
});

describe("the corridor spread", () => {
  it("nets Jakarta retail against the Lampung producer price and the cheapest freight, and flags it", async () => {
    const body = await getSpread("", tokens.bumd as string);
    expect(body).toMatchObject({ asOf: "2025-06-12", thresholdPct: 15, maxAgeDays: 14 });
    expect(body.routes.map((r: { route: string; rpPerKg: number }) => [r.route, r.rpPerKg])).toEqual([
      ["ferry", 516],
      ["roro", 684],
    ]);
    const chili = item(body, "cabai-rawit");
    expect(chili).toMatchObject({
      status: "computed",
      lampung: {
        level: "producer",
        price: 30_500,
        date: "2025-06-10",
        basis: "markets",
        markets: ["Tingkat petani Lampung Tengah", "Tingkat petani Lampung Timur"],
      },
      jakarta: {
        level: "retail",
        price: 51_000,
        date: "2025-06-11",
        markets: ["Pasar Minggu", "Pasar Senen"],
      },
      freight: { ferry: 516, roro: 684, cheapestRoute: "ferry" },
      // 51,000 − 30,500 − 516; roro: − 684.
      netByRoute: { ferry: 19_984, roro: 19_816 },
      netSpreadRp: 19_984,
      netSpreadPct: 65.5,
      flagged: true,
    });
    expect(chili.reason.en).toContain(
      "a BUMD-to-BUMD trade (e.g. Food Station buying from Lampung partners) could close it",
    );
    expect(chili.reason.id).toContain("BUMD-ke-BUMD");
  });

  it("falls back to Lampung retail, prefers Jakarta's province-wide series on its day, and does not flag a thin gap", async () => {
    const rice = item(await getSpread(), "beras-medium");
    expect(rice).toMatchObject({
      status: "computed",
      lampung: { level: "retail", price: 12_900, date: "2025-06-11", basis: "markets" },
      jakarta: { level: "retail", price: 14_000, basis: "province" },
      // 14,000 − 12,900 − 516 = 584, 4.5% of 12,900.
      netSpreadRp: 584,
      netSpreadPct: 4.5,
      flagged: false,
    });
    expect(rice.reason.en).toContain("below the 15% threshold");
  });

  it("gives no figure when a side is too old or the unit is not kg, and says why", async () => {
    const body = await getSpread();
    const shallots = item(body, "bawang-merah");
    expect(shallots).toMatchObject({ status: "missing", lampung: null, netSpreadRp: null, flagged: false });
    expect(shallots.jakarta).toMatchObject({ price: 40_000 });
    expect(shallots.reason.en).toContain("latest price 2025-05-01, more than 14 days before 2025-06-12");
    const oil = item(body, "minyak-goreng");
    expect(oil).toMatchObject({ status: "missing", netSpreadRp: null });
    expect(oil.reason.en).toContain("per liter");
    expect(
      body.items.find((i: { commodityCode: string }) => i.commodityCode === "daging-sapi"),
    ).toBeUndefined();
  });

  it("reads an earlier as-of day, and a different threshold", async () => {
    const early = item(await getSpread("?date=2025-06-05"), "cabai-rawit");
    expect(early.lampung).toMatchObject({ level: "producer", price: 33_000, date: "2025-06-05" });
    expect(early).toMatchObject({ status: "missing", jakarta: null });
    expect(early.reason.en).toContain("Jakarta retail: no price up to 2025-06-05");
    const strict = item(await getSpread("?thresholdPct=70"), "cabai-rawit");
    expect(strict).toMatchObject({ netSpreadPct: 65.5, flagged: false });
  });

  it("refuses an as-of day after today and a malformed one", async () => {
    for (const q of ["?date=2025-06-13", "?date=12-06-2025", "?thresholdPct=-1"]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/v1/spread${q}`,
        headers: bearer(tokens.dinas as string),
      });
      expect(res.statusCode, q).toBe(400);
      expect(String(res.headers["content-type"])).toContain("application/problem+json");
    }
  });
});

describe("changing freight", () => {
  const valid = {
    payloadKg: 10_000,
    components: [
      { label: "Feri golongan VIB", rp: 1_220_000, per: "truck", source: "reference/corridor.md (2023)" },
      { label: "Truk", rp: 1_500, per: "tonne_km", km: 241, source: "Asumsi: Rp1.500/ton-km" },
      { label: "Bongkar muat", rp: 50, per: "kg", km: 3, source: "Asumsi: bongkar muat" },
    ],
  };

  it("refuses bad input with field errors and changes nothing", async () => {
    const before = await freightRows();
    const cases: [unknown, string][] = [
      [{ ...valid, payloadKg: 0 }, "body/payloadKg"],
      [{ ...valid, components: [] }, "body/components"],
      [{ ...valid, components: [{ ...valid.components[0], rp: -1 }] }, "body/components/0/rp"],
      [{ ...valid, components: [{ ...valid.components[0], rp: 10.5 }] }, "body/components/0/rp"],
      [{ ...valid, components: [{ ...valid.components[0], per: "ship" }] }, "body/components/0/per"],
      [
        { ...valid, components: [{ label: "Truk", rp: 1_500, per: "tonne_km", source: "x" }] },
        "body/components/0/km",
      ],
      [{ ...valid, components: [{ ...valid.components[1], km: 0 }] }, "body/components/0/km"],
      [{ ...valid, components: [{ ...valid.components[0], source: " " }] }, "body/components/0/source"],
    ];
    for (const [payload, field] of cases) {
      const res = await put("ferry", payload);
      const problem = expectProblem(res, 400, "request.validation");
      expect(
        problem.errors?.map((e) => e.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    expectProblem(await put("kapal-layar", valid), 404, "spread.unknown_route");
    expectProblem(await put("ferry", valid, tokens.bumd as string), 403, "auth.forbidden");
    expect(await freightRows()).toEqual(before);
  });

  it("lets the dinas set a route, and the spread follows", async () => {
    const res = await put("ferry", valid);
    expect(res.statusCode, res.body).toBe(200);
    // 1,220,000 / 10,000 = 122; 1,500 × 241 / 1000 = 361.5; 50 → 533.5 → 534.
    expect(res.json()).toMatchObject({ route: "ferry", payloadKg: 10_000, rpPerKg: 534 });
    expect(res.json().updatedBy).not.toBeNull();
    // km is kept only where it prices something.
    expect(res.json().components[2]).not.toHaveProperty("km");
    const chili = item(await getSpread(), "cabai-rawit");
    expect(chili).toMatchObject({
      freight: { ferry: 534, roro: 684, cheapestRoute: "ferry" },
      netByRoute: { ferry: 19_966, roro: 19_816 },
      netSpreadRp: 19_966,
    });
  });

  it("keeps an official's rate when the defaults are loaded again, and restores an untouched one", async () => {
    await t.database.db.execute(sql`update freight_rates set components = '[]'::jsonb where route = 'roro'`);
    await loadFreightDefaults(t.database.db);
    await loadFreightDefaults(t.database.db);
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/spread/freight",
      headers: bearer(tokens.admin as string),
    });
    const [ferry, roro] = res.json().items;
    expect(ferry).toMatchObject({ payloadKg: 10_000, rpPerKg: 534 });
    expect(roro).toMatchObject({ payloadKg: 8_000, rpPerKg: 684, updatedBy: null });
  });
});
