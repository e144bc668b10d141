import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** One side of a run as the event gave it: an identifier, its mass when known, its commodity when known. */
export interface RunItem {
  epc: string;
  grams: number | null;
  commodityCode: string | null;
  /** The container (SSCC) the event named, when the lot was counted by what was packed in it. */
  via?: string;
}

/**
 * A processing step (hilirisasi) and the yield it should give, in basis points of input mass
 * (cassava → tapioca 2000–3000 = 20–30%), with the source of the figures.
 */
export const processes = pgTable("processes", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  inputCommodityCode: text("input_commodity_code").notNull(),
  outputCommodityCode: text("output_commodity_code").notNull(),
  minYieldBp: integer("min_yield_bp").notNull(),
  maxYieldBp: integer("max_yield_bp").notNull(),
  source: text("source").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/**
 * One TransformationEvent seen as a production run, with its mass balance. Written by projection,
 * so runs captured straight through /epcis are checked too.
 */
export const productionRuns = pgTable(
  "production_runs",
  {
    id: text("id").primaryKey(),
    eventPk: text("event_pk").notNull(),
    eventId: text("event_id").notNull(),
    organisationId: text("organisation_id"),
    /** null when no configured process matches the input and output commodities. */
    processCode: text("process_code"),
    /** The production order (bizTransaction type prodorder), when given. */
    productionOrder: text("production_order"),
    siteSgln: text("site_sgln"),
    inputEpcs: text("input_epcs").array().notNull(),
    outputEpcs: text("output_epcs").array().notNull(),
    inputGrams: bigint("input_grams", { mode: "number" }).notNull(),
    outputGrams: bigint("output_grams", { mode: "number" }).notNull(),
    /** Output / input mass in basis points; null when either side has no mass. */
    yieldBp: integer("yield_bp"),
    flagged: boolean("flagged").notNull(),
    flagReason: text("flag_reason"),
    /** The process's yield range when the run was checked (ranges change; a run keeps its verdict). */
    minYieldBp: integer("min_yield_bp"),
    maxYieldBp: integer("max_yield_bp"),
    inputs: jsonb("inputs").$type<RunItem[]>().notNull().default([]),
    outputs: jsonb("outputs").$type<RunItem[]>().notNull().default([]),
    /** Organisations that took part in the event: who may read the run besides dinas and admins. */
    participants: text("participants").array().notNull().default([]),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("production_runs_event_key").on(t.eventPk),
    index("production_runs_event_id_idx").on(t.eventId),
    index("production_runs_org_idx").on(t.organisationId, t.at),
    index("production_runs_flagged_idx").on(t.flagged, t.at),
  ],
);

export type ProcessRow = typeof processes.$inferSelect;
export type ProductionRunRow = typeof productionRuns.$inferSelect;
