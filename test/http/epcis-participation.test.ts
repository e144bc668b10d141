import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/http/errors";
import type { StoredEvent } from "../../src/modules/epcis";
import { identityRepository } from "../../src/modules/identity";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";
import { doc, ids } from "../support/epcis";

const t = useTestApp();
const tokens: Record<string, string> = {};
let foodStationPgln = "";
let panjangSgln = "";
const projected: StoredEvent[] = [];

function observe(bizStep: string, sscc: string, extra: Record<string, unknown> = {}) {
  return {
    type: "ObjectEvent",
    eventTime: "2025-04-15T10:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep,
    disposition: "in_transit",
    epcList: [ids.sscc(sscc)],
    ...extra,
  };
}

async function capture(token: string, events: Record<string, unknown>[]) {
  return t.app.inject({
    method: "POST",
    url: "/epcis/capture",
    headers: { ...bearer(token), "content-type": "application/ld+json" },
    payload: doc(events),
  });
}

async function sees(token: string, sscc: string): Promise<number> {
  const res = await t.app.inject({
    method: "GET",
    url: `/epcis/events?MATCH_anyEPC=${encodeURIComponent(ids.sscc(sscc))}`,
    headers: bearer(token),
  });
  expect(res.statusCode).toBe(200);
  return res.json().epcisBody.queryResults.resultsBody.eventList.length;
}

beforeAll(async () => {
  for (const [k, email] of Object.entries({ ...DEMO_EMAILS, ...MORE_DEMO_EMAILS })) {
    if (k !== "warga") tokens[k] = await t.login(email);
  }
  const { db } = t.database;
  const foodStation = await identityRepository.findOrganisationByName(db, "PT Food Station Tjipinang Jaya");
  if (!foodStation) throw new Error("demo BUMD missing");
  foodStationPgln = await db.transaction((tx) => t.app.services.lots.partyPgln(tx, foodStation));
  panjangSgln = (await t.app.services.reference.getSite("hub-panjang")).sgln ?? "";
  t.app.services.epcis.addProjector({
    name: "test-recorder",
    async project(_tx, events) {
      for (const e of events) {
        if (e.body["lb:refuse"] === true)
          throw new AppError("reference.price_exists", "refused by projection");
        projected.push(e);
      }
    },
  });
});

describe("who takes part in an event", () => {
  it("gives every corridor site a GLN under the platform prefix", async () => {
    expect(panjangSgln).toMatch(/^urn:epc:id:sgln:8990000\.\d{5}\.0$/);
    expect(foodStationPgln).toMatch(/^urn:epc:id:pgln:8990000\.\d{5}$/);
    const priok = await t.app.services.reference.getSite("hub-priok");
    expect(priok.sgln).not.toBe(panjangSgln);
  });

  it("lets the organisation a shipment is addressed to see it, and no one else", async () => {
    const res = await capture(tokens.koperasi as string, [
      observe("shipping", "9101", {
        destinationList: [{ type: "owning_party", destination: foodStationPgln }],
      }),
    ]);
    expect(res.statusCode).toBe(202);
    expect(await sees(tokens.koperasi as string, "9101")).toBe(1);
    expect(await sees(tokens.bumd as string, "9101")).toBe(1);
    expect(await sees(tokens.umkm as string, "9101")).toBe(0);
  });

  it("lets the operator of a site see what happens at any of its docks", async () => {
    const dock = panjangSgln.replace(/\.0$/, ".dock-2");
    const res = await capture(tokens.koperasi as string, [
      observe("arriving", "9102", {
        disposition: "in_progress",
        bizLocation: { id: dock },
        readPoint: { id: dock },
      }),
    ]);
    expect(res.statusCode).toBe(202);
    expect(await sees(tokens.hub_operator as string, "9102")).toBe(1);
    expect(await sees(tokens.hubPriok as string, "9102")).toBe(0);
  });
});

describe("projections", () => {
  it("see each newly stored event once, with CBV words bare, whatever spelling was captured", async () => {
    const before = projected.length;
    const event = observe("https://ref.gs1.org/cbv/BizStep-shipping", "9103", {
      eventID: "urn:uuid:2f1c5d1e-7f0e-4c4b-9d55-1a2b3c4d5e6f",
      disposition: "urn:epcglobal:cbv:disp:in_transit",
      bizTransactionList: [{ type: "desadv", bizTransaction: "urn:epcglobal:cbv:bt:8990000000017:SJ-1" }],
    });
    expect((await capture(tokens.koperasi as string, [event])).statusCode).toBe(202);
    // A scanner's retry stores nothing new and projects nothing again.
    expect((await capture(tokens.koperasi as string, [event])).statusCode).toBe(202);
    const mine = projected.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      bizStep: "shipping",
      disposition: "in_transit",
      bizTransactions: [{ type: "desadv", value: "urn:epcglobal:cbv:bt:8990000000017:SJ-1" }],
    });
    expect(mine[0]?.participants.length).toBeGreaterThan(0);
  });

  it("refuse a whole document when a projection refuses one event, storing nothing", async () => {
    const res = await capture(tokens.koperasi as string, [
      observe("shipping", "9104"),
      observe("shipping", "9105", { "lb:refuse": true }),
    ]);
    expectProblem(res, 409, "reference.price_exists");
    expect(await sees(tokens.koperasi as string, "9104")).toBe(0);
    expect(await sees(tokens.koperasi as string, "9105")).toBe(0);
  });
});

describe("projections under concurrency", () => {
  it("let captures that pack the same pallets in different orders all succeed", async () => {
    const pack = (pallet: string, lot: string) => ({
      type: "AggregationEvent",
      eventTime: "2025-04-15T09:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: ids.sscc(pallet),
      childQuantityList: [{ epcClass: ids.lot(lot), quantity: 100, uom: "KGM" }],
    });
    const pallets = Array.from({ length: 40 }, (_, i) => String(9200 + i));
    const documents = Array.from({ length: 6 }, (_, d) => {
      const order = d % 2 ? [...pallets].reverse() : pallets;
      return order.map((p) => pack(p, `C${d}`));
    });
    const answers = await Promise.all(documents.map((events) => capture(tokens.koperasi as string, events)));
    expect(answers.map((r) => r.statusCode)).toEqual(documents.map(() => 202));
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/packing",
      headers: bearer(tokens.koperasi as string),
    });
    expect(res.statusCode).toBe(200);
    // Each of the six documents put 100 kg of its own lot on every pallet.
    const pallet = (res.json().items as { epc: string; kg: number }[]).find(
      (c) => c.epc === ids.sscc("9200"),
    );
    expect(pallet?.kg).toBe(600);
  });
});
