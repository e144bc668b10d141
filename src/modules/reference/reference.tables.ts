import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const REGION_LEVELS = ["province", "regency", "district", "village"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Kemendagri administrative areas (codes like 18, 18.71, 18.71.01, 18.71.01.1001). */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: text("level").$type<RegionLevel>().notNull(),
    parentCode: text("parent_code"),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode), index("regions_level_idx").on(t.level)],
);

export const SITE_KINDS = ["hub", "warehouse", "market", "farm", "mill", "port"] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Physical places food passes through; the corridor module gives them GLNs. */
export const sites = pgTable(
  "sites",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").$type<SiteKind>().notNull(),
    regionCode: text("region_code").notNull(),
    address: text("address").notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    operatorOrganisationId: text("operator_organisation_id"),
    source: text("source"),
    /** GLN of the site (issued under the platform prefix at start), and its SGLN with extension 0. */
    gln: text("gln"),
    sgln: text("sgln"),
  },
  (t) => [
    uniqueIndex("sites_code_key").on(t.code),
    index("sites_kind_idx").on(t.kind),
    uniqueIndex("sites_gln_key").on(t.gln),
  ],
);

export const commodities = pgTable("commodities", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  category: text("category").notNull(),
  /** Unit prices are quoted in (kg, liter, ekor…); stock is counted in grams or this unit. */
  unit: text("unit").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const REFERENCE_PRICE_KINDS = ["HET", "HAP", "HPP"] as const;
export type ReferencePriceKind = (typeof REFERENCE_PRICE_KINDS)[number];

/** Government reference prices with their legal basis and the date they take effect. */
export const referencePrices = pgTable(
  "reference_prices",
  {
    id: text("id").primaryKey(),
    commodityCode: text("commodity_code")
      .notNull()
      .references(() => commodities.code),
    kind: text("kind").$type<ReferencePriceKind>().notNull(),
    level: text("level").$type<"consumer" | "producer">().notNull(),
    /** HET zone (e.g. "I": Java, Lampung, Sumatera Selatan, Bali, NTB); null when national. */
    zone: text("zone"),
    minPrice: integer("min_price"),
    maxPrice: integer("max_price").notNull(),
    unit: text("unit").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    unique("reference_prices_key")
      .on(t.commodityCode, t.kind, t.level, t.zone, t.effectiveFrom)
      .nullsNotDistinct(),
    index("reference_prices_commodity_idx").on(t.commodityCode),
  ],
);
