import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { DEFAULT_SUPPLY_PLANS, loadSupplyDefaults } from "../../src/modules/supply";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

// Wednesday 15 October 2025, 06:00 WIB: the lean season (paceklik) has begun. The demo's stock report
// is dated the day the template was seeded, after this day, so it does not count here.
const clock = fixedClock(new Date("2025-10-15T06:00:00+07:00"));
const t = useTestApp({ clock });

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely here; the route schemas type them
type Json = Record<string, any>;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};
const JAKARTA_DEMAND = 2_500_000;
const OCTOBER_INDEX = DEFAULT_SUPPLY_PLANS[0].inflowIndex[9];

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

const position = async (commodity: string, region: string, token = tokens.dinas) =>
  ok(await call(token, "GET", `/api/v1/supply/position?commodity=${commodity}&region=${region}`));

async function declareLot(kg: number, commodityCode = "beras-medium"): Promise<Json> {
  return ok(
    await call(tokens.koperasi, "POST", "/api/v1/lots", {
      commodityCode,
      quantity: String(kg),
      unit: "kg",
      harvestDate: "2025-10-14",
      villageCode: "18.72.01.1001",
      grade: "medium",
    }),
    201,
  );
}

async function shipToCipinang(lot: Json, kg: number, plannedDeparture: string): Promise<Json> {
  return ok(
    await call(tokens.koperasi, "POST", "/api/v1/shipments", {
      receiverOrganisationId: orgs.foodStation,
      destinationSiteCode: "gudang-bersama-jakarta",
      route: "roro",
      lines: [{ epc: lot.lgtin, kg }],
      plannedDeparture,
    }),
    201,
  );
}

/** What the market takes from the buffer over `days` October days, as the outlook rounds it (to the gram). */
const octoberDrain = (days: number) => Math.round((OCTOBER_INDEX - 1) * JAKARTA_DEMAND * days * 1000) / 1000;

beforeAll(async () => {
  for (const [k, email] of Object.entries({ ...DEMO_EMAILS, ...MORE_DEMO_EMAILS }))
    tokens[k] = await t.login(email);
  const parties = ok(await call(tokens.koperasi, "GET", "/api/v1/shipments/parties"));
  const id = (name: string) => parties.receivers.find((o: Json) => o.name === name)?.id;
  orgs.foodStation = id("PT Food Station Tjipinang Jaya");
  orgs.pasarJaya = id("Perumda Pasar Jaya");
  expect(Object.values(orgs).every(Boolean)).toBe(true);
});

describe("the default plan", () => {
  it("has Jakarta's medium rice at 2,500 t a day and 10 days' target cover, with its sources", async () => {
    const plans = ok(await call(tokens.bumd, "GET", "/api/v1/supply/plans")).items;
    const jakarta = plans.find((p: Json) => p.commodityCode === "beras-medium" && p.regionCode === "31");
    expect(jakarta).toMatchObject({ dailyDemandKg: 2_500_000, targetCoverDays: 10, demandElasticity: -0.2 });
    expect(jakarta.inflowIndex).toHaveLength(12);
    expect(jakarta.lampungSupplyKg).toHaveLength(12);
    // Harvest months above 1, the lean season below.
    expect(jakarta.inflowIndex[2]).toBeGreaterThan(1);
    for (const m of [0, 9, 10, 11]) expect(jakarta.inflowIndex[m]).toBeLessThan(1);
    expect(jakarta.source).toContain("corridor.md");
    expect(jakarta.source).toContain("assumption");
  });

  it("shows an empty position before any stock: nothing in warehouses, no reports up to today", async () => {
    const p = await position("beras-medium", "31");
    expect(p).toMatchObject({
      commodityCode: "beras-medium",
      commodityName: "Beras medium",
      regionCode: "31",
      asOf: "2025-10-15",
      stock: { totalKg: 0, holdings: [] },
      inTransit: { totalKg: 0, shipments: [] },
      coverDays: 0,
      lampung: { declaredLotsKg: 0, declaredLots: 0, warehouseKg: 0 },
    });
    expect(p.outlook).toHaveLength(16);
    expect(p.leanGap).toEqual({ firstWeek: "2025-10-13", weeks: 16, maxGapKg: 25_000_000 });
  });
});

describe("the position of Jakarta's rice, built through the corridor", () => {
  const j: Json = {};

  it("counts received stock in the shared warehouse, shipments under way, open lots and reports", async () => {
    // Received at Cipinang: declared, shipped by ro-ro, received in full by Food Station.
    j.received = await declareLot(1000);
    j.first = await shipToCipinang(j.received, 1000, "2025-10-15T06:30:00+07:00");
    ok(await call(tokens.koperasi, "POST", `/api/v1/shipments/${j.first.id}/dispatch`));
    clock.set(new Date("2025-10-15T09:00:00+07:00"));
    ok(
      await call(tokens.bumd, "POST", `/api/v1/shipments/${j.first.id}/receive`, {
        lines: [{ lineNo: 1, acceptedKg: 1000, rejectedKg: 0 }],
      }),
    );
    // Planned for next Monday: due on Tuesday the 21st, in week 2.
    j.coming = await declareLot(2000);
    j.second = await shipToCipinang(j.coming, 2000, "2025-10-20T06:30:00+07:00");
    // Declared, 200 kg of it packed for a shipment: 300 kg still on offer. Cassava is another commodity.
    j.open = await declareLot(500);
    ok(
      await call(tokens.koperasi, "POST", "/api/v1/packing", {
        containerType: "sack",
        lines: [{ lotId: j.open.id, kg: 200 }],
      }),
      201,
    );
    await declareLot(700, "singkong");
    // Stock held outside tracked warehouses: the latest report of each organisation counts.
    for (const [token, kg, asOf] of [
      [tokens.bumd, 9_999, "2025-10-10"],
      [tokens.bumd, 5_000_000, "2025-10-14"],
      [tokens.pasarJaya, 1_000_000, "2025-10-15"],
    ] as const) {
      ok(
        await call(token, "POST", "/api/v1/supply/stock-reports", {
          commodityCode: "beras-medium",
          regionCode: "31",
          kg,
          asOf,
          note: "Gudang sendiri",
        }),
        201,
      );
    }

    const p = await position("beras-medium", "31");
    expect(p.stock.totalKg).toBe(6_001_000);
    expect(
      p.stock.holdings.map((h: Json) => [h.source, h.siteCode, h.organisationName, h.kg, h.asOf]),
    ).toEqual([
      ["warehouse", "gudang-bersama-jakarta", "PT Food Station Tjipinang Jaya", 1000, "2025-10-15"],
      ["report", null, "PT Food Station Tjipinang Jaya", 5_000_000, "2025-10-14"],
      ["report", null, "Perumda Pasar Jaya", 1_000_000, "2025-10-15"],
    ]);
    expect(p.stock.holdings[0].lots).toEqual([{ epc: j.received.lgtin, kg: 1000, expiryDate: null }]);
    expect(p.inTransit).toEqual({
      totalKg: 2000,
      shipments: [
        {
          id: j.second.id,
          number: j.second.number,
          status: "planned",
          shipperOrganisationId: j.second.shipper.id,
          originName: "Kebun Gapoktan Sari Makmur",
          destinationName: "Gudang Bersama Jakarta (Cipinang)",
          eta: new Date("2025-10-21T02:00:00+07:00").toISOString(),
          plannedDeparture: new Date("2025-10-20T06:30:00+07:00").toISOString(),
          kg: 2000,
        },
      ],
    });
    expect(p.lampung).toMatchObject({ declaredLotsKg: 300, declaredLots: 1, warehouseKg: 0 });
    // 6,001 t ÷ 2,500 t a day.
    expect(p.coverDays).toBe(2.4);
    expect(p.notes).toEqual([]);

    // Week 1 (13–19 Oct) counts the five days from today; week 2 brings the shipment.
    const s1 = 6_001_000 + octoberDrain(5);
    const s2 = s1 + 2000 + octoberDrain(7);
    expect(p.outlook[0]).toEqual({
      weekStart: "2025-10-13",
      arrivalsKg: 0,
      marketBalanceKg: octoberDrain(5),
      lampungSupplyKg: Math.round(((500_000 * 5) / 31) * 1000) / 1000,
      stockKg: s1,
      coverDays: Math.round((s1 / JAKARTA_DEMAND) * 100) / 100,
      gapKg: 25_000_000 - s1,
      lean: true,
    });
    expect(p.outlook[1]).toMatchObject({
      weekStart: "2025-10-20",
      arrivalsKg: 2000,
      stockKg: s2,
      gapKg: 25_000_000 - s2,
    });
    expect(s1).toBe(5_001_000);
    expect(s2).toBe(3_603_000);
    // Stock runs out in the lean season and never goes below zero.
    expect(p.outlook.every((w: Json) => w.stockKg >= 0)).toBe(true);
    expect(p.outlook.at(-1)).toMatchObject({ weekStart: "2026-01-26", stockKg: 0, coverDays: 0, lean: true });
    expect(p.leanGap).toEqual({ firstWeek: "2025-10-13", weeks: 16, maxGapKg: 25_000_000 });
    // 15 Oct – 1 Feb by the harvest profile: 17 October days, November–January whole, 1 February.
    const expected = (500_000 * 17) / 31 + 500_000 * 3 + 590_000 / 28;
    expect(p.lampung.expectedKg).toBeCloseTo(expected, 2);
    expect(p.lampung.expectedKg).toBe(
      Math.round(p.outlook.reduce((s: number, w: Json) => s + w.lampungSupplyKg, 0) * 1000) / 1000,
    );
  });

  it("lists the reports and marks the ones it counts", async () => {
    const items = ok(
      await call(tokens.dinas, "GET", "/api/v1/supply/stock-reports?commodity=beras-medium&region=31"),
    ).items;
    const mine = items.filter((r: Json) => r.note === "Gudang sendiri");
    expect(mine.map((r: Json) => [r.organisationName, r.kg, r.asOf, r.counted])).toEqual([
      ["Perumda Pasar Jaya", 1_000_000, "2025-10-15", true],
      ["PT Food Station Tjipinang Jaya", 5_000_000, "2025-10-14", true],
      ["PT Food Station Tjipinang Jaya", 9_999, "2025-10-10", false],
    ]);
  });

  it("moves the shipment to week 1 when it is overdue, and out of transit once received", async () => {
    clock.set(new Date("2025-10-22T08:00:00+07:00"));
    let p = await position("beras-medium", "31");
    expect(p.inTransit.totalKg).toBe(2000);
    expect(p.outlook[0]).toMatchObject({ weekStart: "2025-10-20", arrivalsKg: 2000 });

    ok(await call(tokens.koperasi, "POST", `/api/v1/shipments/${j.second.id}/dispatch`));
    ok(
      await call(tokens.bumd, "POST", `/api/v1/shipments/${j.second.id}/receive`, {
        lines: [
          { lineNo: 1, acceptedKg: 1990, rejectedKg: 10, reason: "Karung sobek", rejectedAs: "damaged" },
        ],
      }),
    );
    p = await position("beras-medium", "31");
    expect(p.inTransit).toEqual({ totalKg: 0, shipments: [] });
    expect(p.stock.holdings[0]).toMatchObject({ siteCode: "gudang-bersama-jakarta", kg: 2990 });
    expect(p.stock.totalKg).toBe(6_002_990);
    clock.set(new Date("2025-10-15T09:00:00+07:00"));
  });

  it("follows a plan the dinas changes, and the defaults never overwrite it", async () => {
    const plan = {
      dailyDemandKg: 3_000_000,
      targetCoverDays: 12,
      inflowIndex: Array(12).fill(1),
      lampungSupplyKg: Array(12).fill(0),
      demandElasticity: -0.3,
      source: "Rapat TPID DKI, Oktober 2025",
    };
    const saved = ok(await call(tokens.dinas, "PUT", "/api/v1/supply/plans/beras-medium/31", plan));
    expect(saved).toMatchObject({ ...plan, commodityCode: "beras-medium", regionCode: "31" });
    await loadSupplyDefaults(t.database.db);
    const p = await position("beras-medium", "31", tokens.bumd);
    expect(p.plan).toMatchObject({ dailyDemandKg: 3_000_000, targetCoverDays: 12 });
    expect(p.coverDays).toBe(2);
    // A balanced market: stock only moves with arrivals (none left).
    expect(p.outlook.every((w: Json) => w.stockKg === 6_002_990 && w.marketBalanceKg === 0)).toBe(true);
    expect(p.leanGap).toEqual({ firstWeek: "2025-10-13", weeks: 16, maxGapKg: 36_000_000 - 6_002_990 });
  });
});

describe("positions of every plan", () => {
  it("adds a Lampung plan and lists every plan, lowest cover first", async () => {
    ok(
      await call(tokens.admin, "PUT", "/api/v1/supply/plans/beras-medium/18", {
        dailyDemandKg: 100,
        targetCoverDays: 7,
        inflowIndex: Array(12).fill(1),
        lampungSupplyKg: Array(12).fill(0),
        demandElasticity: -0.2,
        source: "uji",
      }),
    );
    const items = ok(await call(tokens.bumd, "GET", "/api/v1/supply/positions")).items;
    // Lampung holds no rice in its shared warehouse and reported none: 0 days, so it comes first.
    expect(items.map((p: Json) => [p.commodityCode, p.regionCode, p.coverDays])).toEqual([
      ["beras-medium", "18", 0],
      ["beras-medium", "31", 2],
    ]);
    const lampung = items.find((p: Json) => p.regionCode === "18");
    expect(lampung.lampung).toMatchObject({ declaredLotsKg: 300, declaredLots: 1 });
  });

  it("shows stock but no cover, no outlook, and says why, when no demand is configured", async () => {
    const p = await position("cabai-rawit", "31");
    expect(p).toMatchObject({ plan: null, coverDays: null, outlook: [], leanGap: null });
    expect(p.notes).toHaveLength(1);
    expect(p.notes[0].id).toContain("Kebutuhan harian belum diatur");
    expect(p.notes[0].en).toContain("No daily demand is configured");
  });
});

describe("refusals", () => {
  it("names a regency, an unknown region and an unknown commodity as field errors", async () => {
    const regency = expectProblem(
      await call(tokens.dinas, "GET", "/api/v1/supply/position?commodity=beras-medium&region=31.75"),
      400,
      "supply.not_a_province",
    );
    expect(regency.errors).toEqual([expect.objectContaining({ field: "querystring/region" })]);
    expect(regency.errors?.[0]?.message).toContain("31");
    expectProblem(
      await call(tokens.dinas, "GET", "/api/v1/supply/position?commodity=beras-medium&region=99"),
      400,
      "supply.unknown_region",
    );
    const commodity = expectProblem(
      await call(tokens.dinas, "GET", "/api/v1/supply/position?commodity=beras-emas&region=31"),
      400,
      "supply.unknown_commodity",
    );
    expect(commodity.errors?.[0]?.field).toBe("querystring/commodity");
    expectProblem(
      await call(tokens.dinas, "GET", "/api/v1/supply/position?region=31"),
      400,
      "request.validation",
    );
  });

  it("validates plans field by field and changes nothing on refusal", async () => {
    const good = {
      dailyDemandKg: 1000,
      targetCoverDays: 10,
      inflowIndex: Array(12).fill(1),
      lampungSupplyKg: Array(12).fill(0),
      demandElasticity: -0.2,
      source: "uji",
    };
    const before = ok(await call(tokens.dinas, "GET", "/api/v1/supply/plans")).items;
    for (const [patch, field] of [
      [{ inflowIndex: Array(11).fill(1) }, "body/inflowIndex"],
      [{ lampungSupplyKg: [...Array(11).fill(0), -1] }, "body/lampungSupplyKg/11"],
      [{ dailyDemandKg: 0 }, "body/dailyDemandKg"],
      [{ targetCoverDays: 0 }, "body/targetCoverDays"],
      [{ targetCoverDays: 366 }, "body/targetCoverDays"],
      [{ demandElasticity: 0.1 }, "body/demandElasticity"],
      [{ demandElasticity: 0 }, "body/demandElasticity"],
      [{ source: "  " }, "body/source"],
    ] as const) {
      const problem = expectProblem(
        await call(tokens.dinas, "PUT", "/api/v1/supply/plans/beras-medium/31", { ...good, ...patch }),
        400,
        "request.validation",
      );
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
    expectProblem(
      await call(tokens.dinas, "PUT", "/api/v1/supply/plans/beras-medium/18.71", good),
      400,
      "supply.not_a_province",
    );
    expectProblem(
      await call(tokens.dinas, "PUT", "/api/v1/supply/plans/beras-emas/31", good),
      400,
      "supply.unknown_commodity",
    );
    expect(ok(await call(tokens.dinas, "GET", "/api/v1/supply/plans")).items).toEqual(before);
  });

  it("refuses a report dated after today, and one from an account without an organisation", async () => {
    const body = { commodityCode: "beras-medium", regionCode: "31", kg: 1, asOf: "2025-10-16" };
    const future = expectProblem(
      await call(tokens.bumd, "POST", "/api/v1/supply/stock-reports", body),
      400,
      "supply.invalid_report",
    );
    expect(future.errors?.[0]?.field).toBe("body/asOf");
    expectProblem(
      await call(tokens.bumd, "POST", "/api/v1/supply/stock-reports", {
        ...body,
        asOf: "2025-10-15",
        kg: 1.5,
      }),
      400,
      "request.validation",
    );
    expectProblem(
      await call(tokens.admin, "POST", "/api/v1/supply/stock-reports", { ...body, asOf: "2025-10-15" }),
      403,
      "supply.no_organisation",
    );
  });

  it("lets only officials read, and only the dinas and the admin plan", async () => {
    const url = "/api/v1/supply/position?commodity=beras-medium&region=31";
    expectProblem(await call(undefined, "GET", url), 401, "auth.unauthenticated");
    for (const who of ["warga", "koperasi", "hub_operator"]) {
      expectProblem(await call(tokens[who], "GET", url), 403, "auth.forbidden");
    }
    ok(await call(tokens.admin, "GET", url));
    expectProblem(
      await call(tokens.bumd, "PUT", "/api/v1/supply/plans/beras-medium/31", {}),
      403,
      "auth.forbidden",
    );
    expectProblem(
      await call(tokens.koperasi, "POST", "/api/v1/supply/stock-reports", {}),
      403,
      "auth.forbidden",
    );
  });
});
