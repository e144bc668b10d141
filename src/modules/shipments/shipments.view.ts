/** How shipments are shown over the API: plain JSON with kilograms and ISO times. */
import { gs1 } from "../lots";
import { glnKey } from "./domain/codes";
import { kilograms } from "./domain/mass";
import type {
  HubVisitRow,
  ShipmentHistoryRow,
  ShipmentLegRow,
  ShipmentLineRow,
  ShipmentRow,
} from "./shipments.tables";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const kgOrNull = (g: number | null) => (g === null ? null : kilograms(g));

/** Names of the places a shipment names, by GLN key: its origin, destination and leg ends, and sites. */
export function placeNames(
  s: ShipmentRow,
  legs: ShipmentLegRow[],
  sites: { sgln: string | null; name: string }[] = [],
) {
  const names = new Map<string, string>();
  const add = (sgln: string | null, name: string) => {
    const key = sgln ? glnKey(sgln) : null;
    if (key && !names.has(key)) names.set(key, name);
  };
  add(s.originSgln, s.originName);
  add(s.destinationSgln, s.destinationName);
  for (const l of legs) {
    add(l.fromSgln, l.fromName);
    add(l.toSgln, l.toName);
  }
  for (const site of sites) add(site.sgln, site.name);
  return (sgln: string | null) => {
    const key = sgln ? glnKey(sgln) : null;
    return key ? (names.get(key) ?? null) : null;
  };
}

/** The GS1 Digital Link a label's QR carries for a lot or SSCC (undefined for other identifiers). */
export function digitalLinkOf(resolver: string, epc: string): string | null {
  try {
    return gs1.epcUriToDigitalLink(resolver, epc) ?? null;
  } catch {
    return null;
  }
}

/** The 18 digits of an SSCC from its EPC URI. */
export function ssccDigits(epc: string): string | null {
  const m = /^urn:epc:id:sscc:(\d+)\.(\d)(\d*)$/.exec(epc);
  if (!m) return null;
  try {
    return gs1.sscc(m[1] as string, m[3] as string, m[2] as string);
  } catch {
    return null;
  }
}

export function lineView(l: ShipmentLineRow, resolver: string) {
  return {
    lineNo: l.lineNo,
    epc: l.epc,
    kind: l.kind,
    commodityCode: l.commodityCode,
    description: l.description,
    digitalLink: digitalLinkOf(resolver, l.epc),
    shippedKg: kilograms(l.shippedGrams),
    acceptedKg: kgOrNull(l.acceptedGrams),
    rejectedKg: kgOrNull(l.rejectedGrams),
    rejectionReason: l.rejectionReason,
  };
}

export function legView(l: ShipmentLegRow) {
  return {
    seq: l.seq,
    mode: l.mode,
    from: { sgln: l.fromSgln, name: l.fromName },
    to: { sgln: l.toSgln, name: l.toName },
    carrier: { id: l.carrierOrganisationId, name: l.carrierName },
    vehicle: l.vehicle,
    bol: l.bolNumber,
    plannedDeparture: l.plannedDeparture.toISOString(),
    plannedArrival: l.plannedArrival.toISOString(),
    actualDeparture: iso(l.actualDeparture),
    actualArrival: iso(l.actualArrival),
    eta: iso(l.actualArrival ? null : l.eta),
    status: l.status,
  };
}

export function summaryView(
  s: ShipmentRow,
  lines: ShipmentLineRow[],
  legs: ShipmentLegRow[],
  names: Map<string, string>,
  placeName: (sgln: string | null) => string | null,
) {
  const shipped = lines.reduce((sum, l) => sum + l.shippedGrams, 0);
  const accepted = lines.some((l) => l.acceptedGrams !== null)
    ? lines.reduce((sum, l) => sum + (l.acceptedGrams ?? 0), 0)
    : null;
  const rejected = lines.some((l) => l.rejectedGrams !== null)
    ? lines.reduce((sum, l) => sum + (l.rejectedGrams ?? 0), 0)
    : null;
  return {
    id: s.id,
    number: s.number,
    status: s.status,
    route: s.route,
    shipper: {
      id: s.shipperOrganisationId,
      name: names.get(s.shipperOrganisationId) ?? s.shipperOrganisationId,
    },
    receiver: {
      id: s.receiverOrganisationId,
      name: names.get(s.receiverOrganisationId) ?? s.receiverOrganisationId,
    },
    origin: { sgln: s.originSgln, name: s.originName },
    destination: { sgln: s.destinationSgln, name: s.destinationName },
    current: s.currentSgln
      ? { sgln: s.currentSgln, name: placeName(s.currentSgln), legSeq: s.currentLegSeq }
      : null,
    plannedDeparture: legs[0]?.plannedDeparture.toISOString() ?? null,
    plannedArrival: legs.at(-1)?.plannedArrival.toISOString() ?? null,
    eta: iso(s.eta),
    heldReason: s.heldReason,
    dispatchedAt: iso(s.dispatchedAt),
    deliveredAt: iso(s.deliveredAt),
    createdAt: s.createdAt.toISOString(),
    totals: {
      lines: lines.length,
      shippedKg: kilograms(shipped),
      acceptedKg: kgOrNull(accepted),
      rejectedKg: kgOrNull(rejected),
    },
  };
}

export function historyView(h: ShipmentHistoryRow, placeName: (sgln: string | null) => string | null) {
  return {
    at: h.at.toISOString(),
    eventId: h.eventId,
    bizStep: h.bizStep,
    disposition: h.disposition,
    place: h.sgln ? { sgln: h.sgln, name: placeName(h.sgln) } : null,
    note: h.note,
  };
}

export function visitView(v: HubVisitRow, placeName: (sgln: string | null) => string | null, now: Date) {
  const end = v.departedAt ?? now;
  return {
    hub: { sgln: v.hubSgln, name: placeName(v.hubSgln) },
    arrivedAt: v.arrivedAt.toISOString(),
    inspectedAt: iso(v.inspectedAt),
    inspectionOutcome: v.inspectionOutcome,
    inspectionNote: v.inspectionNote,
    inspectionLossKg: kgOrNull(v.inspectionLossGrams),
    heldAt: iso(v.heldAt),
    holdReason: v.holdReason,
    releasedAt: iso(v.releasedAt),
    stagedAt: iso(v.stagedAt),
    departedAt: iso(v.departedAt),
    dwellMinutes: Math.max(0, Math.round((end.getTime() - v.arrivedAt.getTime()) / 60_000)),
  };
}
