import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const ZONE_KINDS = ["dry", "cold"] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/**
 * A zone of a shared warehouse (gudang bersama). Events name it as the site's SGLN with the zone
 * code as extension (`urn:epc:id:sgln:P.L.<code>`); the receiving dock is the extension `dock`.
 */
export const warehouseZones = pgTable(
  "warehouse_zones",
  {
    id: text("id").primaryKey(),
    siteCode: text("site_code").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").$type<ZoneKind>().notNull(),
    capacityKg: bigint("capacity_kg", { mode: "number" }).notNull(),
    palletPlaces: integer("pallet_places").notNull(),
    sgln: text("sgln").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("warehouse_zones_site_code_key").on(t.siteCode, t.code),
    uniqueIndex("warehouse_zones_sgln_key").on(t.sgln),
  ],
);

/** An organisation (BUMD, koperasi, UMKM) that keeps stock in a shared warehouse. */
export const warehouseTenants = pgTable(
  "warehouse_tenants",
  {
    id: text("id").primaryKey(),
    siteCode: text("site_code").notNull(),
    organisationId: text("organisation_id").notNull(),
    since: date("since").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("warehouse_tenants_site_org_key").on(t.siteCode, t.organisationId)],
);

/** Space a tenant reserves in a zone for a date range; bookings may not exceed the zone's capacity. */
export const capacityBookings = pgTable(
  "capacity_bookings",
  {
    id: text("id").primaryKey(),
    zoneId: text("zone_id")
      .notNull()
      .references(() => warehouseZones.id),
    tenantOrganisationId: text("tenant_organisation_id").notNull(),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date").notNull(),
    kg: bigint("kg", { mode: "number" }).notNull(),
    pallets: integer("pallets").notNull(),
    status: text("status").$type<"confirmed" | "cancelled">().notNull(),
    note: text("note"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("capacity_bookings_zone_idx").on(t.zoneId, t.fromDate),
    index("capacity_bookings_tenant_idx").on(t.tenantOrganisationId),
    check("capacity_bookings_range", sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

export const STOCK_STATES = ["available", "held"] as const;
export type StockState = (typeof STOCK_STATES)[number];

/**
 * Stock on hand per tenant, site, location (zone code, or `dock` before put-away), identifier (LGTIN
 * class or SSCC) and state: the projection of the events, never below zero.
 */
export const stockBalances = pgTable(
  "stock_balances",
  {
    id: text("id").primaryKey(),
    tenantOrganisationId: text("tenant_organisation_id").notNull(),
    siteCode: text("site_code").notNull(),
    location: text("location").notNull(),
    epc: text("epc").notNull(),
    commodityCode: text("commodity_code"),
    state: text("state").$type<StockState>().notNull(),
    grams: bigint("grams", { mode: "number" }).notNull(),
    expiryDate: date("expiry_date"),
    firstReceivedAt: timestamp("first_received_at", { withTimezone: true }).notNull(),
    lastMovedAt: timestamp("last_moved_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("stock_balances_key").on(t.tenantOrganisationId, t.siteCode, t.location, t.epc, t.state),
    index("stock_balances_site_idx").on(t.siteCode, t.commodityCode),
    index("stock_balances_epc_idx").on(t.epc),
    check("stock_balances_not_negative", sql`${t.grams} >= 0`),
  ],
);

export const MOVEMENT_KINDS = [
  "receipt",
  "putaway",
  "move",
  "pick",
  "issue",
  "adjustment",
  "count",
  "hold",
  "release",
  "destroy",
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The stock ledger: every change of a balance, with the event that caused it. Append-only. */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: text("id").primaryKey(),
    tenantOrganisationId: text("tenant_organisation_id").notNull(),
    siteCode: text("site_code").notNull(),
    location: text("location").notNull(),
    epc: text("epc").notNull(),
    commodityCode: text("commodity_code"),
    state: text("state").$type<StockState>().notNull(),
    kind: text("kind").$type<MovementKind>().notNull(),
    deltaGrams: bigint("delta_grams", { mode: "number" }).notNull(),
    balanceAfterGrams: bigint("balance_after_grams", { mode: "number" }).notNull(),
    reason: text("reason"),
    eventPk: text("event_pk").notNull(),
    eventId: text("event_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("stock_movements_tenant_epc_idx").on(t.tenantOrganisationId, t.epc, t.at),
    index("stock_movements_tenant_commodity_idx").on(t.tenantOrganisationId, t.commodityCode, t.at),
    index("stock_movements_site_idx").on(t.siteCode, t.at),
  ],
);

export type ZoneRow = typeof warehouseZones.$inferSelect;
export type StockBalanceRow = typeof stockBalances.$inferSelect;
export type StockMovementRow = typeof stockMovements.$inferSelect;
