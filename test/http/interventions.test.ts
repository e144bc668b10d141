import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { identityRepository } from "../../src/modules/identity";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

// J3 through the API: cabai rawit spikes in Jakarta, Food Station holds chili in the Jakarta shared
// warehouse and Gapoktan Sari Makmur holds more in Lampung's. Lumbung recommends a market operation and a
// ro-ro shipment; officials decide; the ledger records the prices before.
const clock = fixedClock(new Date("2026-11-30T03:00:00Z"));
const t = useTestApp({ clock });

const JKT = "gudang-bersama-jakarta";
const LPG = "gudang-bersama-lampung";
const CHILI = "cabai-rawit";
const CONTEXT = ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"];

type Json = Record<string, unknown>;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};
const docks: Record<string, string> = {};
const sglns: Record<string, string> = {};
const lots: string[] = [];

async function call(method: "GET" | "POST" | "PUT", token: string, url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: bearer(token),
    ...(payload ? { payload: payload as Json } : {}),
  });
}

async function ok<T = Json>(res: Awaited<ReturnType<typeof call>>, status = 200): Promise<T> {
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

async function declareLot(kg: number): Promise<string> {
  const res = await call("POST", tokens.koperasi as string, "/api/v1/lots", {
    commodityCode: CHILI,
    quantity: String(kg),
    unit: "kg",
    harvestDate: "2026-11-20",
    villageCode: "18.72.01.1001",
    grade: "A",
  });
  return (await ok<{ lgtin: string }>(res, 201)).lgtin;
}

/** Goods received into a shared warehouse for an owner, as proof of delivery records them. */
async function receive(token: string, site: string, owner: string, quantities: [string, number][]) {
  const ev = {
    "@context": CONTEXT,
    type: "ObjectEvent",
    eventTime: clock.now().toISOString(),
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep: "receiving",
    disposition: "sellable_accessible",
    readPoint: { id: docks[site] },
    bizLocation: { id: docks[site] },
    quantityList: quantities.map(([epcClass, quantity]) => ({ epcClass, quantity, uom: "KGM" })),
    destinationList: [
      { type: "owning_party", destination: owner },
      { type: "possessing_party", destination: owner },
    ],
  };
  await ok(await call("POST", token, "/epcis/events", ev), 201);
}

function days(from: string, n: number) {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

async function recordPrices(marketCode: string, level: string, rows: { date: string; price: number }[]) {
  const res = await call("POST", tokens.dinas as string, "/api/v1/prices/observations", {
    observations: rows.map((r) => ({ commodityCode: CHILI, marketCode, level, ...r })),
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().held).toBe(0);
}

interface Rec {
  id: string;
  kind: string;
  status: string;
  quantityKg: number;
  startDate: string;
  endDate: string;
  costRp: number;
  plan: {
    shipments: { shipperOrganisationId: string; destinationSiteCode: string; route: string; kg: number }[];
    markets: { siteCode: string; kg: number; priceNow: number | null }[];
  };
  expectedEffect: { pct: number; supplySharePct: number };
  reasons: { id: string; en: string }[];
  basis: { neededKg: number; priceNow: number; priceTarget: number; targetKind: string };
}

async function recommendations(query = `?commodity=${CHILI}&region=31`, token = tokens.dinas as string) {
  return (await ok<{ items: Rec[] }>(await call("GET", token, `/api/v1/stability/recommendations${query}`)))
    .items;
}

const of = (recs: Rec[], kind: string) => recs.find((r) => r.kind === kind) as Rec;

beforeAll(async () => {
  const emails = {
    admin: DEMO_EMAILS.admin,
    dinas: DEMO_EMAILS.dinas,
    bumd: DEMO_EMAILS.bumd,
    koperasi: DEMO_EMAILS.koperasi,
    gudang: DEMO_EMAILS.warehouse_operator,
    pasar: MORE_DEMO_EMAILS.pasarJaya,
  };
  for (const [k, email] of Object.entries(emails)) tokens[k] = await t.login(email);
  const all = (
    await ok<{ items: { id: string; name: string }[] }>(
      await call("GET", tokens.admin as string, "/api/v1/organisations"),
    )
  ).items;
  const id = (name: string) => all.find((o) => o.name === name)?.id as string;
  orgs.foodStation = id("PT Food Station Tjipinang Jaya");
  orgs.pasarJaya = id("Perumda Pasar Jaya");
  orgs.gapoktan = id("Gapoktan Sari Makmur");
  for (const site of [JKT, LPG]) {
    const w = await ok<{ dock: string; sgln: string }>(
      await call("GET", tokens.admin as string, `/api/v1/warehouse/sites/${site}`),
    );
    docks[site] = w.dock;
    sglns[site] = w.sgln;
  }

  // The Dinas hears of chili in Jakarta: alerts and, below, the recommendations awaiting a decision.
  await ok(
    await call("POST", tokens.dinas as string, "/api/v1/stability/subscriptions", {
      commodityCode: CHILI,
      regionCode: "31",
      minLevel: "siaga",
    }),
    201,
  );

  // Demand the Dinas configures: 20 t of cabai rawit a day in Jakarta, elasticity −0.5, no seasonality.
  await ok(
    await call("PUT", tokens.dinas as string, `/api/v1/supply/plans/${CHILI}/31`, {
      dailyDemandKg: 20_000,
      targetCoverDays: 7,
      inflowIndex: Array(12).fill(1),
      lampungSupplyKg: Array(12).fill(0),
      demandElasticity: -0.5,
      source: "test: Dinas KPKP estimate",
    }),
  );

  // Stock: 1,500 + 800 kg with Food Station in Jakarta, 5,000 kg with the Gapoktan in Lampung.
  // The fourth lot is still at the Gapoktan's farm: what buying at harvest can buy now.
  lots.push(await declareLot(1_500), await declareLot(800), await declareLot(5_000), await declareLot(1_200));
  const fs = await pglnOf(orgs.foodStation);
  await receive(tokens.bumd as string, JKT, fs, [
    [lots[0] as string, 1_500],
    [lots[1] as string, 800],
  ]);
  await receive(tokens.gudang as string, LPG, await pglnOf(orgs.gapoktan), [[lots[2] as string, 5_000]]);

  // Calm at Rp45,000 through 27 November, then Rp90,000 at Pasar Senen and Pasar Minggu; the PIKJ
  // wholesale price follows to Rp80,000.
  const calm = days("2026-10-01", 58).map((date) => ({ date, price: 45_000 }));
  const spike = days("2026-11-28", 3).map((date) => ({ date, price: 90_000 }));
  for (const market of ["pasar-senen", "pasar-minggu"])
    await recordPrices(market, "retail", [...calm, ...spike]);
  await recordPrices("pasar-induk-kramat-jati", "wholesale", [
    ...calm.map((d) => ({ ...d, price: 40_000 })),
    ...spike.map((d) => ({ ...d, price: 80_000 })),
  ]);
});

describe("recommendations from alerts and the supply position", () => {
  it("recommends releasing the Jakarta stock to the alerted markets, sized by the price gap and the elasticity", async () => {
    const recs = await recommendations();
    const release = of(recs, "release_stock");
    expect(release.status).toBe("open");
    // Back from Rp90,000 to the HAP ceiling Rp57,000 is −36.7%: 18.3% of 7 × 20 t = 25,667 kg needed.
    expect(release.basis).toMatchObject({
      priceNow: 90_000,
      priceTarget: 57_000,
      targetKind: "HAP",
      neededKg: 25_667,
    });
    // Only 2,300 kg are in Jakarta: all of it, split between the two markets on alert.
    expect(release.quantityKg).toBe(2_300);
    expect(release.plan.markets.map((m) => [m.siteCode, m.kg, m.priceNow])).toEqual([
      ["pasar-minggu", 1_150, 90_000],
      ["pasar-senen", 1_150, 90_000],
    ]);
    expect(release.plan.shipments.every((s) => s.shipperOrganisationId === orgs.foodStation)).toBe(true);
    expect(release.startDate).toBe("2026-12-01");
    expect(release.endDate).toBe("2026-12-07");
    // 2,300 kg is 1.64% of a week's demand; ÷ −0.5 → −3.3%.
    expect(release.expectedEffect).toMatchObject({ pct: -3.3, supplySharePct: 1.64 });
    // Subsidy: (wholesale Rp80,000 − release at HAP Rp57,000) × 2,300 kg.
    expect(release.costRp).toBe(23_000 * 2_300);
    expect(release.reasons.map((r) => r.en).join(" ")).toContain("above the HAP of Rp57,000/kg");
  });

  it("recommends shipping Lampung's stock forward by ro-ro for the rest, costed at the corridor's freight", async () => {
    const forward = of(await recommendations(), "ship_forward");
    expect(forward.quantityKg).toBe(5_000);
    const freight = await ok<{ items: { route: string; rpPerKg: number }[] }>(
      await call("GET", tokens.dinas as string, "/api/v1/spread/freight"),
    );
    const roro = freight.items.find((r) => r.route === "roro")?.rpPerKg as number;
    expect(roro).toBeGreaterThan(0);
    expect(forward.costRp).toBe(Math.round(Math.round(roro) * 5_000));
    expect(forward.plan.shipments).toEqual([
      expect.objectContaining({
        shipperOrganisationId: orgs.gapoktan,
        destinationSiteCode: JKT,
        route: "roro",
        kg: 5_000,
      }),
    ]);
  });

  it("tells subscribed officials that each new recommendation awaits their decision, once", async () => {
    const inbox = await ok<{ items: { kind: string; title: { en: string }; body: { en: string } }[] }>(
      await call("GET", tokens.dinas as string, "/api/v1/notifications?limit=200"),
    );
    const recs = inbox.items.filter((n) => n.kind === "stability.recommendation").map((n) => n.title.en);
    expect(recs.sort()).toEqual([
      "Recommendation: Bring Lampung supply forward",
      "Recommendation: Buy at harvest",
      "Recommendation: Release stock to markets",
    ]);
    expect(inbox.items.find((n) => n.title.en.includes("Release"))?.body.en).toMatch(
      /: .*, 2\.3 t\. Awaits a decision\./,
    );
  });

  it("keeps one open recommendation per action when recomputed", async () => {
    const before = await recommendations();
    const res = await call("POST", tokens.dinas as string, "/api/v1/stability/recommendations/refresh", {
      commodityCode: CHILI,
      regionCode: "31",
    });
    // Release, ro-ro, and buying at harvest (2.3 t covers far less than the 7-day target).
    expect((await ok<{ open: number }>(res)).open).toBe(3);
    const after = await recommendations();
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
  });

  it("refuses a half-given refresh scope and other personas", async () => {
    expectProblem(
      await call("POST", tokens.dinas as string, "/api/v1/stability/recommendations/refresh", {
        commodityCode: CHILI,
      }),
      400,
      "interventions.invalid",
    );
    expectProblem(
      await call("GET", tokens.koperasi as string, "/api/v1/stability/recommendations"),
      403,
      "auth.forbidden",
    );
  });
});

describe("buying at harvest", () => {
  it("buys what is declared and still at the farm, as a ro-ro load to the Jakarta shared warehouse", async () => {
    const buy = of(await recommendations(), "buy_at_harvest");
    // Only the fourth lot is at the farm: the others are in the shared warehouses.
    expect(buy.quantityKg).toBe(1_200);
    expect(buy.plan.shipments).toEqual([
      expect.objectContaining({
        shipperOrganisationId: orgs.gapoktan,
        destinationSiteCode: JKT,
        route: "roro",
        kg: 1_200,
      }),
    ]);
  });
});

describe("decisions and the ledger", () => {
  it("lets only the Dinas or a BUMD that holds or receives the goods decide", async () => {
    const forward = of(await recommendations(), "ship_forward");
    // Pasar Jaya neither ships nor receives the ro-ro load.
    expectProblem(
      await call(
        "POST",
        tokens.pasar as string,
        `/api/v1/stability/recommendations/${forward.id}/approve`,
        {},
      ),
      403,
      "interventions.not_yours",
    );
    expectProblem(
      await call(
        "POST",
        tokens.dinas as string,
        `/api/v1/stability/recommendations/${forward.id}/reject`,
        {},
      ),
      400,
      "request.validation",
    );
    expect(of(await recommendations(), "ship_forward").status).toBe("open");
  });

  it("approves the release: planned shipments to the markets, and the ledger with prices before", async () => {
    const release = of(await recommendations(), "release_stock");
    const res = await call(
      "POST",
      tokens.bumd as string,
      `/api/v1/stability/recommendations/${release.id}/approve`,
      {
        note: "Operasi pasar cabai rawit",
      },
    );
    const itv = await ok<{
      id: string;
      created: { id: string; number: string; destinationName: string; kg: number }[];
      priceBefore: { from: string; to: string; meanRp: number; days: number };
      priceAfter: { meanRp: number | null };
      measuredEffectPct: number | null;
      expectedEffectPct: number;
    }>(res, 201);
    expect(itv.created.map((c) => [c.destinationName, c.kg]).sort()).toEqual([
      ["Pasar Minggu", 1_150],
      ["Pasar Senen", 1_150],
    ]);
    // 24–30 November at both markets: four days at Rp45,000 and three at Rp90,000.
    expect(itv.priceBefore).toMatchObject({ from: "2026-11-24", to: "2026-11-30", days: 7 });
    expect(itv.priceBefore.meanRp).toBe(Math.round((4 * 45_000 + 3 * 90_000) / 7));
    expect(itv.priceAfter.meanRp).toBeNull();
    expect(itv.measuredEffectPct).toBeNull();
    expect(itv.expectedEffectPct).toBeCloseTo(-3.3);

    // Food Station sees the shipments it now has to send, planned from its warehouse stock.
    for (const c of itv.created) {
      const s = await ok<{ status: string; originName: string; lines: { epc: string }[] }>(
        await call("GET", tokens.bumd as string, `/api/v1/shipments/${c.id}`),
      );
      expect(s.status).toBe("planned");
      expect(s.lines.every((l) => lots.slice(0, 2).includes(l.epc))).toBe(true);
    }

    const ledger = await ok<{ items: { id: string; approvedByName: string; note: string }[] }>(
      await call("GET", tokens.dinas as string, `/api/v1/stability/interventions?commodity=${CHILI}`),
    );
    expect(ledger.items.map((i) => i.id)).toEqual([itv.id]);
    expect(ledger.items[0]?.note).toBe("Operasi pasar cabai rawit");

    // Decided once: a second approval is refused; the stock is spoken for, so no new release is proposed.
    expectProblem(
      await call(
        "POST",
        tokens.dinas as string,
        `/api/v1/stability/recommendations/${release.id}/approve`,
        {},
      ),
      409,
      "interventions.not_open",
    );
    await call("POST", tokens.dinas as string, "/api/v1/stability/recommendations/refresh", {
      commodityCode: CHILI,
      regionCode: "31",
    });
    expect((await recommendations()).map((r) => r.kind).sort()).toEqual(["buy_at_harvest", "ship_forward"]);
  });

  it("measures the price after the action from what is observed later", async () => {
    await recordPrices(
      "pasar-senen",
      "retail",
      days("2026-12-01", 3).map((date) => ({ date, price: 75_000 })),
    );
    const [itv] = (
      await ok<{
        items: {
          priceAfter: { meanRp: number; days: number };
          measuredEffectPct: number;
          measurementComplete: boolean;
        }[];
      }>(await call("GET", tokens.dinas as string, `/api/v1/stability/interventions?commodity=${CHILI}`))
    ).items;
    expect(itv?.priceAfter).toMatchObject({ meanRp: 75_000, days: 3 });
    const before = Math.round((4 * 45_000 + 3 * 90_000) / 7);
    expect(itv?.measuredEffectPct).toBeCloseTo(Math.round(((75_000 - before) / before) * 1000) / 10);
    expect(itv?.measurementComplete).toBe(false);
  });

  it("refuses an approval whose stock has gone meanwhile, creating nothing", async () => {
    const forward = of(await recommendations(), "ship_forward");
    // The Gapoktan ships 4,000 kg of that lot elsewhere first.
    const elsewhere = await call("POST", tokens.koperasi as string, "/api/v1/shipments", {
      receiverOrganisationId: orgs.pasarJaya,
      originSiteCode: LPG,
      destinationSiteCode: "pasar-induk-kramat-jati",
      route: "roro",
      plannedDeparture: "2026-12-01T06:00:00+07:00",
      lines: [{ epc: lots[2], kg: 4_000 }],
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const promised = async () =>
      (await t.app.services.shipments.plannedOutbound([sglns[LPG] as string])).reduce(
        (g, p) => g + p.grams,
        0,
      );
    expect(await promised()).toBe(4_000_000);
    expectProblem(
      await call(
        "POST",
        tokens.dinas as string,
        `/api/v1/stability/recommendations/${forward.id}/approve`,
        {},
      ),
      409,
      "interventions.stale",
    );
    expect(await promised()).toBe(4_000_000);
    expect(of(await recommendations(), "ship_forward").status).toBe("open");
  });

  it("approves buying at harvest: the koperasi's lot leaves its farm on a planned ro-ro shipment", async () => {
    const buy = of(await recommendations(), "buy_at_harvest");
    const itv = await ok<{ created: { id: string; kg: number }[] }>(
      await call("POST", tokens.bumd as string, `/api/v1/stability/recommendations/${buy.id}/approve`, {}),
      201,
    );
    expect(itv.created.map((c) => c.kg)).toEqual([1_200]);
    const shipment = await ok<{ status: string; origin: { name: string }; lines: { epc: string }[] }>(
      await call("GET", tokens.koperasi as string, `/api/v1/shipments/${itv.created[0]?.id}`),
    );
    expect(shipment.status).toBe("planned");
    expect(shipment.origin.name).toMatch(/^Kebun /);
    expect(shipment.lines.map((l) => l.epc)).toEqual([lots[3]]);
  });

  it("records a rejection with its reason", async () => {
    const forward = of(await recommendations(), "ship_forward");
    const res = await call(
      "POST",
      tokens.dinas as string,
      `/api/v1/stability/recommendations/${forward.id}/reject`,
      {
        note: "Kapal ro-ro penuh minggu ini",
      },
    );
    expect((await ok<{ status: string; decisionNote: string }>(res)).decisionNote).toBe(
      "Kapal ro-ro penuh minggu ini",
    );
    const rejected = await recommendations(`?status=rejected&commodity=${CHILI}`);
    expect(rejected.map((r) => r.id)).toEqual([forward.id]);
    // Not proposed again the moment it was turned down.
    await call("POST", tokens.dinas as string, "/api/v1/stability/recommendations/refresh", {
      commodityCode: CHILI,
      regionCode: "31",
    });
    expect(await recommendations()).toEqual([]);
    expectProblem(
      await call("POST", tokens.dinas as string, "/api/v1/stability/recommendations/nope/approve", {}),
      404,
      "interventions.not_found",
    );
  });
});
