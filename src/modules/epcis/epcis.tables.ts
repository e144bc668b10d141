import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every captured EPCIS event, whole (`body`, as captured plus eventID and recordTime), with the
 * fields queries filter on lifted into columns in canonical form (full CBV URIs).
 */
export const epcisEvents = pgTable(
  "epcis_events",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull().unique(),
    eventType: text("event_type").notNull(),
    eventTime: timestamp("event_time", { withTimezone: true, precision: 3 }).notNull(),
    recordTime: timestamp("record_time", { withTimezone: true, precision: 3 }).notNull(),
    action: text("action"),
    bizStep: text("biz_step"),
    disposition: text("disposition"),
    readPoint: text("read_point"),
    bizLocation: text("biz_location"),
    /** `<canonical type> <id>` per bizTransaction, source and destination, for EQ_bizTransaction_<type> etc. */
    bizTransactions: text("biz_transactions").array().notNull(),
    sources: text("sources").array().notNull(),
    destinations: text("destinations").array().notNull(),
    hasErrorDeclaration: boolean("has_error_declaration").notNull().default(false),
    captureId: text("capture_id").notNull(),
    capturedBy: text("captured_by"),
    /** prefix → IRI for the extension fields this event uses, to rebuild a query document's @context. */
    namespaces: jsonb("namespaces").$type<Record<string, string>>().notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("epcis_events_event_time_idx").on(t.eventTime),
    index("epcis_events_record_time_idx").on(t.recordTime),
    index("epcis_events_biz_step_idx").on(t.bizStep),
    index("epcis_events_biz_location_idx").on(t.bizLocation),
    index("epcis_events_read_point_idx").on(t.readPoint),
    // EQ_bizTransaction_<type>, EQ_source_/EQ_destination_<type> are array overlaps: GIN turns a
    // 1.2 s scan at 1M events into < 1 ms (docs/benchmarks.md).
    index("epcis_events_biz_transactions_idx").using("gin", t.bizTransactions),
    index("epcis_events_sources_idx").using("gin", t.sources),
    index("epcis_events_destinations_idx").using("gin", t.destinations),
  ],
);

export const EPC_ROLES = [
  "epc",
  "parent",
  "child",
  "input",
  "output",
  "class",
  "childClass",
  "inputClass",
  "outputClass",
] as const;
export type EpcRole = (typeof EPC_ROLES)[number];

/** One row per identifier an event names, by role: what MATCH_* queries and traces walk. */
export const epcisEventEpcs = pgTable(
  "epcis_event_epcs",
  {
    eventPk: text("event_pk")
      .notNull()
      .references(() => epcisEvents.id, { onDelete: "cascade" }),
    epc: text("epc").notNull(),
    role: text("role").$type<EpcRole>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventPk, t.epc, t.role] }),
    // text_pattern_ops also serves `LIKE 'prefix%'` (urn:epc:idpat patterns) under a non-C collation;
    // event_pk makes lists of a GTIN's lots index-only scans (250–450 → 64–98 ms, docs/benchmarks.md).
    index("epcis_event_epcs_epc_idx").on(t.epc.op("text_pattern_ops"), t.role, t.eventPk),
  ],
);

/** Organisations that took part in an event; they (and admins) may read it. */
export const epcisParticipants = pgTable(
  "epcis_participants",
  {
    eventPk: text("event_pk")
      .notNull()
      .references(() => epcisEvents.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventPk, t.organisationId] }),
    index("epcis_participants_org_idx").on(t.organisationId),
  ],
);

export const epcisCaptures = pgTable("epcis_captures", {
  id: text("id").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  running: boolean("running").notNull(),
  success: boolean("success").notNull(),
  errorBehaviour: text("error_behaviour").$type<"rollback" | "proceed">().notNull(),
  eventCount: integer("event_count").notNull(),
  storedCount: integer("stored_count").notNull().default(0),
  errors: jsonb("errors").$type<{ eventIndex: number | null; field: string; message: string }[]>().notNull(),
  capturedBy: text("captured_by"),
  organisationId: text("organisation_id"),
});
