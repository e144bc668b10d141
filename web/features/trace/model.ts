/**
 * Pure helpers behind the public trace page: turning identifiers people type or scan into
 * what the API accepts, shortening GS1 identifiers for people, naming CBV steps, and
 * placing a journey on the corridor.
 */
import type { PublicTrace, TraceStep } from "../../lib/api.ts";
import type { Lang } from "../../lib/i18n.ts";

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
 * A commissioning step either records a harvest (a new lot at the farm) or a product made
 * from other lots (hilirisasi). The public trace does not say which, but every harvest lot is
 * an origin and harvests come before anything is made from them: the first `origins.length`
 * commissioning steps are harvests, later ones are processing.
 */
export function stepKeys(trace: Pick<PublicTrace, "origins" | "journey">): string[] {
  let harvests = trace.origins.length;
  return trace.journey.map((step) => {
    const word = cbvWord(step.step);
    if (word !== "commissioning") return word ?? "unknown";
    if (harvests > 0) {
      harvests--;
      return "commissioning";
    }
    return "processing";
  });
}

/** Steps in time order, oldest first (the API already sends them so; this keeps it true). */
export function inTimeOrder(steps: TraceStep[]): TraceStep[] {
  return steps
    .map((step, index) => ({ step, index, at: Date.parse(step.eventTime) || 0 }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ step }) => step);
}

export const STAGES = ["farm", "panjang", "sea", "priok", "warehouse", "market"] as const;
export type Stage = (typeof STAGES)[number];

const WAREHOUSE_STEPS = new Set(["receiving", "storing", "picking", "staging_outbound", "stocking"]);

/**
 * The corridor stage each step happened at, when its business step says so: arriving and
 * departing happen at the hubs (the first hub is Panjang; after a departure, the next arrival is
 * Priok), receiving and storing in the shared warehouse, retail selling at the market, a harvest
 * on the farm. `trace.journey` must be in time order.
 */
export function stepStages(trace: Pick<PublicTrace, "origins" | "journey">): (Stage | null)[] {
  let departed = false;
  return stepKeys(trace).map((key): Stage | null => {
    if (key === "commissioning") return "farm";
    if (key === "arriving") return departed ? "priok" : "panjang";
    if (key === "departing") {
      const from: Stage = departed ? "priok" : "panjang";
      departed = true;
      return from;
    }
    if (WAREHOUSE_STEPS.has(key)) return "warehouse";
    if (key === "retail_selling") return "market";
    return null;
  });
}

/** The stages a journey reached: those of its steps, the farm when an origin is known, and the sea after a departure. */
export function reachedStages(trace: Pick<PublicTrace, "origins" | "journey">): Set<Stage> {
  const reached = new Set<Stage>();
  if (trace.origins.length > 0) reached.add("farm");
  const keys = stepKeys(trace);
  stepStages(trace).forEach((stage, index) => {
    if (stage) reached.add(stage);
    if (keys[index] === "departing") reached.add("sea");
  });
  return reached;
}

/** The furthest stage along the corridor that the journey reached. */
export function furthestStage(reached: ReadonlySet<Stage>): Stage | null {
  for (let i = STAGES.length - 1; i >= 0; i--) {
    const stage = STAGES[i] as Stage;
    if (reached.has(stage)) return stage;
  }
  return null;
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
