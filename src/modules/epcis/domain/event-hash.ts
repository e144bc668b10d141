import { createHash } from "node:crypto";
import { canonicalDigitalLink, epcUriToDigitalLink } from "./epc-uri";
import type { EpcisEvent, Namespaces } from "./types";

/**
 * The GS1 CBV 2.0 "EPCIS Event Hash ID" (reference implementation: RalphTro/epcis-event-hash-generator):
 * an eventID that any party can recompute from the event's content, whatever its serialisation, key order,
 * list order, time-zone notation or vocabulary notation.
 *
 * The pre-hash string is the event type, then the standard fields in the canonical property order, then ILMD,
 * then the user extensions found inside standard fields (prefixed by the path of field names that leads to
 * them), then the event's own user extensions. Extension keys are written `{namespace IRI}localName`, as an
 * XML capture of the same event would name them, so JSON and XML captures hash alike.
 */

const CBV_VERSION = "CBV2.0";
const CBV = "https://ref.gs1.org/cbv/";

/**
 * Prefixes the standard EPCIS 2.0.0 context declares. `namespacesOf` sees only a document's inline prefixes,
 * so these fill in what the context URL stands for. `cbvmda` is the XML namespace (no trailing colon, unlike
 * the JSON-LD context) because the pre-hash string spells keys the XML way.
 */
const STANDARD_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ["epcis", "https://ref.gs1.org/epcis/"],
  ["cbv", CBV],
  ["cbvmda", "urn:epcglobal:cbv:mda"],
  ["gs1", "https://gs1.org/voc/"],
  ["rdfs", "http://www.w3.org/2000/01/rdf-schema#"],
  ["owl", "http://www.w3.org/2002/07/owl#"],
  ["xsd", "http://www.w3.org/2001/XMLSchema#"],
  ["dcterms", "http://purl.org/dc/terms/"],
]);

/** EPCIS 1.x URN vocabulary and its CBV 2.0 Web URI. */
const CBV_URNS: ReadonlyArray<readonly [string, string]> = [
  ["urn:epcglobal:cbv:bizstep:", `${CBV}BizStep-`],
  ["urn:epcglobal:cbv:disp:", `${CBV}Disp-`],
  ["urn:epcglobal:cbv:btt:", `${CBV}BTT-`],
  ["urn:epcglobal:cbv:sdt:", `${CBV}SDT-`],
  ["urn:epcglobal:cbv:er:", `${CBV}ER-`],
];

/**
 * Where a field's bare word (`shipping`, `Temperature`) points. The JSON schema admits a bare word in these
 * fields only from the context's own list, so any colon-free value here is such a word.
 */
type Vocabulary = { prefix: "cbv"; term: string } | { prefix: "gs1"; term: "" };
const vocab = (term: string): Vocabulary => ({ prefix: "cbv", term });
const GS1_VOC: Vocabulary = { prefix: "gs1", term: "" };

/** A standard field: a value (`name=value`), a list of values, an object, or a list of objects. */
type Field =
  | { kind: "value"; name: string; time?: boolean; vocabulary?: Vocabulary }
  | { kind: "values"; name: string; item: string; wrapped: boolean; vocabulary?: Vocabulary }
  | { kind: "object"; name: string; fields: readonly Field[] }
  | { kind: "objects"; name: string; item: string; wrapped: boolean; fields: readonly Field[] };

const value = (name: string, options: { time?: boolean; vocabulary?: Vocabulary } = {}): Field => ({
  kind: "value",
  name,
  ...options,
});
const time = (name: string) => value(name, { time: true });
const epcs = (name: string): Field => ({ kind: "values", name, item: "epc", wrapped: true });
const quantities = (name: string): Field => ({
  kind: "objects",
  name,
  item: "quantityElement",
  wrapped: true,
  fields: [value("epcClass"), value("quantity"), value("uom")],
});
/** Business transactions, sources and destinations: each entry is `type=…` then the identifier. */
const typedList = (name: string, key: string, types: Vocabulary): Field => ({
  kind: "objects",
  name,
  item: "",
  wrapped: true,
  fields: [value("type", { vocabulary: types }), value(key)],
});
const dispositions = (name: string): Field => ({
  kind: "values",
  name,
  item: name,
  wrapped: false,
  vocabulary: vocab("Disp-"),
});

const SENSOR_METADATA: Field = {
  kind: "object",
  name: "sensorMetadata",
  fields: [
    time("time"),
    time("startTime"),
    time("endTime"),
    ...["deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules"].map((n) => value(n)),
  ],
};

const SENSOR_REPORT: Field = {
  kind: "objects",
  name: "sensorReport",
  item: "sensorReport",
  wrapped: false,
  fields: [
    value("type", { vocabulary: GS1_VOC }),
    value("exception", { vocabulary: GS1_VOC }),
    ...["deviceID", "deviceMetadata", "rawData", "dataProcessingMethod"].map((n) => value(n)),
    time("time"),
    value("microorganism"),
    value("chemicalSubstance"),
    value("value"),
    value("component", { vocabulary: vocab("Comp-") }),
    ...["stringValue", "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue"].map(
      (n) => value(n),
    ),
    ...["sDev", "percRank", "percValue", "uom", "coordinateReferenceSystem"].map((n) => value(n)),
  ],
};

/** CBV 2.0 canonical property order. */
const EVENT_FIELDS: readonly Field[] = [
  time("eventTime"),
  value("eventTimeZoneOffset"),
  epcs("epcList"),
  value("parentID"),
  epcs("inputEPCList"),
  epcs("childEPCs"),
  quantities("quantityList"),
  quantities("childQuantityList"),
  quantities("inputQuantityList"),
  epcs("outputEPCList"),
  quantities("outputQuantityList"),
  value("action"),
  value("transformationID"),
  value("bizStep", { vocabulary: vocab("BizStep-") }),
  value("disposition", { vocabulary: vocab("Disp-") }),
  { kind: "object", name: "persistentDisposition", fields: [dispositions("set"), dispositions("unset")] },
  { kind: "object", name: "readPoint", fields: [value("id")] },
  { kind: "object", name: "bizLocation", fields: [value("id")] },
  typedList("bizTransactionList", "bizTransaction", vocab("BTT-")),
  typedList("sourceList", "source", vocab("SDT-")),
  typedList("destinationList", "destination", vocab("SDT-")),
  // CBV 2.0 writes each sensorElement without the list's name (CBV 2.1 adds it).
  {
    kind: "objects",
    name: "sensorElementList",
    item: "sensorElement",
    wrapped: false,
    fields: [SENSOR_METADATA, SENSOR_REPORT],
  },
];

/**
 * Event keys that never enter the hash: the event type is written first on its own, eventID is what the hash
 * produces, recordTime is the receiving repository's; an error declaration or certification added later must
 * not change the identity of the event it annotates. ILMD has its own place.
 */
const EVENT_KEYS_OUTSIDE_EXTENSIONS = new Set([
  "type",
  "eventID",
  "recordTime",
  "errorDeclaration",
  "certificationInfo",
  "ilmd",
  "@context",
]);

/** Comments annotate, they do not describe the event; the reference implementation drops them at any depth. */
const COMMENT_KEYS = new Set(["comment", "rdfs:comment"]);

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isAbsent = (v: unknown): v is null | undefined => v === undefined || v === null;
const isScalar = (v: unknown): v is string | number | boolean | bigint =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" || typeof v === "bigint";
/** JSON-LD reads a lone value where a set is expected as a set of one. */
const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : isAbsent(v) ? [] : [v]);

/**
 * Surrogates (D800–DFFF) stand for code points above FFFF, so they must rank above E000–FFFF; shifting the
 * two ranges past each other turns UTF-16 unit order into code-point order.
 */
const codePointRank = (unit: number): number =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;

/** Code-point (= UTF-8 byte) order, which the algorithm asks for; `<` on strings compares UTF-16 units. */
function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}
const sorted = (parts: readonly string[]): string[] => [...parts].sort(byCodePoint);

/**
 * A timestamp in UTC with exactly three fraction digits, rounded half-up; undefined unless it is an
 * ISO 8601 date-time. A missing offset is read as UTC so that the hash never depends on the host's zone.
 */
function canonicalTimestamp(text: string): string | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = "", zone = "Z"] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3)) + (Number(fraction[3] ?? "0") >= 5 ? 1 : 0);
  let offsetMinutes = 0;
  if (zone !== "Z" && zone !== "z") {
    const digits = zone.replace(":", "");
    offsetMinutes =
      (digits[0] === "-" ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || "0"));
  }
  // setUTCFullYear, unlike Date.UTC, leaves years below 100 alone.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  date.setUTCHours(hour, minute - offsetMinutes, second, millis);
  return date.toISOString();
}

/** Plain decimal notation without superfluous zeros (`25.0` → `25`, `0.50` → `0.5`, `1e3` → `1000`). */
function canonicalNumber(text: string): string | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  if (whole === "" && fraction === "") return undefined;
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  const firstSignificant = digits.search(/[1-9]/);
  if (firstSignificant < 0) return "0";
  digits = digits.slice(firstSignificant).replace(/0+$/, "");
  point -= firstSignificant;
  const magnitude =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign === "-" ? `-${magnitude}` : magnitude;
}

/** Everything the walk needs besides the event: the prefix → IRI map in force. */
class Canonicaliser {
  constructor(private readonly namespaces: Namespaces) {}

  /** `prefix:local` keys as `{IRI}local`; keys with an unknown prefix or none stay as written. */
  key(key: string): string {
    const colon = key.indexOf(":");
    const iri = colon > 0 ? this.namespaces.get(key.slice(0, colon)) : undefined;
    return iri === undefined ? key : `{${iri}}${key.slice(colon + 1)}`;
  }

  /**
   * The normalisations every value gets: GS1 vocabulary CURIEs expanded (user-namespace CURIEs in values are
   * left alone, as the reference implementation does), CBV URNs to Web URIs, numbers without superfluous
   * zeros, EPC URIs and Digital Links to constrained canonical Digital Links.
   */
  value(raw: string): string {
    const text = this.expandGs1Curie(raw);
    const urn = CBV_URNS.find(([prefix]) => text.startsWith(prefix));
    if (urn) return urn[1] + text.slice(urn[0].length);
    return canonicalNumber(text) ?? epcUriToDigitalLink(text) ?? canonicalDigitalLink(text) ?? text;
  }

  standardValue(
    field: Extract<Field, { kind: "value" | "values" }>,
    raw: string | number | boolean | bigint,
  ): string {
    const text = scalarText(raw);
    if (text === "") return "";
    if (field.kind === "value" && field.time) return canonicalTimestamp(text) ?? text;
    if (field.vocabulary && !text.includes(":")) {
      const base = this.namespaces.get(field.vocabulary.prefix) ?? "";
      return base + field.vocabulary.term + text;
    }
    return this.value(text);
  }

  private expandGs1Curie(text: string): string {
    const match = /^([A-Za-z_][\w.-]*):(.*)$/s.exec(text);
    const iri = match ? this.namespaces.get(match[1] ?? "") : undefined;
    const isGs1Vocabulary = iri?.startsWith("https://ref.gs1.org/") || iri?.startsWith("https://gs1.org/");
    return isGs1Vocabulary ? `${iri}${match?.[2] ?? ""}` : text;
  }
}

const scalarText = (raw: string | number | boolean | bigint): string => String(raw).trim();

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * A user extension (or any key outside the standard order) as sibling strings: `{ns}key=value`, or
 * `{ns}key` followed by its children sorted; an array repeats the key once per element.
 */
function extensionEntries(c: Canonicaliser, key: string, v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((item) => extensionEntries(c, key, item));
  if (isObject(v)) return [c.key(key) + extensionBlock(c, v, NO_KEYS)];
  if (!isScalar(v)) return [];
  const text = scalarText(v);
  return [c.key(key) + (text === "" ? "" : `=${c.value(text)}`)];
}

/** An object's keys outside `standard`, rendered and sorted. */
function extensionBlock(c: Canonicaliser, obj: JsonObject, standard: ReadonlySet<string>): string {
  const entries = Object.entries(obj)
    .filter(([k]) => !standard.has(k) && !COMMENT_KEYS.has(k))
    .flatMap(([k, v]) => extensionEntries(c, k, v));
  return sorted(entries).join("");
}

/**
 * Content in a shape the standard does not give the field (an object where a value belongs, say) is still
 * hashed, written like an extension, so that no change to an event can leave its hash unchanged.
 */
const misshapen = (c: Canonicaliser, name: string, v: unknown): string =>
  extensionEntries(c, name, v).join("");

/** The standard part of one field; empty when the field is absent or holds nothing. */
function standardField(c: Canonicaliser, field: Field, v: unknown): string {
  if (isAbsent(v)) return "";
  switch (field.kind) {
    case "value": {
      if (!isScalar(v)) return misshapen(c, field.name, v);
      const text = c.standardValue(field, v);
      return text === "" ? "" : `${field.name}=${text}`;
    }
    case "values": {
      const items = asArray(v)
        .map((item) => {
          if (!isScalar(item)) return misshapen(c, field.item, item);
          const text = c.standardValue(field, item);
          return text === "" ? "" : `${field.item}=${text}`;
        })
        .filter((item) => item !== "");
      if (items.length === 0) return "";
      return (field.wrapped ? field.name : "") + sorted(items).join("");
    }
    case "object": {
      if (!isObject(v)) return misshapen(c, field.name, v);
      const inner = standardFields(c, field.fields, v);
      return inner === "" ? "" : field.name + inner;
    }
    case "objects": {
      const items = asArray(v)
        .map((item) => {
          if (!isObject(item)) return misshapen(c, field.item || field.name, item);
          const inner = standardFields(c, field.fields, item);
          return inner === "" ? "" : field.item + inner;
        })
        .filter((item) => item !== "");
      if (items.length === 0) return "";
      return (field.wrapped ? field.name : "") + sorted(items).join("");
    }
  }
}

function standardFields(c: Canonicaliser, fields: readonly Field[], obj: JsonObject): string {
  return fields.map((field) => standardField(c, field, obj[field.name])).join("");
}

/**
 * CBV 2.0 puts user extensions found inside standard fields after ILMD, each prefixed by the names of the
 * standard fields that enclose it (CBV 2.1 moves them next to their field instead).
 */
function nestedExtensions(c: Canonicaliser, fields: readonly Field[], obj: JsonObject): string {
  const parts: string[] = [];
  for (const field of fields) {
    const v = obj[field.name];
    if (field.kind === "object" && isObject(v)) {
      const inner = nestedExtensions(c, field.fields, v) + ownExtensions(c, field.fields, v);
      if (inner !== "") parts.push(field.name + inner);
    } else if (field.kind === "objects") {
      const items = asArray(v)
        .filter(isObject)
        .map((item) => nestedExtensions(c, field.fields, item) + ownExtensions(c, field.fields, item))
        .filter((inner) => inner !== "")
        .map((inner) => field.item + inner);
      if (items.length > 0) parts.push((field.wrapped ? field.name : "") + sorted(items).join(""));
    }
  }
  return parts.join("");
}

function ownExtensions(c: Canonicaliser, fields: readonly Field[], obj: JsonObject): string {
  return extensionBlock(c, obj, new Set(fields.map((f) => f.name)));
}

/** The CBV 2.0 pre-hash string of `event`; `namespaces` resolves the extension prefixes its document declares. */
export function preHashString(event: EpcisEvent, namespaces: Namespaces): string {
  const c = new Canonicaliser(new Map([...STANDARD_NAMESPACES, ...namespaces]));
  const ilmdPart = isAbsent(event.ilmd) ? "" : extensionEntries(c, "ilmd", event.ilmd).join("");
  const eventLevel = new Set([...EVENT_FIELDS.map((f) => f.name), ...EVENT_KEYS_OUTSIDE_EXTENSIONS]);
  return [
    `eventType=${event.type}`,
    standardFields(c, EVENT_FIELDS, event),
    ilmdPart,
    nestedExtensions(c, EVENT_FIELDS, event),
    extensionBlock(c, event, eventLevel),
  ].join("");
}

/** The event's hash-based eventID: `ni:///sha-256;<hex>?ver=CBV2.0` (RFC 6920 named information). */
export function eventHashId(event: EpcisEvent, namespaces: Namespaces): string {
  const digest = createHash("sha256").update(preHashString(event, namespaces), "utf8").digest("hex");
  return `ni:///sha-256;${digest}?ver=${CBV_VERSION}`;
}
