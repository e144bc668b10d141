// Lumbung's EPCIS capture validation against the official GS1 material, read in place from
// ../shared/conformance/epcis (never copied into the project): every official EPCISDocument is valid,
// and every way of breaking one that the official JSON schema rejects, Lumbung rejects too.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { namespacesOf } from "../../src/modules/epcis/domain/context";
import { validateDocument, validateEvent } from "../../src/modules/epcis/domain/validate";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIR = path.resolve(REPO, "../shared/conformance/epcis");
const EXAMPLES = readdirSync(path.join(DIR, "examples"))
  .filter((f) => f.endsWith(".jsonld"))
  .sort();

type Json = Record<string, unknown>;

const read = (file: string) => JSON.parse(readFileSync(path.join(DIR, "examples", file), "utf8")) as Json;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const officialSchema = ajv.compile(
  JSON.parse(readFileSync(path.join(DIR, "EPCIS-JSON-Schema.json"), "utf8")),
);

const captureDocuments = EXAMPLES.filter((f) => read(f).type === "EPCISDocument");

it("finds the official examples: 15 capture documents and one query result", () => {
  expect(EXAMPLES).toHaveLength(16);
  expect(captureDocuments).toHaveLength(15);
});

describe.each(captureDocuments)("%s", (file) => {
  it("validates with no violations", () => {
    expect(validateDocument(read(file))).toEqual([]);
  });
});

describe("EPCISQueryDocument.jsonld", () => {
  const query = read("EPCISQueryDocument.jsonld");

  it("is refused for capture as a query result", () => {
    expect(validateDocument(query)).toEqual([
      { eventIndex: null, field: "type", message: expect.stringMatching(/query result/) },
    ]);
  });

  it("holds events that are each valid", () => {
    const body = query.epcisBody as { queryResults: { resultsBody: { eventList: unknown[] } } };
    const events = body.queryResults.resultsBody.eventList;
    expect(events.length).toBeGreaterThan(0);
    const namespaces = namespacesOf(query["@context"]);
    events.forEach((event, i) => {
      expect(validateEvent(event, namespaces, i)).toEqual([]);
    });
  });
});

/**
 * Ways of breaking a document that the official schema forbids. Each edits the document (and its
 * first event) in place and returns the path of the field it broke, or null when it does not apply
 * to that example (one without quantities cannot get a quantity as text).
 */
type Breakage = (doc: Json, event: Json) => string | null;

const E = "epcisBody.eventList[0]";
const firstOf = (o: Json, key: string) => (Array.isArray(o[key]) ? (o[key] as Json[])[0] : undefined);
const firstQuantity = (e: Json) =>
  ["quantityList", "childQuantityList", "inputQuantityList"]
    .map((key) => [key, firstOf(e, key)] as const)
    .find(([, q]) => q !== undefined);

function set(target: Json, key: string, value: unknown, at: string): string {
  target[key] = value;
  return at;
}

function remove(target: Json | undefined, key: string, at: string): string | null {
  if (target?.[key] === undefined) return null;
  delete target[key];
  return at;
}

const BREAKAGES: Record<string, Breakage> = {
  "document without creationDate": (doc) => remove(doc, "creationDate", "creationDate"),
  "document without @context": (doc) => remove(doc, "@context", "@context"),
  "schemaVersion as a number": (doc) => set(doc, "schemaVersion", 2, "schemaVersion"),
  "creationDate without a time": (doc) => set(doc, "creationDate", "2005-07-11", "creationDate"),
  "unknown document field": (doc) => set(doc, "events", [], "events"),
  "event without eventTime": (_, e) => remove(e, "eventTime", `${E}.eventTime`),
  "event without eventTimeZoneOffset": (_, e) => remove(e, "eventTimeZoneOffset", `${E}.eventTimeZoneOffset`),
  "eventTime without offset": (_, e) => set(e, "eventTime", "2020-01-14T00:00:00", `${E}.eventTime`),
  "eventTimeZoneOffset +7": (_, e) => set(e, "eventTimeZoneOffset", "+7", `${E}.eventTimeZoneOffset`),
  "action removed": (_, e) => remove(e, "action", `${E}.action`),
  "action in lower case": (_, e) =>
    typeof e.action === "string" ? set(e, "action", e.action.toLowerCase(), `${E}.action`) : null,
  "action on a TransformationEvent": (_, e) =>
    e.type === "TransformationEvent" ? set(e, "action", "ADD", `${E}.action`) : null,
  'bizStep "transforming"': (_, e) => set(e, "bizStep", "transforming", `${E}.bizStep`),
  'disposition "in-transit"': (_, e) => set(e, "disposition", "in-transit", `${E}.disposition`),
  "unknown event field without a prefix": (_, e) => set(e, "grade", "A", `${E}.grade`),
  "readPoint without id": (_, e) => (e.readPoint ? set(e, "readPoint", {}, `${E}.readPoint.id`) : null),
  "quantity as text": (_, e) => {
    const [list, q] = firstQuantity(e) ?? [];
    return q && typeof q.quantity === "number"
      ? set(q, "quantity", String(q.quantity), `${E}.${list}[0].quantity`)
      : null;
  },
  "quantity element with an extra field": (_, e) => {
    const [list, q] = firstQuantity(e) ?? [];
    return q ? set(q, "grade", "A", `${E}.${list}[0].grade`) : null;
  },
  "bizTransaction with an unknown type": (_, e) => {
    const bt = firstOf(e, "bizTransactionList");
    return bt ? set(bt, "type", "purchase_order", `${E}.bizTransactionList[0].type`) : null;
  },
  "source without type": (_, e) => remove(firstOf(e, "sourceList"), "type", `${E}.sourceList[0].type`),
  "errorDeclaration without declarationTime": (_, e) =>
    remove(
      e.errorDeclaration as Json | undefined,
      "declarationTime",
      `${E}.errorDeclaration.declarationTime`,
    ),
  "empty persistentDisposition": (_, e) =>
    e.persistentDisposition ? set(e, "persistentDisposition", {}, `${E}.persistentDisposition`) : null,
  "sensorReport without type": (_, e) => {
    const element = firstOf(e, "sensorElementList");
    const reading = element && firstOf(element, "sensorReport");
    return remove(reading, "type", `${E}.sensorElementList[0].sensorReport[0].type`);
  },
  "ilmd on an OBSERVE ObjectEvent": (_, e) =>
    e.type === "ObjectEvent" && e.action === "OBSERVE" ? set(e, "ilmd", {}, `${E}.ilmd`) : null,
};

// Decided while collecting, so every generated test has something to check.
const broken = captureDocuments.flatMap((file) =>
  Object.entries(BREAKAGES).flatMap(([name, breakage]) => {
    const doc = read(file);
    const field = breakage(doc, ((doc.epcisBody as Json).eventList as Json[])[0] as Json);
    return field === null ? [] : [{ file, name, doc, field }];
  }),
);

describe("what the official schema rejects, Lumbung rejects at the same field", () => {
  it.each(broken)("$file: $name", ({ doc, field }) => {
    // The schema's own verdict first, so each case is known to break the standard.
    expect(officialSchema(doc)).toBe(false);
    expect(validateDocument(doc).map((v) => v.field)).toContain(field);
  });

  it("tries every breakage on at least one example", () => {
    expect(new Set(broken.map((b) => b.name))).toEqual(new Set(Object.keys(BREAKAGES)));
  });
});
