// Every official EPCIS 2.0 example is captured, queried back, compared field by field with what was
// sent, and the query documents are validated against the official JSON schema — all read in place
// from ../shared/conformance/epcis (never copied into the project).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { bearer, DEMO_EMAILS, useTestApp } from "../support/app";
import { commissioning, doc } from "../support/epcis";

const DIR = path.resolve(process.cwd(), "../shared/conformance/epcis");
const EXAMPLES = readdirSync(path.join(DIR, "examples"))
  .filter((f) => f.endsWith(".jsonld"))
  .sort();

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSchema = ajv.compile(
  JSON.parse(readFileSync(path.join(DIR, "EPCIS-JSON-Schema.json"), "utf8")),
);

type Json = Record<string, unknown>;

function eventsIn(document: Json): Json[] {
  const body = document.epcisBody as Json;
  if (document.type === "EPCISQueryDocument") {
    return ((body.queryResults as Json).resultsBody as Json).eventList as Json[];
  }
  return body.eventList as Json[];
}

it("finds the official examples", () => {
  expect(EXAMPLES.length).toBe(16);
});

for (const file of EXAMPLES) {
  describe(file, () => {
    const t = useTestApp(); // a fresh repository per example: several examples reuse the same eventIDs
    const original = JSON.parse(readFileSync(path.join(DIR, "examples", file), "utf8")) as Json;

    it("is captured, queried back field by field, and the answer validates against the schema", async () => {
      const token = await t.login(DEMO_EMAILS.koperasi);
      const res = await t.app.inject({
        method: "POST",
        url: "/epcis/capture",
        headers: { ...bearer(token), "content-type": "application/ld+json" },
        payload: JSON.stringify(original),
      });
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toMatchObject({ success: true, running: false, errors: [] });

      const sent = eventsIn(original);
      const answer = await t.app.inject({
        method: "GET",
        url: "/epcis/events?perPage=1000",
        headers: bearer(token),
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const queryDoc = answer.json() as Json;
      const ok = validateSchema(queryDoc);
      expect(ok, JSON.stringify(validateSchema.errors?.slice(0, 5))).toBe(true);

      const back = eventsIn(queryDoc);
      const distinctIds = new Set(sent.map((e, i) => (e.eventID as string | undefined) ?? `#${i}`));
      expect(back).toHaveLength(distinctIds.size);
      for (const [i, event] of sent.entries()) {
        const match = event.eventID ? back.find((b) => b.eventID === event.eventID) : back[i];
        expect(match, `event ${i}`).toBeDefined();
        for (const [field, value] of Object.entries(event)) {
          // recordTime is the repository's to set: "ignored when presented to the capture interface" (EPCIS 2.0 §7.4.1).
          if (field === "recordTime") continue;
          expect(match?.[field], `${file} event ${i} field ${field}`).toEqual(value);
        }
        expect(typeof match?.recordTime).toBe("string");
        expect(String(match?.eventID)).not.toBe("");

        const one = await t.app.inject({
          method: "GET",
          url: `/epcis/events/${encodeURIComponent(String(match?.eventID))}`,
          headers: bearer(token),
        });
        expect(one.statusCode).toBe(200);
        expect(validateSchema(one.json()), JSON.stringify(validateSchema.errors?.slice(0, 3))).toBe(true);
      }
    });
  });
}

describe("invalid documents are rejected whole, with nothing stored", () => {
  const t = useTestApp();
  const valid = commissioning("CONF-OK", 100);
  const invalid: [string, unknown][] = [
    ["an unknown bare bizStep", doc([valid, commissioning("C1", 1, { bizStep: "transforming" })])],
    ["an undeclared extension namespace", doc([valid, commissioning("C2", 1, { "acme:grade": "A" })])],
    [
      "an eventTime without an offset",
      doc([valid, commissioning("C3", 1, { eventTime: "2025-04-15T07:30:00" })]),
    ],
    ["a bad eventTimeZoneOffset", doc([valid, commissioning("C4", 1, { eventTimeZoneOffset: "+7" })])],
    ["an EPC that is not a URI", doc([valid, commissioning("C5", 1, { epcList: ["sack 12"] })])],
    [
      "a quantity that is not a number",
      doc([
        valid,
        commissioning("C6", 1, {
          quantityList: [{ epcClass: "urn:epc:class:lgtin:8991234.012345.C6", quantity: "ten" }],
        }),
      ]),
    ],
    ["an ObjectEvent without action", doc([valid, { ...commissioning("C7", 1), action: undefined }])],
    ["an unknown event type", doc([valid, { ...commissioning("C8", 1), type: "HarvestEvent" }])],
    [
      "an unknown bizTransaction type",
      doc([
        valid,
        commissioning("C9", 1, { bizTransactionList: [{ type: "invoice-ish", bizTransaction: "urn:x:1" }] }),
      ]),
    ],
    [
      "an unknown source type",
      doc([valid, commissioning("C10", 1, { sourceList: [{ type: "seller", source: "urn:x:1" }] })]),
    ],
    ["a wrong schemaVersion", { ...doc([valid]), schemaVersion: "1.2" }],
    ["a missing eventList", { ...doc([valid]), epcisBody: {} }],
  ];

  for (const [what, document] of invalid) {
    it(`rejects ${what}`, async () => {
      const token = await t.login(DEMO_EMAILS.koperasi);
      const before = await t.app.inject({
        method: "GET",
        url: "/epcis/events?perPage=1000",
        headers: bearer(token),
      });
      const res = await t.app.inject({
        method: "POST",
        url: "/epcis/capture",
        headers: { ...bearer(token), "content-type": "application/ld+json" },
        payload: JSON.stringify(document),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().type).toBe("epcisException:ValidationException");
      const after = await t.app.inject({
        method: "GET",
        url: "/epcis/events?perPage=1000",
        headers: bearer(token),
      });
      expect(eventsIn(after.json())).toHaveLength(eventsIn(before.json()).length);
    });
  }
});
