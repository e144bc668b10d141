/**
 * The EPCIS 2.0 events of the shipping steps (../shared/design/corridor-events.md), built from plain
 * facts. Every event that moves a shipment carries its despatch advice (`desadv`) so the projection
 * can find it, `lb:shipment` (the surat jalan number) for people reading the raw event, and the
 * cargo: SSCCs in `epcList`, lots in `quantityList` (kilograms).
 */
import { EPCIS_CONTEXT, gramsToKilograms, LUMBUNG_EPCIS_NAMESPACE, wibTimestamp } from "../lots";

export interface CargoLine {
  lineNo: number;
  epc: string;
  kind: "lot" | "container";
  grams: number;
}

type Event = Record<string, unknown>;

function base(at: Date): Event {
  return {
    "@context": [EPCIS_CONTEXT, { lb: LUMBUNG_EPCIS_NAMESPACE }],
    type: "ObjectEvent",
    eventTime: wibTimestamp(at),
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
  };
}

/** SSCCs as instances, lots as classes with their mass; a line of zero mass is left out. */
export function cargo(lines: readonly CargoLine[]): Event {
  const epcList = lines.filter((l) => l.kind === "container" && l.grams > 0).map((l) => l.epc);
  const quantityList = lines
    .filter((l) => l.kind === "lot" && l.grams > 0)
    .map((l) => ({ epcClass: l.epc, quantity: gramsToKilograms(l.grams), uom: "KGM" }));
  return { ...(epcList.length ? { epcList } : {}), ...(quantityList.length ? { quantityList } : {}) };
}

/** Per-line masses (SSCC lines included, which `quantityList` cannot carry), for the projection. */
function lineFigures(lines: readonly CargoLine[], extra: (l: CargoLine) => Event = () => ({})): Event[] {
  return lines.map((l) => ({
    "lb:line": l.lineNo,
    "lb:epc": l.epc,
    "lb:kg": gramsToKilograms(l.grams),
    ...extra(l),
  }));
}

const desadvOf = (desadv: string) => ({ type: "desadv", bizTransaction: desadv });

export interface Shipping {
  at: Date;
  number: string;
  desadv: string;
  po: string | null;
  lines: readonly CargoLine[];
  shipperPgln: string;
  receiverPgln: string;
  originSgln: string;
  destinationSgln: string;
}

/** Despatch: the shipper hands the goods over for transport to the receiver (ownership unchanged yet). */
export function shippingEvent(s: Shipping): Event {
  return {
    ...base(s.at),
    ...cargo(s.lines),
    bizStep: "shipping",
    disposition: "in_transit",
    readPoint: { id: s.originSgln },
    bizLocation: { id: s.originSgln },
    bizTransactionList: [...(s.po ? [{ type: "po", bizTransaction: s.po }] : []), desadvOf(s.desadv)],
    sourceList: [
      { type: "owning_party", source: s.shipperPgln },
      { type: "location", source: s.originSgln },
    ],
    destinationList: [
      { type: "owning_party", destination: s.receiverPgln },
      { type: "location", destination: s.destinationSgln },
    ],
    "lb:shipment": s.number,
  };
}

export interface Departure {
  at: Date;
  number: string;
  desadv: string;
  bol: string;
  seq: number;
  lines: readonly CargoLine[];
  /** Who holds the goods on this leg, when Lumbung knows the carrier as an organisation. */
  carrierPgln: string | null;
  fromSgln: string;
  toSgln: string;
}

/** A leg leaves: the carrier takes possession (truck, ro-ro line, ferry); no bizLocation while under way. */
export function departingEvent(d: Departure): Event {
  return {
    ...base(d.at),
    ...cargo(d.lines),
    bizStep: "departing",
    disposition: "in_transit",
    readPoint: { id: d.fromSgln },
    bizTransactionList: [desadvOf(d.desadv), { type: "bol", bizTransaction: d.bol }],
    sourceList: [
      ...(d.carrierPgln ? [{ type: "possessing_party", source: d.carrierPgln }] : []),
      { type: "location", source: d.fromSgln },
    ],
    destinationList: [{ type: "location", destination: d.toSgln }],
    "lb:shipment": d.number,
    "lb:leg": d.seq,
  };
}

export interface AtPlace {
  at: Date;
  number: string;
  desadv: string;
  lines: readonly CargoLine[];
  /** Where it happens: the site's SGLN, with the `dock` extension at hubs and warehouses. */
  location: string;
}

export function arrivingEvent(a: AtPlace & { seq: number }): Event {
  return {
    ...base(a.at),
    ...cargo(a.lines),
    bizStep: "arriving",
    disposition: "in_progress",
    readPoint: { id: a.location },
    bizLocation: { id: a.location },
    bizTransactionList: [desadvOf(a.desadv)],
    "lb:shipment": a.number,
    "lb:leg": a.seq,
  };
}

export type InspectionOutcome = "conformant" | "non_conformant" | "damaged";

/**
 * Inspection at a hub: the disposition is the outcome; the cargo lists what was found (per line in
 * `lb:found`, lots also in `quantityList`), so a shortfall against the shipped mass is a loss.
 */
export function inspectingEvent(
  i: AtPlace & { outcome: InspectionOutcome; reason: string | null; found: readonly CargoLine[] },
): Event {
  return {
    ...base(i.at),
    ...cargo(i.found),
    bizStep: "inspecting",
    disposition: i.outcome,
    readPoint: { id: i.location },
    bizLocation: { id: i.location },
    bizTransactionList: [desadvOf(i.desadv)],
    "lb:shipment": i.number,
    "lb:found": lineFigures(i.found),
    ...(i.reason ? { "lb:reason": i.reason } : {}),
  };
}

/** Hold (sellable_not_accessible) or release (sellable_accessible), with the reason. */
export function holdingEvent(h: AtPlace & { hold: boolean; reason: string | null }): Event {
  return {
    ...base(h.at),
    ...cargo(h.lines),
    bizStep: "holding",
    disposition: h.hold ? "sellable_not_accessible" : "sellable_accessible",
    readPoint: { id: h.location },
    bizLocation: { id: h.location },
    bizTransactionList: [desadvOf(h.desadv)],
    "lb:shipment": h.number,
    ...(h.reason ? { "lb:reason": h.reason } : {}),
  };
}

/** Cross-dock: staged at the outbound dock for the next leg. */
export function stagingEvent(s: AtPlace & { nextSeq: number }): Event {
  return {
    ...base(s.at),
    ...cargo(s.lines),
    bizStep: "staging_outbound",
    disposition: "in_transit",
    readPoint: { id: s.location },
    bizLocation: { id: s.location },
    bizTransactionList: [desadvOf(s.desadv)],
    "lb:shipment": s.number,
    "lb:leg": s.nextSeq,
  };
}

export type RejectionDisposition = "non_conformant" | "damaged";

export interface ReceivedLine extends CargoLine {
  acceptedGrams: number;
  rejectedGrams: number;
  rejectedAs: RejectionDisposition;
  reason: string | null;
}

export interface Receipt {
  at: Date;
  number: string;
  desadv: string;
  recadv: string;
  shipperPgln: string;
  receiverPgln: string;
  location: string;
  lines: readonly ReceivedLine[];
}

/**
 * Proof of delivery: one receiving event for what was accepted (sellable_not_accessible: received,
 * not yet put away) and one per rejection disposition for what was refused, each with the receiving
 * advice and the despatch advice; custody (owning and possessing party) passes to the receiver.
 */
export function receivingEvents(r: Receipt): Event[] {
  const common = {
    readPoint: { id: r.location },
    bizLocation: { id: r.location },
    bizTransactionList: [desadvOf(r.desadv), { type: "recadv", bizTransaction: r.recadv }],
    sourceList: [{ type: "owning_party", source: r.shipperPgln }],
    destinationList: [
      { type: "owning_party", destination: r.receiverPgln },
      { type: "possessing_party", destination: r.receiverPgln },
    ],
    "lb:shipment": r.number,
  };
  const events: Event[] = [];
  const accepted = r.lines
    .filter((l) => l.acceptedGrams > 0)
    .map((l) => ({ lineNo: l.lineNo, epc: l.epc, kind: l.kind, grams: l.acceptedGrams }));
  if (accepted.length) {
    events.push({
      ...base(r.at),
      ...cargo(accepted),
      bizStep: "receiving",
      disposition: "sellable_not_accessible",
      ...common,
      "lb:lines": lineFigures(accepted),
    });
  }
  for (const disposition of ["non_conformant", "damaged"] as const) {
    const rejected = r.lines.filter((l) => l.rejectedGrams > 0 && l.rejectedAs === disposition);
    if (!rejected.length) continue;
    const asCargo = rejected.map((l) => ({
      lineNo: l.lineNo,
      epc: l.epc,
      kind: l.kind,
      grams: l.rejectedGrams,
    }));
    const reasons = [...new Set(rejected.map((l) => l.reason).filter((x): x is string => !!x))];
    events.push({
      ...base(r.at),
      ...cargo(asCargo),
      bizStep: "receiving",
      disposition,
      ...common,
      "lb:reason": reasons.join("; "),
      "lb:lines": lineFigures(asCargo, (l) => {
        const reason = rejected.find((x) => x.lineNo === l.lineNo)?.reason;
        return reason ? { "lb:reason": reason } : {};
      }),
    });
  }
  return events;
}

export interface Packing {
  at: Date;
  parent: string;
  children: { epcClass: string; grams: number }[];
  location: string;
  containerType: "sack" | "pallet";
}

/** Packing lots into a sack or pallet that gets a new SSCC (AggregationEvent ADD). */
export function packingEvent(p: Packing): Event {
  return {
    "@context": [EPCIS_CONTEXT, { lb: LUMBUNG_EPCIS_NAMESPACE }],
    type: "AggregationEvent",
    eventTime: wibTimestamp(p.at),
    eventTimeZoneOffset: "+07:00",
    action: "ADD",
    bizStep: "packing",
    disposition: "container_closed",
    parentID: p.parent,
    childQuantityList: p.children.map((c) => ({
      epcClass: c.epcClass,
      quantity: gramsToKilograms(c.grams),
      uom: "KGM",
    })),
    readPoint: { id: p.location },
    bizLocation: { id: p.location },
    "lb:containerType": p.containerType,
  };
}
