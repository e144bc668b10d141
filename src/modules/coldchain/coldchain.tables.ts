import { doublePrecision, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The storage and transport conditions a commodity needs, with the source of the figures. */
export const commodityThresholds = pgTable("commodity_thresholds", {
  commodityCode: text("commodity_code").primaryKey(),
  minCelsius: doublePrecision("min_celsius"),
  maxCelsius: doublePrecision("max_celsius"),
  maxRelativeHumidity: doublePrecision("max_relative_humidity"),
  source: text("source").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** A reading outside a commodity's thresholds, per identifier it concerns (lot or container). */
export const excursions = pgTable(
  "excursions",
  {
    id: text("id").primaryKey(),
    eventPk: text("event_pk").notNull(),
    eventId: text("event_id").notNull(),
    epc: text("epc").notNull(),
    commodityCode: text("commodity_code").notNull(),
    /** Temperature or RelativeHumidity (CBV sensor measurement types). */
    measurement: text("measurement").notNull(),
    value: doublePrecision("value").notNull(),
    /**
     * CEL for temperature and P1 (percent) for relative humidity, UN/ECE Recommendation 20 codes as
     * EPCIS uses them; readings in FAH or KEL are converted to CEL before they are compared and stored.
     */
    uom: text("uom").notNull(),
    limit: doublePrecision("limit").notNull(),
    direction: text("direction").$type<"above" | "below">().notNull(),
    sgln: text("sgln"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Organisations that took part in the event: who may read the excursion besides dinas and admins. */
    participants: text("participants").array().notNull().default([]),
  },
  (t) => [index("excursions_epc_idx").on(t.epc, t.at), index("excursions_event_idx").on(t.eventPk)],
);

export type ThresholdRow = typeof commodityThresholds.$inferSelect;
export type ExcursionRow = typeof excursions.$inferSelect;
