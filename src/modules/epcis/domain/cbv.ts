/**
 * The GS1 Core Business Vocabulary (CBV 2.0) terms EPCIS events draw on, as the standard JSON-LD
 * context (https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld) defines them.
 *
 * A term reaches Lumbung in one of four spellings: the bare word of the JSON binding (`shipping`),
 * its GS1 Web URI (`https://ref.gs1.org/cbv/BizStep-shipping`), a compact IRI under the context's
 * protected prefixes (`cbv:BizStep-shipping`, `gs1:Temperature`), or, from EPCIS 1.x systems, the
 * legacy URN (`urn:epcglobal:cbv:bizstep:shipping`). Storing one canonical form keeps queries such as
 * "every shipping event" from missing the rows written in another spelling.
 */

export const BIZ_STEPS = [
  "accepting",
  "arriving",
  "assembling",
  "collecting",
  "commissioning",
  "consigning",
  "creating_class_instance",
  "cycle_counting",
  "decommissioning",
  "departing",
  "destroying",
  "disassembling",
  "dispensing",
  "encoding",
  "entering_exiting",
  "holding",
  "inspecting",
  "installing",
  "killing",
  "loading",
  "other",
  "packing",
  "picking",
  "receiving",
  "removing",
  "repackaging",
  "repairing",
  "replacing",
  "reserving",
  "retail_selling",
  "sampling",
  "sensor_reporting",
  "shipping",
  "staging_outbound",
  "stock_taking",
  "stocking",
  "storing",
  "transporting",
  "unloading",
  "unpacking",
  "void_shipping",
] as const;
export type BizStep = (typeof BIZ_STEPS)[number];

export const DISPOSITIONS = [
  "active",
  "available",
  "completeness_verified",
  "completeness_inferred",
  "conformant",
  "container_closed",
  "container_open",
  "damaged",
  "destroyed",
  "dispensed",
  "disposed",
  "encoded",
  "expired",
  "in_progress",
  "in_transit",
  "inactive",
  "mismatch_instance",
  "mismatch_class",
  "mismatch_quantity",
  "needs_replacement",
  "no_pedigree_match",
  "non_conformant",
  "non_sellable_other",
  "partially_dispensed",
  "recalled",
  "reserved",
  "retail_sold",
  "returned",
  "sellable_accessible",
  "sellable_not_accessible",
  "stolen",
  "unavailable",
  "unknown",
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const BIZ_TRANSACTION_TYPES = [
  "bol",
  "cert",
  "desadv",
  "inv",
  "pedigree",
  "po",
  "poc",
  "prodorder",
  "recadv",
  "rma",
  "testprd",
  "testres",
  "upevt",
] as const;
export type BizTransactionType = (typeof BIZ_TRANSACTION_TYPES)[number];

export const SOURCE_DESTINATION_TYPES = ["owning_party", "possessing_party", "location"] as const;
export type SourceDestinationType = (typeof SOURCE_DESTINATION_TYPES)[number];

export const ERROR_REASONS = ["did_not_occur", "incorrect_data"] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

export const SENSOR_MEASUREMENT_TYPES = [
  "AbsoluteHumidity",
  "AbsorbedDose",
  "AbsorbedDoseRate",
  "Acceleration",
  "Radioactivity",
  "Altitude",
  "AmountOfSubstance",
  "AmountOfSubstancePerUnitVolume",
  "Angle",
  "AngularAcceleration",
  "AngularMomentum",
  "AngularVelocity",
  "Area",
  "Capacitance",
  "Conductance",
  "Conductivity",
  "Count",
  "Density",
  "Dimensionless",
  "DoseEquivalent",
  "DoseEquivalentRate",
  "DynamicViscosity",
  "ElectricCharge",
  "ElectricCurrent",
  "ElectricCurrentDensity",
  "ElectricFieldStrength",
  "Energy",
  "Exposure",
  "Force",
  "Frequency",
  "Illuminance",
  "Inductance",
  "Irradiance",
  "KinematicViscosity",
  "Length",
  "LinearMomentum",
  "Luminance",
  "LuminousFlux",
  "LuminousIntensity",
  "MagneticFlux",
  "MagneticFluxDensity",
  "MagneticVectorPotential",
  "Mass",
  "MassConcentration",
  "MassFlowRate",
  "MassPerAreaTime",
  "MemoryCapacity",
  "MolalityOfSolute",
  "MolarEnergy",
  "MolarMass",
  "MolarVolume",
  "Power",
  "Pressure",
  "RadiantFlux",
  "RadiantIntensity",
  "RelativeHumidity",
  "Resistance",
  "Resistivity",
  "SolidAngle",
  "SpecificVolume",
  "Speed",
  "SurfaceDensity",
  "SurfaceTension",
  "Temperature",
  "Time",
  "Torque",
  "Voltage",
  "Volume",
  "VolumeFlowRate",
  "VolumeFraction",
  "VolumetricFlux",
  "Wavenumber",
] as const;
export type SensorMeasurementType = (typeof SENSOR_MEASUREMENT_TYPES)[number];

/** `sensorReport.exception`: what kind of condition a device flagged. */
export const SENSOR_ALERT_TYPES = ["ALARM_CONDITION", "ERROR_CONDITION"] as const;
export type SensorAlertType = (typeof SENSOR_ALERT_TYPES)[number];

/** `sensorReport.component`: which axis or coordinate of a multi-part reading a value is. */
export const SENSOR_COMPONENTS = [
  "x",
  "y",
  "z",
  "axial_distance",
  "azimuth",
  "height",
  "spherical_radius",
  "polar_angle",
  "elevation_angle",
  "easting",
  "northing",
  "latitude",
  "longitude",
  "altitude",
] as const;
export type SensorComponent = (typeof SENSOR_COMPONENTS)[number];

const CBV_BASE = "https://ref.gs1.org/cbv/";
const GS1_VOC_BASE = "https://gs1.org/voc/";

interface Vocabulary {
  /** What a person calls it, for messages. */
  readonly label: string;
  readonly terms: readonly string[];
  /** Canonical URI = base + term. */
  readonly base: string;
  /** The compact IRI the standard context allows, e.g. `cbv:BizStep-`. */
  readonly compact: string;
  /** EPCIS 1.x URN prefix; sensor vocabularies are new in 2.0 and have none. */
  readonly legacy: string | null;
}

export const CBV_VOCABULARIES = {
  bizStep: {
    label: "business step",
    terms: BIZ_STEPS,
    base: `${CBV_BASE}BizStep-`,
    compact: "cbv:BizStep-",
    legacy: "urn:epcglobal:cbv:bizstep:",
  },
  disposition: {
    label: "disposition",
    terms: DISPOSITIONS,
    base: `${CBV_BASE}Disp-`,
    compact: "cbv:Disp-",
    legacy: "urn:epcglobal:cbv:disp:",
  },
  bizTransactionType: {
    label: "business transaction type",
    terms: BIZ_TRANSACTION_TYPES,
    base: `${CBV_BASE}BTT-`,
    compact: "cbv:BTT-",
    legacy: "urn:epcglobal:cbv:btt:",
  },
  sourceDestType: {
    label: "source/destination type",
    terms: SOURCE_DESTINATION_TYPES,
    base: `${CBV_BASE}SDT-`,
    compact: "cbv:SDT-",
    legacy: "urn:epcglobal:cbv:sdt:",
  },
  errorReason: {
    label: "error reason",
    terms: ERROR_REASONS,
    base: `${CBV_BASE}ER-`,
    compact: "cbv:ER-",
    legacy: "urn:epcglobal:cbv:er:",
  },
  measurementType: {
    label: "sensor measurement type",
    terms: SENSOR_MEASUREMENT_TYPES,
    base: GS1_VOC_BASE,
    compact: "gs1:",
    legacy: null,
  },
  sensorAlertType: {
    label: "sensor alert type",
    terms: SENSOR_ALERT_TYPES,
    base: GS1_VOC_BASE,
    compact: "gs1:",
    legacy: null,
  },
  sensorComponent: {
    label: "sensor component",
    terms: SENSOR_COMPONENTS,
    base: `${CBV_BASE}Comp-`,
    compact: "cbv:Comp-",
    legacy: null,
  },
} as const satisfies Record<string, Vocabulary>;

export type CbvKind = keyof typeof CBV_VOCABULARIES;
export const CBV_KINDS = Object.keys(CBV_VOCABULARIES) as CbvKind[];

const termSets = new Map<CbvKind, ReadonlySet<string>>(
  CBV_KINDS.map((kind) => [kind, new Set<string>(CBV_VOCABULARIES[kind].terms)]),
);

/**
 * RFC 3986 absolute URI (scheme ":" rest, no whitespace or characters URIs never carry), with the
 * extra demand that web URIs have a host and URNs a namespace: `https:foo` and `urn:x` are typos,
 * not identifiers.
 */
export function isAbsoluteUri(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}]+$/u.test(value)) return false;
  if (/%(?![0-9A-Fa-f]{2})/.test(value)) return false;
  const scheme = value.slice(0, value.indexOf(":")).toLowerCase();
  if (scheme === "http" || scheme === "https") {
    return /^https?:\/\/[^/?#\s]+/i.test(value) && URL.canParse(value);
  }
  if (scheme === "urn") return /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:.+$/i.test(value);
  return true;
}

/**
 * Namespaces GS1 keeps for itself. A value there is either a standard term or a mistake; it is never
 * a user's own vocabulary (the JSON schema excludes these namespaces from "other URIs" too).
 */
const GS1_RESERVED =
  /^(?:urn:epcglobal:cbv:|https?:\/\/(?:ref\.|ns\.|www\.)?gs1\.org\/(?:cbv|voc)\/|cbv:|gs1:)/i;

export function isGs1ReservedUri(value: string): boolean {
  return GS1_RESERVED.test(value);
}

/** The bare CBV word a value names, in any accepted spelling, or null. */
export function cbvTerm(kind: CbvKind, value: string): string | null {
  const vocab: Vocabulary = CBV_VOCABULARIES[kind];
  const terms = termSets.get(kind) as ReadonlySet<string>;
  let term: string | null = null;
  if (terms.has(value)) term = value;
  else if (value.startsWith(vocab.base)) term = value.slice(vocab.base.length);
  else if (value.startsWith(vocab.compact)) term = value.slice(vocab.compact.length);
  else if (vocab.legacy && value.startsWith(vocab.legacy)) term = value.slice(vocab.legacy.length);
  return term !== null && terms.has(term) ? term : null;
}

/**
 * The canonical GS1 Web URI for a CBV term given bare, as a GS1 URI, a compact IRI or a legacy URN;
 * the value unchanged when it is the user's own absolute URI; null when it is neither (an unknown
 * bare word such as "transforming", or an unknown term inside a GS1 namespace).
 */
export function canonicalCbv(kind: CbvKind, value: string): string | null {
  const term = cbvTerm(kind, value);
  if (term !== null) return CBV_VOCABULARIES[kind].base + term;
  if (isGs1ReservedUri(value)) return null;
  return isAbsoluteUri(value) ? value : null;
}

const fold = (s: string) => s.toLowerCase().replace(/[\s-]+/g, "_");

/** Edit distance counting a swap of neighbours as one edit ("recieving" is one slip from "receiving"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The candidate within one slip of `word` (case, separators and a neighbour swap forgiven), or null. */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const folded = fold(word);
  if (folded.length < 2) return null;
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate));
    // One slip only: a looser match turns "transforming" into "transporting", a different step.
    if (distance <= (candidate.length >= 5 ? 1 : 0) && (!best || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate ?? null;
}

/**
 * The term a person probably meant ("Shipping", "in-transit", "shiping", or a misspelt term inside a
 * GS1 URI), so a rejection can say what to write instead; null when nothing is close.
 */
export function closestCbvTerm(kind: CbvKind, value: string): string | null {
  const terms = CBV_VOCABULARIES[kind].terms;
  const tail = value.slice(
    Math.max(value.lastIndexOf(":"), value.lastIndexOf("/"), value.lastIndexOf("-")) + 1,
  );
  return nearest(value, terms) ?? nearest(tail, terms);
}

/** Which other vocabulary a misplaced standard term belongs to (`in_transit` given as a bizStep). */
export function otherCbvKind(kind: CbvKind, value: string): CbvKind | null {
  return CBV_KINDS.find((other) => other !== kind && cbvTerm(other, value) !== null) ?? null;
}
