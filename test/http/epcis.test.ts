import { describe, expect, it } from "vitest";
import { bearer, DEMO_EMAILS, useTestApp } from "../support/app";
import { commissioning, doc, ids, milling, packing, shipping } from "../support/epcis";

const t = useTestApp({ config: { EPCIS_CAPTURE_MAX_EVENTS: "5" } });

type QueryDoc = {
  type: string;
  epcisBody: { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } };
};
const eventsOf = (body: QueryDoc) => body.epcisBody.queryResults.resultsBody.eventList;

async function capture(token: string, document: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: "/epcis/capture",
    headers: { ...bearer(token), "content-type": "application/ld+json", ...headers },
    payload: JSON.stringify(document),
  });
}

async function query(token: string, qs: string) {
  const res = await t.app.inject({ method: "GET", url: `/epcis/events?${qs}`, headers: bearer(token) });
  return res;
}

function expectEpcisProblem(res: Awaited<ReturnType<typeof query>>, status: number, type: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.json().type).toBe(type);
  return res.json() as { detail: string; errors?: { field: string; message: string }[] };
}

describe("EPCIS 2.0 capture", () => {
  it("captures a document as JSON-LD: 202, Location of the job, the job says success", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const res = await capture(koperasi, doc([commissioning("GKP-A1", 1200), packing("1", "GKP-A1", 1200)]));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers.location).toMatch(/^\/epcis\/capture\/cap_/);
    expect(res.headers["gs1-epcis-version"]).toBe("2.0.0");
    const job = await t.app.inject({
      method: "GET",
      url: String(res.headers.location),
      headers: bearer(koperasi),
    });
    expect(job.json()).toMatchObject({
      running: false,
      success: true,
      eventCount: 2,
      storedCount: 2,
      errors: [],
    });
  });

  it("assigns the CBV 2.0 hash eventID when missing and stores a retried event once", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const document = doc([commissioning("GKP-RETRY", 800)]);
    const first = await capture(koperasi, document);
    const second = await capture(koperasi, document);
    expect(second.json()).toMatchObject({ success: true, eventCount: 1, storedCount: 0 });
    expect(first.json().storedCount).toBe(1);
    const found = await query(koperasi, `MATCH_epcClass=${encodeURIComponent(ids.lot("GKP-RETRY"))}`);
    const list = eventsOf(found.json());
    expect(list).toHaveLength(1);
    expect(String(list[0]?.eventID)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(list[0]?.recordTime).toBeTruthy();
  });

  it("rollback (default): one invalid event rejects the document, names event and field, stores nothing", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const res = await capture(
      koperasi,
      doc([commissioning("GKP-RB", 500), commissioning("GKP-RB2", 10, { bizStep: "transforming" })]),
    );
    const problem = expectEpcisProblem(res, 400, "epcisException:ValidationException");
    expect(problem.errors?.some((e) => e.field.includes("eventList[1]") && e.field.includes("bizStep"))).toBe(
      true,
    );
    const found = await query(koperasi, `MATCH_epcClass=${encodeURIComponent(ids.lot("GKP-RB"))}`);
    expect(eventsOf(found.json())).toHaveLength(0);
  });

  it("proceed: stores the valid events and the job lists the invalid ones", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const res = await capture(
      koperasi,
      doc([commissioning("GKP-PR", 500), commissioning("GKP-PR2", 10, { bizStep: "transforming" })]),
      { "gs1-capture-error-behaviour": "proceed" },
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ success: false, storedCount: 1, captureErrorBehaviour: "proceed" });
    expect(res.json().errors[0]).toMatchObject({ eventIndex: 1 });
    expect(
      eventsOf((await query(koperasi, `MATCH_epcClass=${encodeURIComponent(ids.lot("GKP-PR"))}`)).json()),
    ).toHaveLength(1);
  });

  it.each([
    ["an undeclared namespace", commissioning("X1", 1, { "acme:field": "x" })],
    ["a time without offset", commissioning("X2", 1, { eventTime: "2025-04-15T07:30:00" })],
    ["a malformed EPC", commissioning("X3", 1, { epcList: ["not an epc"] })],
    ["a missing action", { ...commissioning("X4", 1), action: undefined }],
    ["an unknown disposition word", commissioning("X5", 1, { disposition: "wet" })],
    ["an unknown field", commissioning("X6", 1, { colour: "red" })],
  ])("rejects %s with 400 ValidationException", async (_what, event) => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const res = await capture(koperasi, doc([JSON.parse(JSON.stringify(event))]));
    expectEpcisProblem(res, 400, "epcisException:ValidationException");
  });

  it("rejects malformed JSON and a non-document with ValidationException", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const broken = await t.app.inject({
      method: "POST",
      url: "/epcis/capture",
      headers: { ...bearer(koperasi), "content-type": "application/ld+json" },
      payload: '{"type": "EPCISDocument",',
    });
    expectEpcisProblem(broken, 400, "epcisException:ValidationException");
    expectEpcisProblem(
      await capture(koperasi, { hello: "world" }),
      400,
      "epcisException:ValidationException",
    );
  });

  it("advertises capture limits and answers 413 CaptureLimitExceededException past them", async () => {
    const options = await t.app.inject({ method: "OPTIONS", url: "/epcis/capture" });
    expect(options.headers["gs1-epcis-capture-limit"]).toBe("5");
    expect(Number(options.headers["gs1-epcis-capture-file-size-limit"])).toBeGreaterThan(0);
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const six = Array.from({ length: 6 }, (_, i) => commissioning(`LIM-${i}`, 1));
    expectEpcisProblem(
      await capture(koperasi, doc(six)),
      413,
      "epcisException:CaptureLimitExceededException",
    );
  });

  it("POST /epcis/events captures one event synchronously: 201 with its Location", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const event = {
      "@context": [{ lb: "https://lumbung.go.id/epcis/" }],
      ...commissioning("ONE-1", 42),
      eventID: "urn:uuid:8d2c7e8e-1111-4a51-bd6a-0bba133845a8",
    };
    const res = await t.app.inject({
      method: "POST",
      url: "/epcis/events",
      headers: bearer(koperasi),
      payload: event,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`/epcis/events/${encodeURIComponent(event.eventID)}`);
    const one = await t.app.inject({
      method: "GET",
      url: String(res.headers.location),
      headers: bearer(koperasi),
    });
    expect(one.statusCode).toBe(200);
    expect(eventsOf(one.json())[0]).toMatchObject({ eventID: event.eventID, bizStep: "commissioning" });
    const missing = await t.app.inject({
      method: "GET",
      url: "/epcis/events/urn%3Auuid%3Anope",
      headers: bearer(koperasi),
    });
    expectEpcisProblem(missing, 404, "epcisException:NoSuchResourceException");
  });
});

describe("EPCIS 2.0 query", () => {
  it("filters by the standard parameters", async () => {
    const bumd = await t.login(DEMO_EMAILS.bumd);
    const res = await capture(
      bumd,
      doc([
        commissioning("Q-LOT", 1000, { eventTime: "2025-05-01T07:00:00+07:00" }),
        packing("77", "Q-LOT", 1000, { eventTime: "2025-05-01T08:00:00+07:00" }),
        shipping("77", "PO7", { eventTime: "2025-05-01T09:00:00+07:00" }),
        milling("Q-LOT", "Q-RICE", 1000, 600),
      ]),
    );
    expect(res.statusCode, res.body).toBe(202);
    const count = async (qs: string) => {
      const r = await query(bumd, qs);
      expect(r.statusCode, r.body).toBe(200);
      return eventsOf(r.json()).length;
    };
    const lot = encodeURIComponent(ids.lot("Q-LOT"));
    expect(await count(`MATCH_anyEPCClass=${lot}`)).toBe(3);
    expect(await count(`MATCH_epcClass=${lot}`)).toBe(2); // quantityList and childQuantityList
    expect(await count(`MATCH_inputEPCClass=${lot}`)).toBe(1);
    expect(await count(`MATCH_outputEPCClass=${encodeURIComponent(ids.lot("Q-RICE"))}`)).toBe(1);
    expect(await count(`MATCH_parentID=${encodeURIComponent(ids.sscc("77"))}`)).toBe(1);
    expect(await count(`MATCH_epc=${encodeURIComponent(ids.sscc("77"))}`)).toBe(1);
    expect(await count(`MATCH_anyEPC=${encodeURIComponent(ids.sscc("77"))}`)).toBe(2);
    expect(
      await count(
        `MATCH_anyEPC=${encodeURIComponent("urn:epc:idpat:sscc:8991234.*")}&GE_eventTime=2025-05-01T00:00:00%2B07:00`,
      ),
    ).toBe(2);
    expect(await count(`eventType=TransformationEvent&MATCH_anyEPCClass=${lot}`)).toBe(1);
    expect(await count(`eventType=ObjectEvent,AggregationEvent&MATCH_anyEPCClass=${lot}`)).toBe(2);
    expect(await count(`EQ_bizStep=shipping&MATCH_anyEPC=${encodeURIComponent(ids.sscc("77"))}`)).toBe(1);
    expect(
      await count(
        `EQ_bizStep=${encodeURIComponent("https://ref.gs1.org/cbv/BizStep-shipping")}&MATCH_anyEPC=${encodeURIComponent(ids.sscc("77"))}`,
      ),
    ).toBe(1);
    expect(
      await count(
        `EQ_disposition=in_transit&EQ_action=OBSERVE&MATCH_anyEPC=${encodeURIComponent(ids.sscc("77"))}`,
      ),
    ).toBe(1);
    expect(await count(`EQ_readPoint=${encodeURIComponent(ids.site("301"))}&MATCH_anyEPCClass=${lot}`)).toBe(
      1,
    );
    expect(
      await count(`EQ_bizLocation=${encodeURIComponent(ids.site("101"))}&MATCH_anyEPCClass=${lot}`),
    ).toBe(1);
    expect(
      await count(`EQ_bizTransaction_po=${encodeURIComponent("urn:epc:id:gdti:8991234.00001.PO7")}`),
    ).toBe(1);
    expect(
      await count(
        `EQ_destination_owning_party=${encodeURIComponent(ids.party("2"))}&MATCH_anyEPC=${encodeURIComponent(ids.sscc("77"))}`,
      ),
    ).toBe(1);
    expect(
      await count(
        `GE_eventTime=2025-05-01T08:00:00%2B07:00&LT_eventTime=2025-05-01T09:00:00%2B07:00&MATCH_anyEPCClass=${lot}`,
      ),
    ).toBe(1);
    expect(await count(`GE_recordTime=2000-01-01T00:00:00Z&MATCH_anyEPCClass=${lot}`)).toBe(3);
    expect(await count(`LT_recordTime=2000-01-01T00:00:00Z&MATCH_anyEPCClass=${lot}`)).toBe(0);
  });

  it("refuses unknown parameters and bad values with QueryParameterException", async () => {
    const bumd = await t.login(DEMO_EMAILS.bumd);
    expectEpcisProblem(await query(bumd, "MATCH_epcs=x"), 400, "epcisException:QueryParameterException");
    expectEpcisProblem(
      await query(bumd, "GE_eventTime=yesterday"),
      400,
      "epcisException:QueryParameterException",
    );
    expectEpcisProblem(
      await query(bumd, "EQ_bizStep=transforming"),
      400,
      "epcisException:QueryParameterException",
    );
    expectEpcisProblem(
      await query(bumd, "eventType=PartyEvent"),
      400,
      "epcisException:QueryParameterException",
    );
    expectEpcisProblem(await query(bumd, "perPage=0"), 400, "epcisException:QueryParameterException");
    expectEpcisProblem(
      await query(bumd, "nextPageToken=forged"),
      400,
      "epcisException:QueryParameterException",
    );
  });

  it("pages with perPage and a Link to the next page, without repeats", async () => {
    const hub = await t.login(DEMO_EMAILS.hub_operator);
    const events = Array.from({ length: 5 }, (_, i) =>
      commissioning(`PAGE-${i}`, 10 + i, {
        bizStep: "arriving",
        action: "OBSERVE",
        disposition: "in_progress",
        ilmd: undefined,
      }),
    );
    expect((await capture(hub, doc(events))).statusCode).toBe(202);
    const seen: string[] = [];
    let url: string | undefined = "/epcis/events?EQ_bizStep=arriving&perPage=2";
    let pages = 0;
    while (url) {
      const res = await t.app.inject({ method: "GET", url, headers: bearer(hub) });
      expect(res.statusCode, res.body).toBe(200);
      for (const e of eventsOf(res.json())) seen.push(String(e.eventID));
      const link = res.headers.link as string | undefined;
      url = link?.match(/^<([^>]+)>; rel="next"$/)?.[1];
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("lists event types and the events of one EPC", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const types = await t.app.inject({ method: "GET", url: "/epcis/eventTypes", headers: bearer(koperasi) });
    expect(types.json().member).toEqual([
      "ObjectEvent",
      "AggregationEvent",
      "TransactionEvent",
      "TransformationEvent",
      "AssociationEvent",
    ]);
    const byEpc = await t.app.inject({
      method: "GET",
      url: `/epcis/epcs/${encodeURIComponent(ids.lot("GKP-A1"))}/events`,
      headers: bearer(koperasi),
    });
    expect(byEpc.statusCode, byEpc.body).toBe(200);
    expect(eventsOf(byEpc.json()).map((e) => e.type)).toEqual(["ObjectEvent", "AggregationEvent"]);
  });
});

describe("EPCIS access", () => {
  it("needs credentials and the right persona", async () => {
    expectEpcisProblem(
      await t.app.inject({ method: "GET", url: "/epcis/events" }),
      401,
      "epcisException:SecurityException",
    );
    const warga = await t.login(DEMO_EMAILS.warga);
    expectEpcisProblem(
      await capture(warga, doc([commissioning("W", 1)])),
      403,
      "epcisException:SecurityException",
    );
  });

  it("shows an organisation only the events it took part in; admins see all", async () => {
    const koperasi = await t.login(DEMO_EMAILS.koperasi);
    const carrier = await t.login(DEMO_EMAILS.carrier);
    const admin = await t.login(DEMO_EMAILS.admin);
    await capture(koperasi, doc([commissioning("PRIVATE-1", 5)]));
    const lot = encodeURIComponent(ids.lot("PRIVATE-1"));
    expect(eventsOf((await query(koperasi, `MATCH_epcClass=${lot}`)).json())).toHaveLength(1);
    expect(eventsOf((await query(carrier, `MATCH_epcClass=${lot}`)).json())).toHaveLength(0);
    expect(eventsOf((await query(admin, `MATCH_epcClass=${lot}`)).json())).toHaveLength(1);
    const job = await capture(koperasi, doc([commissioning("PRIVATE-2", 5)]));
    const otherJob = await t.app.inject({
      method: "GET",
      url: String(job.headers.location),
      headers: bearer(carrier),
    });
    expectEpcisProblem(otherJob, 404, "epcisException:NoSuchResourceException");
  });
});
