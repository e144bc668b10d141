import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { LegMode, Route } from "./domain/corridor";
import { STATUSES } from "./domain/status";

export type { LegMode, Route } from "./domain/corridor";

/** roro: truck → Pelabuhan Panjang → ro-ro ship → Tanjung Priok → truck; ferry: truck over Bakauheni–Merak. */
export const ROUTES = ["roro", "ferry", "direct"] as const satisfies readonly Route[];

export const SHIPMENT_STATUSES = STATUSES;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const LEG_MODES = ["truck", "roro", "ferry"] as const satisfies readonly LegMode[];

export const LEG_STATUSES = ["planned", "underway", "arrived"] as const;
export type LegStatus = (typeof LEG_STATUSES)[number];

/**
 * A despatch advice (surat jalan) from a shipper to a receiver. Its status, position and ETA are a
 * projection of the EPCIS events that carry its `desadv` business transaction.
 */
export const shipments = pgTable(
  "shipments",
  {
    id: text("id").primaryKey(),
    /** Human number printed on the surat jalan, e.g. SJ-202611-000123. */
    number: text("number").notNull(),
    /** The bizTransaction value events carry (type desadv). */
    desadv: text("desadv").notNull(),
    /** Purchase order reference (bizTransaction type po), when the shipment answers one. */
    poReference: text("po_reference"),
    shipperOrganisationId: text("shipper_organisation_id").notNull(),
    receiverOrganisationId: text("receiver_organisation_id").notNull(),
    originSgln: text("origin_sgln").notNull(),
    originName: text("origin_name").notNull(),
    destinationSgln: text("destination_sgln").notNull(),
    destinationName: text("destination_name").notNull(),
    route: text("route").$type<Route>().notNull(),
    status: text("status").$type<ShipmentStatus>().notNull(),
    /** Where the goods were last seen (SGLN) and the leg they are on. */
    currentSgln: text("current_sgln"),
    currentLegSeq: integer("current_leg_seq"),
    eta: timestamp("eta", { withTimezone: true }),
    heldReason: text("held_reason"),
    notes: text("notes"),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("shipments_number_key").on(t.number),
    uniqueIndex("shipments_desadv_key").on(t.desadv),
    index("shipments_shipper_idx").on(t.shipperOrganisationId, t.createdAt),
    index("shipments_receiver_idx").on(t.receiverOrganisationId, t.createdAt),
    index("shipments_current_idx").on(t.currentSgln, t.status),
  ],
);

/** What a shipment carries: a lot (LGTIN class, by mass) or a container (SSCC, with its mass). */
export const shipmentLines = pgTable(
  "shipment_lines",
  {
    id: text("id").primaryKey(),
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    /** `urn:epc:class:lgtin:…` or `urn:epc:id:sscc:…` */
    epc: text("epc").notNull(),
    kind: text("kind").$type<"lot" | "container">().notNull(),
    commodityCode: text("commodity_code"),
    description: text("description").notNull(),
    shippedGrams: bigint("shipped_grams", { mode: "number" }).notNull(),
    /** Set by proof of delivery: accepted + rejected = shipped. */
    acceptedGrams: bigint("accepted_grams", { mode: "number" }),
    rejectedGrams: bigint("rejected_grams", { mode: "number" }),
    rejectionReason: text("rejection_reason"),
  },
  (t) => [
    uniqueIndex("shipment_lines_no_key").on(t.shipmentId, t.lineNo),
    index("shipment_lines_epc_idx").on(t.epc),
  ],
);

/** One stretch of the journey by one carrier and vehicle. */
export const shipmentLegs = pgTable(
  "shipment_legs",
  {
    id: text("id").primaryKey(),
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    mode: text("mode").$type<LegMode>().notNull(),
    fromSgln: text("from_sgln").notNull(),
    fromName: text("from_name").notNull(),
    toSgln: text("to_sgln").notNull(),
    toName: text("to_name").notNull(),
    carrierOrganisationId: text("carrier_organisation_id"),
    carrierName: text("carrier_name").notNull(),
    /** Plate number of a truck, name of a ship or ferry. */
    vehicle: text("vehicle").notNull(),
    /** Bill of lading / consignment note number (bizTransaction type bol). */
    bolNumber: text("bol_number"),
    plannedDeparture: timestamp("planned_departure", { withTimezone: true }).notNull(),
    plannedArrival: timestamp("planned_arrival", { withTimezone: true }).notNull(),
    actualDeparture: timestamp("actual_departure", { withTimezone: true }),
    actualArrival: timestamp("actual_arrival", { withTimezone: true }),
    eta: timestamp("eta", { withTimezone: true }),
    status: text("status").$type<LegStatus>().notNull(),
  },
  (t) => [
    uniqueIndex("shipment_legs_seq_key").on(t.shipmentId, t.seq),
    index("shipment_legs_carrier_idx").on(t.carrierOrganisationId),
  ],
);

/** Every event that moved a shipment, in order: its timeline. */
export const shipmentHistory = pgTable(
  "shipment_history",
  {
    id: text("id").primaryKey(),
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    eventPk: text("event_pk").notNull(),
    eventId: text("event_id").notNull(),
    bizStep: text("biz_step"),
    disposition: text("disposition"),
    sgln: text("sgln"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    note: text("note"),
    /** Projection order: events of one instant (dispatch and departure) keep the order they were captured in. */
    position: bigserial("position", { mode: "number" }).notNull(),
  },
  (t) => [
    index("shipment_history_shipment_idx").on(t.shipmentId, t.at),
    uniqueIndex("shipment_history_event_key").on(t.shipmentId, t.eventPk),
  ],
);

/** A shipment's stay at a hub: arrival, inspection, hold, departure; what queues and dwell times read. */
export const hubVisits = pgTable(
  "hub_visits",
  {
    id: text("id").primaryKey(),
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    /** The hub site's SGLN (extension 0). */
    hubSgln: text("hub_sgln").notNull(),
    arrivedAt: timestamp("arrived_at", { withTimezone: true }).notNull(),
    inspectedAt: timestamp("inspected_at", { withTimezone: true }),
    /** conformant, non_conformant, damaged */
    inspectionOutcome: text("inspection_outcome"),
    inspectionNote: text("inspection_note"),
    heldAt: timestamp("held_at", { withTimezone: true }),
    holdReason: text("hold_reason"),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    /** Holds during the visit and the time they lasted (released ones), for the hub's figures. */
    holdCount: integer("hold_count").notNull().default(0),
    heldSeconds: bigint("held_seconds", { mode: "number" }).notNull().default(0),
    /** Mass found missing at inspection, against what was shipped. */
    inspectionLossGrams: bigint("inspection_loss_grams", { mode: "number" }),
    /** Staged at the outbound dock (cross-dock) for the next leg. */
    stagedAt: timestamp("staged_at", { withTimezone: true }),
    departedAt: timestamp("departed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("hub_visits_shipment_hub_key").on(t.shipmentId, t.hubSgln),
    index("hub_visits_hub_idx").on(t.hubSgln, t.departedAt),
  ],
);

/** The receiver's proof of delivery; custody passes to the receiver when it is recorded. */
export const proofsOfDelivery = pgTable("proofs_of_delivery", {
  id: text("id").primaryKey(),
  shipmentId: text("shipment_id")
    .notNull()
    .unique()
    .references(() => shipments.id, { onDelete: "cascade" }),
  /** The receiving advice number (bizTransaction type recadv). */
  recadv: text("recadv").notNull(),
  receivedBy: text("received_by").notNull(),
  receiverName: text("receiver_name"),
  /** Optional evidence as data: URLs (JPEG/PNG), size-checked on entry. */
  photo: text("photo"),
  signature: text("signature"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
});

/**
 * Sacks and pallets packed with lots (AggregationEvent ADD, packing): a projection of the packing
 * events, so a shipper can pick its containers and the mass of each is known.
 */
export const packedContainers = pgTable(
  "packed_containers",
  {
    id: text("id").primaryKey(),
    /** `urn:epc:id:sscc:…` */
    epc: text("epc").notNull(),
    /** The organisation that packed it (captured the packing event). */
    organisationId: text("organisation_id"),
    containerType: text("container_type"),
    /** What it holds now: packed lots less unpacked ones. */
    grams: bigint("grams", { mode: "number" }).notNull(),
    location: text("location"),
    packedAt: timestamp("packed_at", { withTimezone: true }).notNull(),
    eventId: text("event_id").notNull(),
  },
  (t) => [
    uniqueIndex("packed_containers_epc_key").on(t.epc),
    index("packed_containers_organisation_idx").on(t.organisationId, t.packedAt),
  ],
);

export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentLineRow = typeof shipmentLines.$inferSelect;
export type ShipmentLegRow = typeof shipmentLegs.$inferSelect;
export type HubVisitRow = typeof hubVisits.$inferSelect;
export type ShipmentHistoryRow = typeof shipmentHistory.$inferSelect;
export type PackedContainerRow = typeof packedContainers.$inferSelect;
