/** GS1 EPCIS 2.0 JSON/JSON-LD shapes as Lumbung handles them (see ../shared/conformance/epcis). */
export const EVENT_TYPES = [
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** An event as captured: the standard fields plus any extension fields under declared namespaces. */
export interface EpcisEvent {
  type: EventType;
  eventTime: string;
  eventTimeZoneOffset: string;
  eventID?: string;
  recordTime?: string;
  "@context"?: unknown;
  [field: string]: unknown;
}

export interface EpcisDocument {
  "@context"?: unknown;
  type: "EPCISDocument";
  schemaVersion: string;
  creationDate: string;
  epcisHeader?: unknown;
  epcisBody: { eventList: EpcisEvent[] };
  [field: string]: unknown;
}

/** A namespace prefix (e.g. `example`) → its IRI (e.g. `http://ns.example.com/epcis/`). */
export type Namespaces = ReadonlyMap<string, string>;

/** Where a capture went wrong: which event (null: the document itself), which field, why. */
export interface Violation {
  eventIndex: number | null;
  field: string;
  message: string;
}
