/**
 * The TransformationEvent of a production run (../shared/design/corridor-events.md: process →
 * TransformationEvent, commissioning, active, inputQuantityList → outputQuantityList, prodorder,
 * ilmd on the outputs). Pure.
 */

export interface RunEventInput {
  /** `@context` entries and time helpers are the lots module's; passed in to keep this pure. */
  context: unknown[];
  eventTime: string;
  inputs: { epc: string; kilograms: number }[];
  outputs: { lgtin: string; kilograms: number; grade: string }[];
  /** SGLN of the mill (or the processor's own works). */
  site: string;
  /** The processor's PGLN: the owner of what comes out. */
  owner: string;
  productionOrder: string | null;
  commodityCode: string;
  processCode: string;
  productionDate: string;
}

/** How a production order number travels as a bizTransaction: a URI under Lumbung's namespace. */
export function productionOrderUri(namespace: string, organisationId: string, number: string): string {
  return `${namespace}prodorder/${encodeURIComponent(organisationId)}/${encodeURIComponent(number)}`;
}

/** The number back from a URI `productionOrderUri` made; other URIs are shown as they are. */
export function productionOrderNumber(namespace: string, uri: string): string {
  const prefix = `${namespace}prodorder/`;
  if (!uri.startsWith(prefix)) return uri;
  const number = uri.slice(prefix.length).split("/")[1];
  return number === undefined ? uri : decodeURIComponent(number);
}

export function runEvent(input: RunEventInput): Record<string, unknown> {
  const grades = [...new Set(input.outputs.map((o) => o.grade))];
  const ilmd: Record<string, unknown> = {
    "lb:commodity": input.commodityCode,
    "lb:process": input.processCode,
    "lb:productionDate": input.productionDate,
    // ilmd belongs to every output of the event; a grade per lot says which lot is which.
    "lb:outputGrades": input.outputs.map((o) => ({ "lb:lot": o.lgtin, "lb:grade": o.grade })),
  };
  if (grades.length === 1) ilmd["lb:grade"] = grades[0];
  return {
    "@context": input.context,
    type: "TransformationEvent",
    eventTime: input.eventTime,
    eventTimeZoneOffset: "+07:00",
    bizStep: "commissioning",
    disposition: "active",
    inputQuantityList: input.inputs.map((i) => ({ epcClass: i.epc, quantity: i.kilograms, uom: "KGM" })),
    outputQuantityList: input.outputs.map((o) => ({ epcClass: o.lgtin, quantity: o.kilograms, uom: "KGM" })),
    readPoint: { id: input.site },
    bizLocation: { id: input.site },
    ...(input.productionOrder
      ? { bizTransactionList: [{ type: "prodorder", bizTransaction: input.productionOrder }] }
      : {}),
    destinationList: [{ type: "owning_party", destination: input.owner }],
    ilmd,
  };
}
