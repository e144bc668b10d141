/**
 * Harvest lots: quantities without floating point, Lumbung's lot numbers, and the commissioning
 * ObjectEvent that brings a lot into being (../shared/design/corridor-events.md). Pure.
 */

export const QUANTITY_UNITS = ["kg", "ton"] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

const GRAMS_PER_UNIT: Readonly<Record<QuantityUnit, number>> = { kg: 1_000, ton: 1_000_000 };
/** Finer than a gram cannot be stored, so no more decimals than that are accepted. */
export const MAX_DECIMALS: Readonly<Record<QuantityUnit, number>> = { kg: 3, ton: 6 };
/** 10,000 t: far above any one harvest lot, low enough that a typo (extra zeros) is refused. */
export const MAX_GRAMS = 10_000_000_000;

/**
 * A decimal quantity ("1250", "1.25", "0.5") in `unit` as whole grams, computed on the digits so
 * 0.1 + 0.2 problems never reach a mass balance. Undefined when it is not a plain decimal, has more
 * decimals than a gram allows, or is zero.
 */
export function toGrams(value: string, unit: QuantityUnit): number | undefined {
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(value);
  if (!m) return undefined;
  const [, whole = "0", fraction = ""] = m;
  if (fraction.length > MAX_DECIMALS[unit]) return undefined;
  const scale = GRAMS_PER_UNIT[unit];
  const grams = Number(whole) * scale + Number(fraction.padEnd(MAX_DECIMALS[unit], "0"));
  return Number.isSafeInteger(grams) && grams > 0 ? grams : undefined;
}

/** The declared quantity written back without redundant zeros: "1250.500" → "1250.5". */
export function normaliseDecimal(value: string): string {
  const [whole = "0", fraction = ""] = value.split(".");
  const trimmedWhole = whole.replace(/^0+(?=\d)/, "");
  const trimmedFraction = fraction.replace(/0+$/, "");
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

/** Kilograms for an EPCIS quantityList (uom KGM); exact for every whole number of grams below 2^53. */
export function gramsToKilograms(grams: number): number {
  return grams / 1000;
}

/**
 * Lumbung's lot number: `L`, the harvest date, and the organisation's sequence for that date,
 * e.g. `L20250414-001`. Readable on a sack, sortable, and within GS1's 20 characters (AI 10).
 */
export function lotCode(harvestDate: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(harvestDate)) throw new RangeError(`not a date: ${harvestDate}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 9_999_999_999) {
    throw new RangeError(`lot sequence out of range: ${sequence}`);
  }
  return `L${harvestDate.replaceAll("-", "")}-${String(sequence).padStart(3, "0")}`;
}

const WIB_OFFSET_MS = 7 * 3600_000;

/** An instant as RFC 3339 in WIB (`2025-04-15T14:30:00.000+07:00`): how Lampung reads the time. */
export function wibTimestamp(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().replace("Z", "+07:00");
}

/** Lumbung's EPCIS extension namespace; every event that uses `lb:` fields declares it. */
export const LUMBUNG_EPCIS_NAMESPACE = "https://lumbung.go.id/epcis/";
/** The JSON-LD context every event Lumbung builds names first. */
export const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

export interface CommissioningInput {
  lgtin: string;
  grams: number;
  /** SGLN of the farm: where the lot came into being. */
  farm: string;
  declaredAt: Date;
  harvestDate: string;
  villageCode: string;
  grade: string;
  commodityCode: string;
  /** Integer rupiah per kg paid at the farm gate, when the koperasi records it. */
  farmGatePrice: number | null;
}

/**
 * The commissioning ObjectEvent of a harvest lot: ADD, commissioning, active, the lot's LGTIN
 * counted in kilograms, and its master data (ilmd) under Lumbung's namespace. The event happens
 * when the lot is declared; the harvest date is master data of the lot, not the event's time.
 */
export function commissioningEvent(input: CommissioningInput): Record<string, unknown> {
  const ilmd: Record<string, unknown> = {
    "lb:harvestDate": input.harvestDate,
    "lb:villageCode": input.villageCode,
    "lb:grade": input.grade,
    "lb:commodity": input.commodityCode,
  };
  if (input.farmGatePrice !== null) ilmd["lb:farmGatePrice"] = input.farmGatePrice;
  return {
    "@context": [EPCIS_CONTEXT, { lb: LUMBUNG_EPCIS_NAMESPACE }],
    type: "ObjectEvent",
    eventTime: wibTimestamp(input.declaredAt),
    eventTimeZoneOffset: "+07:00",
    action: "ADD",
    bizStep: "commissioning",
    disposition: "active",
    readPoint: { id: input.farm },
    bizLocation: { id: input.farm },
    quantityList: [{ epcClass: input.lgtin, quantity: gramsToKilograms(input.grams), uom: "KGM" }],
    ilmd,
  };
}
