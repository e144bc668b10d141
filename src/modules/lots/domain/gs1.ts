import { gs1CheckDigit } from "../../epcis";

/**
 * GS1 keys Lumbung issues (GTIN, GLN, SSCC) and the two spellings of each that the corridor uses:
 * the EPC URI of the Tag Data Standard (what EPCIS events carry) and the GS1 Digital Link URI (what
 * a QR code on a sack carries, resolved by Lumbung). Pure: numbers come from a counter elsewhere.
 *
 * A key is a company prefix (6–12 digits, licensed by GS1) followed by a reference the prefix holder
 * numbers itself, then a check digit. The prefix length is not written in the key, which is why an
 * EPC URI separates prefix and reference with a dot and a Digital Link needs the length to go back.
 */

export type KeyKind = "gtin" | "gln" | "sscc";

/** Digits of prefix + reference, before the check digit (GTIN-13 and GLN: 12; SSCC without its extension digit: 16). */
const KEY_BODY_DIGITS: Readonly<Record<KeyKind, number>> = { gtin: 12, gln: 12, sscc: 16 };

export function isCompanyPrefix(prefix: string): boolean {
  return /^\d{6,12}$/.test(prefix);
}

/** Indonesia's GS1 prefixes start with 899; the platform's own prefix must be one of them. */
export function isIndonesianCompanyPrefix(prefix: string): boolean {
  return isCompanyPrefix(prefix) && prefix.startsWith("899");
}

export function withCheckDigit(digits: string): string {
  return `${digits}${gs1CheckDigit(digits)}`;
}

/** True when the last digit is the GS1 mod-10 check digit of the others. */
export function hasValidCheckDigit(key: string): boolean {
  return /^\d{2,}$/.test(key) && gs1CheckDigit(key.slice(0, -1)) === Number(key.slice(-1));
}

export const isGtin = (key: string): boolean => /^(\d{8}|\d{12,14})$/.test(key) && hasValidCheckDigit(key);
export const isGln = (key: string): boolean => /^\d{13}$/.test(key) && hasValidCheckDigit(key);
export const isSscc = (key: string): boolean => /^\d{18}$/.test(key) && hasValidCheckDigit(key);

function assertPrefix(prefix: string): void {
  if (!isCompanyPrefix(prefix)) throw new RangeError(`not a GS1 company prefix (6–12 digits): "${prefix}"`);
}

/** How many digits the reference has under `prefix`: the key's fixed length less the prefix. */
export function referenceDigits(kind: KeyKind, prefix: string): number {
  assertPrefix(prefix);
  return KEY_BODY_DIGITS[kind] - prefix.length;
}

/** How many references a prefix holds for one kind of key (a 7-digit prefix: 100,000 GTINs). */
export function referenceCapacity(kind: KeyKind, prefix: string): number {
  return 10 ** referenceDigits(kind, prefix);
}

/** A counter value as the zero-padded reference under `prefix`; RangeError when it does not fit. */
export function formatReference(kind: KeyKind, prefix: string, n: number): string {
  const digits = referenceDigits(kind, prefix);
  if (!Number.isSafeInteger(n) || n < 0 || n >= 10 ** digits) {
    throw new RangeError(`${kind} reference ${n} does not fit in ${digits} digits under prefix ${prefix}`);
  }
  return digits === 0 ? "" : String(n).padStart(digits, "0");
}

function assertReference(kind: KeyKind, prefix: string, reference: string): void {
  const digits = referenceDigits(kind, prefix);
  if (!new RegExp(`^\\d{${digits}}$`).test(reference)) {
    throw new RangeError(
      `a ${kind} reference under prefix ${prefix} has ${digits} digits, not "${reference}"`,
    );
  }
}

function assertDigit(name: string, value: string): void {
  if (!/^\d$/.test(value)) throw new RangeError(`${name} must be one digit, not "${value}"`);
}

/**
 * GTIN-14: indicator digit, prefix, item reference, check digit. Indicator 0 is the GTIN-13 written
 * in 14 digits, which is how EPCIS and Digital Link carry it; 1–8 name packaging levels.
 */
export function gtin14(prefix: string, itemReference: string, indicator = "0"): string {
  assertReference("gtin", prefix, itemReference);
  assertDigit("indicator", indicator);
  return withCheckDigit(`${indicator}${prefix}${itemReference}`);
}

export function gln(prefix: string, locationReference: string): string {
  assertReference("gln", prefix, locationReference);
  return withCheckDigit(`${prefix}${locationReference}`);
}

/** SSCC: extension digit (the holder's free choice, 0–9), prefix, serial reference, check digit. */
export function sscc(prefix: string, serialReference: string, extension = "0"): string {
  assertReference("sscc", prefix, serialReference);
  assertDigit("extension digit", extension);
  return withCheckDigit(`${extension}${prefix}${serialReference}`);
}

// ---------------------------------------------------------------------------------------------
// Lot numbers (AI 10) and their escaping

/** GS1 AI encodable character set 82: what a lot or serial may contain. */
const CHARSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

/**
 * A lot number Lumbung accepts: set 82, 1–20 characters, and not "." or "..". GS1 allows those two,
 * but in a Digital Link path a browser resolves them (even escaped as %2E) as relative steps, so the
 * lot would silently drop out of the link a phone opens.
 */
export function isLotNumber(lot: string): boolean {
  return CHARSET_82.test(lot) && lot !== "." && lot !== "..";
}

const escapeWith = (pattern: RegExp) => (text: string) =>
  text.replace(pattern, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
/** TDS §6: characters an EPC URI component must percent-escape. */
const escapeEpc = escapeWith(/["%&/<>?]/g);
/** GS1 Digital Link §7: characters a path segment must percent-escape. */
const escapeDigitalLink = escapeWith(/[!"#%&()*+,/:<>? ]/g);

function percentDecode(text: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function assertLot(lot: string): void {
  if (!isLotNumber(lot)) {
    throw new RangeError(`a lot number is 1–20 characters of GS1 character set 82, not "${lot}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// EPC URIs (what events carry)

/** `urn:epc:class:lgtin:<prefix>.<indicator><item ref>.<lot>`: a lot of a trade item, counted by quantity. */
export function lgtinUri(prefix: string, itemReference: string, lot: string, indicator = "0"): string {
  gtin14(prefix, itemReference, indicator); // validates prefix, reference and indicator
  assertLot(lot);
  return `urn:epc:class:lgtin:${prefix}.${indicator}${itemReference}.${escapeEpc(lot)}`;
}

/** `urn:epc:id:sscc:<prefix>.<extension><serial ref>`: one logistic unit (sack, pallet, container). */
export function ssccUri(prefix: string, serialReference: string, extension = "0"): string {
  sscc(prefix, serialReference, extension);
  return `urn:epc:id:sscc:${prefix}.${extension}${serialReference}`;
}

/** `urn:epc:id:sgln:<prefix>.<location ref>.<extension>`; extension `0` is the site itself. */
export function sglnUri(prefix: string, locationReference: string, extension = "0"): string {
  gln(prefix, locationReference);
  if (!isLotNumber(extension)) {
    throw new RangeError(`a GLN extension is 1–20 characters of GS1 character set 82, not "${extension}"`);
  }
  return `urn:epc:id:sgln:${prefix}.${locationReference}.${escapeEpc(extension)}`;
}

/** `urn:epc:id:pgln:<prefix>.<party ref>`: a party (an organisation) in source and destination lists. */
export function pglnUri(prefix: string, partyReference: string): string {
  gln(prefix, partyReference);
  return `urn:epc:id:pgln:${prefix}.${partyReference}`;
}

// ---------------------------------------------------------------------------------------------
// GS1 Digital Link URIs (what QR codes carry) ⇄ EPC URIs

/** The resolver's origin and any path prefix, without a trailing slash (`https://lumbung.go.id`). */
function resolverBase(resolver: string): string {
  const url = new URL(resolver);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new RangeError(`a Digital Link resolver is an http(s) URL, not "${resolver}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export function gtinDigitalLink(resolver: string, gtin: string, lot?: string): string {
  if (!isGtin(gtin)) throw new RangeError(`not a GTIN: "${gtin}"`);
  if (lot !== undefined) assertLot(lot);
  const key = `${resolverBase(resolver)}/01/${gtin.padStart(14, "0")}`;
  return lot === undefined ? key : `${key}/10/${escapeDigitalLink(lot)}`;
}

export function ssccDigitalLink(resolver: string, key: string): string {
  if (!isSscc(key)) throw new RangeError(`not an SSCC: "${key}"`);
  return `${resolverBase(resolver)}/00/${key}`;
}

export function glnDigitalLink(resolver: string, key: string, extension = "0"): string {
  if (!isGln(key)) throw new RangeError(`not a GLN: "${key}"`);
  // TDS writes "no extension" as 0; Digital Link leaves AI 254 out instead.
  return `${resolverBase(resolver)}/414/${key}${extension === "0" ? "" : `/254/${escapeDigitalLink(extension)}`}`;
}

/** Dot-separated fields of a URN body; the last one keeps any dots it has (lots and extensions may). */
function fields(body: string, count: number): string[] | undefined {
  const parts = body.split(".");
  if (parts.length < count) return undefined;
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join(".")];
}

/**
 * The Digital Link of an LGTIN, SSCC or SGLN EPC URI on `resolver`; undefined for anything else,
 * including URIs whose prefix and reference do not add up to the key's length.
 */
export function epcUriToDigitalLink(resolver: string, uri: string): string | undefined {
  const m = /^urn:epc:(class:lgtin|id:sscc|id:sgln):(.+)$/.exec(uri);
  if (!m) return undefined;
  const [, scheme, body = ""] = m;
  try {
    if (scheme === "class:lgtin") {
      const [prefix = "", ref = "", rawLot = ""] = fields(body, 3) ?? [];
      const lot = percentDecode(rawLot);
      if (lot === undefined) return undefined;
      return gtinDigitalLink(resolver, gtin14(prefix, ref.slice(1), ref.slice(0, 1)), lot);
    }
    if (scheme === "id:sscc") {
      const [prefix = "", ref = ""] = fields(body, 2) ?? [];
      if (ref.includes(".")) return undefined;
      return ssccDigitalLink(resolver, sscc(prefix, ref.slice(1), ref.slice(0, 1)));
    }
    const [prefix = "", ref = "", rawExtension = ""] = fields(body, 3) ?? [];
    const extension = percentDecode(rawExtension);
    if (extension === undefined) return undefined;
    return glnDigitalLink(resolver, gln(prefix, ref), extension);
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

/**
 * The EPC URI of a Digital Link this module writes (any host: the key path is what identifies).
 * A Digital Link does not say where the company prefix ends, so the caller gives its length.
 */
export function digitalLinkToEpcUri(uri: string, prefixLength: number): string | undefined {
  // Read the path as written: URL parsing would normalise escapes and dot segments away.
  const path = /^https?:\/\/[^/?#]+(\/[^?#]*)(?:[?#].*)?$/i.exec(uri)?.[1];
  if (path === undefined) return undefined;
  const L = prefixLength;
  if (!Number.isInteger(L) || L < 6 || L > 12) return undefined;
  const m = /\/(01|00|414)\/(\d+)(?:\/(10|254)\/([^/]+))?\/?$/.exec(path);
  if (!m) return undefined;
  const [, ai, key = "", qualifier, rawValue] = m;
  const value = rawValue === undefined ? undefined : percentDecode(rawValue);
  if (rawValue !== undefined && (value === undefined || !isLotNumber(value))) return undefined;
  if (ai === "01" && qualifier === "10" && value !== undefined && /^\d{14}$/.test(key) && isGtin(key)) {
    return `urn:epc:class:lgtin:${key.slice(1, 1 + L)}.${key[0]}${key.slice(1 + L, 13)}.${escapeEpc(value)}`;
  }
  if (ai === "00" && qualifier === undefined && isSscc(key)) {
    return `urn:epc:id:sscc:${key.slice(1, 1 + L)}.${key[0]}${key.slice(1 + L, 17)}`;
  }
  if (ai === "414" && (qualifier === undefined || qualifier === "254") && isGln(key)) {
    return `urn:epc:id:sgln:${key.slice(0, L)}.${key.slice(L, 12)}.${escapeEpc(value ?? "0")}`;
  }
  return undefined;
}

/** Human-readable interpretation as printed under a barcode: `(01) 08991234000015 (10) L20250414-001`. */
export function humanReadable(gtin: string, lot?: string): string {
  return lot === undefined ? `(01) ${gtin}` : `(01) ${gtin} (10) ${lot}`;
}
