import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * How much of a commodity a province eats and what normally reaches it, per commodity and province:
 * the parameters of the supply outlook. Every figure carries its source; officials change them.
 */
export const supplyPlans = pgTable(
  "supply_plans",
  {
    commodityCode: text("commodity_code").notNull(),
    /** A province (two-digit Kemendagri code). */
    regionCode: text("region_code").notNull(),
    dailyDemandKg: bigint("daily_demand_kg", { mode: "number" }).notNull(),
    /** The stock the province's BUMDs aim to hold, in days of demand. */
    targetCoverDays: integer("target_cover_days").notNull(),
    /**
     * Twelve numbers, January first: what the market normally brings in per month as a share of demand
     * (1 = balanced; below 1 the buffer stock makes up the difference, e.g. in the lean season).
     */
    inflowIndex: jsonb("inflow_index").$type<number[]>().notNull(),
    /** Twelve numbers, January first: kg a month Lampung partners can supply through the corridor (harvest profile). */
    lampungSupplyKg: jsonb("lampung_supply_kg").$type<number[]>().notNull(),
    /** Own-price elasticity of demand (negative), for the expected effect of added supply on price. */
    demandElasticity: real("demand_elasticity").notNull(),
    source: text("source").notNull(),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "supply_plans_pk", columns: [t.commodityCode, t.regionCode] })],
);

/**
 * Stock an organisation holds outside the warehouses Lumbung tracks (a BUMD's own depots), as it reported
 * it on a day. The latest report per organisation, commodity and province counts.
 */
export const supplyStockReports = pgTable(
  "supply_stock_reports",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id").notNull(),
    commodityCode: text("commodity_code").notNull(),
    regionCode: text("region_code").notNull(),
    kg: bigint("kg", { mode: "number" }).notNull(),
    asOf: date("as_of").notNull(),
    note: text("note"),
    reportedBy: text("reported_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("supply_stock_reports_key_idx").on(t.commodityCode, t.regionCode, t.organisationId, t.asOf)],
);
