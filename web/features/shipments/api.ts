/** The shipments and hub API as these pages use it, on lib/api.ts's request. */
import { request as call, queryString as query } from "../../lib/api.ts";

export type Route = "roro" | "ferry" | "direct";
export type LegMode = "truck" | "roro" | "ferry";
export type ShipmentStatus =
  | "planned"
  | "in_transit"
  | "at_hub"
  | "held"
  | "arrived"
  | "delivered"
  | "partially_delivered"
  | "rejected"
  | "cancelled";
export const STATUSES: readonly ShipmentStatus[] = [
  "planned",
  "in_transit",
  "at_hub",
  "held",
  "arrived",
  "delivered",
  "partially_delivered",
  "rejected",
  "cancelled",
];
export type Role = "sent" | "received" | "carrying";

export interface Named {
  sgln: string;
  name: string;
}

export interface ShipmentSummary {
  id: string;
  number: string;
  status: ShipmentStatus;
  route: Route;
  shipper: { id: string; name: string };
  receiver: { id: string; name: string };
  origin: Named;
  destination: Named;
  current: { sgln: string; name: string | null; legSeq: number | null } | null;
  plannedDeparture: string | null;
  plannedArrival: string | null;
  eta: string | null;
  heldReason: string | null;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  totals: { lines: number; shippedKg: number; acceptedKg: number | null; rejectedKg: number | null };
}

export interface Leg {
  seq: number;
  mode: LegMode;
  from: Named;
  to: Named;
  carrier: { id: string | null; name: string };
  vehicle: string;
  bol: string | null;
  plannedDeparture: string;
  plannedArrival: string;
  actualDeparture: string | null;
  actualArrival: string | null;
  eta: string | null;
  status: "planned" | "underway" | "arrived";
}

export interface Line {
  lineNo: number;
  epc: string;
  kind: "lot" | "container";
  commodityCode: string | null;
  description: string;
  digitalLink: string | null;
  shippedKg: number;
  acceptedKg: number | null;
  rejectedKg: number | null;
  rejectionReason: string | null;
}

export interface HubVisit {
  hub: { sgln: string; name: string | null };
  arrivedAt: string;
  inspectedAt: string | null;
  inspectionOutcome: string | null;
  inspectionNote: string | null;
  inspectionLossKg: number | null;
  heldAt: string | null;
  holdReason: string | null;
  releasedAt: string | null;
  stagedAt: string | null;
  departedAt: string | null;
  dwellMinutes: number;
}

export interface Shipment extends ShipmentSummary {
  desadv: string;
  poReference: string | null;
  notes: string | null;
  lines: Line[];
  legs: Leg[];
  history: {
    at: string;
    eventId: string;
    bizStep: string | null;
    disposition: string | null;
    place: { sgln: string; name: string | null } | null;
    note: string | null;
  }[];
  hubVisits: HubVisit[];
  proofOfDelivery: {
    recadv: string;
    receiverName: string | null;
    receivedAt: string;
    photo: string | null;
    signature: string | null;
  } | null;
  excursions: {
    epc: string;
    measurement: string;
    value: number;
    uom: string;
    limit: number;
    direction: "above" | "below";
    at: string;
    place: { sgln: string; name: string | null } | null;
  }[];
  can: {
    dispatch: boolean;
    cancel: boolean;
    receive: boolean;
    departLeg: number | null;
    arriveLeg: number | null;
  };
}

export interface Party {
  id: string;
  name: string;
  kind: string;
  regionCode: string | null;
}

export interface PlannedLeg {
  seq: number;
  mode: LegMode;
  from: Named;
  to: Named;
  plannedDeparture: string;
  plannedArrival: string;
}

export type NewLine = { epc: string; kg: string } | { sscc: string };

export interface NewShipment {
  receiverOrganisationId: string;
  originSiteCode?: string;
  destinationSiteCode: string;
  route: Route;
  lines: NewLine[];
  poReference?: string;
  plannedDeparture: string;
  legs?: { seq: number; carrierOrganisationId?: string; carrierName?: string; vehicle?: string }[];
  notes?: string;
}

export interface ReceiptLine {
  lineNo: number;
  acceptedKg: number;
  rejectedKg: number;
  reason?: string;
  rejectedAs?: "non_conformant" | "damaged";
}

export interface Receipt {
  lines: ReceiptLine[];
  receiverName?: string;
  photo?: string;
  signature?: string;
}

export interface Container {
  epc: string;
  sscc: string | null;
  digitalLink: string | null;
  containerType: string | null;
  kg: number;
  location: string | null;
  packedAt: string;
  eventId: string;
  onShipment: string | null;
}

export interface Packed {
  sscc: string;
  epc: string;
  digitalLink: string;
  containerType: "sack" | "pallet";
  location: string | null;
  contents: { epcClass: string; kg: number }[];
  kg: number;
  eventId: string;
  packedAt: string;
}

export type VisitState = "arrived" | "inspected" | "held" | "staged";

export interface HubEntry {
  id: string;
  number: string;
  status: ShipmentStatus;
  shipper: { id: string; name: string };
  receiver: { id: string; name: string };
  destination: Named;
  shippedKg: number;
  lines: number;
  codes: string[];
  inbound: {
    seq: number;
    mode: string;
    from: string;
    carrier: string;
    vehicle: string;
    status: string;
    plannedArrival: string;
    eta: string;
  } | null;
  onward: {
    seq: number;
    mode: string;
    to: string;
    carrier: string;
    vehicle: string;
    plannedDeparture: string;
  } | null;
  visit: {
    state: VisitState;
    arrivedAt: string;
    dwellMinutes: number;
    inspectionOutcome: string | null;
    inspectionNote: string | null;
    inspectionLossKg: number | null;
    holdReason: string | null;
    heldAt: string | null;
    stagedAt: string | null;
  } | null;
}

export interface HubQueue {
  hub: { code: string; name: string; sgln: string };
  at: string;
  expected: HubEntry[];
  onSite: Record<VisitState, HubEntry[]>;
  counts: Record<VisitState | "expected", number>;
}

export interface ScanResult {
  code: string;
  kind: "shipment" | "epc" | "digital-link";
  shipments: { id: string; number: string; recorded: boolean; entry: HubEntry }[];
}

export interface HubStats {
  hub: { code: string; name: string };
  from: string;
  to: string;
  throughput: { arrivedShipments: number; arrivedKg: number; departedShipments: number; departedKg: number };
  dwell: { count: number; meanMinutes: number | null; p50Minutes: number | null; p90Minutes: number | null };
  holds: { shipments: number; holds: number; stillHeld: number; meanHoldMinutes: number | null };
}

export interface ShrinkageRow {
  key: string;
  label: string;
  shipments: number;
  shippedKg: number;
  acceptedKg: number;
  rejectedKg: number;
  shrinkageKg: number;
  shrinkagePct: number | null;
  inspectionLossKg: number;
}

export interface ShrinkageReport {
  from: string;
  to: string;
  total: ShrinkageRow;
  byRoute: ShrinkageRow[];
  byLegMode: ShrinkageRow[];
  byCarrier: ShrinkageRow[];
}

export interface DelayRow {
  key: string;
  label: string;
  legs: number;
  meanDelayMinutes: number | null;
  p90DelayMinutes: number | null;
  onTimePct: number | null;
}

export interface DelayReport {
  from: string;
  to: string;
  toleranceMinutes: number;
  total: DelayRow;
  byLegMode: DelayRow[];
  byCarrier: DelayRow[];
}

export interface SiteRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  regionName: string;
  operatorOrganisationId: string | null;
}

export interface MyLot {
  id: string;
  lgtin: string;
  lotCode: string;
  commodity: { code: string; name: string };
  quantity: { grams: number };
}

const enc = encodeURIComponent;

export const shipmentsApi = {
  list: (filters: { role?: Role | undefined; status?: ShipmentStatus | undefined }, cursor?: string) =>
    call<{ items: ShipmentSummary[]; nextCursor: string | null }>(
      "GET",
      `/api/v1/shipments${query({ role: filters.role, status: filters.status, cursor, limit: "25" })}`,
    ),
  get: (id: string) => call<Shipment>("GET", `/api/v1/shipments/${enc(id)}`),
  parties: () => call<{ receivers: Party[]; carriers: Party[] }>("GET", "/api/v1/shipments/parties"),
  plan: (q: {
    route: Route;
    originSiteCode?: string;
    destinationSiteCode: string;
    plannedDeparture: string;
  }) =>
    call<{ route: Route; legs: PlannedLeg[] }>(
      "GET",
      `/api/v1/shipments/plan${query({ ...q, plannedDeparture: q.plannedDeparture })}`,
    ),
  create: (body: NewShipment) => call<Shipment>("POST", "/api/v1/shipments", body),
  dispatch: (id: string) => call<Shipment>("POST", `/api/v1/shipments/${enc(id)}/dispatch`),
  cancel: (id: string) => call<Shipment>("POST", `/api/v1/shipments/${enc(id)}/cancel`),
  depart: (id: string, seq: number) =>
    call<Shipment>("POST", `/api/v1/shipments/${enc(id)}/legs/${seq}/depart`),
  arrive: (id: string, seq: number) =>
    call<Shipment>("POST", `/api/v1/shipments/${enc(id)}/legs/${seq}/arrive`),
  receive: (id: string, body: Receipt) =>
    call<Shipment>("POST", `/api/v1/shipments/${enc(id)}/receive`, body),
  pack: (body: {
    containerType: "sack" | "pallet";
    siteCode?: string;
    lines: { lotId?: string; epcClass?: string; kg: string }[];
  }) => call<Packed>("POST", "/api/v1/packing", body),
  containers: () => call<{ items: Container[] }>("GET", "/api/v1/packing"),
  sites: () => call<{ items: SiteRef[] }>("GET", "/api/v1/sites"),
  myLots: () => call<{ items: MyLot[] }>("GET", "/api/v1/lots?limit=200"),
  shrinkage: (from?: string, to?: string) =>
    call<ShrinkageReport>("GET", `/api/v1/shipments/reports/shrinkage${query({ from, to })}`),
  delays: (from?: string, to?: string) =>
    call<DelayReport>("GET", `/api/v1/shipments/reports/delays${query({ from, to })}`),
  hubQueue: (site: string) => call<HubQueue>("GET", `/api/v1/hubs/${enc(site)}/queue`),
  hubStats: (site: string) => call<HubStats>("GET", `/api/v1/hubs/${enc(site)}/stats`),
  hubScan: (site: string, code: string) =>
    call<ScanResult>("POST", `/api/v1/hubs/${enc(site)}/scan`, { code }),
  hubInspect: (
    site: string,
    id: string,
    body: {
      outcome: "conformant" | "non_conformant" | "damaged";
      reason?: string;
      lines?: { lineNo: number; kg: number }[];
    },
  ) => call<HubEntry>("POST", `/api/v1/hubs/${enc(site)}/shipments/${enc(id)}/inspect`, body),
  hubHold: (site: string, id: string, reason: string) =>
    call<HubEntry>("POST", `/api/v1/hubs/${enc(site)}/shipments/${enc(id)}/hold`, { reason }),
  hubRelease: (site: string, id: string, reason?: string) =>
    call<HubEntry>(
      "POST",
      `/api/v1/hubs/${enc(site)}/shipments/${enc(id)}/release`,
      reason ? { reason } : {},
    ),
  hubCrossDock: (site: string, id: string) =>
    call<HubEntry>("POST", `/api/v1/hubs/${enc(site)}/shipments/${enc(id)}/cross-dock`),
  hubDispatch: (site: string, id: string) =>
    call<HubEntry>("POST", `/api/v1/hubs/${enc(site)}/shipments/${enc(id)}/dispatch`),
};

export const suratJalanUrl = (id: string) => `/api/v1/shipments/${enc(id)}/surat-jalan.pdf`;
export const reportCsvUrl = (kind: "shrinkage" | "delays", from?: string, to?: string) =>
  `/api/v1/shipments/reports/${kind}${query({ from, to, format: "csv" })}`;
