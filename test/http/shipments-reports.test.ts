import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

const clock = fixedClock(new Date("2025-06-03T05:00:00+07:00"));
const t = useTestApp({ clock });
const at = (wib: string) => clock.set(new Date(`${wib}+07:00`));

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely here; the route schemas type them
type Json = Record<string, any>;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};
const PERIOD = `from=${encodeURIComponent("2025-06-03T00:00:00+07:00")}&to=${encodeURIComponent("2025-06-05T00:00:00+07:00")}`;

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

async function declareLot(kg: number): Promise<Json> {
  return ok(
    await call(tokens.koperasi, "POST", "/api/v1/lots", {
      commodityCode: "singkong",
      quantity: String(kg),
      unit: "kg",
      harvestDate: "2025-06-02",
      villageCode: "18.72.01.1001",
      grade: "A",
    }),
    201,
  );
}

beforeAll(async () => {
  for (const [k, email] of Object.entries({ ...DEMO_EMAILS, ...MORE_DEMO_EMAILS }))
    tokens[k] = await t.login(email);
  const parties = ok(await call(tokens.koperasi, "GET", "/api/v1/shipments/parties"));
  const id = (name: string) =>
    [...parties.receivers, ...parties.carriers].find((o: Json) => o.name === name)?.id;
  orgs.foodStation = id("PT Food Station Tjipinang Jaya");
  orgs.mill = id("Pabrik Tapioka Lampung Tengah");
  orgs.carrier = id("PT Angkutan Sumatera Jawa");
  expect(Object.values(orgs).every(Boolean)).toBe(true);

  // A: roro, 1000 kg (a 500 kg pallet and 500 kg loose), the carrier's trucks on legs 1 and 3.
  at("2025-06-03T06:00:00");
  const lotA = await declareLot(1000);
  const pallet = ok(
    await call(tokens.koperasi, "POST", "/api/v1/packing", {
      containerType: "pallet",
      lines: [{ lotId: lotA.id, kg: 500 }],
    }),
    201,
  );
  const a = ok(
    await call(tokens.koperasi, "POST", "/api/v1/shipments", {
      receiverOrganisationId: orgs.foodStation,
      destinationSiteCode: "gudang-bersama-jakarta",
      route: "roro",
      lines: [{ sscc: pallet.sscc }, { epc: lotA.lgtin, kg: 500 }],
      plannedDeparture: "2025-06-03T06:00:00+07:00",
      legs: [
        { seq: 1, carrierOrganisationId: orgs.carrier, vehicle: "BE 8123 AU" },
        { seq: 3, carrierOrganisationId: orgs.carrier, vehicle: "B 9012 KX" },
      ],
    }),
    201,
  );
  ok(await call(tokens.koperasi, "POST", `/api/v1/shipments/${a.id}/dispatch`));
  at("2025-06-03T08:10:00"); // planned 08:00: 10 min late
  ok(await call(tokens.hub_operator, "POST", "/api/v1/hubs/hub-panjang/scan", { code: a.number }));
  ok(
    await call(tokens.hub_operator, "POST", `/api/v1/hubs/hub-panjang/shipments/${a.id}/inspect`, {
      outcome: "non_conformant",
      reason: "Satu karung sobek",
      lines: [{ lineNo: 2, kg: 495 }],
    }),
  );
  at("2025-06-03T15:00:00");
  ok(await call(tokens.hub_operator, "POST", `/api/v1/hubs/hub-panjang/shipments/${a.id}/dispatch`));
  at("2025-06-04T01:00:00"); // planned 00:00: an hour late
  ok(await call(tokens.hubPriok, "POST", "/api/v1/hubs/hub-priok/scan", { code: pallet.sscc }));
  at("2025-06-04T02:00:00");
  ok(await call(tokens.hubPriok, "POST", `/api/v1/hubs/hub-priok/shipments/${a.id}/dispatch`));
  at("2025-06-04T03:30:00"); // planned 02:00: 90 min late
  ok(
    await call(tokens.bumd, "POST", `/api/v1/shipments/${a.id}/receive`, {
      lines: [
        { lineNo: 1, acceptedKg: 500, rejectedKg: 0 },
        { lineNo: 2, acceptedKg: 490, rejectedKg: 10, reason: "Umbi busuk" },
      ],
    }),
  );

  // B: direct to the tapioca mill, 300 kg in the koperasi's own truck, 10 minutes late, all accepted.
  at("2025-06-03T06:00:00");
  const lotB = await declareLot(300);
  const b = ok(
    await call(tokens.koperasi, "POST", "/api/v1/shipments", {
      receiverOrganisationId: orgs.mill,
      destinationSiteCode: "pabrik-tapioka-lampung-tengah",
      route: "direct",
      lines: [{ epc: lotB.lgtin, kg: 300 }],
      plannedDeparture: "2025-06-03T06:00:00+07:00",
    }),
    201,
  );
  ok(await call(tokens.koperasi, "POST", `/api/v1/shipments/${b.id}/dispatch`));
  at("2025-06-03T07:40:00"); // planned 07:30
  ok(
    await call(tokens.processor, "POST", `/api/v1/shipments/${b.id}/receive`, {
      lines: [{ lineNo: 1, acceptedKg: 300, rejectedKg: 0 }],
    }),
  );
  at("2025-06-05T09:00:00");
});

describe("shrinkage", () => {
  it("compares shipped and accepted per route, leg mode and carrier, with losses found at inspection", async () => {
    const r = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/reports/shrinkage?${PERIOD}`));
    expect(r.total).toMatchObject({
      shipments: 2,
      shippedKg: 1300,
      acceptedKg: 1290,
      rejectedKg: 10,
      shrinkageKg: 10,
      shrinkagePct: 0.77,
      inspectionLossKg: 5,
    });
    expect(r.byRoute.map((x: Json) => [x.key, x.shippedKg, x.acceptedKg, x.shrinkagePct])).toEqual([
      ["direct", 300, 300, 0],
      ["roro", 1000, 990, 1],
    ]);
    expect(r.byLegMode.map((x: Json) => [x.key, x.shipments, x.shippedKg, x.inspectionLossKg])).toEqual([
      ["roro", 1, 1000, 0],
      ["truck", 2, 1300, 5],
    ]);
    const byCarrier = Object.fromEntries(
      r.byCarrier.map((x: Json) => [x.label, [x.shipments, x.shippedKg, x.acceptedKg, x.inspectionLossKg]]),
    );
    expect(byCarrier).toEqual({
      "PT Angkutan Sumatera Jawa": [1, 1000, 990, 5],
      "Kapal ro-ro Panjang–Tanjung Priok": [1, 1000, 990, 0],
      "Gapoktan Sari Makmur": [1, 300, 300, 0],
    });
  });

  it("counts only what the caller took part in; the dinas and admins see all", async () => {
    expect(
      ok(await call(tokens.carrier, "GET", `/api/v1/shipments/reports/shrinkage?${PERIOD}`)).total.shipments,
    ).toBe(1);
    expect(
      ok(await call(tokens.processor, "GET", `/api/v1/shipments/reports/shrinkage?${PERIOD}`)).total
        .shippedKg,
    ).toBe(300);
    expect(
      ok(await call(tokens.umkm, "GET", `/api/v1/shipments/reports/shrinkage?${PERIOD}`)).total.shipments,
    ).toBe(0);
    expect(
      ok(await call(tokens.dinas, "GET", `/api/v1/shipments/reports/shrinkage?${PERIOD}`)).total.shipments,
    ).toBe(2);
    expect(
      ok(await call(tokens.admin, "GET", `/api/v1/shipments/reports/shrinkage?${PERIOD}`)).total.shipments,
    ).toBe(2);
    // Outside the period: nothing.
    const before = `from=${encodeURIComponent("2025-05-01T00:00:00+07:00")}&to=${encodeURIComponent("2025-06-01T00:00:00+07:00")}`;
    expect(
      ok(await call(tokens.admin, "GET", `/api/v1/shipments/reports/shrinkage?${before}`)).total,
    ).toMatchObject({
      shipments: 0,
      shrinkagePct: null,
    });
    expectProblem(
      await call(tokens.warga, "GET", `/api/v1/shipments/reports/shrinkage`),
      403,
      "auth.forbidden",
    );
  });

  it("comes as CSV too", async () => {
    const res = await call(
      tokens.koperasi,
      "GET",
      `/api/v1/shipments/reports/shrinkage?${PERIOD}&format=csv`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const rows = res.body.trim().split("\n");
    expect(rows[0]).toBe(
      "group,key,label,shipments,shippedKg,acceptedKg,rejectedKg,shrinkageKg,shrinkagePct,inspectionLossKg",
    );
    expect(rows).toContain("route,roro,roro,1,1000,990,10,10,1,5");
    expect(rows).toHaveLength(1 + 1 + 2 + 2 + 3);
  });
});

describe("delays", () => {
  it("gives mean and p90 delay and the on-time share per leg mode and carrier", async () => {
    const r = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/reports/delays?${PERIOD}`));
    expect(r.toleranceMinutes).toBe(30);
    // Legs: A1 +10, A2 +60, A3 +90, B1 +10 minutes.
    expect(r.total).toMatchObject({ legs: 4, meanDelayMinutes: 42.5, onTimePct: 50 });
    expect(r.byLegMode).toEqual([
      { key: "roro", label: "roro", legs: 1, meanDelayMinutes: 60, p90DelayMinutes: 60, onTimePct: 0 },
      {
        key: "truck",
        label: "truck",
        legs: 3,
        meanDelayMinutes: 36.7,
        p90DelayMinutes: 74,
        onTimePct: 66.67,
      },
    ]);
    expect(r.byCarrier.find((x: Json) => x.label === "PT Angkutan Sumatera Jawa")).toMatchObject({
      legs: 2,
      meanDelayMinutes: 50,
      p90DelayMinutes: 82,
      onTimePct: 50,
    });
    const csv = await call(tokens.koperasi, "GET", `/api/v1/shipments/reports/delays?${PERIOD}&format=csv`);
    expect(csv.body.split("\n")[0]).toBe("group,key,label,legs,meanDelayMinutes,p90DelayMinutes,onTimePct");
  });

  it("refuses a period that ends before it starts", async () => {
    const bad = `from=${encodeURIComponent("2025-06-05T00:00:00+07:00")}&to=${encodeURIComponent("2025-06-03T00:00:00+07:00")}`;
    expectProblem(
      await call(tokens.koperasi, "GET", `/api/v1/shipments/reports/delays?${bad}`),
      400,
      "shipments.invalid",
    );
    expectProblem(
      await call(tokens.koperasi, "GET", "/api/v1/shipments/reports/delays?from=kemarin"),
      400,
      "request.validation",
    );
  });
});
