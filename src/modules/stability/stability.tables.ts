import { sql } from "drizzle-orm";
import { date, index, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables";
import type { StabilityLevel } from "./domain/types";

type PriceLevel = "producer" | "wholesale" | "retail";

/** The latest indicators of every price series, rewritten whenever the series is recomputed. */
export const stabilityIndicators = pgTable(
  "stability_indicators",
  {
    id: text("id").primaryKey(),
    commodityCode: text("commodity_code").notNull(),
    regionCode: text("region_code").notNull(),
    marketId: text("market_id"),
    priceLevel: text("price_level").$type<PriceLevel>().notNull(),
    /** Date of the latest price the indicators read; null when the series has none. */
    asOf: date("as_of"),
    level: text("level").$type<StabilityLevel>().notNull(),
    reasonId: text("reason_id").notNull(),
    reasonEn: text("reason_en").notNull(),
    /** Per method: its figures, or `eligible: false` and the reason. */
    indicators: jsonb("indicators").notNull(),
    findings: jsonb("findings").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("stability_indicators_series")
      .on(t.commodityCode, t.regionCode, t.marketId, t.priceLevel)
      .nullsNotDistinct(),
    index("stability_indicators_region_idx").on(t.regionCode),
  ],
);

/**
 * One row per series that has been raised above normal. An episode runs from `raisedAt` until the series
 * is back to normal (`clearedAt`); a later rise reopens the same row as a new episode.
 */
export const stabilityAlerts = pgTable(
  "stability_alerts",
  {
    id: text("id").primaryKey(),
    commodityCode: text("commodity_code").notNull(),
    regionCode: text("region_code").notNull(),
    marketId: text("market_id"),
    priceLevel: text("price_level").$type<PriceLevel>().notNull(),
    asOf: date("as_of"),
    level: text("level").$type<StabilityLevel>().notNull(),
    reasonId: text("reason_id").notNull(),
    reasonEn: text("reason_en").notNull(),
    findings: jsonb("findings").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
  },
  (t) => [
    unique("stability_alerts_series")
      .on(t.commodityCode, t.regionCode, t.marketId, t.priceLevel)
      .nullsNotDistinct(),
    index("stability_alerts_open_idx").on(t.level).where(sql`${t.clearedAt} is null`),
  ],
);

/** An official's standing request to hear of alerts; null commodity or region means all. */
export const stabilitySubscriptions = pgTable(
  "stability_subscriptions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    commodityCode: text("commodity_code"),
    /** A region covers the regions below it (a province subscription hears of its markets). */
    regionCode: text("region_code"),
    minLevel: text("min_level").$type<StabilityLevel>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("stability_subscriptions_scope").on(t.userId, t.commodityCode, t.regionCode).nullsNotDistinct(),
  ],
);

/**
 * The highest level already sent to a subscription for a series during the current episode, so a
 * recompute does not notify again unless the level rises. Rows are removed when the series is normal.
 */
export const stabilityDeliveries = pgTable(
  "stability_deliveries",
  {
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => stabilitySubscriptions.id, { onDelete: "cascade" }),
    commodityCode: text("commodity_code").notNull(),
    regionCode: text("region_code").notNull(),
    marketId: text("market_id"),
    priceLevel: text("price_level").$type<PriceLevel>().notNull(),
    notifiedLevel: text("notified_level").$type<StabilityLevel>().notNull(),
  },
  (t) => [
    unique("stability_deliveries_key")
      .on(t.subscriptionId, t.commodityCode, t.regionCode, t.marketId, t.priceLevel)
      .nullsNotDistinct(),
  ],
);
