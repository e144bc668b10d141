import {
  CBV_VOCABULARIES,
  type CbvKind,
  canonicalCbv,
  closestCbvTerm,
  isAbsoluteUri,
  isGs1ReservedUri,
  nearest,
  otherCbvKind,
} from "./cbv";
import { namespacesOf } from "./context";
import { gs1CheckDigit } from "./epc-uri";
import { EVENT_TYPES, type EventType, type Namespaces, type Violation } from "./types";

/**
 * EPCIS 2.0 capture validation: the rules of the GS1 JSON schema (event structures, required and
 * allowed fields, formats), the CBV 2.0 vocabularies, EPC / GS1 Digital Link identifier syntax and
 * JSON-LD extension namespaces, reported as every problem at once with a path and a message a person
 * can act on. Hand-written rather than a zod schema because the rules are conditional on `type` and
 * `action`, and a union's "invalid input" would not say which rule was broken.
 */

type Json = Record<string, unknown>;

interface Scope {
  readonly eventIndex: number | null;
  readonly namespaces: Namespaces;
  readonly out: Violation[];
}

type Check = (scope: Scope, path: string, value: unknown) => void;

const ROOT = "$";

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const nonEmptyArray = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

function child(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  // Extension keys that are full IRIs contain dots and slashes; brackets keep the path readable.
  const segment = /^[A-Za-z_@$][\w@$:-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!path) return segment;
  return segment.startsWith("[") ? `${path}${segment}` : `${path}.${segment}`;
}

/** The last step of a path ("epcList[2]", "bizStep"), so a message reads on its own. */
function leaf(path: string): string {
  if (path.endsWith('"]')) {
    const open = path.lastIndexOf('["');
    return JSON.parse(path.slice(open + 1, -1)) as string;
  }
  return path.slice(path.lastIndexOf(".") + 1) || path;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${show(value)}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${show(value)}`;
}

function report(scope: Scope, path: string, message: string): void {
  scope.out.push({ eventIndex: scope.eventIndex, field: path || ROOT, message });
}

// ---------------------------------------------------------------------------------------------
// Scalars: strings, URIs, times

function isString(scope: Scope, path: string, value: unknown, what: string): value is string {
  if (typeof value === "string") return true;
  report(scope, path, `${leaf(path)} must be ${what} (a JSON string), not ${describe(value)}`);
  return false;
}

const text: Check = (scope, path, value) => {
  isString(scope, path, value, "text");
};

function uri(hint = 'e.g. "urn:uuid:…" or "https://example.com/…"'): Check {
  return (scope, path, value) => {
    if (!isString(scope, path, value, "an absolute URI")) return;
    if (!isAbsoluteUri(value)) {
      report(scope, path, `${leaf(path)} ${show(value)} is not an absolute URI (scheme:rest); ${hint}`);
    }
  };
}

const anyUri = uri();

// RFC 3339 date-time; the offset group is optional here only to tell "no offset" apart from garbage.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))?$/;

/** A date-time with an explicit offset: without one, 08:00 in Lampung and 08:00 UTC look the same. */
const time: Check = (scope, path, value) => {
  if (!isString(scope, path, value, "a date-time")) return;
  const m = DATE_TIME.exec(value);
  const example = '"2025-04-15T08:30:00.000+07:00"';
  if (!m) {
    report(
      scope,
      path,
      `${leaf(path)} ${show(value)} is not an RFC 3339 date-time; write date, time with seconds and offset, e.g. ${example}`,
    );
    return;
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) {
    report(scope, path, `${leaf(path)} ${show(value)} is not a real calendar date and time`);
    return;
  }
  if (!m[7]) {
    report(
      scope,
      path,
      `${leaf(path)} ${show(value)} has no UTC offset, so the moment is ambiguous; end it with "Z" or an offset such as "+07:00", e.g. ${example}`,
    );
  } else if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) {
    report(scope, path, `${leaf(path)} ${show(value)} has an impossible UTC offset`);
  }
};

const TIME_ZONE_OFFSET = /^[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)$/;

const timeZoneOffset: Check = (scope, path, value) => {
  if (!isString(scope, path, value, "a UTC offset")) return;
  if (!TIME_ZONE_OFFSET.test(value)) {
    report(
      scope,
      path,
      `${leaf(path)} ${show(value)} must be a UTC offset written ±hh:mm between -14:00 and +14:00, e.g. "+07:00" for WIB`,
    );
  }
};

function number(scope: Scope, path: string, value: unknown): value is number {
  if (typeof value === "number" && Number.isFinite(value)) return true;
  const quoted = typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
  report(
    scope,
    path,
    quoted
      ? `${leaf(path)} must be a JSON number, not the string ${show(value)}; drop the quotes`
      : `${leaf(path)} must be a JSON number (e.g. 200 or 4.5), not ${describe(value)}`,
  );
  return false;
}

const numeric: Check = (scope, path, value) => {
  number(scope, path, value);
};

// ---------------------------------------------------------------------------------------------
// Containers and extension fields

interface ArrayRules {
  minItems?: number;
  /** Why an empty list is wrong, when it is. */
  emptyMessage?: string;
  /** Key under which two items count as the same; duplicates are reported. */
  identity?: (item: unknown) => string | null;
}

function arrayOf(item: Check, rules: ArrayRules = {}): Check {
  return (scope, path, value) => {
    if (!Array.isArray(value)) {
      report(scope, path, `${leaf(path)} must be a JSON array, not ${describe(value)}`);
      return;
    }
    if (value.length < (rules.minItems ?? 0)) {
      report(scope, path, rules.emptyMessage ?? `${leaf(path)} must not be empty`);
    }
    const seen = new Map<string, number>();
    value.forEach((element, i) => {
      item(scope, child(path, i), element);
      const key = rules.identity?.(element);
      if (key == null) return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        report(
          scope,
          child(path, i),
          `${show(element)} is listed twice in ${leaf(path)} (also at [${first}]); list it once`,
        );
      }
    });
  };
}

const JSON_LD_KEYWORDS = new Set(["@context", "@id", "@type", "@value", "@language", "@list", "@set"]);

function prefixExample(scope: Scope): string {
  return scope.namespaces.keys().next().value ?? "example";
}

/**
 * A key with a colon is an extension field: a compact IRI whose prefix the @context declares
 * (`example:grade`), or a full IRI. An undeclared prefix is almost always a forgotten @context entry,
 * and JSON-LD processors would silently read it as an IRI with an unknown scheme.
 */
function checkExtensionKey(scope: Scope, path: string, key: string): void {
  if (/^(?:https?:\/\/|urn:)/i.test(key)) {
    if (!isAbsoluteUri(key)) {
      report(scope, path, `extension field ${show(key)} is not a well-formed IRI`);
    }
    return;
  }
  const colon = key.indexOf(":");
  const prefix = key.slice(0, colon);
  if (!scope.namespaces.has(prefix)) {
    report(
      scope,
      path,
      `extension field ${show(key)} uses the namespace prefix "${prefix}", which the @context does not declare; ` +
        `add { "${prefix}": "https://<your domain>/epcis/" } to the document's @context or write the field as a full IRI`,
    );
  } else if (colon === key.length - 1) {
    report(scope, path, `extension field ${show(key)} has a prefix but no name after the colon`);
  }
}

/** Inside an extension value, nested keys are namespaced too, or JSON-LD would drop them. */
function checkExtensionValue(scope: Scope, path: string, value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((element, i) => {
      checkExtensionValue(scope, child(path, i), element);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [key, nested] of Object.entries(value)) {
    const at = child(path, key);
    if (JSON_LD_KEYWORDS.has(key)) continue;
    if (key.includes(":")) checkExtensionKey(scope, at, key);
    else {
      report(
        scope,
        at,
        `field ${show(key)} inside the extension ${leaf(path)} needs a namespace prefix too, e.g. "${prefixExample(scope)}:${key}"`,
      );
    }
    checkExtensionValue(scope, at, nested);
  }
}

interface Shape {
  /** How a person calls the object, for messages ("ObjectEvent", "readPoint", "a quantity element"). */
  readonly name: string;
  readonly fields: Readonly<Record<string, Check>>;
  /** Required field → what to tell someone who left it out. */
  readonly required?: Readonly<Record<string, string>>;
  /** Whether the standard opens this object to extension fields. */
  readonly extensible: boolean;
  /** Fields people put here by mistake → where they belong. */
  readonly misplaced?: Readonly<Record<string, string>>;
}

function unknownFieldMessage(scope: Scope, shape: Shape, key: string): string {
  const misplaced = shape.misplaced?.[key];
  if (misplaced) return misplaced;
  const near = nearest(key, Object.keys(shape.fields));
  const parts = [`${shape.name} has no field ${show(key)}`];
  if (near) parts.push(`did you mean "${near}"?`);
  else if (shape.extensible) {
    parts.push(`data of your own needs a declared namespace prefix, e.g. "${prefixExample(scope)}:${key}"`);
  }
  return parts.join("; ");
}

/** Checks an object against a shape; returns it for cross-field rules, or null if not an object. */
function checkShape(scope: Scope, path: string, value: unknown, shape: Shape): Json | null {
  if (!isObject(value)) {
    const what = shape.name === leaf(path) ? "a JSON object" : `a JSON object (${shape.name})`;
    report(scope, path, `${leaf(path)} must be ${what}, not ${describe(value)}`);
    return null;
  }
  for (const [key, fieldValue] of Object.entries(value)) {
    if (fieldValue === undefined) continue;
    const at = child(path, key);
    const check = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
    if (check) check(scope, at, fieldValue);
    else if (key.includes(":") && !key.startsWith("@")) {
      if (shape.extensible) {
        checkExtensionKey(scope, at, key);
        checkExtensionValue(scope, at, fieldValue);
      } else {
        report(scope, at, `${shape.name} allows no extension fields; move ${show(key)} to the event itself`);
      }
    } else report(scope, at, unknownFieldMessage(scope, shape, key));
  }
  for (const [key, message] of Object.entries(shape.required ?? {})) {
    if (value[key] === undefined) report(scope, child(path, key), message);
  }
  return value;
}

function shaped(shape: Shape): Check {
  return (scope, path, value) => {
    checkShape(scope, path, value, shape);
  };
}

// ---------------------------------------------------------------------------------------------
// CBV vocabulary fields

const VOCABULARY_EXAMPLE: Record<CbvKind, string> = {
  bizStep: "shipping",
  disposition: "in_transit",
  bizTransactionType: "po",
  sourceDestType: "owning_party",
  errorReason: "incorrect_data",
  measurementType: "Temperature",
  sensorAlertType: "ALARM_CONDITION",
  sensorComponent: "latitude",
};

const withArticle = (label: string) => `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;

function vocabulary(kind: CbvKind): Check {
  const { label } = CBV_VOCABULARIES[kind];
  return (scope, path, value) => {
    if (!isString(scope, path, value, `${withArticle(label)} (CBV term or absolute URI)`)) return;
    if (canonicalCbv(kind, value) !== null) return;
    const name = `${leaf(path)} ${show(value)}`;
    const other = otherCbvKind(kind, value);
    if (other) {
      report(scope, path, `${name} is a CBV ${CBV_VOCABULARIES[other].label}, not ${withArticle(label)}`);
      return;
    }
    const near = closestCbvTerm(kind, value);
    const advice = near
      ? `did you mean "${near}"?`
      : `use a CBV 2.0 ${label} such as "${VOCABULARY_EXAMPLE[kind]}" (all are listed at https://ref.gs1.org/cbv/) or an absolute URI from your own vocabulary`;
    const where = isGs1ReservedUri(value) ? "is in a GS1 namespace but is not" : "is not";
    report(scope, path, `${name} ${where} a CBV 2.0 ${label}; ${advice}`);
  };
}

const bizStep = vocabulary("bizStep");
const disposition = vocabulary("disposition");

// ---------------------------------------------------------------------------------------------
// Identifiers: EPC URIs (GS1 Tag Data Standard) and GS1 Digital Link URIs

/** What an identifier field must name. */
type Level = "instance" | "class" | "location" | "party";

const LEVEL_EXAMPLE: Record<Level, string> = {
  instance:
    'e.g. "urn:epc:id:sgtin:8991234.012345.1001", "urn:epc:id:sscc:8991234.0000000001" or "https://id.gs1.org/01/08991234123455/21/1001"',
  class:
    'e.g. "urn:epc:class:lgtin:8991234.012345.LOT25A", "urn:epc:idpat:sgtin:8991234.012345.*" or "https://id.gs1.org/01/08991234123455/10/LOT25A"',
  location: 'e.g. "urn:epc:id:sgln:8991234.00001.0" or "https://id.gs1.org/414/8991234000015/254/dock1"',
  party: 'e.g. "urn:epc:id:pgln:8991234.00001" or "urn:epc:id:sgln:8991234.00001.0"',
};

// EPC URI components: letters, digits and a few marks; other characters are %-escaped.
const GS3A3 = /^(?:[A-Za-z0-9!'()*+,\-.:;=_]|%(?:22|25|26|2[Ff]|3[CcEeFf]))+$/;

const escapedLength = (component: string) => component.replace(/%[0-9A-Fa-f]{2}/g, "_").length;

function companyPrefix(cp: string): string | null {
  return /^\d{6,12}$/.test(cp) ? null : `the GS1 company prefix "${cp}" must be 6 to 12 digits`;
}

/** Company prefix and reference share a fixed number of digits (13 for a GTIN's, 12 for a GLN's…). */
function prefixAndReference(cp: string, ref: string, total: number, refName: string): string | null {
  const problem = companyPrefix(cp);
  if (problem) return problem;
  if (!/^\d*$/.test(ref)) return `the ${refName} "${ref}" must be digits`;
  if (cp.length + ref.length !== total) {
    return `company prefix and ${refName} must together be ${total} digits, not ${cp.length + ref.length}`;
  }
  return null;
}

function component(value: string, max: number, name: string): string | null {
  if (!GS3A3.test(value)) {
    return `the ${name} "${value}" is empty or has characters an EPC URI does not allow (letters, digits and !'()*+,-.:;=_; escape others as %22 %25 %26 %2F %3C %3E %3F)`;
  }
  const length = escapedLength(value);
  return length > max ? `the ${name} is ${length} characters long; at most ${max} are allowed` : null;
}

function digits(value: string, max: number, name: string): string | null {
  return new RegExp(`^\\d{1,${max}}$`).test(value)
    ? null
    : `the ${name} "${value}" must be 1 to ${max} digits`;
}

interface EpcScheme {
  readonly layout: string;
  readonly parts: number;
  readonly check: (parts: string[]) => string | null;
}

const part = (parts: string[], i: number) => parts[i] ?? "";

/** Pure-identity EPC schemes of the GS1 Tag Data Standard and the grammar of each. */
const EPC_ID_SCHEMES: Readonly<Record<string, EpcScheme>> = {
  sgtin: {
    layout: "CompanyPrefix.ItemRefAndIndicator.SerialNumber",
    parts: 3,
    check: (p) =>
      prefixAndReference(part(p, 0), part(p, 1), 13, "item reference") ??
      component(part(p, 2), 20, "serial number"),
  },
  sscc: {
    layout: "CompanyPrefix.SerialReference",
    parts: 2,
    check: (p) => prefixAndReference(part(p, 0), part(p, 1), 17, "serial reference"),
  },
  sgln: {
    layout: "CompanyPrefix.LocationReference.Extension (Extension 0 for the site itself)",
    parts: 3,
    check: (p) =>
      prefixAndReference(part(p, 0), part(p, 1), 12, "location reference") ??
      component(part(p, 2), 20, "extension"),
  },
  grai: {
    layout: "CompanyPrefix.AssetType.SerialNumber",
    parts: 3,
    check: (p) =>
      prefixAndReference(part(p, 0), part(p, 1), 12, "asset type") ??
      component(part(p, 2), 16, "serial number"),
  },
  giai: {
    layout: "CompanyPrefix.IndividualAssetReference",
    parts: 2,
    check: (p) =>
      companyPrefix(part(p, 0)) ?? component(part(p, 1), 30 - part(p, 0).length, "asset reference"),
  },
  gsrn: {
    layout: "CompanyPrefix.ServiceReference",
    parts: 2,
    check: (p) => prefixAndReference(part(p, 0), part(p, 1), 17, "service reference"),
  },
  gsrnp: {
    layout: "CompanyPrefix.ServiceReference",
    parts: 2,
    check: (p) => prefixAndReference(part(p, 0), part(p, 1), 17, "service reference"),
  },
  gdti: {
    layout: "CompanyPrefix.DocumentType.SerialNumber",
    parts: 3,
    check: (p) =>
      prefixAndReference(part(p, 0), part(p, 1), 12, "document type") ??
      component(part(p, 2), 17, "serial number"),
  },
  cpi: {
    layout: "CompanyPrefix.ComponentPartReference.Serial",
    parts: 3,
    check: (p) =>
      companyPrefix(part(p, 0)) ??
      (/^(?:[0-9A-Z-]|%2[3Ff])+$/.test(part(p, 1)) && escapedLength(part(p, 1)) + part(p, 0).length <= 30
        ? null
        : `the component/part reference "${part(p, 1)}" must be capital letters, digits, - and %23 / %2F, at most 30 characters with the prefix`) ??
      digits(part(p, 2), 12, "serial"),
  },
  sgcn: {
    layout: "CompanyPrefix.CouponReference.SerialComponent",
    parts: 3,
    check: (p) =>
      prefixAndReference(part(p, 0), part(p, 1), 12, "coupon reference") ??
      digits(part(p, 2), 12, "serial component"),
  },
  ginc: {
    layout: "CompanyPrefix.ConsignmentReference",
    parts: 2,
    check: (p) =>
      companyPrefix(part(p, 0)) ?? component(part(p, 1), 30 - part(p, 0).length, "consignment reference"),
  },
  gsin: {
    layout: "CompanyPrefix.ShipperReference",
    parts: 2,
    check: (p) => prefixAndReference(part(p, 0), part(p, 1), 16, "shipper reference"),
  },
  itip: {
    layout: "CompanyPrefix.ItemRefAndIndicator.PieceNumber.TotalCount.SerialNumber",
    parts: 5,
    check: (p) =>
      prefixAndReference(part(p, 0), part(p, 1), 13, "item reference") ??
      (/^\d{2}$/.test(part(p, 2)) && /^\d{2}$/.test(part(p, 3))
        ? null
        : "piece number and total count must be two digits each") ??
      component(part(p, 4), 20, "serial number"),
  },
  upui: {
    layout: "CompanyPrefix.ItemRefAndIndicator.ThirdPartyExtension",
    parts: 3,
    check: (p) =>
      prefixAndReference(part(p, 0), part(p, 1), 13, "item reference") ??
      component(part(p, 2), 28, "third-party extension"),
  },
  pgln: {
    layout: "CompanyPrefix.PartyReference",
    parts: 2,
    check: (p) => prefixAndReference(part(p, 0), part(p, 1), 12, "party reference"),
  },
  gid: {
    layout: "ManagerNumber.ObjectClass.SerialNumber",
    parts: 3,
    check: (p) =>
      p.every((x) => /^\d+$/.test(x)) ? null : "manager number, object class and serial must be digits",
  },
  usdod: {
    layout: "CAGEOrDODAAC.SerialNumber",
    parts: 2,
    check: (p) =>
      /^[0-9A-Z]{5,6}$/.test(part(p, 0)) && /^\d+$/.test(part(p, 1))
        ? null
        : "the CAGE/DoDAAC code must be 5–6 capital letters or digits and the serial digits",
  },
  adi: {
    layout: "CAGEOrDODAAC.OriginalPartNumber.Serial",
    parts: 3,
    check: (p) =>
      /^[0-9A-Z]{5,6}$/.test(part(p, 0)) &&
      /^(?:[0-9A-Z-]|%2[3Ff])*$/.test(part(p, 1)) &&
      /^(?:[0-9A-Z-]|%2[3Ff])+$/.test(part(p, 2))
        ? null
        : "the CAGE/DoDAAC code must be 5–6 capital letters or digits, the part number and serial capital letters, digits, - or %2F",
  },
  bic: {
    layout: "ContainerCode (ISO 6346, e.g. CSQU3054383)",
    parts: 1,
    check: (p) => (/^[A-Z]{3}[UJZ]\d{7}$/.test(part(p, 0)) ? null : "it must be an ISO 6346 container code"),
  },
  imovn: {
    layout: "IMONumber (7 digits)",
    parts: 1,
    check: (p) => (/^\d{7}$/.test(part(p, 0)) ? null : "an IMO vessel number is 7 digits"),
  },
};

/** Splits `a.b.c.rest.with.dots` into n parts; the last component may itself contain dots. */
function splitParts(body: string, n: number): string[] | null {
  const pieces = body.split(".");
  if (pieces.length < n) return null;
  return [...pieces.slice(0, n - 1), pieces.slice(n - 1).join(".")];
}

function epcSchemeProblem(scheme: string, layout: EpcScheme, body: string): string | null {
  const parts = splitParts(body, layout.parts);
  if (!parts) return `is malformed: an ${scheme} EPC URI has the form urn:epc:id:${scheme}:${layout.layout}`;
  const problem = layout.check(parts);
  return problem && `is malformed: ${problem} (urn:epc:id:${scheme}:${layout.layout})`;
}

function epcUrnProblem(value: string, level: Level): string | null {
  const m = /^urn:epc:([a-z]+):([a-z0-9-]+):(.*)$/.exec(value);
  if (!m) {
    return /^urn:epc:/i.test(value) && !value.startsWith("urn:epc:")
      ? "is not in lower case; EPC URIs are written urn:epc:id:…"
      : `is not a well-formed EPC URI; ${LEVEL_EXAMPLE[level]}`;
  }
  const [, kind, scheme = "", body = ""] = m;
  switch (kind) {
    case "id": {
      if (level === "class") {
        return "identifies one object; a quantity element needs a class: urn:epc:class:lgtin:… for a lot or urn:epc:idpat:sgtin:….* for a trade item";
      }
      const layout = EPC_ID_SCHEMES[scheme];
      if (!layout) {
        return `uses "${scheme}", which is not an EPC scheme (known: ${Object.keys(EPC_ID_SCHEMES).join(", ")})`;
      }
      if (level === "location" && scheme !== "sgln") {
        return `uses the ${scheme} scheme; a location is an SGLN (urn:epc:id:sgln:…) or another location URI`;
      }
      return epcSchemeProblem(scheme, layout, body);
    }
    case "class": {
      if (scheme !== "lgtin")
        return `uses "${scheme}"; the EPC class URI scheme is lgtin (urn:epc:class:lgtin:…)`;
      if (level !== "class") {
        return "names a lot, not an object; list lots in a quantity list (quantityList, childQuantityList, inputQuantityList…) with their quantity";
      }
      const parts = splitParts(body, 3);
      const problem = parts
        ? (prefixAndReference(part(parts, 0), part(parts, 1), 13, "item reference") ??
          component(part(parts, 2), 20, "lot number"))
        : "it needs three dot-separated parts";
      return (
        problem && `is malformed: ${problem} (urn:epc:class:lgtin:CompanyPrefix.ItemRefAndIndicator.Lot)`
      );
    }
    case "idpat": {
      if (level !== "class") {
        return "is a pattern of many objects; list it in a quantity list with a quantity, or name each object";
      }
      if (scheme !== "sgtin") {
        return "is not a class: of the identifier patterns only urn:epc:idpat:sgtin:CompanyPrefix.ItemRefAndIndicator.* names one";
      }
      const parts = splitParts(body, 3);
      const problem =
        parts && part(parts, 2) === "*"
          ? prefixAndReference(part(parts, 0), part(parts, 1), 13, "item reference")
          : "it must end in .* (all serials of one trade item)";
      return problem && `is malformed: ${problem} (urn:epc:idpat:sgtin:CompanyPrefix.ItemRefAndIndicator.*)`;
    }
    case "tag":
    case "raw":
    case "pat":
      return `is an EPC ${kind} URI (how a tag is encoded); EPCIS records pure identities: urn:epc:id:…`;
    default:
      return `is not a well-formed EPC URI; ${LEVEL_EXAMPLE[level]}`;
  }
}

/** A GS1 key of fixed digit lengths whose last digit is a check digit. */
function gs1Key(name: string, lengths: readonly number[]): (value: string) => string | null {
  return (value) => {
    if (!/^\d+$/.test(value) || !lengths.includes(value.length)) {
      return `the ${name} "${value}" must be ${lengths.join(", ")} digits`.replace(
        /, (\d+) digits$/,
        " or $1 digits",
      );
    }
    return gs1CheckDigit(value.slice(0, -1)) === Number(value.slice(-1))
      ? null
      : `the ${name} "${value}" has a wrong check digit`;
  };
}

// GS1 AI encodable character set 82, the characters Digital Link values may carry once decoded.
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

function alphanumeric(name: string, max: number): (value: string) => string | null {
  return (value) =>
    CSET82.test(value) && value.length <= max
      ? null
      : `the ${name} "${value}" must be 1 to ${max} characters of the GS1 character set`;
}

/** A GS1 key followed by an optional serial ("GDTI = 13 digits + serial"). */
function keyWithSerial(
  name: string,
  keyLength: number,
  serial: (value: string) => string | null,
): (value: string) => string | null {
  return (value) =>
    gs1Key(name, [keyLength])(value.slice(0, keyLength)) ??
    (value.length > keyLength ? serial(value.slice(keyLength)) : null);
}

interface DigitalLinkKey {
  readonly name: string;
  readonly check: (value: string) => string | null;
  /** Key qualifiers this key may carry, in the order they must appear. */
  readonly qualifiers: readonly string[];
  /** Whether the URI names one object (rather than a class, such as a GTIN without serial). */
  readonly instance: (value: string, qualifiers: ReadonlyMap<string, string>) => boolean;
}

const always = () => true;

/** GS1 Digital Link primary keys by Application Identifier. */
const DIGITAL_LINK_KEYS: Readonly<Record<string, DigitalLinkKey>> = {
  "01": {
    name: "GTIN",
    check: gs1Key("GTIN", [8, 12, 13, 14]),
    qualifiers: ["22", "10", "21", "235"],
    instance: (_, q) => q.has("21") || q.has("235"),
  },
  "00": { name: "SSCC", check: gs1Key("SSCC", [18]), qualifiers: [], instance: always },
  "414": { name: "GLN", check: gs1Key("GLN", [13]), qualifiers: ["254", "7040"], instance: always },
  "417": { name: "party GLN", check: gs1Key("party GLN", [13]), qualifiers: [], instance: always },
  "8003": {
    name: "GRAI",
    check: (v) =>
      v.startsWith("0")
        ? keyWithSerial("GRAI", 13, alphanumeric("GRAI serial", 16))(v.slice(1))
        : `the GRAI "${v}" must start with 0`,
    qualifiers: [],
    instance: (v) => v.length > 14,
  },
  "8004": { name: "GIAI", check: alphanumeric("GIAI", 30), qualifiers: [], instance: always },
  "8018": { name: "GSRN", check: gs1Key("GSRN", [18]), qualifiers: [], instance: always },
  "8017": { name: "GSRNP", check: gs1Key("GSRNP", [18]), qualifiers: [], instance: always },
  "253": {
    name: "GDTI",
    check: keyWithSerial("GDTI", 13, alphanumeric("GDTI serial", 17)),
    qualifiers: [],
    instance: (v) => v.length > 13,
  },
  "255": {
    name: "GCN",
    check: keyWithSerial("GCN", 13, (s) =>
      /^\d{1,12}$/.test(s) ? null : "the GCN serial must be 1 to 12 digits",
    ),
    qualifiers: [],
    instance: (v) => v.length > 13,
  },
  "401": { name: "GINC", check: alphanumeric("GINC", 30), qualifiers: [], instance: always },
  "402": { name: "GSIN", check: gs1Key("GSIN", [17]), qualifiers: [], instance: always },
  "8006": {
    name: "ITIP",
    check: (v) =>
      /^\d{18}$/.test(v) ? gs1Key("ITIP's GTIN", [14])(v.slice(0, 14)) : `the ITIP "${v}" must be 18 digits`,
    qualifiers: ["22", "10", "21"],
    instance: (_, q) => q.has("21"),
  },
  "8010": {
    name: "CPID",
    check: (v) => (/^[0-9A-Z#/-]{1,30}$/.test(v) ? null : `the CPID "${v}" must be 1 to 30 of 0-9 A-Z # - /`),
    qualifiers: ["8011"],
    instance: (_, q) => q.has("8011"),
  },
};

const QUALIFIER_CHECKS: Readonly<Record<string, (value: string) => string | null>> = {
  "22": alphanumeric("consumer product variant", 20),
  "10": alphanumeric("batch/lot", 20),
  "21": alphanumeric("serial number", 20),
  "235": alphanumeric("third-party serial", 28),
  "254": alphanumeric("GLN extension", 20),
  "7040": alphanumeric("UIC with extension", 4),
  "8011": (v) => (/^\d{1,12}$/.test(v) ? null : `the CPID serial "${v}" must be 1 to 12 digits`),
};

/**
 * Reads a GS1 Digital Link URI: any http(s) URI whose path holds a primary-key AI segment followed by
 * its value (`/01/<GTIN>`, `/00/<SSCC>`…), after an optional path prefix of the resolver's own.
 * Returns null for web URIs that are not Digital Links, or a problem for a Digital Link gone wrong.
 */
function digitalLinkProblem(value: string, level: Level): string | null {
  const url = new URL(value);
  const segments = url.pathname.split("/").slice(1);
  const start = segments.findIndex((s, i) => Object.hasOwn(DIGITAL_LINK_KEYS, s) && i + 1 < segments.length);
  if (start < 0) return null;
  const path = segments.slice(start);
  if (path.length % 2 !== 0) {
    return `is a GS1 Digital Link whose path does not alternate /AI/value ("${path.at(-1)}" has no value)`;
  }
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < path.length; i += 2) {
    try {
      pairs.push([path[i] as string, decodeURIComponent(path[i + 1] as string)]);
    } catch {
      return `has a malformed %-escape in "${path[i + 1]}"`;
    }
  }
  const [[ai, keyValue], ...rest] = pairs as [[string, string], ...Array<[string, string]>];
  const key = DIGITAL_LINK_KEYS[ai] as DigitalLinkKey;
  const keyProblem = key.check(keyValue);
  if (keyProblem) return `is a GS1 Digital Link, but ${keyProblem}`;
  const qualifiers = new Map<string, string>();
  let lastPosition = -1;
  for (const [qualifier, qualifierValue] of rest) {
    const position = key.qualifiers.indexOf(qualifier);
    if (position < 0) {
      return `is a GS1 Digital Link, but /${qualifier}/ is not a key qualifier of the ${key.name} (/${ai}/)`;
    }
    if (position < lastPosition) {
      return `is a GS1 Digital Link with its key qualifiers out of order; after /${ai}/ they go ${key.qualifiers.map((q) => `/${q}/`).join(", ")}`;
    }
    lastPosition = position;
    const qualifierProblem = QUALIFIER_CHECKS[qualifier]?.(qualifierValue);
    if (qualifierProblem) return `is a GS1 Digital Link, but ${qualifierProblem}`;
    qualifiers.set(qualifier, qualifierValue);
  }
  const instance = key.instance(keyValue, qualifiers);
  if (level === "location") {
    return ai === "414"
      ? null
      : `is a Digital Link to a ${key.name}; a location is a GLN: …/414/<GLN>[/254/<extension>]`;
  }
  if ((level === "instance" || level === "party") && !instance) {
    return `names a class of objects (a ${key.name} without serial); list it with a quantity in a quantity list, or add the serial (/21/…)`;
  }
  if (level === "class" && instance) {
    return "names one object (it has a serial); a quantity element needs a class, e.g. https://id.gs1.org/01/<GTIN>/10/<lot>";
  }
  return null;
}

/** Why `value` cannot name what `level` asks for, or null if it can. */
function identifierProblem(value: string, level: Level): string | null {
  if (!isAbsoluteUri(value)) return `is not an absolute URI; ${LEVEL_EXAMPLE[level]}`;
  if (/^urn:epc:/i.test(value)) return epcUrnProblem(value, level);
  if (/^https?:/i.test(value)) return digitalLinkProblem(value, level);
  // CBV allows other URIs (private or industry identifiers, geo: for places) as long as they are URIs.
  return null;
}

function identifier(level: Level): Check {
  return (scope, path, value) => {
    if (!isString(scope, path, value, "an identifier URI")) return;
    const problem = identifierProblem(value, level);
    if (problem) report(scope, path, `${leaf(path)} ${show(value)} ${problem}`);
  };
}

const instanceId = identifier("instance");
const instanceList = arrayOf(instanceId, { identity: (v) => (typeof v === "string" ? v : null) });

// ---------------------------------------------------------------------------------------------
// Structured event parts

const uom: Check = (scope, path, value) => {
  if (!isString(scope, path, value, "a unit of measure code")) return;
  if (!/^[A-Z0-9]{2,3}$/.test(value)) {
    report(
      scope,
      path,
      `${leaf(path)} ${show(value)} must be a UN/ECE Recommendation 20 code of 2–3 capital letters or digits, e.g. "KGM" (kilogram), "TNE" (tonne), "H87" (piece), "CEL" (degree Celsius)`,
    );
  }
};

const quantity: Check = (scope, path, value) => {
  // A negative amount has no physical meaning; removals are told by action DELETE or the next event.
  if (number(scope, path, value) && value < 0) {
    report(scope, path, `${leaf(path)} ${value} is negative; state the amount present, 0 or more`);
  }
};

const quantityElement = shaped({
  name: "a quantity element",
  fields: { epcClass: identifier("class"), quantity, uom },
  required: {
    epcClass:
      'epcClass is required: the lot or trade item counted, e.g. "urn:epc:class:lgtin:8991234.012345.LOT25A"',
  },
  extensible: false,
});

const quantityList = arrayOf(quantityElement);

const location = (name: "readPoint" | "bizLocation"): Check =>
  shaped({
    name,
    fields: { id: identifier("location") },
    required: { id: `${name}.id is required: the location's URI, ${LEVEL_EXAMPLE.location}` },
    extensible: true,
  });

const bizTransaction = shaped({
  name: "a business transaction",
  fields: {
    type: vocabulary("bizTransactionType"),
    bizTransaction: uri(
      'e.g. "urn:epcglobal:cbv:bt:8991234000015:PO-1001" or "https://erp.example.com/po/1001"',
    ),
  },
  required: {
    bizTransaction: "bizTransaction is required: the URI of the business document (PO, despatch advice…)",
  },
  extensible: false,
});

function bizTransactionList(minItems: number): Check {
  return arrayOf(bizTransaction, {
    minItems,
    emptyMessage: "bizTransactionList must name at least one business transaction for a TransactionEvent",
  });
}

function sourceOrDestination(role: "source" | "destination"): Check {
  return shaped({
    name: `a ${role}`,
    fields: { type: vocabulary("sourceDestType"), [role]: identifier("party") },
    required: {
      type: "type is required: owning_party, possessing_party, location or your own URI",
      [role]: `${role} is required: the party or place, e.g. "urn:epc:id:pgln:8991234.00001"`,
    },
    extensible: false,
  });
}

function dispositionList(name: "set" | "unset"): Check {
  return arrayOf(disposition, {
    minItems: 1,
    emptyMessage: `persistentDisposition.${name} must not be empty; leave it out instead`,
    identity: (v) => (typeof v === "string" ? canonicalCbv("disposition", v) : null),
  });
}

const persistentDisposition: Check = (scope, path, value) => {
  const pd = checkShape(scope, path, value, {
    name: "persistentDisposition",
    fields: { set: dispositionList("set"), unset: dispositionList("unset") },
    extensible: false,
  });
  if (!pd) return;
  if (pd.set === undefined && pd.unset === undefined) {
    report(scope, path, "persistentDisposition must have set, unset or both");
    return;
  }
  if (!Array.isArray(pd.set) || !Array.isArray(pd.unset)) return;
  const unset = new Set(pd.unset.map((d) => (typeof d === "string" ? canonicalCbv("disposition", d) : null)));
  pd.set.forEach((d, i) => {
    if (
      typeof d === "string" &&
      canonicalCbv("disposition", d) !== null &&
      unset.has(canonicalCbv("disposition", d))
    ) {
      report(
        scope,
        child(child(path, "set"), i),
        `${show(d)} is both set and unset; keep it in one of the two`,
      );
    }
  });
};

/** Reports `later` earlier than `earlier` when both are valid times. */
function inOrder(scope: Scope, path: string, obj: Json, earlier: string, later: string): void {
  const a = obj[earlier];
  const b = obj[later];
  if (typeof a !== "string" || typeof b !== "string") return;
  const [ta, tb] = [Date.parse(a), Date.parse(b)];
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta > tb) {
    report(scope, child(path, later), `${later} ${show(b)} is before ${earlier} ${show(a)}`);
  }
}

const sensorMetadata: Check = (scope, path, value) => {
  const metadata = checkShape(scope, path, value, {
    name: "sensorMetadata",
    fields: {
      time,
      deviceID: anyUri,
      deviceMetadata: anyUri,
      rawData: anyUri,
      startTime: time,
      endTime: time,
      dataProcessingMethod: anyUri,
      bizRules: anyUri,
    },
    extensible: true,
  });
  if (metadata) inOrder(scope, path, metadata, "startTime", "endTime");
};

const sensorReport: Check = (scope, path, value) => {
  const reading = checkShape(scope, path, value, {
    name: "a sensorReport",
    fields: {
      type: vocabulary("measurementType"),
      exception: vocabulary("sensorAlertType"),
      deviceID: anyUri,
      deviceMetadata: anyUri,
      rawData: anyUri,
      dataProcessingMethod: anyUri,
      bizRules: anyUri,
      time,
      microorganism: anyUri,
      chemicalSubstance: anyUri,
      coordinateReferenceSystem: anyUri,
      value: numeric,
      component: vocabulary("sensorComponent"),
      stringValue: text,
      booleanValue: (s, p, v) => {
        if (typeof v !== "boolean") report(s, p, `${leaf(p)} must be true or false, not ${describe(v)}`);
      },
      hexBinaryValue: (s, p, v) => {
        if (isString(s, p, v, "hexadecimal") && !/^[A-Fa-f0-9]+$/.test(v)) {
          report(s, p, `${leaf(p)} ${show(v)} must be hexadecimal digits only`);
        }
      },
      uriValue: anyUri,
      minValue: numeric,
      maxValue: numeric,
      meanValue: numeric,
      sDev: numeric,
      percRank: numeric,
      percValue: numeric,
      uom,
    },
    required: {
      type: 'type is required: what was measured, e.g. "Temperature" or "RelativeHumidity"',
    },
    extensible: true,
  });
  if (!reading) return;
  const { minValue, maxValue } = reading;
  if (typeof minValue === "number" && typeof maxValue === "number" && minValue > maxValue) {
    report(scope, child(path, "minValue"), `minValue ${minValue} is greater than maxValue ${maxValue}`);
  }
};

const sensorElement = shaped({
  name: "a sensor element",
  fields: {
    sensorMetadata,
    sensorReport: arrayOf(sensorReport, {
      minItems: 1,
      emptyMessage: "sensorReport must hold at least one reading",
    }),
  },
  required: { sensorReport: "sensorReport is required: the list of readings of this sensor element" },
  extensible: true,
});

const errorDeclaration = shaped({
  name: "errorDeclaration",
  fields: {
    declarationTime: time,
    reason: vocabulary("errorReason"),
    correctiveEventIDs: arrayOf(uri('e.g. "urn:uuid:…" or "ni:///sha-256;…"')),
  },
  required: {
    declarationTime: "declarationTime is required: when the error was declared, with its UTC offset",
  },
  extensible: true,
});

const ilmd: Check = (scope, path, value) => {
  if (!isObject(value)) {
    report(scope, path, `ilmd must be a JSON object of namespaced fields, not ${describe(value)}`);
    return;
  }
  // Lot master data has no standard fields in EPCIS: every key is the user's or CBV master data's.
  for (const [key, fieldValue] of Object.entries(value)) {
    const at = child(path, key);
    if (key.includes(":")) {
      checkExtensionKey(scope, at, key);
      checkExtensionValue(scope, at, fieldValue);
    } else {
      report(
        scope,
        at,
        `ilmd field ${show(key)} needs a namespace prefix declared in the @context, e.g. "${prefixExample(scope)}:${key}"`,
      );
    }
  }
};

const certificationInfo: Check = (scope, path, value) => {
  if (Array.isArray(value)) arrayOf(anyUri)(scope, path, value);
  else anyUri(scope, path, value);
};

/** A JSON-LD @context: context URLs and objects; prefixes in it must map to absolute IRIs. */
const ldContext: Check = (scope, path, value) => {
  const entry = (at: string, item: unknown) => {
    if (typeof item === "string") {
      if (!isAbsoluteUri(item)) report(scope, at, `@context entry ${show(item)} is not a context URL`);
    } else if (isObject(item)) {
      for (const [prefix, iri] of Object.entries(item)) {
        if (prefix.includes(":") || prefix.startsWith("@") || typeof iri !== "string") continue;
        if (!isAbsoluteUri(iri)) {
          report(
            scope,
            child(at, prefix),
            `the @context maps prefix "${prefix}" to ${show(iri)}, which is not an absolute IRI; use e.g. "https://${iri.replace(/^\/*/, "") || "example.com"}/"`,
          );
        }
      }
    } else report(scope, at, `@context entries must be context URLs or objects, not ${describe(item)}`);
  };
  if (!Array.isArray(value)) entry(path, value);
  else {
    value.forEach((item, i) => {
      entry(child(path, i), item);
    });
  }
};

// ---------------------------------------------------------------------------------------------
// Events

const ACTIONS = ["ADD", "OBSERVE", "DELETE"] as const;

const action: Check = (scope, path, value) => {
  if (!isString(scope, path, value, "ADD, OBSERVE or DELETE")) return;
  if ((ACTIONS as readonly string[]).includes(value)) return;
  const upper = value.trim().toUpperCase();
  report(
    scope,
    path,
    (ACTIONS as readonly string[]).includes(upper)
      ? `action ${show(value)} must be written "${upper}"`
      : `action ${show(value)} must be ADD, OBSERVE or DELETE`,
  );
};

const COMMON_FIELDS: Record<string, Check> = {
  "@context": ldContext,
  type: () => {},
  eventTime: time,
  recordTime: time,
  eventTimeZoneOffset: timeZoneOffset,
  eventID: uri('e.g. "urn:uuid:…" or "ni:///sha-256;…?ver=CBV2.0"'),
  certificationInfo,
  errorDeclaration,
};

const WHAT_AND_WHERE: Record<string, Check> = {
  bizStep,
  disposition,
  readPoint: location("readPoint"),
  bizLocation: location("bizLocation"),
  sourceList: arrayOf(sourceOrDestination("source")),
  destinationList: arrayOf(sourceOrDestination("destination")),
  sensorElementList: arrayOf(sensorElement),
};

const COMMON_REQUIRED: Record<string, string> = {
  eventTime:
    'eventTime is required: when the event happened, with its UTC offset, e.g. "2025-04-15T08:30:00+07:00"',
  eventTimeZoneOffset:
    'eventTimeZoneOffset is required: the local UTC offset where it happened, e.g. "+07:00"',
};

const actionRequired = (type: EventType) =>
  `action is required for ${withArticle(type)}: ADD, OBSERVE or DELETE`;

const NO_ACTION =
  "a TransformationEvent has no action: its inputs are consumed and its outputs created by the event itself; remove action";

const EVENT_SHAPES: Readonly<Record<EventType, Shape>> = {
  ObjectEvent: {
    name: "ObjectEvent",
    fields: {
      ...COMMON_FIELDS,
      ...WHAT_AND_WHERE,
      action,
      epcList: instanceList,
      quantityList,
      persistentDisposition,
      bizTransactionList: arrayOf(bizTransaction),
      ilmd,
    },
    required: { ...COMMON_REQUIRED, action: actionRequired("ObjectEvent") },
    extensible: true,
    misplaced: {
      childEPCs: "an ObjectEvent lists its objects in epcList, not childEPCs",
      childQuantityList: "an ObjectEvent lists its quantities in quantityList, not childQuantityList",
      parentID: "an ObjectEvent has no parentID; record what goes into a container with an AggregationEvent",
    },
  },
  AggregationEvent: {
    name: "AggregationEvent",
    fields: {
      ...COMMON_FIELDS,
      ...WHAT_AND_WHERE,
      action,
      parentID: instanceId,
      childEPCs: instanceList,
      childQuantityList: quantityList,
      bizTransactionList: arrayOf(bizTransaction),
    },
    required: { ...COMMON_REQUIRED, action: actionRequired("AggregationEvent") },
    extensible: true,
    misplaced: {
      epcList:
        "an AggregationEvent names the container in parentID and its contents in childEPCs, not epcList",
      quantityList: "an AggregationEvent lists contained quantities in childQuantityList, not quantityList",
      ilmd: "an AggregationEvent carries no ilmd; lot master data belongs on the ObjectEvent (ADD) or TransformationEvent that creates the lot",
      persistentDisposition:
        "an AggregationEvent has no persistentDisposition (only ObjectEvent and TransformationEvent do)",
    },
  },
  TransactionEvent: {
    name: "TransactionEvent",
    fields: {
      ...COMMON_FIELDS,
      ...WHAT_AND_WHERE,
      action,
      bizTransactionList: bizTransactionList(1),
      parentID: instanceId,
      epcList: instanceList,
      quantityList,
    },
    required: {
      ...COMMON_REQUIRED,
      action: actionRequired("TransactionEvent"),
      bizTransactionList:
        "bizTransactionList is required: the business transaction(s) the objects are linked to",
    },
    extensible: true,
    misplaced: {
      childEPCs: "a TransactionEvent lists its objects in epcList, not childEPCs",
      childQuantityList: "a TransactionEvent lists its quantities in quantityList, not childQuantityList",
      ilmd: "a TransactionEvent carries no ilmd; lot master data belongs on the event that creates the lot",
      persistentDisposition:
        "a TransactionEvent has no persistentDisposition (only ObjectEvent and TransformationEvent do)",
    },
  },
  TransformationEvent: {
    name: "TransformationEvent",
    fields: {
      ...COMMON_FIELDS,
      ...WHAT_AND_WHERE,
      inputEPCList: instanceList,
      inputQuantityList: quantityList,
      outputEPCList: instanceList,
      outputQuantityList: quantityList,
      transformationID: uri('e.g. "urn:uuid:…" or "urn:epc:id:gdti:8991234.00001.PRD1001"'),
      persistentDisposition,
      bizTransactionList: arrayOf(bizTransaction),
      ilmd,
    },
    required: COMMON_REQUIRED,
    extensible: true,
    misplaced: {
      action: NO_ACTION,
      epcList: "a TransformationEvent names objects in inputEPCList and outputEPCList, not epcList",
      quantityList:
        "a TransformationEvent names quantities in inputQuantityList and outputQuantityList, not quantityList",
      parentID: "a TransformationEvent has no parentID",
      childEPCs: "a TransformationEvent names objects in inputEPCList and outputEPCList, not childEPCs",
    },
  },
  AssociationEvent: {
    name: "AssociationEvent",
    fields: {
      ...COMMON_FIELDS,
      ...WHAT_AND_WHERE,
      action,
      parentID: instanceId,
      childEPCs: instanceList,
      childQuantityList: quantityList,
      bizTransactionList: arrayOf(bizTransaction),
    },
    required: {
      ...COMMON_REQUIRED,
      action: actionRequired("AssociationEvent"),
      parentID: "parentID is required for an AssociationEvent: the object the children are associated with",
    },
    extensible: true,
    misplaced: {
      epcList:
        "an AssociationEvent names the parent in parentID and the associated objects in childEPCs, not epcList",
      quantityList: "an AssociationEvent lists associated quantities in childQuantityList, not quantityList",
      ilmd: "an AssociationEvent carries no ilmd",
      persistentDisposition:
        "an AssociationEvent has no persistentDisposition (only ObjectEvent and TransformationEvent do)",
    },
  },
};

const knownAction = (value: unknown): value is (typeof ACTIONS)[number] =>
  typeof value === "string" && (ACTIONS as readonly string[]).includes(value);

/** The rules that tie fields together, per event type (the anyOf/if clauses of the JSON schema). */
const CROSS_FIELD_RULES: Readonly<Record<EventType, (scope: Scope, path: string, event: Json) => void>> = {
  ObjectEvent: (scope, path, e) => {
    const sensorsAtReadPoint = nonEmptyArray(e.sensorElementList) && e.readPoint !== undefined;
    if (e.epcList === undefined && !nonEmptyArray(e.quantityList) && !sensorsAtReadPoint) {
      report(
        scope,
        child(path, "epcList"),
        "an ObjectEvent must say what it is about: epcList (objects), a non-empty quantityList (lots or classes), or sensorElementList together with readPoint",
      );
    }
    if (e.ilmd !== undefined && knownAction(e.action) && e.action !== "ADD") {
      report(
        scope,
        child(path, "ilmd"),
        `ilmd describes objects as they come into being, so it is allowed only with action ADD, not ${e.action}`,
      );
    }
  },
  AggregationEvent: (scope, path, e) => {
    if ((e.action === "ADD" || e.action === "DELETE") && e.parentID === undefined) {
      report(
        scope,
        child(path, "parentID"),
        `parentID is required when action is ${e.action}: the container (e.g. an SSCC "urn:epc:id:sscc:…") the children go ${e.action === "ADD" ? "into" : "out of"}`,
      );
    }
    childrenRule(scope, path, e, "an AggregationEvent");
  },
  AssociationEvent: (scope, path, e) => {
    childrenRule(scope, path, e, "an AssociationEvent");
  },
  TransactionEvent: (scope, path, e) => {
    if (
      e.epcList === undefined &&
      !nonEmptyArray(e.quantityList) &&
      knownAction(e.action) &&
      e.action !== "DELETE"
    ) {
      report(
        scope,
        child(path, "epcList"),
        `a TransactionEvent with action ${e.action} must name its objects in epcList or a non-empty quantityList (only DELETE may leave them out, meaning all)`,
      );
    }
  },
  TransformationEvent: (scope, path, e) => {
    const inputs = nonEmptyArray(e.inputEPCList) || nonEmptyArray(e.inputQuantityList);
    const outputs = nonEmptyArray(e.outputEPCList) || nonEmptyArray(e.outputQuantityList);
    if (inputs && outputs) return;
    if (e.transformationID !== undefined && (inputs || outputs)) return;
    report(
      scope,
      child(path, inputs ? "outputEPCList" : "inputEPCList"),
      "a TransformationEvent needs at least one input (inputEPCList or inputQuantityList) and one output (outputEPCList or outputQuantityList); " +
        "it may record only one side when a transformationID links it to the events that record the other",
    );
  },
};

function childrenRule(scope: Scope, path: string, e: Json, what: string): void {
  if (nonEmptyArray(e.childEPCs) || nonEmptyArray(e.childQuantityList)) return;
  if (!knownAction(e.action) || e.action === "DELETE") return;
  report(
    scope,
    child(path, "childEPCs"),
    `${what} with action ${e.action} must list its children in a non-empty childEPCs or childQuantityList (only DELETE may leave them out, meaning all children)`,
  );
}

/**
 * Checks one event. `namespaces` are the prefixes its document's @context declares; the event's own
 * @context adds to them. `eventIndex` is its place in `epcisBody.eventList` (null for a lone event),
 * which also roots the field paths.
 */
export function validateEvent(
  event: unknown,
  namespaces: Namespaces,
  eventIndex: number | null,
): Violation[] {
  const out: Violation[] = [];
  const path = eventIndex === null ? "" : `epcisBody.eventList[${eventIndex}]`;
  if (!isObject(event)) {
    report({ eventIndex, namespaces, out }, path, `an event must be a JSON object, not ${describe(event)}`);
    return out;
  }
  const scope: Scope = { eventIndex, namespaces: namespacesOf(event["@context"], namespaces), out };
  const type = event.type;
  if (typeof type !== "string" || !(EVENT_TYPES as readonly string[]).includes(type)) {
    const near = typeof type === "string" ? nearest(type, EVENT_TYPES) : null;
    report(
      scope,
      child(path, "type"),
      type === undefined
        ? `type is required: one of ${EVENT_TYPES.join(", ")}`
        : `type ${show(type)} is not an EPCIS event type Lumbung captures; ${near ? `did you mean "${near}"?` : `use one of ${EVENT_TYPES.join(", ")}`}`,
    );
    return out;
  }
  const eventType = type as EventType;
  const checked = checkShape(scope, path, event, EVENT_SHAPES[eventType]);
  if (checked) CROSS_FIELD_RULES[eventType](scope, path, checked);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Documents

const schemaVersion: Check = (scope, path, value) => {
  if (value === "2.0") return;
  report(
    scope,
    path,
    typeof value === "string" && /^1(\.\d+)*$/.test(value)
      ? `schemaVersion ${show(value)} is EPCIS 1.x; Lumbung captures EPCIS 2.0 documents (schemaVersion "2.0")`
      : `schemaVersion must be the string "2.0", not ${describe(value)}`,
  );
};

const vocabularyElement = shaped({
  name: "a vocabulary element",
  fields: {
    id: anyUri,
    attributes: arrayOf(
      shaped({
        name: "a master data attribute",
        fields: {
          id: anyUri,
          attribute: (s, p, v) => {
            if (typeof v !== "string" && typeof v !== "number" && !isObject(v)) {
              report(s, p, `attribute must be a string, a number or an object, not ${describe(v)}`);
            }
          },
        },
        required: { id: "id is required: the attribute's URI" },
        extensible: true,
      }),
    ),
    children: arrayOf(anyUri),
  },
  required: { id: "id is required: the URI of the master data element" },
  extensible: true,
});

const epcisHeader = shaped({
  name: "epcisHeader",
  fields: {
    epcisMasterData: shaped({
      name: "epcisMasterData",
      fields: {
        vocabularyList: arrayOf(
          shaped({
            name: "a vocabulary",
            fields: { type: anyUri, vocabularyElementList: arrayOf(vocabularyElement) },
            required: {
              type: 'type is required: the vocabulary URI, e.g. "urn:epcglobal:epcis:vtype:BusinessLocation"',
            },
            extensible: true,
          }),
        ),
      },
      extensible: true,
    }),
  },
  extensible: true,
});

const epcisBody = shaped({
  name: "epcisBody",
  fields: {
    // Events are checked one by one afterwards, so each violation carries its eventIndex.
    eventList: (s, p, v) => {
      if (!Array.isArray(v)) report(s, p, `eventList must be a JSON array of events, not ${describe(v)}`);
    },
  },
  required: { eventList: "epcisBody.eventList is required: the array of events to capture" },
  extensible: true,
});

const DOCUMENT_SHAPE: Shape = {
  name: "EPCISDocument",
  fields: {
    "@context": ldContext,
    id: anyUri,
    type: () => {},
    schemaVersion,
    creationDate: time,
    instanceIdentifier: text,
    sender: text,
    receiver: text,
    epcisHeader,
    epcisBody,
  },
  required: {
    "@context":
      '@context is required: the EPCIS context URL, plus your namespaces, e.g. ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"example": "https://example.com/epcis/"}]',
    schemaVersion: 'schemaVersion is required: "2.0"',
    creationDate: "creationDate is required: when the document was made, with its UTC offset",
    epcisBody: "epcisBody is required: { eventList: [ … ] }",
  },
  extensible: true,
};

/** Checks a capture document and every event in it; an empty list means it may be captured. */
export function validateDocument(doc: unknown): Violation[] {
  const out: Violation[] = [];
  const scope: Scope = { eventIndex: null, namespaces: namespacesOf(undefined), out };
  if (!isObject(doc)) {
    report(scope, ROOT, `a capture must be a JSON object (an EPCISDocument), not ${describe(doc)}`);
    return out;
  }
  if (doc.type !== "EPCISDocument") {
    report(
      scope,
      "type",
      doc.type === "EPCISQueryDocument"
        ? 'type "EPCISQueryDocument" is a query result; capture takes an EPCISDocument (copy the events into epcisBody.eventList)'
        : `type must be "EPCISDocument", not ${describe(doc.type)}`,
    );
    // Every other rule depends on what kind of document this is; more messages would only be noise.
    return out;
  }
  const documentScope: Scope = { ...scope, namespaces: namespacesOf(doc["@context"]) };
  checkShape(documentScope, "", doc, DOCUMENT_SHAPE);
  const body = doc.epcisBody;
  if (isObject(body) && Array.isArray(body.eventList)) {
    body.eventList.forEach((event, i) => {
      out.push(...validateEvent(event, documentScope.namespaces, i));
    });
  }
  return out;
}
