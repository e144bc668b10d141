import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

const RESOLVER = "https://lumbung.lampungprov.go.id";
const clock = fixedClock(new Date("2025-05-06T05:00:00+07:00"));
const t = useTestApp({ clock, config: { LUMBUNG_PUBLIC_URL: RESOLVER } });
const MINUTE = 60_000;

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely here; the route schemas type them
type Json = Record<string, any>;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};
const PANJANG = "/api/v1/hubs/hub-panjang";

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

/** A lot, a pallet of part of it, and a dispatched roro shipment of the pallet and the rest. */
async function dispatchedRoro(kg: number): Promise<{ lot: Json; pallet: Json; shipment: Json }> {
  const lot = ok(
    await call(tokens.koperasi, "POST", "/api/v1/lots", {
      commodityCode: "gabah-kering-panen",
      quantity: String(kg),
      unit: "kg",
      harvestDate: "2025-05-05",
      villageCode: "18.72.01.1001",
      grade: "medium",
    }),
    201,
  );
  const pallet = ok(
    await call(tokens.koperasi, "POST", "/api/v1/packing", {
      containerType: "pallet",
      lines: [{ lotId: lot.id, kg: kg / 2 }],
    }),
    201,
  );
  const shipment = ok(
    await call(tokens.koperasi, "POST", "/api/v1/shipments", {
      receiverOrganisationId: orgs.foodStation,
      destinationSiteCode: "gudang-bersama-jakarta",
      route: "roro",
      lines: [{ sscc: pallet.sscc }, { epc: lot.lgtin, kg: kg / 2 }],
      plannedDeparture: clock.now().toISOString(),
    }),
    201,
  );
  ok(await call(tokens.koperasi, "POST", `/api/v1/shipments/${shipment.id}/dispatch`));
  return { lot, pallet, shipment };
}

beforeAll(async () => {
  for (const [k, email] of Object.entries({ ...DEMO_EMAILS, ...MORE_DEMO_EMAILS }))
    tokens[k] = await t.login(email);
  const parties = ok(await call(tokens.koperasi, "GET", "/api/v1/shipments/parties"));
  orgs.foodStation = parties.receivers.find((o: Json) => o.name === "PT Food Station Tjipinang Jaya")?.id;
});

describe("the hub console of Pelabuhan Panjang", () => {
  const s: Json[] = [];

  it("is the hub operator's own: another hub, an unknown site or a warehouse is not found", async () => {
    ok(await call(tokens.hub_operator, "GET", `${PANJANG}/queue`));
    ok(await call(tokens.admin, "GET", `${PANJANG}/queue`));
    expectProblem(await call(tokens.hubPriok, "GET", `${PANJANG}/queue`), 404, "shipments.unknown_hub");
    expectProblem(
      await call(tokens.hub_operator, "GET", "/api/v1/hubs/hub-priok/queue"),
      404,
      "shipments.unknown_hub",
    );
    expectProblem(
      await call(tokens.hub_operator, "GET", "/api/v1/hubs/hub-antah/queue"),
      404,
      "shipments.unknown_hub",
    );
    expectProblem(
      await call(tokens.admin, "GET", "/api/v1/hubs/gudang-bersama-lampung/queue"),
      404,
      "shipments.unknown_hub",
    );
    expectProblem(await call(tokens.koperasi, "GET", `${PANJANG}/queue`), 403, "auth.forbidden");
  });

  it("expects dispatched shipments with their ETA", async () => {
    s.push(await dispatchedRoro(1000));
    s.push(await dispatchedRoro(2000));
    s.push(await dispatchedRoro(400));
    const queue = ok(await call(tokens.hub_operator, "GET", `${PANJANG}/queue`));
    expect(queue.counts).toEqual({ expected: 3, arrived: 0, inspected: 0, held: 0, staged: 0 });
    // Metro → Panjang: 2 h.
    expect(queue.expected[0].inbound).toMatchObject({
      mode: "truck",
      eta: new Date("2025-05-06T07:00:00+07:00").toISOString(),
    });
    expect(queue.expected[0].onward).toMatchObject({
      mode: "roro",
      plannedDeparture: new Date("2025-05-06T15:00:00+07:00").toISOString(),
    });
  });

  it("records arrivals from an SSCC's EPC URI, its (00) digits, and a lot's Digital Link", async () => {
    clock.set(new Date("2025-05-06T07:00:00+07:00"));
    const a = ok(await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, { code: s[0]?.pallet.epc }));
    expect(a).toMatchObject({ kind: "epc", shipments: [{ number: s[0]?.shipment.number, recorded: true }] });
    clock.advance(30 * MINUTE);
    const b = ok(
      await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, { code: `(00) ${s[1]?.pallet.sscc}` }),
    );
    expect(b.shipments).toEqual([expect.objectContaining({ number: s[1]?.shipment.number, recorded: true })]);
    clock.advance(30 * MINUTE);
    // The lot rides loose and on the pallet: one shipment either way.
    const c = ok(await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, { code: s[2]?.lot.digitalLink }));
    expect(c).toMatchObject({
      kind: "digital-link",
      shipments: [{ number: s[2]?.shipment.number, recorded: true }],
    });
  });

  it("refuses codes it cannot read and codes of nothing heading here", async () => {
    const bad = expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, { code: "bukan kode" }),
      400,
      "shipments.bad_code",
    );
    expect(bad.errors?.[0]?.field).toBe("body/code");
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, { code: "SJ-209912-000001" }),
      404,
      "shipments.scan_no_match",
    );
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, { code: "089900000000099997" }),
      404,
      "shipments.scan_no_match",
    );
    // Priok cannot take in what has not left Panjang.
    const early = expectProblem(
      await call(tokens.hubPriok, "POST", "/api/v1/hubs/hub-priok/scan", { code: s[0]?.shipment.number }),
      409,
      "shipments.invalid_state",
    );
    expect(early.detail).toContain("has not left Hub Pelabuhan Panjang");
    expectProblem(await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, {}), 400, "request.validation");
  });

  it("checks inspections: a reason unless conformant, found mass within what was shipped", async () => {
    const url = `${PANJANG}/shipments/${s[1]?.shipment.id}/inspect`;
    expect(
      expectProblem(
        await call(tokens.hub_operator, "POST", url, { outcome: "damaged" }),
        400,
        "shipments.invalid_inspection",
      ).errors?.map((e) => e.field),
    ).toEqual(["body/reason"]);
    expect(
      expectProblem(
        await call(tokens.hub_operator, "POST", url, {
          outcome: "conformant",
          lines: [
            { lineNo: 2, kg: 1000.5 },
            { lineNo: 7, kg: 1 },
          ],
        }),
        400,
        "shipments.invalid_inspection",
      ).errors?.map((e) => e.field),
    ).toEqual(["body/lines/0/kg", "body/lines/1/lineNo"]);
    const entry = ok(
      await call(tokens.hub_operator, "POST", url, {
        outcome: "damaged",
        reason: "Dua karung basah",
        lines: [{ lineNo: 2, kg: 985 }],
      }),
    );
    expect(entry.visit).toMatchObject({
      state: "inspected",
      inspectionOutcome: "damaged",
      inspectionNote: "Dua karung basah",
      inspectionLossKg: 15,
    });
  });

  it("refuses actions on a shipment that is not on site, or does not pass this hub", async () => {
    const other = await dispatchedRoro(100);
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${other.shipment.id}/hold`, {
        reason: "x",
      }),
      409,
      "shipments.not_at_hub",
    );
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${other.shipment.id}/dispatch`),
      409,
      "shipments.not_at_hub",
    );
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/shp_nope/inspect`, {
        outcome: "conformant",
      }),
      404,
      "shipments.not_found",
    );
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${other.shipment.id}/hold`, {
        reason: "",
      }),
      400,
      "request.validation",
    );
    s.push(other);
  });

  it("groups what is on site by state, with dwell so far", async () => {
    clock.set(new Date("2025-05-06T08:30:00+07:00"));
    ok(
      await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${s[2]?.shipment.id}/hold`, {
        reason: "Segel rusak",
      }),
    );
    clock.set(new Date("2025-05-06T09:00:00+07:00"));
    ok(await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${s[0]?.shipment.id}/cross-dock`));
    const queue = ok(await call(tokens.hub_operator, "GET", `${PANJANG}/queue`));
    expect(queue.counts).toEqual({ expected: 1, arrived: 0, inspected: 1, held: 1, staged: 1 });
    expect(queue.onSite.staged[0]).toMatchObject({
      number: s[0]?.shipment.number,
      visit: { dwellMinutes: 120 },
    });
    expect(queue.onSite.inspected[0]).toMatchObject({
      number: s[1]?.shipment.number,
      visit: { dwellMinutes: 90 },
    });
    expect(queue.onSite.held[0]).toMatchObject({
      number: s[2]?.shipment.number,
      visit: { dwellMinutes: 60, holdReason: "Segel rusak" },
    });
    expect(queue.expected.map((e: Json) => e.number)).toEqual([s[3]?.shipment.number]);
  });

  it("sends shipments on, never a held one, and gives dwell, throughput and hold figures", async () => {
    clock.set(new Date("2025-05-06T15:00:00+07:00"));
    ok(await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${s[0]?.shipment.id}/dispatch`));
    ok(await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${s[1]?.shipment.id}/dispatch`));
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${s[2]?.shipment.id}/dispatch`),
      409,
      "shipments.held",
    );
    // Arriving again at Panjang after leaving is not recorded twice: it is not heading here any more.
    expectProblem(
      await call(tokens.hub_operator, "POST", `${PANJANG}/scan`, { code: s[0]?.pallet.sscc }),
      404,
      "shipments.scan_no_match",
    );
    clock.set(new Date("2025-05-06T16:00:00+07:00"));
    ok(await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${s[2]?.shipment.id}/release`));
    clock.set(new Date("2025-05-06T23:00:00+07:00"));
    ok(await call(tokens.hub_operator, "POST", `${PANJANG}/shipments/${s[2]?.shipment.id}/dispatch`));
    // A shipment that left Panjang is expected at Priok; the 15:00 ones at 00:00, the 23:00 one at 08:00.
    const priok = ok(await call(tokens.hubPriok, "GET", "/api/v1/hubs/hub-priok/queue"));
    const etas = Object.fromEntries(
      priok.expected.map((e: Json) => [e.number, [e.inbound.status, e.inbound.eta]]),
    );
    expect(etas).toEqual({
      [s[0]?.shipment.number]: ["underway", new Date("2025-05-07T00:00:00+07:00").toISOString()],
      [s[1]?.shipment.number]: ["underway", new Date("2025-05-07T00:00:00+07:00").toISOString()],
      [s[2]?.shipment.number]: ["underway", new Date("2025-05-07T08:00:00+07:00").toISOString()],
      // Still on the road to Panjang: planned onto the 15:00 sailing when it was dispatched.
      [s[3]?.shipment.number]: ["planned", new Date("2025-05-07T00:00:00+07:00").toISOString()],
    });
    expect(priok.expected.at(-1).number).toBe(s[2]?.shipment.number);
    const detail = ok(await call(tokens.koperasi, "GET", `/api/v1/shipments/${s[2]?.shipment.id}`));
    expect(detail.eta).toBe(new Date("2025-05-07T10:00:00+07:00").toISOString());

    const stats = ok(
      await call(
        tokens.hub_operator,
        "GET",
        `${PANJANG}/stats?from=${encodeURIComponent("2025-05-06T00:00:00+07:00")}&to=${encodeURIComponent("2025-05-07T00:00:00+07:00")}`,
      ),
    );
    // Dwell: 07:00→15:00 = 480, 07:30→15:00 = 450, 08:00→23:00 = 900 minutes.
    expect(stats).toMatchObject({
      hub: { code: "hub-panjang" },
      throughput: { arrivedShipments: 3, arrivedKg: 3400, departedShipments: 3, departedKg: 3400 },
      dwell: { count: 3, meanMinutes: 610, p50Minutes: 480, p90Minutes: 816 },
      holds: { shipments: 1, holds: 1, stillHeld: 0, meanHoldMinutes: 450 },
    });
    expectProblem(
      await call(
        tokens.hub_operator,
        "GET",
        `${PANJANG}/stats?from=${encodeURIComponent("2025-05-07T00:00:00+07:00")}&to=${encodeURIComponent("2025-05-06T00:00:00+07:00")}`,
      ),
      400,
      "shipments.invalid",
    );
    expectProblem(await call(tokens.hubPriok, "GET", `${PANJANG}/stats`), 404, "shipments.unknown_hub");
  });
});
