import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { QuantityUnit } from "./domain/harvest-lot";
import type { ProductLotInput } from "./domain/product-lot";

/**
 * Number allocators: one row per scope (`gtin:<prefix>`, `gln:<prefix>`, `sscc:<prefix>`,
 * `lot:<organisation>:<harvest date>`), advanced with one `INSERT … ON CONFLICT DO UPDATE … RETURNING`
 * inside the transaction that uses the number. The row lock serialises concurrent allocations, and
 * a rolled-back transaction rolls its number back with it, so a committed number is never issued twice.
 */
export const gs1Counters = pgTable("gs1_counters", {
  scope: text("scope").primaryKey(),
  /** The last number issued in this scope. */
  lastValue: bigint("last_value", { mode: "number" }).notNull(),
});

/** A GTIN per (organisation, commodity), allocated the first time the organisation declares a lot of it. */
export const tradeItems = pgTable(
  "trade_items",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id").notNull(),
    commodityCode: text("commodity_code").notNull(),
    companyPrefix: text("company_prefix").notNull(),
    itemReference: text("item_reference").notNull(),
    /** GTIN-14 (indicator 0: the GTIN-13 in 14 digits). */
    gtin: text("gtin").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("trade_items_organisation_commodity_key").on(t.organisationId, t.commodityCode),
    uniqueIndex("trade_items_gtin_key").on(t.gtin),
  ],
);

/**
 * farm: where an organisation grows its lots; party: the organisation itself, as a PGLN in events;
 * works: where a processor without a corridor site of its own (a reference site it operates) makes
 * product lots.
 */
export const LOCATION_KINDS = ["farm", "party", "works"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** GLNs Lumbung allocated for organisations: one farm location and one party GLN (PGLN) each. */
export const gs1Locations = pgTable(
  "gs1_locations",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id").notNull(),
    kind: text("kind").$type<LocationKind>().notNull(),
    companyPrefix: text("company_prefix").notNull(),
    locationReference: text("location_reference").notNull(),
    gln: text("gln").notNull(),
    /** As events name it: `urn:epc:id:sgln:…` with extension 0 for a farm, `urn:epc:id:pgln:…` for a party. */
    sgln: text("sgln").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("gs1_locations_organisation_kind_key").on(t.organisationId, t.kind),
    uniqueIndex("gs1_locations_gln_key").on(t.gln),
  ],
);

/**
 * Harvest lots as declared. What the label prints (names of the commodity, village and koperasi) is
 * kept as it was on the day of declaration, so a reprinted label matches the first one.
 */
export const lots = pgTable(
  "lots",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id").notNull(),
    organisationName: text("organisation_name").notNull(),
    tradeItemId: text("trade_item_id")
      .notNull()
      .references(() => tradeItems.id),
    commodityCode: text("commodity_code").notNull(),
    commodityName: text("commodity_name").notNull(),
    gtin: text("gtin").notNull(),
    lotCode: text("lot_code").notNull(),
    /** `urn:epc:class:lgtin:<prefix>.<item ref>.<lot>` */
    lgtin: text("lgtin").notNull(),
    /** Exact mass in grams; `quantity` + `quantityUnit` are the figure as the koperasi wrote it. */
    quantityGrams: bigint("quantity_grams", { mode: "number" }).notNull(),
    quantity: text("quantity").notNull(),
    quantityUnit: text("quantity_unit").$type<QuantityUnit>().notNull(),
    harvestDate: date("harvest_date").notNull(),
    villageCode: text("village_code").notNull(),
    /** "Desa …, Kec. …, Kabupaten …" as Kemendagri named them on the day. */
    villageLabel: text("village_label").notNull(),
    grade: text("grade").notNull(),
    /** Integer rupiah per kg. */
    farmGatePrice: integer("farm_gate_price"),
    farmGln: text("farm_gln").notNull(),
    farmSgln: text("farm_sgln").notNull(),
    /** eventID of the commissioning ObjectEvent, written in the same transaction. */
    eventId: text("event_id").notNull(),
    declaredBy: text("declared_by").notNull(),
    idempotencyKey: text("idempotency_key"),
    /** SHA-256 of the declaration, to tell a retry from a different lot sent with a reused key. */
    requestHash: text("request_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One row per GTIN + lot; the LGTIN spells exactly that pair.
    uniqueIndex("lots_lgtin_key").on(t.lgtin),
    // NULL keys are distinct in PostgreSQL: lots declared without a key never collide here.
    uniqueIndex("lots_organisation_idempotency_key").on(t.organisationId, t.idempotencyKey),
    index("lots_organisation_harvest_idx").on(t.organisationId, t.harvestDate),
    index("lots_commodity_idx").on(t.commodityCode),
  ],
);

/**
 * Product lots: what a mill or roaster made in a production run (hilirisasi), under the processor's
 * GTIN for the output commodity. The TransformationEvent that made them is `eventId`; what the label
 * prints is kept as it was on the day, like a harvest lot's.
 */
export const productLots = pgTable(
  "product_lots",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id").notNull(),
    organisationName: text("organisation_name").notNull(),
    tradeItemId: text("trade_item_id")
      .notNull()
      .references(() => tradeItems.id),
    commodityCode: text("commodity_code").notNull(),
    commodityName: text("commodity_name").notNull(),
    gtin: text("gtin").notNull(),
    lotCode: text("lot_code").notNull(),
    /** `urn:epc:class:lgtin:<prefix>.<item ref>.<lot>` */
    lgtin: text("lgtin").notNull(),
    quantityGrams: bigint("quantity_grams", { mode: "number" }).notNull(),
    grade: text("grade").notNull(),
    productionDate: date("production_date").notNull(),
    processCode: text("process_code").notNull(),
    processName: text("process_name").notNull(),
    /** The production order number as the processor wrote it, when given. */
    productionOrder: text("production_order"),
    /** Where it was made (a site's or the processor's own works SGLN) and that place's name on the day. */
    siteSgln: text("site_sgln").notNull(),
    siteName: text("site_name").notNull(),
    /** The lots that went into the run, with their mass (all outputs of one run share them). */
    inputs: jsonb("inputs").$type<ProductLotInput[]>().notNull(),
    eventId: text("event_id").notNull(),
    declaredBy: text("declared_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("product_lots_lgtin_key").on(t.lgtin),
    index("product_lots_organisation_date_idx").on(t.organisationId, t.productionDate),
    index("product_lots_event_idx").on(t.eventId),
  ],
);

export type LotRow = typeof lots.$inferSelect;
export type ProductLotRow = typeof productLots.$inferSelect;
export type TradeItemRow = typeof tradeItems.$inferSelect;
export type LocationRow = typeof gs1Locations.$inferSelect;
