/**
 * The EPCIS events the warehouse's own endpoints capture (docs/warehouse.md lists them). Every one
 * names the tenant as owning party on both sides (ownership does not change inside the warehouse;
 * naming it makes the tenant a participant who can query the event) and the place as SGLN. Pure.
 */
import { EPCIS_CONTEXT, gramsToKilograms, LUMBUNG_EPCIS_NAMESPACE, wibTimestamp } from "../../lots";

export interface OperationInput {
  bizStep: "storing" | "picking" | "cycle_counting" | "holding";
  disposition: "sellable_accessible" | "sellable_not_accessible" | "in_progress" | null;
  at: Date;
  /** Where the stock is after the operation (or where it was counted, held). */
  location: string;
  /** Where it came from, for put-away, moves and picks. */
  from: string | null;
  /** The tenant's PGLN. */
  owner: string;
  epc: string;
  /** Null: all of the lot there (a quantity element without quantity). */
  grams: number | null;
  reason: string | null;
  expiryDate: string | null;
  /** A booked adjustment: the signed change, beside the resulting quantity. */
  adjustmentGrams: number | null;
}

export function operationEvent(input: OperationInput): Record<string, unknown> {
  const event: Record<string, unknown> = {
    "@context": [EPCIS_CONTEXT, { lb: LUMBUNG_EPCIS_NAMESPACE }],
    type: "ObjectEvent",
    eventTime: wibTimestamp(input.at),
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep: input.bizStep,
    ...(input.disposition ? { disposition: input.disposition } : {}),
    readPoint: { id: input.location },
    bizLocation: { id: input.location },
    quantityList: [
      input.grams === null
        ? { epcClass: input.epc }
        : { epcClass: input.epc, quantity: gramsToKilograms(input.grams), uom: "KGM" },
    ],
    sourceList: [
      { type: "owning_party", source: input.owner },
      ...(input.from ? [{ type: "location", source: input.from }] : []),
    ],
    destinationList: [
      { type: "owning_party", destination: input.owner },
      ...(input.from ? [{ type: "location", destination: input.location }] : []),
    ],
  };
  if (input.reason) event["lb:reason"] = input.reason;
  if (input.expiryDate) event["lb:expiryDate"] = input.expiryDate;
  if (input.adjustmentGrams !== null) event["lb:adjustmentKg"] = gramsToKilograms(input.adjustmentGrams);
  return event;
}
