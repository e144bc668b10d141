import { EPCIS_CONTEXT_URL } from "../../src/modules/epcis/domain/context";

/** Lumbung's extension namespace in test documents, declared in the document @context. */
export const LB = "https://lumbung.go.id/epcis/";

const PREFIX = "8991234"; // a 7-digit GS1 company prefix under Indonesia's 899

export const ids = {
  lot: (lot: string) => `urn:epc:class:lgtin:${PREFIX}.012345.${lot}`,
  sscc: (serial: string) => `urn:epc:id:sscc:${PREFIX}.${serial.padStart(10, "0")}`,
  site: (loc: string, ext = "0") => `urn:epc:id:sgln:${PREFIX}.${loc.padStart(5, "0")}.${ext}`,
  party: (ref: string) => `urn:epc:id:pgln:${PREFIX}.${ref.padStart(5, "0")}`,
};

export function doc(events: Record<string, unknown>[], extraContext: Record<string, string> = {}) {
  return {
    "@context": [EPCIS_CONTEXT_URL, { lb: LB, ...extraContext }],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2025-04-15T08:00:00+07:00",
    epcisBody: { eventList: events },
  };
}

/** A koperasi declares a harvest lot at the farm (J1 step 1). */
export function commissioning(lot: string, kg: number, overrides: Record<string, unknown> = {}) {
  return {
    type: "ObjectEvent",
    eventTime: "2025-04-15T07:30:00+07:00",
    eventTimeZoneOffset: "+07:00",
    action: "ADD",
    bizStep: "commissioning",
    disposition: "active",
    quantityList: [{ epcClass: ids.lot(lot), quantity: kg, uom: "KGM" }],
    readPoint: { id: ids.site("101") },
    bizLocation: { id: ids.site("101") },
    ilmd: { "lb:harvestDate": "2025-04-14", "lb:villageCode": "18.72.01.1001", "lb:grade": "premium" },
    ...overrides,
  };
}

export function packing(sscc: string, lot: string, kg: number, overrides: Record<string, unknown> = {}) {
  return {
    type: "AggregationEvent",
    eventTime: "2025-04-15T09:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    action: "ADD",
    bizStep: "packing",
    disposition: "container_closed",
    parentID: ids.sscc(sscc),
    childQuantityList: [{ epcClass: ids.lot(lot), quantity: kg, uom: "KGM" }],
    readPoint: { id: ids.site("101") },
    ...overrides,
  };
}

export function shipping(sscc: string, po: string, overrides: Record<string, unknown> = {}) {
  return {
    type: "ObjectEvent",
    eventTime: "2025-04-15T10:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep: "shipping",
    disposition: "in_transit",
    epcList: [ids.sscc(sscc)],
    readPoint: { id: ids.site("101") },
    bizTransactionList: [
      { type: "po", bizTransaction: `urn:epc:id:gdti:${PREFIX}.00001.${po}` },
      { type: "desadv", bizTransaction: `urn:epc:id:gdti:${PREFIX}.00002.${po}` },
    ],
    sourceList: [{ type: "owning_party", source: ids.party("1") }],
    destinationList: [
      { type: "owning_party", destination: ids.party("2") },
      { type: "location", destination: ids.site("201") },
    ],
    ...overrides,
  };
}

export function milling(inputLot: string, outputLot: string, inKg: number, outKg: number) {
  return {
    type: "TransformationEvent",
    eventTime: "2025-04-20T13:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    bizStep: "commissioning",
    disposition: "active",
    inputQuantityList: [{ epcClass: ids.lot(inputLot), quantity: inKg, uom: "KGM" }],
    outputQuantityList: [{ epcClass: ids.lot(outputLot), quantity: outKg, uom: "KGM" }],
    readPoint: { id: ids.site("301") },
    bizTransactionList: [{ type: "prodorder", bizTransaction: `urn:epc:id:gdti:${PREFIX}.00003.1` }],
  };
}
