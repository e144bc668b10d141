/**
 * Pure helpers behind the public trace page: turning identifiers people type or scan into
 * what the API accepts, shortening GS1 identifiers for people, naming CBV steps, and
 * placing a journey on the corridor.
 */
import type { PublicTrace, RegionRef, TraceLastSeen, TraceOrigin, TraceStep } from "../../lib/api.ts";
import type { Lang } from "../../lib/i18n.ts";

/** A commodity's names (reference data). */
export interface Food {
  code: string;
  name: string;
  nameEn: string;
}

/** A place the journey names, with its name and coordinates when known (`GET /api/v1/public/trace`). */
export interface TracePlace {
  id: string;
  name: string | null;
  kind: "site" | "farm" | "organisation" | "unknown";
  siteKind: string | null;
  siteCode: string | null;
  detail: string | null;
  organisation: string | null;
  latitude: number | null;
  longitude: number | null;
  approximate: boolean;
}

/** A reading outside the commodity's storage thresholds. */
export interface TraceExcursion {
  measurement: string;
  value: number;
  uom: string;
  unit: string;
  limit: number;
  direction: "above" | "below";
  at: string;
  place: string | null;
}

export interface FarmersShare {
  percent: number;
  farmGateValuePerKg: number;
  retailPricePerKg: number;
  harvestKgPerKg: number;
  source: "retail_selling" | "lot";
  item: string;
  eventTime: string | null;
  place: string | null;
}

/** Per harvest lot: what the farmer was paid, what a BUMD paid, and Jakarta's retail price (procurement). */
export interface LotPrices {
  lot: string;
  farmGate: { pricePerKg: number; source: "payment" | "lot"; date: string | null } | null;
  bumdPurchase: { pricePerKg: number; buyer: string; date: string } | null;
  retailJakarta: { pricePerKg: number; date: string; markets: number } | null;
  farmersSharePercent: number | null;
}

export interface ProductLot {
  lot: string;
  digitalLink: string | null;
  firstSeen: string | null;
  commodity: Food | null;
  harvestDate: string | null;
  regency: RegionRef | null;
  producer: string | null;
}

export type Step = TraceStep & {
  eventType: string;
  placeName: string | null;
  temperatureUnit: string | null;
  excursions: TraceExcursion[];
};

/**
 * The public trace as the server answers it now. lib/api.ts declares the older, smaller shape (its
 * `PublicTrace`); this one adds food, places, custody, excursions and the farmer's share.
 */
export interface FullPublicTrace extends Omit<PublicTrace, "journey" | "current" | "origins"> {
  food: Food | null;
  processed: boolean;
  origins: (TraceOrigin & { district: RegionRef | null; commodity: Food | null })[];
  journey: Step[];
  current:
    | (TraceLastSeen & {
        locationName: string | null;
        inContainer: boolean;
        holder: string | null;
        holderBasis: "declared" | "received" | "carrier" | "possession" | null;
      })
    | null;
  places: TracePlace[];
  excursions: TraceExcursion[];
  farmersShare: FarmersShare | null;
  priceTransparency?: LotPrices[];
  lots?: ProductLot[];
}

/** GS1 mod-10 check digit: weights 3, 1, 3, … from the rightmost digit. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

const withCheckDigit = (digits: string) => `${digits}${gs1CheckDigit(digits)}`;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The GS1 keys of an EPC URI, as printed under a barcode. */
export type Identified =
  | { kind: "lot"; gtin: string; lot: string }
  | { kind: "item"; gtin: string; serial: string }
  | { kind: "product"; gtin: string }
  | { kind: "container"; sscc: string }
  | { kind: "place"; gln: string; extension: string | null }
  | { kind: "other"; text: string };

export function identify(epc: string): Identified {
  const urn = /^urn:epc:(id|class):([a-z]+):(\d+)\.(\d+)(?:\.(.+))?$/.exec(epc);
  if (urn) {
    const [, , scheme, cp = "", ref = "", rest] = urn;
    if (scheme === "lgtin" && rest && cp.length + ref.length === 13) {
      return { kind: "lot", gtin: withCheckDigit(ref.slice(0, 1) + cp + ref.slice(1)), lot: decode(rest) };
    }
    if (scheme === "sgtin" && rest && cp.length + ref.length === 13) {
      return {
        kind: "item",
        gtin: withCheckDigit(ref.slice(0, 1) + cp + ref.slice(1)),
        serial: decode(rest),
      };
    }
    if (scheme === "sscc" && !rest && cp.length + ref.length === 17) {
      return { kind: "container", sscc: withCheckDigit(ref.slice(0, 1) + cp + ref.slice(1)) };
    }
    if (scheme === "sgln" && rest && cp.length + ref.length === 12) {
      return { kind: "place", gln: withCheckDigit(cp + ref), extension: rest === "0" ? null : decode(rest) };
    }
  }
  const link = /^https?:\/\/[^/]+\/(01|00|414)\/(\d{13,18})(?:\/(10|21|254)\/([^/?#]+))?/.exec(epc);
  if (link) {
    const [, ai, key = "", qualifier, value] = link;
    if (ai === "01" && qualifier === "10" && value) return { kind: "lot", gtin: key, lot: decode(value) };
    if (ai === "01" && qualifier === "21" && value) return { kind: "item", gtin: key, serial: decode(value) };
    if (ai === "01" && !qualifier) return { kind: "product", gtin: key };
    if (ai === "00") return { kind: "container", sscc: key };
    if (ai === "414") return { kind: "place", gln: key, extension: value ? decode(value) : null };
  }
  return { kind: "other", text: epc };
}

/**
 * The parts of an identifier people can compare with a label: ["GTIN 08991234123455", "Lot SKG-0415-A"],
 * ["SSCC 089912340000050016"], ["GLN 8991234002015"] (a place's extension, e.g. a dock, is left out).
 */
export function identifierParts(epc: string): string[] {
  const id = identify(epc);
  switch (id.kind) {
    case "lot":
      return [`GTIN ${id.gtin}`, `Lot ${id.lot}`];
    case "item":
      return [`GTIN ${id.gtin}`, `SN ${id.serial}`];
    case "product":
      return [`GTIN ${id.gtin}`];
    case "container":
      return [`SSCC ${id.sscc}`];
    case "place":
      return [`GLN ${id.gln}`];
    default: {
      const text = id.text.replace(/^https?:\/\//, "");
      return [text.length > 40 ? `${text.slice(0, 18)}…${text.slice(-18)}` : text];
    }
  }
}

export function shortIdentifier(epc: string): string {
  return identifierParts(epc).join(" · ");
}

/**
 * What someone typed or pasted into the search field, as the API's `epc`: a GS1 element
 * string as printed under a barcode ("(01)08991234123455(10)SKG-0415-A") becomes a Digital
 * Link on this site; a Digital Link path ("/01/…") gets this site's origin; URLs and EPC URIs
 * pass through.
 */
export function toTraceInput(raw: string, origin: string): string {
  const value = raw.trim().replace(/\s+/g, "");
  const element = /^\(01\)(\d{14})(?:\(10\)(.{1,20}))?$/.exec(value);
  if (element) {
    const [, gtin, lot] = element;
    return lot ? `${origin}/01/${gtin}/10/${encodeURIComponent(lot)}` : `${origin}/01/${gtin}`;
  }
  const sscc = /^\(00\)(\d{18})$/.exec(value);
  if (sscc) return `${origin}/00/${sscc[1]}`;
  if (/^\/?(01|00)\//.test(value)) return `${origin}/${value.replace(/^\//, "")}`;
  return value;
}

/** The bare CBV word of a step written any of the ways EPCIS allows. */
export function cbvWord(value: string | null): string | null {
  if (value === null) return null;
  return value
    .replace(/^https:\/\/ref\.gs1\.org\/cbv\/(BizStep|Disp)-/, "")
    .replace(/^cbv:(BizStep|Disp)-/, "")
    .replace(/^urn:epcglobal:cbv:(bizstep|disp):/, "");
}

/**
 * What a step did, as a message key suffix: a TransformationEvent is processing (hilirisasi), a
 * commissioning ObjectEvent a harvest declared; others by their CBV business step.
 */
export function stepKey(step: Pick<Step, "eventType" | "step">): string {
  if (step.eventType === "TransformationEvent") return "processing";
  const word = cbvWord(step.step);
  if (word === "commissioning") return "harvest";
  return word ?? "unknown";
}

/** Steps in time order, oldest first (the API already sends them so; this keeps it true). */
export function inTimeOrder<T extends TraceStep>(steps: T[]): T[] {
  return steps
    .map((step, index) => ({ step, index, at: Date.parse(step.eventTime) || 0 }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ step }) => step);
}

/** UN/CEFACT unit codes as people write them. */
const UNITS: Record<string, string> = { KGM: "kg", TNE: "ton", GRM: "g", LTR: "L", MTQ: "m³" };
const PIECES: Record<Lang, string> = { id: "buah", en: "pcs" };

export function unitLabel(uom: string | null, lang: Lang): string {
  if (uom === null) return "";
  if (uom === "H87" || uom === "EA") return PIECES[lang];
  return UNITS[uom] ?? uom;
}

/** The province of a Kemendagri region code (the corridor's two). */
export function provinceOf(code: string): string | null {
  if (code.startsWith("18")) return "Lampung";
  if (code.startsWith("31")) return "DKI Jakarta";
  return null;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("id-ID") + text.slice(1);
}
