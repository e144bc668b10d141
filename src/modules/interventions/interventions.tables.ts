import { sql } from "drizzle-orm";
import { bigint, date, index, jsonb, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const RECOMMENDATION_KINDS = ["release_stock", "ship_forward", "buy_at_harvest"] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const RECOMMENDATION_STATUSES = ["open", "approved", "rejected", "superseded"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * An action Lumbung proposes from the alerts and the supply position, with its figures and reasons as
 * they were when it was proposed. `fingerprint` names the situation, so a recompute refreshes the open
 * proposal instead of adding another.
 */
export const recommendations = pgTable(
  "recommendations",
  {
    id: text("id").primaryKey(),
    kind: text("kind").$type<RecommendationKind>().notNull(),
    fingerprint: text("fingerprint").notNull(),
    commodityCode: text("commodity_code").notNull(),
    /** The province whose prices the action is meant to calm. */
    regionCode: text("region_code").notNull(),
    status: text("status").$type<RecommendationStatus>().notNull(),
    quantityKg: bigint("quantity_kg", { mode: "number" }).notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    /** Who holds the goods and where they go: site codes, organisations, markets and kg each. */
    plan: jsonb("plan").notNull(),
    costRp: bigint("cost_rp", { mode: "number" }).notNull(),
    /** The estimate, its method and inputs, e.g. { pct: -4.2, method: "elasticity", … }. */
    expectedEffect: jsonb("expected_effect").notNull(),
    /** Bilingual sentences, most important first. */
    reasons: jsonb("reasons").notNull(),
    /** What it was computed from: alert ids, cover figures, prices. */
    basis: jsonb("basis").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: text("decided_by"),
    decidedByName: text("decided_by_name"),
    decisionNote: text("decision_note"),
  },
  (t) => [
    uniqueIndex("recommendations_open_key").on(t.fingerprint).where(sql`${t.status} = 'open'`),
    index("recommendations_status_idx").on(t.status, t.createdAt),
  ],
);

/**
 * The intervention ledger: every approved action, what it created in the corridor, and the prices
 * before it, so the effect is measured against what actually happened afterwards.
 */
export const interventions = pgTable(
  "interventions",
  {
    id: text("id").primaryKey(),
    recommendationId: text("recommendation_id")
      .notNull()
      .references(() => recommendations.id),
    kind: text("kind").$type<RecommendationKind>().notNull(),
    commodityCode: text("commodity_code").notNull(),
    regionCode: text("region_code").notNull(),
    quantityKg: bigint("quantity_kg", { mode: "number" }).notNull(),
    /** The day the action takes effect; prices before are the days before it, after are the days from it. */
    effectiveDate: date("effective_date").notNull(),
    /** Price series the effect is measured on: [{ marketId, regionCode, level }]. */
    watch: jsonb("watch").notNull(),
    /** Mean price of the watched series in the days before the action, and how many days it read. */
    priceBefore: jsonb("price_before").notNull(),
    expectedEffectPct: real("expected_effect_pct"),
    /** What approval created: [{ type: "shipment", id, number }]. */
    created: jsonb("created").notNull(),
    approvedBy: text("approved_by").notNull(),
    approvedByName: text("approved_by_name").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull(),
    note: text("note"),
  },
  (t) => [index("interventions_commodity_idx").on(t.commodityCode, t.effectiveDate)],
);
