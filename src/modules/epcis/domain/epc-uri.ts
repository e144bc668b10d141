/**
 * EPC URIs (GS1 Tag Data Standard) ⇄ GS1 Digital Link URIs, in the constrained canonical form the CBV 2.0
 * event hash asks for: `https://id.gs1.org`, AI numbers rather than short names, no query string, and only
 * the finest level of identification.
 */

const DL_ORIGIN = "https://id.gs1.org";

/** GS1 mod-10: weights 3, 1, 3, … from the rightmost digit; the result makes the weighted sum a multiple of 10. */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a digit string: "${digits}"`);
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

const withCheckDigit = (digits: string): string => `${digits}${gs1CheckDigit(digits)}`;
const hasValidCheckDigit = (key: string): boolean =>
  /^\d{2,}$/.test(key) && gs1CheckDigit(key.slice(0, -1)) === Number(key.slice(-1));

/** GS1 AI encodable character set 82: the only characters serials, lots and asset references may hold. */
const CHARSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

/** Percent-escapes (`%2F`) decoded; undefined when an escape is malformed or yields a character outside set 82. */
function decodeEscapes(text: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined;
  const decoded = text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  return CHARSET_82.test(decoded) ? decoded : undefined;
}

const escapeAs = (pattern: RegExp) => (text: string) =>
  text.replace(pattern, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);

/**
 * GS1 Digital Link (§7, table 7-1) percent-encodes these in a path segment; `'`, `;` and `=` stay literal,
 * which is also what the reference hash implementation emits, so both produce the same pre-hash string.
 */
const toDigitalLinkSegment = escapeAs(/[!"#%&()*+,/:<>? ]/g);
/** TDS §6: the characters an EPC URI component must escape. */
const toEpcComponent = escapeAs(/["%&/<>?]/g);

/** `count - 1` dot-separated fields and then the rest, which may itself contain dots (serials may). */
function splitFields(body: string, count: number): string[] | undefined {
  const fields: string[] = [];
  let rest = body;
  for (let i = 1; i < count; i++) {
    const dot = rest.indexOf(".");
    if (dot < 0) return undefined;
    fields.push(rest.slice(0, dot));
    rest = rest.slice(dot + 1);
  }
  fields.push(rest);
  return fields;
}

const isCompanyPrefix = (cp: string | undefined): cp is string => cp !== undefined && /^\d{6,12}$/.test(cp);

/** Company prefix and a reference that together fill `total` digits: the URN's dot says where the prefix ends. */
function prefixedKey(cp: string | undefined, ref: string | undefined, total: number): string | undefined {
  if (!isCompanyPrefix(cp) || ref === undefined || !/^\d*$/.test(ref)) return undefined;
  return cp.length + ref.length === total ? cp + ref : undefined;
}

/** GTIN-14 from an SGTIN/LGTIN company prefix and item reference, whose first digit is the indicator. */
function gtinOf(cp: string | undefined, itemRef: string | undefined): string | undefined {
  if (prefixedKey(cp, itemRef, 13) === undefined || !cp || !itemRef) return undefined;
  return withCheckDigit(itemRef[0] + cp + itemRef.slice(1));
}

/** A serial, lot or reference of 1 to `maxLength` characters, re-escaped for a Digital Link path. */
function component(text: string | undefined, maxLength: number): string | undefined {
  const decoded = text === undefined ? undefined : decodeEscapes(text);
  if (decoded === undefined || decoded.length > maxLength) return undefined;
  return toDigitalLinkSegment(decoded);
}

type UrnConverter = (body: string) => string | undefined;

const ID_CONVERTERS: Readonly<Record<string, UrnConverter>> = {
  sgtin(body) {
    const [cp, itemRef, serial] = splitFields(body, 3) ?? [];
    const gtin = gtinOf(cp, itemRef);
    const ser = component(serial, 20);
    return gtin && ser ? `${DL_ORIGIN}/01/${gtin}/21/${ser}` : undefined;
  },
  sscc(body) {
    const [cp, serialRef] = splitFields(body, 2) ?? [];
    const digits = prefixedKey(cp, serialRef, 17);
    if (digits === undefined || serialRef === undefined || cp === undefined) return undefined;
    // The serial reference's first digit is the SSCC's extension digit, which leads the key.
    return `${DL_ORIGIN}/00/${withCheckDigit(serialRef[0] + cp + serialRef.slice(1))}`;
  },
  sgln(body) {
    const [cp, locationRef, extension] = splitFields(body, 3) ?? [];
    const digits = prefixedKey(cp, locationRef, 12);
    const ext = component(extension, 20);
    if (digits === undefined || ext === undefined) return undefined;
    // TDS writes "no extension" as the extension 0.
    return `${DL_ORIGIN}/414/${withCheckDigit(digits)}${extension === "0" ? "" : `/254/${ext}`}`;
  },
  grai(body) {
    const [cp, assetType, serial] = splitFields(body, 3) ?? [];
    const digits = prefixedKey(cp, assetType, 12);
    const ser = component(serial, 16);
    // A GRAI carries a leading zero so that its numeric part is 14 digits long.
    return digits && ser ? `${DL_ORIGIN}/8003/0${withCheckDigit(digits)}${ser}` : undefined;
  },
  giai(body) {
    const [cp, assetRef] = splitFields(body, 2) ?? [];
    if (!isCompanyPrefix(cp)) return undefined;
    const ref = component(assetRef, 30 - cp.length);
    return ref ? `${DL_ORIGIN}/8004/${cp}${ref}` : undefined;
  },
  gsrn(body) {
    const [cp, serviceRef] = splitFields(body, 2) ?? [];
    const digits = prefixedKey(cp, serviceRef, 17);
    return digits ? `${DL_ORIGIN}/8018/${withCheckDigit(digits)}` : undefined;
  },
  gdti(body) {
    const [cp, documentType, serial] = splitFields(body, 3) ?? [];
    const digits = prefixedKey(cp, documentType, 12);
    const ser = component(serial, 17);
    return digits && ser ? `${DL_ORIGIN}/253/${withCheckDigit(digits)}${ser}` : undefined;
  },
  pgln(body) {
    const [cp, partyRef] = splitFields(body, 2) ?? [];
    const digits = prefixedKey(cp, partyRef, 12);
    return digits ? `${DL_ORIGIN}/417/${withCheckDigit(digits)}` : undefined;
  },
};

const CLASS_CONVERTERS: Readonly<Record<string, UrnConverter>> = {
  lgtin(body) {
    const [cp, itemRef, lot] = splitFields(body, 3) ?? [];
    const gtin = gtinOf(cp, itemRef);
    const lotSegment = component(lot, 20);
    return gtin && lotSegment ? `${DL_ORIGIN}/01/${gtin}/10/${lotSegment}` : undefined;
  },
};

/** Whole-class patterns (`….*`) name the class key itself, which is what the Digital Link then identifies. */
const PATTERN_CONVERTERS: Readonly<Record<string, UrnConverter>> = {
  sgtin(body) {
    const [cp, itemRef, star] = splitFields(body, 3) ?? [];
    const gtin = gtinOf(cp, itemRef);
    return gtin && star === "*" ? `${DL_ORIGIN}/01/${gtin}` : undefined;
  },
  grai(body) {
    const [cp, assetType, star] = splitFields(body, 3) ?? [];
    const digits = prefixedKey(cp, assetType, 12);
    return digits && star === "*" ? `${DL_ORIGIN}/8003/0${withCheckDigit(digits)}` : undefined;
  },
  gdti(body) {
    const [cp, documentType, star] = splitFields(body, 3) ?? [];
    const digits = prefixedKey(cp, documentType, 12);
    return digits && star === "*" ? `${DL_ORIGIN}/253/${withCheckDigit(digits)}` : undefined;
  },
};

const URN_FAMILIES: Readonly<Record<string, Readonly<Record<string, UrnConverter>>>> = {
  id: ID_CONVERTERS,
  class: CLASS_CONVERTERS,
  idpat: PATTERN_CONVERTERS,
};

/**
 * The canonical GS1 Digital Link URI of an EPC URI (sgtin, sscc, sgln, grai, giai, gsrn, gdti, pgln, lgtin
 * and the sgtin/grai/gdti whole-class patterns); undefined for anything else, including malformed URNs.
 */
export function epcUriToDigitalLink(uri: string): string | undefined {
  const match = /^urn:epc:(id|class|idpat):([a-z]+):(.+)$/.exec(uri);
  if (!match) return undefined;
  const [, family = "", scheme = "", body = ""] = match;
  const convert = Object.hasOwn(URN_FAMILIES[family] ?? {}, scheme)
    ? URN_FAMILIES[family]?.[scheme]
    : undefined;
  return convert?.(body);
}

interface KeyRule {
  /** Shape of the decoded key value. */
  value: RegExp;
  /** Qualifiers this key may carry, finest first; only the first one present survives. */
  qualifiers: readonly string[];
  /** Qualifiers Digital Link allows but the hash drops (e.g. CPV, SRIN). */
  dropped?: readonly string[];
}

const text = (max: number) => new RegExp(`^.{1,${max}}$`, "s");

const PRIMARY_KEYS: Readonly<Record<string, KeyRule>> = {
  "00": { value: /^\d{18}$/, qualifiers: [] },
  "01": { value: /^(\d{8}|\d{12,14})$/, qualifiers: ["21", "235", "10"], dropped: ["22"] },
  "253": { value: /^\d{13}.{0,17}$/s, qualifiers: [] },
  "255": { value: /^\d{13,25}$/, qualifiers: [] },
  "401": { value: text(30), qualifiers: [] },
  "402": { value: /^\d{17}$/, qualifiers: [] },
  "414": { value: /^\d{13}$/, qualifiers: ["254"] },
  "417": { value: /^\d{13}$/, qualifiers: [] },
  "8003": { value: /^\d{14}.{0,16}$/s, qualifiers: [] },
  "8004": { value: text(30), qualifiers: [] },
  "8006": { value: /^\d{18}$/, qualifiers: ["21", "10"], dropped: ["22"] },
  "8010": { value: /^[#\-/0-9A-Z]{1,30}$/, qualifiers: ["8011"] },
  "8017": { value: /^\d{18}$/, qualifiers: [], dropped: ["8019"] },
  "8018": { value: /^\d{18}$/, qualifiers: [], dropped: ["8019"] },
};

/** Digital Link 1.0 short names, still met in the wild. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  sscc: "00",
  gtin: "01",
  gdti: "253",
  gcn: "255",
  ginc: "401",
  gsin: "402",
  gln: "414",
  party: "417",
  grai: "8003",
  giai: "8004",
  itip: "8006",
  cpid: "8010",
  gsrnp: "8017",
  gsrn: "8018",
  cpv: "22",
  lot: "10",
  ser: "21",
};

const aiOf = (segment: string): string => SHORT_NAMES[segment] ?? segment;

/** Key and qualifiers from `segments`, which must be nothing but `key/value(/qualifier/value)*`. */
function readKeyPath(segments: readonly string[]): string | undefined {
  const [first, keyValue, ...rest] = segments;
  if (first === undefined || keyValue === undefined || rest.length % 2 !== 0) return undefined;
  const ai = aiOf(first);
  const rule = Object.hasOwn(PRIMARY_KEYS, ai) ? PRIMARY_KEYS[ai] : undefined;
  const key = decodeEscapes(keyValue);
  if (!rule || key === undefined || !rule.value.test(key)) return undefined;

  const qualifiers = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const qualifierAi = aiOf(rest[i] ?? "");
    const value = decodeEscapes(rest[i + 1] ?? "");
    const known = rule.qualifiers.includes(qualifierAi) || rule.dropped?.includes(qualifierAi);
    if (!known || value === undefined || value.length > 28) return undefined;
    qualifiers.set(qualifierAi, value);
  }
  const finest = rule.qualifiers.find((q) => qualifiers.has(q));
  const keyPart = ai === "01" ? key.padStart(14, "0") : key;
  const qualifierPart = finest ? `/${finest}/${toDigitalLinkSegment(qualifiers.get(finest) ?? "")}` : "";
  return `${DL_ORIGIN}/${ai}/${toDigitalLinkSegment(keyPart)}${qualifierPart}`;
}

/**
 * A GS1 Digital Link URI (any domain, any path prefix, short names or AIs, query string) in the constrained
 * canonical form; undefined when `uri` is not a Digital Link to a GS1 key.
 */
export function canonicalDigitalLink(uri: string): string | undefined {
  const match = /^https?:\/\/[^/?#]+(\/[^?#]*)(?:\?[^#]*)?(?:#.*)?$/i.exec(uri);
  if (!match) return undefined;
  const segments = (match[1] ?? "").split("/").slice(1);
  if (segments.at(-1) === "") segments.pop();
  // A Digital Link may sit below any path prefix; the key path is the first suffix that reads as one.
  for (let start = 0; start < segments.length - 1; start++) {
    const canonical = readKeyPath(segments.slice(start));
    if (canonical) return canonical;
  }
  return undefined;
}

/** A decoded serial, lot or reference as an EPC URI component. */
const epcComponent = (decoded: string, maxLength: number): string | undefined =>
  decoded.length > 0 && decoded.length <= maxLength ? toEpcComponent(decoded) : undefined;

/**
 * The EPC URI of a GS1 Digital Link URI for the keys `epcUriToDigitalLink` handles. A Digital Link does not
 * say where the GS1 company prefix ends, so the caller supplies its length (6–12). Undefined when the key's
 * check digit is wrong or the key has no EPC form here.
 */
export function digitalLinkToEpcUri(uri: string, companyPrefixLength: number): string | undefined {
  const canonical = canonicalDigitalLink(uri);
  const L = companyPrefixLength;
  if (!canonical || !Number.isInteger(L) || L < 6 || L > 12) return undefined;
  const [ai = "", rawKey = "", qualifier, rawQualifierValue] = canonical
    .slice(DL_ORIGIN.length + 1)
    .split("/");
  const key = decodeEscapes(rawKey) ?? "";
  const decodedQualifier = rawQualifierValue === undefined ? undefined : decodeEscapes(rawQualifierValue);
  const qualifierValue = decodedQualifier === undefined ? undefined : epcComponent(decodedQualifier, 20);

  switch (ai) {
    case "00": {
      if (!hasValidCheckDigit(key)) return undefined;
      return `urn:epc:id:sscc:${key.slice(1, 1 + L)}.${key[0]}${key.slice(1 + L, 17)}`;
    }
    case "01": {
      if (!hasValidCheckDigit(key)) return undefined;
      const classPart = `${key.slice(1, 1 + L)}.${key[0]}${key.slice(1 + L, 13)}`;
      if (qualifier === "21" && qualifierValue) return `urn:epc:id:sgtin:${classPart}.${qualifierValue}`;
      if (qualifier === "10" && qualifierValue) return `urn:epc:class:lgtin:${classPart}.${qualifierValue}`;
      return qualifier === undefined ? `urn:epc:idpat:sgtin:${classPart}.*` : undefined;
    }
    case "414":
    case "417": {
      if (!hasValidCheckDigit(key)) return undefined;
      const party = `${key.slice(0, L)}.${key.slice(L, 12)}`;
      if (ai === "417") return `urn:epc:id:pgln:${party}`;
      if (qualifier === undefined) return `urn:epc:id:sgln:${party}.0`;
      return qualifierValue ? `urn:epc:id:sgln:${party}.${qualifierValue}` : undefined;
    }
    case "8003": {
      const grai = key.slice(0, 14);
      if (grai[0] !== "0" || !hasValidCheckDigit(grai)) return undefined;
      const classPart = `${grai.slice(1, 1 + L)}.${grai.slice(1 + L, 13)}`;
      if (key.length === 14) return `urn:epc:idpat:grai:${classPart}.*`;
      const serial = epcComponent(key.slice(14), 16);
      return serial ? `urn:epc:id:grai:${classPart}.${serial}` : undefined;
    }
    case "8004": {
      const cp = key.slice(0, L);
      const ref = epcComponent(key.slice(L), 30 - L);
      return /^\d+$/.test(cp) && cp.length === L && ref ? `urn:epc:id:giai:${cp}.${ref}` : undefined;
    }
    case "8018": {
      if (!hasValidCheckDigit(key)) return undefined;
      return `urn:epc:id:gsrn:${key.slice(0, L)}.${key.slice(L, 17)}`;
    }
    case "253": {
      const gdti = key.slice(0, 13);
      if (!hasValidCheckDigit(gdti)) return undefined;
      const classPart = `${gdti.slice(0, L)}.${gdti.slice(L, 12)}`;
      if (key.length === 13) return `urn:epc:idpat:gdti:${classPart}.*`;
      const serial = epcComponent(key.slice(13), 17);
      return serial ? `urn:epc:id:gdti:${classPart}.${serial}` : undefined;
    }
    default:
      return undefined;
  }
}
