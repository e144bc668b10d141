import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const PRICE_LEVELS = ["producer", "wholesale", "retail"] as const;
export type PriceLevel = (typeof PRICE_LEVELS)[number];

export const OBSERVATION_STATUSES = ["accepted", "held", "rejected"] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** Where prices are observed: markets, wholesale centres and farm gates, with Kemendagri region codes. */
export const priceMarkets = pgTable(
  "price_markets",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    regionCode: text("region_code").notNull(),
    level: text("level").$type<PriceLevel>().notNull(),
    operator: text("operator"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
  },
  (t) => [
    uniqueIndex("price_markets_code_key").on(t.code),
    index("price_markets_region_idx").on(t.regionCode),
  ],
);

/**
 * One price per (commodity, region, market, level, date). `marketId` is null for a region-level figure
 * (Panel Harga's province averages); the unique index treats nulls as equal so re-imports stay idempotent.
 */
export const priceObservations = pgTable(
  "price_observations",
  {
    id: text("id").primaryKey(),
    commodityCode: text("commodity_code").notNull(),
    regionCode: text("region_code").notNull(),
    marketId: text("market_id"),
    level: text("level").$type<PriceLevel>().notNull(),
    date: date("date").notNull(),
    /** Integer rupiah per the commodity's unit. */
    price: integer("price").notNull(),
    status: text("status").$type<ObservationStatus>().notNull(),
    /** Why a held observation was held (e.g. the median it was compared with). */
    holdReason: jsonb("hold_reason").$type<Record<string, unknown>>(),
    source: text("source").notNull(),
    recordedBy: text("recorded_by"),
    organisationId: text("organisation_id"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    unique("price_observations_series_date_key")
      .on(t.commodityCode, t.regionCode, t.marketId, t.level, t.date)
      .nullsNotDistinct(),
    index("price_observations_date_idx").on(t.date, t.status),
    index("price_observations_status_idx").on(t.status),
  ],
);

/** Every change to a stored observation's price or status, kept so a figure can be explained later. */
export const priceObservationChanges = pgTable(
  "price_observation_changes",
  {
    id: text("id").primaryKey(),
    observationId: text("observation_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actor: text("actor"),
    action: text("action").$type<"update" | "accept" | "reject">().notNull(),
    oldPrice: integer("old_price"),
    newPrice: integer("new_price"),
    oldStatus: text("old_status"),
    newStatus: text("new_status"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("price_observation_changes_obs_idx").on(t.observationId)],
);
