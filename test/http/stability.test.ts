import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { addDays } from "../../src/modules/stability/domain/dates";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

// Prices are seeded through the prices module's own API (POST /api/v1/prices/observations), as a dinas
// enumerator would record them. Cabai rawit in Kota Jakarta Timur: two calm years at Rp45,000 (under the HAP
// ceiling of Rp57,000), then a rise.
const clock = fixedClock(new Date("2025-12-31T03:00:00Z"));
const t = useTestApp({ clock });
const REGION = "31.75";
const tokens: Record<string, string> = {};

async function record(days: { date: string; price: number }[]) {
  for (let i = 0; i < days.length; i += 2000) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/prices/observations",
      headers: bearer(tokens.dinas as string),
      payload: {
        observations: days
          .slice(i, i + 2000)
          .map((d) => ({ commodityCode: "cabai-rawit", regionCode: REGION, level: "retail", ...d })),
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().held).toBe(0);
  }
}

async function recompute(token = tokens.dinas as string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/stability/recompute",
    headers: bearer(token),
    payload: {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function alerts(query = "", token = tokens.dinas as string) {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/v1/stability/alerts${query}`,
    headers: bearer(token),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    level: string;
    reason: { id: string; en: string };
    regionCode: string;
    asOf: string;
  }[];
}

async function notifications(token: string) {
  const res = await t.app.inject({ method: "GET", url: "/api/v1/notifications", headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    title: { en: string };
    body: { en: string };
    payload: { alertLevel: string };
  }[];
}

let dinasSubscription = "";

beforeAll(async () => {
  for (const who of ["dinas", "bumd", "warga", "admin", "koperasi"] as const) {
    tokens[who] = await t.login(DEMO_EMAILS[who]);
  }
  const calm = Array.from({ length: 730 }, (_, i) => ({ date: addDays("2024-01-01", i), price: 45_000 }));
  await record(calm);
});

describe("stability subscriptions", () => {
  it("lets officials subscribe and refuses unknown names and other personas", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/stability/subscriptions",
      headers: bearer(tokens.dinas as string),
      payload: { commodityCode: "cabai-rawit", regionCode: "31", minLevel: "siaga" },
    });
    expect(res.statusCode, res.body).toBe(201);
    dinasSubscription = res.json().id;
    // BUMD only wants crises, anywhere.
    const bumd = await t.app.inject({
      method: "POST",
      url: "/api/v1/stability/subscriptions",
      headers: bearer(tokens.bumd as string),
      payload: { minLevel: "krisis" },
    });
    expect(bumd.statusCode).toBe(201);
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/stability/subscriptions",
        headers: bearer(tokens.dinas as string),
        payload: { commodityCode: "durian", minLevel: "siaga" },
      }),
      400,
      "stability.unknown_commodity",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/stability/subscriptions",
        headers: bearer(tokens.dinas as string),
        payload: { regionCode: "99.99", minLevel: "siaga" },
      }),
      400,
      "stability.unknown_region",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/stability/subscriptions",
        headers: bearer(tokens.dinas as string),
        payload: { minLevel: "normal" },
      }),
      400,
      "request.validation",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/stability/subscriptions",
        headers: bearer(tokens.warga as string),
        payload: { minLevel: "siaga" },
      }),
      403,
      "auth.forbidden",
    );
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/v1/stability/subscriptions",
      headers: bearer(tokens.dinas as string),
    });
    expect(mine.json().items).toHaveLength(1);
  });
});

describe("stability alerts and notifications", () => {
  it("raises nothing on a calm series", async () => {
    const r = await recompute();
    expect(r.series).toBeGreaterThanOrEqual(1);
    expect(await alerts("?commodity=cabai-rawit")).toEqual([]);
    expect(await notifications(tokens.dinas as string)).toEqual([]);
  });

  it("raises an alert on a rise, notifies once, and again only when the level rises", async () => {
    // Recorded prices re-evaluate their series when they commit: no recompute is needed for the alert.
    await record(Array.from({ length: 5 }, (_, i) => ({ date: addDays("2025-12-31", i), price: 60_000 })));
    const [alert] = await alerts("?commodity=cabai-rawit");
    expect(alert?.level).toBe("siaga");
    expect(alert?.asOf).toBe("2026-01-04");
    expect(alert?.reason.en).toMatch(
      /^red bird.s-eye chili in Kota Administrasi Jakarta Timur is > 10 σ above its seasonal norm, rose 33% in 7 days/,
    );
    expect(alert?.reason.en).toContain("5% above HAP");
    expect(alert?.reason.id).toContain("5% di atas HAP");
    let inbox = await notifications(tokens.dinas as string);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.payload.alertLevel).toBe("siaga");
    // BUMD asked for krisis only.
    expect(await notifications(tokens.bumd as string)).toEqual([]);

    await recompute();
    expect(await notifications(tokens.dinas as string)).toHaveLength(1);

    await record([{ date: "2026-01-05", price: 80_000 }]);
    expect((await alerts("?commodity=cabai-rawit"))[0]?.level).toBe("krisis");
    inbox = await notifications(tokens.dinas as string);
    expect(inbox).toHaveLength(2);
    expect(inbox[0]?.payload.alertLevel).toBe("krisis");
    expect(inbox[0]?.body.en).toContain("40% above HAP");
    expect(await notifications(tokens.bumd as string)).toHaveLength(1);
    await recompute();
    expect(await notifications(tokens.dinas as string)).toHaveLength(2);
    // A person without subscriptions has an empty inbox, never another's.
    expect(await notifications(tokens.warga as string)).toEqual([]);
  });

  it("filters alerts by level, commodity, region and date", async () => {
    expect(await alerts("?level=krisis")).toHaveLength(1);
    expect(await alerts("?level=siaga")).toHaveLength(1);
    expect(await alerts("?commodity=beras-premium")).toEqual([]);
    expect(await alerts("?region=31")).toHaveLength(1);
    expect(await alerts("?region=18")).toEqual([]);
    expect(await alerts("?date=2026-01-05")).toHaveLength(1);
    expect(await alerts("?date=2026-01-04")).toEqual([]);
    expect(await alerts("", tokens.bumd as string)).toHaveLength(1);
    expect(await alerts("", tokens.admin as string)).toHaveLength(1);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/stability/alerts",
        headers: bearer(tokens.koperasi as string),
      }),
      403,
      "auth.forbidden",
    );
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/stability/alerts?level=parah",
        headers: bearer(tokens.dinas as string),
      }),
      400,
      "request.validation",
    );
  });

  it("shows each method's figures or its reason for giving none", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/stability/indicators?commodity=cabai-rawit&region=${REGION}`,
      headers: bearer(tokens.dinas as string),
    });
    expect(res.statusCode, res.body).toBe(200);
    const [series] = res.json().items;
    expect(series.level).toBe("krisis");
    expect(series.indicators.alps).toMatchObject({ eligible: false });
    expect(series.indicators.alps.reason.en).toMatch(/too short/);
    expect(series.indicators.referenceGap).toMatchObject({ eligible: true, kind: "HAP", ceiling: 57_000 });
    expect(series.indicators.seasonalZ.eligible).toBe(true);
    expect(series.indicators.change7d.change).toBeCloseTo(80_000 / 45_000 - 1);
    expect(series.findings.map((f: { indicator: string }) => f.indicator)).toContain("reference_gap");
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/stability/indicators?commodity=cabai-rawit&region=99.99",
        headers: bearer(tokens.dinas as string),
      }),
      400,
      "stability.unknown_region",
    );
  });

  it("clears the alert when prices return to normal, and notifies again on a new episode", async () => {
    const back = Array.from({ length: 40 }, (_, i) => ({ date: addDays("2026-01-06", i), price: 45_000 }));
    await record(back);
    await recompute();
    expect(await alerts("?commodity=cabai-rawit")).toEqual([]);
    expect(await alerts("?commodity=cabai-rawit&includeCleared=true")).toHaveLength(1);
    await record([{ date: "2026-02-15", price: 80_000 }]);
    await recompute();
    expect(await notifications(tokens.dinas as string)).toHaveLength(3);
  });

  it("lets only the owner cancel a subscription", async () => {
    const url = `/api/v1/stability/subscriptions/${dinasSubscription}`;
    expectProblem(
      await t.app.inject({ method: "DELETE", url, headers: bearer(tokens.bumd as string) }),
      404,
      "stability.subscription_not_found",
    );
    const res = await t.app.inject({ method: "DELETE", url, headers: bearer(tokens.dinas as string) });
    expect(res.statusCode).toBe(204);
    expectProblem(
      await t.app.inject({ method: "DELETE", url, headers: bearer(tokens.dinas as string) }),
      404,
      "stability.subscription_not_found",
    );
  });
});
